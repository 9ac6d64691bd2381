import { describe, expect, it } from "vitest";

import type { TemplateBenefit } from "./joint";
import { diffTemplateVersions, diffUnitValues, isEmptyDiff } from "./joint-diff";

const porto: TemplateBenefit = {
  key: "porto",
  title: "Spart porto",
  description: null,
  type: "efficiency",
  valuation: "budgetOwn",
  cash: true,
  valueMethod: "volume",
  indicator: { name: "Digitale forsendelser", unit: "forsendelser", direction: "higher", method: null, frequency: "yearly" },
  linkedIndicatorCode: "S3",
  suggestedTargets: [{ afterYears: 2, value: 30_000 }],
  annualValueNok: null,
  unitValues: [
    { fromYear: 2015, valueNok: 8, date: "2015-01-05", source: "Porto 2015" },
    { fromYear: 2021, valueNok: 11, date: "2021-01-04", source: "Porto 2021" },
  ],
};

const capacity: TemplateBenefit = {
  ...porto,
  key: "saksbehandling",
  title: "Kortere saksbehandling",
  valueMethod: "share",
  valuation: "freedCapacity",
  cash: false,
  annualValueNok: 400_000,
  unitValues: [],
};

describe("what a template version changes (issue 26)", () => {
  it("lists every benefit of the first version as added", () => {
    expect(diffTemplateVersions(null, [porto, capacity])).toEqual({
      added: [
        { key: "porto", title: "Spart porto" },
        { key: "saksbehandling", title: "Kortere saksbehandling" },
      ],
      removed: [],
      changed: [],
    });
  });

  it("names benefits added and removed by key, and the fields that changed under the newer title", () => {
    const v2 = [{ ...porto, title: "Spart porto og papir", suggestedTargets: [{ afterYears: 2, value: 35_000 }] }, capacity];
    expect(diffTemplateVersions([porto], v2)).toEqual({
      added: [{ key: "saksbehandling", title: "Kortere saksbehandling" }],
      removed: [],
      changed: [{ key: "porto", title: "Spart porto og papir", fields: ["title", "suggestedTargets"], unitValues: [] }],
    });
    expect(diffTemplateVersions(v2, [porto])).toMatchObject({ removed: [{ key: "saksbehandling" }], added: [] });
  });

  it("lists unit values per year: a new price, a changed one, a removed one; a changed source counts, key order does not", () => {
    const newer = [
      { fromYear: 2021, valueNok: 11.5, date: "2021-01-04", source: "Porto 2021" },
      { fromYear: 2024, valueNok: 14, date: "2024-01-08", source: "Porto 2024" },
    ];
    expect(diffUnitValues(porto.unitValues, newer)).toEqual([
      { fromYear: 2015, before: 8, after: null },
      { fromYear: 2021, before: 11, after: 11.5 },
      { fromYear: 2024, before: null, after: 14 },
    ]);
    const reordered = porto.unitValues.map(({ source, date, valueNok, fromYear }) => ({ source, date, valueNok, fromYear }));
    expect(diffUnitValues(porto.unitValues, reordered)).toEqual([]);
    const resourced = porto.unitValues.map((u) => (u.fromYear === 2015 ? { ...u, source: "Postens prisliste 2015" } : u));
    expect(diffUnitValues(porto.unitValues, resourced)).toEqual([{ fromYear: 2015, before: 8, after: 8 }]);
    const diff = diffTemplateVersions([porto], [{ ...porto, unitValues: newer }]);
    expect(diff.changed.map((c) => [c.key, c.fields, c.unitValues.length])).toEqual([["porto", [], 3]]);
  });

  it("is empty between equal versions, the benefits in any order", () => {
    const diff = diffTemplateVersions([porto, capacity], [capacity, { ...porto, indicator: { ...porto.indicator } }]);
    expect(isEmptyDiff(diff)).toBe(true);
    expect(isEmptyDiff(diffTemplateVersions([porto], [capacity]))).toBe(false);
  });
});
