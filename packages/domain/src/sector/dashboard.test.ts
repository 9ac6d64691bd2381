import { describe, expect, it } from "vitest";

import { coverageBy, movement, portfolioOverTime, sectorDistribution } from "./dashboard";

describe("sector aggregates", () => {
  it("gives the ratio of sums beside the mean of ratios: a large unit weighs more in the first", () => {
    // Oslo-like: 700 000 kr over 100 000 inhabitants (7 kr); two small ones at 20 and 30 kr per inhabitant.
    const d = sectorDistribution([
      { numerator: 700_000, denominator: 100_000 },
      { numerator: 20_000, denominator: 1_000 },
      { numerator: 30_000, denominator: 1_000 },
      { numerator: 5, denominator: 0 },
    ]);
    expect(d.n).toBe(3);
    expect(d.ratioOfSums).toBeCloseTo(750_000 / 102_000);
    expect(d.meanOfRatios).toBeCloseTo(19);
    expect(d.median).toBe(20);
  });

  it("scales percentages and leaves an empty group empty, never 0", () => {
    expect(sectorDistribution([{ numerator: 1, denominator: 4 }], 100).ratioOfSums).toBe(25);
    expect(sectorDistribution([])).toEqual({ n: 0, ratioOfSums: null, meanOfRatios: null, q1: null, median: null, q3: null });
  });

  it("says the movement from last year", () => {
    expect(movement(55, 50)).toEqual({ change: 5, percent: 10 });
    expect(movement(55, null)).toBeNull();
    expect(movement(1, 0)).toEqual({ change: 1, percent: null });
  });

  it("counts units, reported and approved per group", () => {
    const units = [
      { id: 1, group: "03" as const },
      { id: 2, group: "03" as const },
      { id: 3, group: "46" as const },
      { id: 4, group: null },
    ];
    const reported = new Map([
      [1, "approved" as const],
      [2, "draft" as const],
      [3, "submitted" as const],
    ]);
    expect(coverageBy(units, reported)).toEqual([
      { group: "03", units: 2, reported: 1, approved: 1, underCorrection: 0 },
      { group: "46", units: 1, reported: 1, approved: 0, underCorrection: 0 },
      { group: null, units: 1, reported: 0, approved: 0, underCorrection: 0 },
    ]);
    // A report being corrected keeps its last approved figures: approved, and counted as under correction (issue 20).
    expect(coverageBy(units, reported, new Set([2]))[0]).toEqual({ group: "03", units: 2, reported: 2, approved: 2, underCorrection: 1 });
  });

  it("prices planned against realized over the years, cash and non-cash apart", () => {
    const over = portfolioOverTime(
      [
        {
          cash: true,
          disBenefit: false,
          annualValueNok: 400_000,
          baseline: { value: 800, date: "2023-01-01" },
          targets: [{ value: 400, date: "2025-01-01" }],
          measurements: [
            { value: 700, date: "2023-12-31" },
            { value: 500, date: "2024-12-31" },
          ],
        },
        {
          cash: false,
          disBenefit: true,
          annualValueNok: 100_000,
          baseline: { value: 0, date: "2023-01-01" },
          targets: [{ value: 1, date: "2024-01-01" }],
          measurements: [],
        },
      ],
      [2023, 2024, 2025],
      "2026-12-06",
    );
    expect(over.map((y) => [y.year, y.cash.plannedNok, y.cash.realizedNok, y.nonCash.plannedNok])).toEqual([
      [2023, Math.round(400_000 * (364 / 731)), 100_000, 0],
      [2024, Math.round(400_000 * (730 / 731)), 300_000, 0],
      [2025, 400_000, 300_000, 0],
    ]);
  });
  it("realizes nothing after today: a later year has no realized value, the current year only what was measured by today", () => {
    const over = portfolioOverTime(
      [
        {
          cash: true,
          disBenefit: false,
          annualValueNok: 400_000,
          baseline: { value: 800, date: "2025-01-01" },
          targets: [{ value: 400, date: "2028-01-01" }],
          measurements: [{ value: 600, date: "2025-12-31" }],
        },
      ],
      [2025, 2026, 2027],
      "2026-04-30",
    );
    expect(over.map((y) => [y.year, y.cash.realizedNok, y.realizedUntil])).toEqual([
      [2025, 200_000, "2025-12-31"],
      [2026, 200_000, "2026-04-30"],
      [2027, null, null],
    ]);
    // The plan is priced for every year, the future included.
    expect(over.map((y) => y.cash.plannedNok > 0)).toEqual([true, true, true]);
  });
});
