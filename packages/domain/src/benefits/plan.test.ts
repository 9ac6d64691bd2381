import { describe, expect, it } from "vitest";

import {
  benefitMapLayout,
  BenefitInputSchema,
  checkBenefit,
  checkBenefitMap,
  checkMeasurement,
  nextMeasurementDue,
  portfolioTotals,
  realizedShare,
  summarizeBenefit,
  type BenefitInput,
  type BenefitMap,
} from "./plan";

const map: BenefitMap = {
  deliverables: [{ key: "svarut", label: "SvarUt i sak/arkiv" }],
  preconditions: [{ key: "rutine", label: "Ny rutine for utsending", from: ["svarut"] }],
  goals: [{ key: "service", label: "Bedre service" }],
};

const benefit: BenefitInput = {
  title: "Mer digital post",
  description: null,
  ownerName: "Kari Nordmann",
  ownerUserId: null,
  type: "efficiency",
  valuation: "budgetOwn",
  annualValueNok: 400_000,
  cash: true,
  quantitative: true,
  disBenefit: false,
  indicator: { name: "Andel digital post", unit: "%", direction: "higher", method: null, frequency: "quarterly" },
  linkedIndicatorCode: "S3",
  baseline: { value: 40, date: "2025-01-01" },
  targets: [
    { value: 60, date: "2025-12-31" },
    { value: 80, date: "2026-12-31" },
  ],
  preconditionKeys: ["rutine"],
  goalKeys: ["service"],
};

describe("a benefit's own rules", () => {
  it("accepts the worked example", () => {
    expect(BenefitInputSchema.safeParse(benefit).success).toBe(true);
    expect(checkBenefit(benefit, map)).toEqual([]);
  });

  it("names the target dated on or before the baseline, and a date given twice", () => {
    const issues = checkBenefit(
      {
        ...benefit,
        targets: [
          { value: 60, date: "2025-01-01" },
          { value: 70, date: "2026-01-01" },
          { value: 80, date: "2026-01-01" },
        ],
      },
      map,
    );
    expect(issues).toEqual([
      { path: ["targets", 0, "date"], code: "TARGET_BEFORE_BASELINE", params: { baselineDate: "2025-01-01" } },
      { path: ["targets", 2, "date"], code: "TARGET_DATE_TWICE", params: { date: "2026-01-01" } },
    ]);
  });

  it("wants kroner for a priced benefit and none for an unpriced one", () => {
    expect(checkBenefit({ ...benefit, annualValueNok: null }, map).map((i) => i.code)).toEqual(["VALUE_REQUIRED"]);
    expect(checkBenefit({ ...benefit, valuation: "unpriced" }, map).map((i) => i.code)).toEqual(["VALUE_FOR_UNPRICED"]);
  });

  it("refuses map keys the map does not have", () => {
    expect(checkBenefit({ ...benefit, goalKeys: ["nope"] }, map)).toEqual([
      { path: ["goalKeys", 0], code: "MAP_KEY_UNKNOWN", params: { key: "nope" } },
    ]);
  });

  it("refuses an impossible date", () => {
    expect(BenefitInputSchema.safeParse({ ...benefit, baseline: { value: 1, date: "2025-02-30" } }).success).toBe(false);
  });
});

describe("the benefit map", () => {
  it("refuses a key used twice and a precondition from an unknown deliverable", () => {
    const issues = checkBenefitMap({
      ...map,
      goals: [{ key: "svarut", label: "x" }],
      preconditions: [{ key: "p", label: "p", from: ["ghost"] }],
    });
    expect(issues.map((i) => i.code)).toEqual(["MAP_KEY_TWICE", "MAP_KEY_UNKNOWN"]);
  });

  it("lays out four columns with edges deliverable → precondition → benefit → goal", () => {
    const layout = benefitMapLayout(map, [{ id: 7, title: benefit.title, preconditionKeys: ["rutine"], goalKeys: ["service", "gone"] }]);
    expect(layout.nodes.map((n) => [n.key, n.column])).toEqual([
      ["svarut", 0],
      ["rutine", 1],
      ["benefit-7", 2],
      ["service", 3],
    ]);
    expect(layout.edges).toEqual([
      { from: "svarut", to: "rutine" },
      { from: "rutine", to: "benefit-7" },
      { from: "benefit-7", to: "service" },
    ]);
  });
});

