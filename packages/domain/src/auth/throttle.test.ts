import { describe, expect, it } from "vitest";

import { lockSecondsAfter, MAX_LOCK_SECONDS } from "./throttle";

describe("lockSecondsAfter", () => {
  it("allows five failures, then doubles the wait", () => {
    expect([1, 2, 3, 4, 5].map(lockSecondsAfter)).toEqual([0, 0, 0, 0, 0]);
    expect([6, 7, 8, 9].map(lockSecondsAfter)).toEqual([1, 2, 4, 8]);
  });

  it("caps the wait at 15 minutes", () => {
    expect(lockSecondsAfter(100)).toBe(MAX_LOCK_SECONDS);
  });
});
