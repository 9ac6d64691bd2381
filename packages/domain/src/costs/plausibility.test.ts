import { describe, expect, it } from "vitest";

import { costReportWarnings } from "./plausibility";

const line = { service: "operations", costType: "ownStaff", systemId: null, amount: 1_000_000 } as const;
const context = {
  allocatedLines: [],
  published: { population: 1_000, grossOperatingExpenditure: null },
  classOfSystem: new Map(),
  basis: [{ code: "K1", peerMedian: 250, peerCount: 12, lastYear: 1_000 }],
};
const report = { lines: [line], itUserAccounts: null, populationOverride: null, grossOperatingExpenditureOverride: null };

describe("costReportWarnings", () => {
  it("compares K1 with the peer median and last year, over the published population", () => {
    // 1 000 000 kr / 1 000 inhabitants = 1 000 kr: 4 × the peer median of 250, the same as last year.
    expect(costReportWarnings(report, context)).toEqual([
      { key: "K1:peer", code: "K1", kind: "peerHigh", value: 1_000, reference: 250, ratio: 4, peerCount: 12 },
    ]);
  });

  it("counts the cooperatives' allocated lines as the unit's own, and lets an override replace the published figure", () => {
    // (1 000 000 + 1 000 000) kr / 8 000 inhabitants = 250 kr: the peer median, but a quarter of last year.
    const warnings = costReportWarnings({ ...report, populationOverride: { value: 8_000 } }, { ...context, allocatedLines: [line] });
    expect(warnings.map((w) => [w.key, w.value])).toEqual([["K1:year", 250]]);
  });

  it("warns about nothing without a basis to compare with", () => {
    expect(costReportWarnings(report, { ...context, basis: [] })).toEqual([]);
  });
});
