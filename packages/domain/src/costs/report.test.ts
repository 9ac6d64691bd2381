import { describe, expect, it } from "vitest";

import { checkPlausibility, unexplainedWarnings } from "./plausibility";
import { checkCostLines, costTotals, CostReportInputSchema, reportIndicatorValues, type CostLine } from "./report";
import { availableActions, reportTransition } from "./workflow";

const line = (over: Partial<CostLine>): CostLine => ({
  service: "operations",
  costType: "licences",
  systemId: null,
  amount: 1000,
  comment: null,
  ...over,
});

describe("cost lines", () => {
  it("totals per service, cost type, fagsystem and class (worked example)", () => {
    const lines = [
      line({ service: "operations", costType: "licences", systemId: 7, amount: 400_000 }),
      line({ service: "operations", costType: "ownStaff", amount: 1_200_000 }),
      line({ service: "management", costType: "ownStaff", amount: 300_000 }),
      line({ service: "development", costType: "externalServices", systemId: 8, amount: 100_000 }),
    ];
    const totals = costTotals(
      lines,
      new Map([
        [7, "caseArchive"],
        [8, "healthCare"],
      ]),
    );
    expect(totals.total).toBe(2_000_000);
    expect(totals.byService).toEqual({
      userSupport: 0,
      operations: 1_600_000,
      development: 100_000,
      infrastructure: 0,
      management: 300_000,
    });
    expect(totals.byCostType.ownStaff).toBe(1_500_000);
    expect(totals.bySystemClass).toEqual({ caseArchive: 400_000, healthCare: 100_000 });
    expect(totals.bySystem.get(7)).toBe(400_000);
  });

  it("finds duplicate keys and foreign fagsystemer, naming the rows", () => {
    const issues = checkCostLines([line({}), line({ amount: 5 }), line({ systemId: 99 })], new Set([7]));
    expect(issues).toEqual([
      { path: ["lines", 1, "service"], code: "DUPLICATE_LINE", params: { row: 2, firstRow: 1 } },
      { path: ["lines", 2, "systemId"], code: "UNKNOWN_SYSTEM", params: { row: 3 } },
    ]);
  });

  it("refuses negative amounts, øre and an override without a reason", () => {
    const base = {
      municipalityNumber: "0301",
      year: 2024,
      expectedVersion: null,
      itUserAccounts: 100,
      employeesFte: 80.5,
      populationOverride: null,
      grossOperatingExpenditureOverride: null,
      warningComments: {},
    };
    expect(CostReportInputSchema.safeParse({ ...base, lines: [line({})] }).success).toBe(true);
    expect(CostReportInputSchema.safeParse({ ...base, lines: [line({ amount: -1 })] }).success).toBe(false);
    expect(CostReportInputSchema.safeParse({ ...base, lines: [line({ amount: 10.5 })] }).success).toBe(false);
    expect(CostReportInputSchema.safeParse({ ...base, lines: [], populationOverride: { value: 5000, reason: "" } }).success).toBe(false);
    expect(CostReportInputSchema.safeParse({ ...base, lines: [], employeesFte: 80.55 }).success).toBe(false);
  });
});

describe("report workflow", () => {
  it("goes draft → submitted → approved, or back with return", () => {
    expect(reportTransition(null, "edit", "open")).toEqual({ ok: true, to: "draft" });
    expect(reportTransition("draft", "submit", "open")).toEqual({ ok: true, to: "submitted" });
    expect(reportTransition("submitted", "approve", "open")).toEqual({ ok: true, to: "approved" });
    expect(reportTransition("submitted", "return", "open")).toEqual({ ok: true, to: "returned" });
    expect(reportTransition("returned", "edit", "open")).toEqual({ ok: true, to: "draft" });
    expect(reportTransition("approved", "return", "open")).toEqual({ ok: true, to: "returned" });
  });

  it("refuses steps out of order and everything in a closed year", () => {
    expect(reportTransition("submitted", "edit", "open")).toEqual({ ok: false, reason: "NOT_ALLOWED_FROM_STATUS" });
    expect(reportTransition("draft", "approve", "open")).toEqual({ ok: false, reason: "NOT_ALLOWED_FROM_STATUS" });
    expect(reportTransition(null, "submit", "open")).toEqual({ ok: false, reason: "NOT_ALLOWED_FROM_STATUS" });
    expect(reportTransition("draft", "edit", "closed")).toEqual({ ok: false, reason: "YEAR_CLOSED" });
    expect(availableActions("submitted", "open")).toEqual(["approve", "return"]);
    expect(availableActions("approved", "closed")).toEqual([]);
  });
});

describe("plausibility checks", () => {
  it("flags more than 3 × the peer median and more than 50 % change, with the numbers", () => {
    const warnings = checkPlausibility([
      { code: "K1", value: 12_000, peerMedian: 3_500, peerCount: 40, lastYear: 7_000 },
      { code: "K3", value: 20_000, peerMedian: 18_000, peerCount: 40, lastYear: 19_000 },
      { code: "K6", value: 1, peerMedian: 9, peerCount: 12, lastYear: null },
    ]);
    expect(warnings.map((w) => [w.key, w.kind, Math.round(w.ratio * 100) / 100])).toEqual([
      ["K1:peer", "peerHigh", 3.43],
      ["K1:year", "yearChange", 1.71],
      ["K6:peer", "peerLow", 0.11],
    ]);
    expect(unexplainedWarnings(warnings, { "K1:peer": "Ny sak/arkiv-løsning", "K1:year": "  " }).map((w) => w.key)).toEqual([
      "K1:year",
      "K6:peer",
    ]);
  });

  it("says nothing without a value or a positive reference", () => {
    expect(checkPlausibility([{ code: "K1", value: null, peerMedian: 1, peerCount: 3, lastYear: 1 }])).toEqual([]);
    expect(checkPlausibility([{ code: "K1", value: 5, peerMedian: 0, peerCount: 3, lastYear: 0 }])).toEqual([]);
  });
});

describe("reportIndicatorValues", () => {
  it("computes K1–K6 from a report as it stands (worked example)", () => {
    const values = reportIndicatorValues(
      {
        lines: [line({ service: "operations", systemId: 7, amount: 600_000 }), line({ service: "management", amount: 400_000 })],
        itUserAccounts: 800,
        population: 5_000,
        grossOperatingExpenditure: 50_000,
      },
      new Map([[7, "caseArchive"]]),
    );
    const byCode = Object.fromEntries(values.map((v) => [v.code, v.value]));
    expect(byCode.K1).toBe(200); // 1 000 000 / 5 000
    expect(byCode.K2).toBeCloseTo(2, 10); // 1 000 000 / (50 000 × 1000) × 100
    expect(byCode.K3).toBe(1_250); // 1 000 000 / 800
    expect(byCode["K4.operations"]).toBe(750);
    expect(byCode["K4.userSupport"]).toBe(0);
    expect(byCode["K5.caseArchive"]).toBe(120);
    expect(byCode["K5.healthCare"]).toBeNull();
    expect(byCode.K6).toBe(40);
  });

  it("gives nothing for costs without lines, and keeps missing volumes missing", () => {
    const values = reportIndicatorValues(
      { lines: [], itUserAccounts: null, population: 5_000, grossOperatingExpenditure: null },
      new Map(),
    );
    expect(values.every((v) => v.value === null)).toBe(true);
  });
});
