import { describe, expect, it } from "vitest";

import {
  acceptTemplateVersion,
  checkLocalMeasurement,
  checkLocalPlan,
  checkTemplate,
  followedTemplate,
  localMeasurements,
  rollUpJointSolution,
  targetsFromSuggestion,
  TemplateBenefitSchema,
  unitValueFor,
  valueLocalBenefit,
  valueOfVolume,
  type AdopterValues,
  type LocalBenefit,
  type TemplateBenefit,
  type UnitValue,
} from "./joint";

// SvarUt's saving: digital shipments × (paper price − digital price), prices changing by year.
const prices: UnitValue[] = [
  { fromYear: 2023, valueNok: 11.4, date: "2023-01-10", source: "Porto 2023: 13,90 − 2,50" },
  { fromYear: 2020, valueNok: 10, date: "2020-01-15", source: "Porto 2020: 12,50 − 2,50" },
];

const svarUt: TemplateBenefit = {
  key: "svarut-porto",
  title: "Spart porto",
  description: null,
  type: "efficiency",
  valuation: "budgetOwn",
  cash: true,
  valueMethod: "volume",
  indicator: { name: "Digitale forsendelser", unit: "forsendelser", direction: "higher", method: null, frequency: "yearly" },
  linkedIndicatorCode: "S3",
  suggestedTargets: [
    { afterYears: 1, value: 1500 },
    { afterYears: 3, value: 3000 },
  ],
  annualValueNok: null,
  unitValues: prices,
};

const local: LocalBenefit = {
  key: "svarut-porto",
  ownerName: "Kari",
  ownerUserId: null,
  baseline: { value: 1000, date: "2020-12-31" },
  targets: [{ value: 3000, date: "2023-12-31" }],
};

describe("volume × unit value", () => {
  it("takes the unit value that holds in each year: the latest set from that year or before, none before the first", () => {
    expect(unitValueFor(prices, 2019)).toBeNull();
    expect(unitValueFor(prices, 2020)?.valueNok).toBe(10);
    expect(unitValueFor(prices, 2022)?.valueNok).toBe(10);
    expect(unitValueFor(prices, 2025)?.valueNok).toBe(11.4);
  });

  it("prices a volume at its year's unit value in whole kroner, and leaves it unknown before any price", () => {
    expect(valueOfVolume(1234, 2021, prices)).toMatchObject({ volume: 1234, valueNok: 12_340 });
    expect(valueOfVolume(1234, 2024, prices)).toMatchObject({ valueNok: 14_068 });
    expect(valueOfVolume(1234, 2019, prices)).toMatchObject({ unitValue: null, valueNok: null });
  });

  it("values each year from the year in use: planned on the path, realized from the year's measurement, with changing prices", () => {
    const measurements = [
      { value: 1800, date: "2021-12-31" },
      // 2022 not measured
      { value: 2900, date: "2023-12-31" },
    ];
    const v = valueLocalBenefit(svarUt, local, "2021-03-01", measurements, "2024-06-01");
    expect(v.years.map((y) => y.year)).toEqual([2021, 2022, 2023]);
    const [y2021, y2022, y2023] = v.years;
    expect(y2021?.realized).toMatchObject({ value: 1800, valueNok: 18_000 });
    expect(y2022?.realized).toBeNull();
    expect(y2023?.realized).toMatchObject({ value: 2900, valueNok: 33_060 });
    expect(y2023?.realized?.unitValue?.valueNok).toBe(11.4);
    expect(y2023?.planned).toMatchObject({ value: 3000, valueNok: 34_200 });
    expect(v.status).toBe("onTrack");
    expect(v.nextDue).toBe("2024-12-31");
  });

  it("counts no measurement dated after today", () => {
    const v = valueLocalBenefit(svarUt, local, "2021-01-01", [{ value: 2000, date: "2024-12-31" }], "2024-06-01");
    expect(v.years.every((y) => y.realized === null)).toBe(true);
    expect(v.status).toBe("noData");
  });

  it("values a share benefit as the annual value × the share of the planned change reached", () => {
    const share: TemplateBenefit = { ...svarUt, valueMethod: "share", annualValueNok: 100_000, unitValues: [] };
    const v = valueLocalBenefit(share, local, "2021-01-01", [{ value: 2000, date: "2022-12-31" }], "2024-01-01");
    expect(v.years.find((y) => y.year === 2022)?.realized?.valueNok).toBe(50_000);
  });
});

