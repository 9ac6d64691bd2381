import { describe, expect, it } from "vitest";

import { median, quantile, quartiles } from "./descriptive";

describe("quantile (type 7)", () => {
  it("interpolates between closest ranks", () => {
    // Worked example: [1, 2, 3, 4] → positions 0.75, 1.5, 2.25
    expect(quartiles([4, 1, 3, 2])).toEqual({ q1: 1.75, median: 2.5, q3: 3.25 });
  });

  it("returns the member itself for a group of one", () => {
    expect(quartiles([7])).toEqual({ q1: 7, median: 7, q3: 7 });
  });

  it("returns null for an empty group", () => {
    expect(median([])).toBeNull();
    expect(quartiles([])).toBeNull();
  });

  it("handles ties and odd counts", () => {
    expect(median([5, 1, 5])).toBe(5);
    expect(quantile([10, 20, 30], 0)).toBe(10);
    expect(quantile([10, 20, 30], 1)).toBe(30);
  });

  it("does not reorder the caller's array", () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });

  it("rejects p outside [0, 1]", () => {
    expect(() => quantile([1], 1.5)).toThrow(RangeError);
    expect(() => quantile([1], Number.NaN)).toThrow(RangeError);
  });
});
