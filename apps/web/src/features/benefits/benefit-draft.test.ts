import { describe, expect, it } from "vitest";

import { checkBenefitDraft, draftFromBenefit, EMPTY_BENEFIT, parseDecimal } from "./benefit-draft";

const map = { deliverables: [], preconditions: [{ key: "rutine", label: "Rutine", from: [] }], goals: [] };
const filled = {
  ...EMPTY_BENEFIT,
  title: "Kortere saksbehandlingstid",
  ownerName: "Kari",
  annualValueNok: "500 000",
  indicatorName: "Saksbehandlingstid",
  unit: "dager",
  direction: "lower" as const,
  baselineValue: "40,5",
  baselineDate: "2026-01-01",
  targets: [
    { value: "30", date: "2026-06-30" },
    { value: "20", date: "2027-06-30" },
  ],
  preconditionKeys: ["rutine"],
};

describe("the benefit form's own check", () => {
  it("reads Norwegian numbers", () => {
    expect(parseDecimal("1 234,5")).toBe(1234.5);
    expect(parseDecimal("−3")).toBe(-3);
    expect(parseDecimal("12a")).toBeNaN();
  });

  it("turns a filled draft into the API's input, and back", () => {
    const { input, issues } = checkBenefitDraft(filled, map);
    expect(issues).toEqual([]);
    expect(input).toMatchObject({
      annualValueNok: 500_000,
      baseline: { value: 40.5, date: "2026-01-01" },
      targets: [{ value: 30 }, { value: 20 }],
      linkedIndicatorCode: null,
    });
    expect(input && draftFromBenefit(input)).toMatchObject({ baselineValue: "40,5", annualValueNok: "500000" });
  });

  it("names each missing or wrong field by the path the server uses", () => {
    const { input, issues } = checkBenefitDraft(
      { ...EMPTY_BENEFIT, baselineValue: "tja", targets: [{ value: "", date: "2026-13-01" }] },
      map,
    );
    expect(input).toBeNull();
    const byPath = Object.fromEntries(issues.map((i) => [i.path.join("."), i.code]));
    expect(byPath).toMatchObject({
      title: "REQUIRED",
      ownerName: "REQUIRED",
      annualValueNok: "REQUIRED",
      "baseline.value": "NOT_A_NUMBER",
      "targets.0.value": "REQUIRED",
      "targets.0.date": "DATE_INVALID",
    });
  });

  it("applies the domain's rules after the schema: a target before the baseline", () => {
    const { issues } = checkBenefitDraft({ ...filled, targets: [{ value: "30", date: "2025-06-30" }] }, map);
    expect(issues.map((i) => [i.path.join("."), i.code])).toEqual([["targets.0.date", "TARGET_BEFORE_BASELINE"]]);
  });
});