describe("the template and the local plan", () => {
  it("refuses keys twice, a volume benefit without unit values, and a unit value for a share benefit", () => {
    const issues = checkTemplate({
      benefits: [
        { ...svarUt, unitValues: [] },
        { ...svarUt, valueMethod: "share", annualValueNok: 1000 },
      ],
    });
    expect(issues.map((i) => i.code).sort()).toEqual(["MAP_KEY_TWICE", "UNIT_VALUE_FOR_SHARE", "VALUE_REQUIRED"]);
    expect(checkTemplate({ benefits: [svarUt] })).toEqual([]);
  });

  it("refuses a unit value finer than the øre", () => {
    expect(TemplateBenefitSchema.safeParse({ ...svarUt, unitValues: [{ ...prices[0], valueNok: 1.005 }] }).success).toBe(false);
    expect(TemplateBenefitSchema.safeParse(svarUt).success).toBe(true);
  });

  it("asks for each of the template's benefits once, with targets after the baseline", () => {
    expect(checkLocalPlan({ inUseFrom: "2021-01-01", benefits: [local] }, [svarUt])).toEqual([]);
    expect(checkLocalPlan({ inUseFrom: "2021-01-01", benefits: [] }, [svarUt]).map((i) => i.code)).toEqual(["BENEFIT_MISSING"]);
    const early = { ...local, targets: [{ value: 1, date: "2020-01-01" }] };
    expect(checkLocalPlan({ inUseFrom: "2021-01-01", benefits: [early] }, [svarUt]).map((i) => i.code)).toEqual(["TARGET_BEFORE_BASELINE"]);
  });

  it("turns suggested targets into year ends after adoption", () => {
    expect(targetsFromSuggestion(svarUt, 2024)).toEqual([
      { value: 1500, date: "2025-12-31" },
      { value: 3000, date: "2027-12-31" },
    ]);
  });

  it("keeps a local plan on its template version until the municipality accepts a newer one", () => {
    const v1 = { number: 1, benefits: [svarUt] };
    const extra: TemplateBenefit = {
      ...svarUt,
      key: "saksbehandling",
      title: "Kortere saksbehandling",
      valueMethod: "share",
      unitValues: [],
      annualValueNok: 5000,
    };
    const v2 = { number: 2, benefits: [{ ...svarUt, title: "Spart porto og papir" }, extra] };
    const before = followedTemplate({ templateVersion: 1 }, [v2, v1]);
    expect(before.followed?.benefits[0]?.title).toBe("Spart porto");
    expect(before).toMatchObject({ latest: 2, newerAvailable: true });

    const accepted = acceptTemplateVersion([local], v2.benefits, 2021, () => ({ value: 0, date: "2021-01-01" }), "Leder");
    expect(accepted.benefits[0]).toEqual(local);
    expect(accepted.benefits[1]).toMatchObject({ key: "saksbehandling", ownerName: "Leder", baseline: { value: 0, date: "2021-01-01" } });
    expect(accepted).toMatchObject({ added: ["saksbehandling"], dropped: [] });
    expect(followedTemplate({ templateVersion: 2 }, [v2, v1])).toMatchObject({ newerAvailable: false });
    expect(acceptTemplateVersion(accepted.benefits, v1.benefits, 2021, () => local.baseline, "Leder").dropped).toEqual(["saksbehandling"]);
  });
});

