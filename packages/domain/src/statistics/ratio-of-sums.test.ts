import { describe, expect, it } from "vitest";

import { ratioOfSums } from "./ratio-of-sums";

describe("ratioOfSums", () => {
  it("weights members by their denominators, unlike a mean of ratios", () => {
    // A: 1 000 000 kr / 1 000 inh. = 1 000 kr; B: 9 000 000 kr / 3 000 inh. = 3 000 kr.
    // Mean of ratios would be 2 000; ratio of sums is 10 000 000 / 4 000 = 2 500.
    expect(
      ratioOfSums([
        { numerator: 1_000_000, denominator: 1_000 },
        { numerator: 9_000_000, denominator: 3_000 },
      ]),
    ).toBe(2_500);
  });

  it("is null for an empty group", () => {
    expect(ratioOfSums([])).toBeNull();
  });

  it("is the member's own ratio for a group of one", () => {
    expect(ratioOfSums([{ numerator: 50, denominator: 4 }])).toBe(12.5);
  });

  it("leaves out members without a positive denominator", () => {
    expect(
      ratioOfSums([
        { numerator: 10, denominator: 0 },
        { numerator: 30, denominator: 3 },
      ]),
    ).toBe(10);
    expect(ratioOfSums([{ numerator: 10, denominator: 0 }])).toBeNull();
  });
});