describe("measurements and follow-up", () => {
  it("refuses a measurement before the baseline, or in the future", () => {
    expect(checkMeasurement({ value: 41, date: "2024-12-31", comment: null }, benefit.baseline, "2026-03-01")[0]?.code).toBe(
      "BASELINE_AFTER_MEASUREMENT",
    );
    expect(checkMeasurement({ value: 41, date: "2026-03-02", comment: null }, benefit.baseline, "2026-03-01")[0]?.code).toBe(
      "DATE_IN_FUTURE",
    );
    expect(checkMeasurement({ value: 41, date: "2026-03-01", comment: null }, benefit.baseline, "2026-03-01")).toEqual([]);
  });

  it("is due one period after the latest measurement, or after the baseline; end of month stays end of month", () => {
    expect(nextMeasurementDue("quarterly", "2025-01-01", [])).toBe("2025-04-01");
    expect(nextMeasurementDue("quarterly", "2025-01-01", ["2025-06-30", "2025-03-31"])).toBe("2025-09-30");
    expect(nextMeasurementDue("monthly", "2025-01-31", [])).toBe("2025-02-28");
    expect(nextMeasurementDue("yearly", "2024-02-29", [])).toBe("2025-02-28");
  });

  it("prices the share of the planned change reached, whichever way is better", () => {
    expect(realizedShare({ ...benefit, measurements: [{ value: 50, date: "2025-06-30" }] })).toBeCloseTo(0.25);
    expect(realizedShare({ ...benefit, measurements: [{ value: 90, date: "2026-06-30" }] })).toBe(1);
    expect(realizedShare({ ...benefit, measurements: [{ value: 30, date: "2026-06-30" }] })).toBe(0);
    // Lower is better: case time from 20 days to 10.
    expect(
      realizedShare({
        baseline: { value: 20, date: "2025-01-01" },
        targets: [{ value: 10, date: "2026-01-01" }],
        measurements: [{ value: 16, date: "2025-06-01" }],
      }),
    ).toBeCloseTo(0.4);
  });
});

describe("summary and portfolio", () => {
  const summary = (overrides: Partial<Parameters<typeof summarizeBenefit>[0]> = {}) =>
    summarizeBenefit(
      {
        direction: "higher",
        disBenefit: false,
        cash: true,
        annualValueNok: 400_000,
        frequency: "quarterly",
        baseline: benefit.baseline,
        targets: benefit.targets,
        measurements: [{ value: 50, date: "2025-06-30" }],
        ...overrides,
      },
      "2026-03-01",
    );

  it("says status (on the path: 50 against about 49.9 planned), the overdue next measurement and the kroner realized so far", () => {
    expect(summary()).toEqual({
      status: "onTrack",
      nextDue: "2025-09-30",
      overdue: true,
      realizedShare: 0.25,
      expectedNok: 400_000,
      realizedNok: 100_000,
    });
  });

  it("needs no further measurement once realized", () => {
    expect(summary({ measurements: [{ value: 80, date: "2026-02-01" }] })).toMatchObject({
      status: "realized",
      nextDue: null,
      overdue: false,
      realizedNok: 400_000,
    });
  });

  it("adds up cash and non-cash apart, and leaves dis-benefits out of the kroner", () => {
    const totals = portfolioTotals([
      { cash: true, disBenefit: false, summary: summary() },
      { cash: false, disBenefit: false, summary: summary({ cash: false, annualValueNok: 1_000_000 }) },
      { cash: true, disBenefit: true, summary: summary({ disBenefit: true }) },
    ]);
    expect(totals.cash).toEqual({ expectedNok: 400_000, realizedNok: 100_000 });
    expect(totals.nonCash).toEqual({ expectedNok: 1_000_000, realizedNok: 250_000 });
    expect(totals.benefits).toBe(2);
    expect(totals.disBenefits).toBe(1);
    expect(totals.byStatus).toEqual({ onTrack: 3, atRisk: 0, offTrack: 0, realized: 0, noData: 0 });
  });
});
