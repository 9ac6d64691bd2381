import { describe, expect, it } from "vitest";

import { summarizePeers } from "./peer-summary";

describe("summarizePeers", () => {
  it("hides statistics for fewer than three members with values", () => {
    expect(summarizePeers([])).toEqual({ status: "hidden", n: 0, reason: "TOO_FEW_MEMBERS" });
    expect(
      summarizePeers([
        { numerator: 10, denominator: 1 },
        { numerator: 20, denominator: 1 },
        { numerator: 30, denominator: 0 },
      ]),
    ).toEqual({ status: "hidden", n: 2, reason: "TOO_FEW_MEMBERS" });
  });

  it("gives quartiles of member values and the ratio of sums", () => {
    const summary = summarizePeers([
      { numerator: 1_000, denominator: 1 },
      { numerator: 4_000, denominator: 2 },
      { numerator: 9_000, denominator: 3 },
      { numerator: 16_000, denominator: 4 },
    ]);
    // member values 1000, 2000, 3000, 4000
    expect(summary).toEqual({
      status: "shown",
      n: 4,
      q1: 1_750,
      median: 2_500,
      q3: 3_250,
      ratioOfSums: 30_000 / 10,
    });
  });
});