describe("measurements typed by hand (issue 26)", () => {
  // A benefit no indicator measures: fewer reminders sent by hand, a share of 60 000 kr a year.
  const reminders: TemplateBenefit = {
    ...svarUt,
    key: "purringer",
    title: "Færre purringer",
    cash: false,
    valueMethod: "share",
    valuation: "freedCapacity",
    linkedIndicatorCode: null,
    indicator: { name: "Purringer per år", unit: "purringer", direction: "lower", method: null, frequency: "yearly" },
    annualValueNok: 60_000,
    unitValues: [],
  };
  const plan: LocalBenefit = {
    ...local,
    key: "purringer",
    baseline: { value: 400, date: "2021-12-31" },
    targets: [{ value: 100, date: "2024-12-31" }],
  };
  const figures = [{ value: 2000, date: "2022-12-31" }];

  it("measures a linked benefit by the approved figures only, and any other by the typed measurements", () => {
    const typed = [{ value: 300, date: "2022-06-30" }];
    expect(localMeasurements(svarUt, figures, typed)).toEqual([{ value: 2000, date: "2022-12-31", source: "indicator" }]);
    expect(localMeasurements(reminders, figures, typed)).toEqual([{ value: 300, date: "2022-06-30", source: "manual" }]);
    expect(localMeasurements(reminders, figures, [])).toEqual([]);
  });

  it("refuses a typed value for a linked benefit, before the baseline, and after today", () => {
    const m = { value: 250, date: "2023-03-01", comment: null };
    expect(checkLocalMeasurement(m, reminders, plan, "2024-01-01")).toEqual([]);
    expect(checkLocalMeasurement(m, svarUt, plan, "2024-01-01")).toEqual([
      { path: ["value"], code: "MEASURED_BY_INDICATOR", params: { indicatorCode: "S3" } },
    ]);
    expect(checkLocalMeasurement({ ...m, date: "2021-06-01" }, reminders, plan, "2024-01-01").map((i) => i.code)).toEqual([
      "BASELINE_AFTER_MEASUREMENT",
    ]);
    expect(checkLocalMeasurement({ ...m, date: "2024-01-02" }, reminders, plan, "2024-01-01").map((i) => i.code)).toEqual([
      "DATE_IN_FUTURE",
    ]);
  });

  it("values the year's latest typed measurement, in the direction that counts, and the roll-up sums it beside figures", () => {
    const typed = localMeasurements(
      reminders,
      [],
      [
        { value: 350, date: "2022-03-31" },
        { value: 250, date: "2022-12-31" },
        { value: 100, date: "2024-12-31" },
      ],
    );
    const v = valueLocalBenefit(reminders, plan, "2022-01-01", typed, "2024-06-30");
    // 2022: 150 of the planned 300 fewer reminders, half of 60 000 kr; 2023 not measured; 2024's measurement is after today.
    expect(v.years.map((y) => [y.year, y.realized?.value ?? null, y.realized?.valueNok ?? null])).toEqual([
      [2022, 250, 30_000],
      [2023, null, null],
      [2024, null, null],
    ]);
    expect(v.nextDue).toBe("2023-12-31");
    const porto = valueLocalBenefit(svarUt, local, "2022-01-01", localMeasurements(svarUt, figures, typed), "2024-06-30");
    const rows = rollUpJointSolution(
      [
        {
          number: "4601",
          name: "Bergen",
          adoptedOn: "2022-01-01",
          inUseFrom: "2022-01-01",
          benefits: [
            { cash: true, years: porto.years },
            { cash: false, years: v.years },
          ],
        },
      ],
      "2024-06-30",
    );
    expect(rows.find((r) => r.year === 2022)).toMatchObject({
      cash: { realizedNok: 20_000 },
      nonCash: { realizedNok: 30_000 },
      missing: [],
    });
    expect(rows.find((r) => r.year === 2023)).toMatchObject({ nonCash: { realizedNok: 0 }, missing: ["4601"] });
  });
});

describe("the roll-up over adopters", () => {
  const year = (y: number, planned: number, realized: number | null, date = `${y}-12-31`) => ({
    year: y,
    planned: { value: 0, valueNok: planned, unitValue: null },
    realized: realized === null ? null : { value: 0, date, valueNok: realized, unitValue: null },
  });
  const bergen: AdopterValues = {
    number: "4601",
    name: "Bergen",
    adoptedOn: "2021-02-01",
    inUseFrom: "2021-02-01",
    benefits: [
      { cash: true, years: [year(2021, 100, 90), year(2022, 200, null), year(2023, 300, 310)] },
      { cash: false, years: [year(2021, 10, 10), year(2022, 20, 25), year(2023, 30, null)] },
    ],
  };
  const oslo: AdopterValues = {
    number: "0301",
    name: "Oslo",
    adoptedOn: "2023-05-01",
    inUseFrom: "2023-05-01",
    benefits: [{ cash: true, years: [year(2023, 1000, 900), year(2024, 2000, 500, "2024-12-31")] }],
  };

  it("sums planned and realized per year, cash and non-cash apart, and lists missing years instead of guessing them", () => {
    const rows = rollUpJointSolution([bergen, oslo], "2024-06-30");
    expect(rows.map((r) => r.year)).toEqual([2021, 2022, 2023, 2024]);
    expect(rows[0]).toEqual({
      year: 2021,
      adopters: 1,
      cash: { plannedNok: 100, realizedNok: 90 },
      nonCash: { plannedNok: 10, realizedNok: 10 },
      missing: [],
    });
    expect(rows[1]).toMatchObject({ cash: { plannedNok: 200, realizedNok: 0 }, nonCash: { realizedNok: 25 }, missing: ["4601"] });
    expect(rows[2]).toMatchObject({ adopters: 2, cash: { plannedNok: 1300, realizedNok: 1210 }, missing: ["4601"] });
    // 2024 is not over and its measurement is dated after today: planned only, nothing missing yet.
    expect(rows[3]).toMatchObject({ adopters: 2, cash: { plannedNok: 2000, realizedNok: 0 }, missing: [] });
  });

  it("is empty without adopters", () => {
    expect(rollUpJointSolution([], "2024-01-01")).toEqual([]);
  });
});
