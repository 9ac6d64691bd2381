import { describe, expect, it } from "vitest";

import { percentileRank, rankOf } from "./percentile-rank";

describe("percentileRank", () => {
  it("counts members below and half of the ties", () => {
    // 10 20 30 40: 30 has two below, one tie → (2 + 0.5) / 4 = 62.5
    expect(percentileRank([10, 20, 30, 40], 30)).toBe(62.5);
  });

  it("is 50 for the only member", () => {
    expect(percentileRank([42], 42)).toBe(50);
  });

  it("is null for an empty group", () => {
    expect(percentileRank([], 1)).toBeNull();
  });

  it("gives 0 and 100 outside the range", () => {
    expect(percentileRank([1, 2], 0)).toBe(0);
    expect(percentileRank([1, 2], 3)).toBe(100);
  });
});

describe("rankOf", () => {
  it("shares a rank between ties (1224)", () => {
    expect(rankOf([5, 7, 7, 9], 7)).toBe(2);
    expect(rankOf([5, 7, 7, 9], 9)).toBe(4);
    expect(rankOf([5, 7, 7, 9], 9, "descending")).toBe(1);
  });

  it("is null for an empty group", () => {
    expect(rankOf([], 3)).toBeNull();
  });
});
