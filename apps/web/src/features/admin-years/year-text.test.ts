import i18next, { type TFunction } from "i18next";
import { describe, expect, it } from "vitest";

import enAdmin from "../../locales/en.admin.json";
import nbAdmin from "../../locales/nb.admin.json";
import { closeBody, formatDeadline, newestFirst, type ReportingYear } from "./year-text";

function translator(lng: "nb" | "en"): TFunction {
  const instance = i18next.createInstance();
  void instance.init({
    resources: { nb: { translation: { admin: nbAdmin } }, en: { translation: { admin: enAdmin } } },
    lng,
    fallbackLng: "nb",
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return instance.t;
}

function keysOf(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keysOf(v, prefix ? `${prefix}.${k}` : k));
}

function year(y: number, byStatus: ReportingYear["byStatus"], missing: number): ReportingYear {
  return {
    year: y,
    state: "open",
    deadline: `${y + 1}-04-30`,
    publishedOn: null,
    byStatus,
    missing,
    municipalities: 357,
    publication: "unpublished",
    publishableUnits: 0,
  };
}

describe("formatDeadline", () => {
  it("writes a deadline the Norwegian way, on the day it names", () => {
    expect(formatDeadline("2025-04-30")).toBe("30. april 2025");
    expect(formatDeadline("2026-01-01")).toBe("1. januar 2026");
  });

  it("shows text that is not a date as it is", () => {
    expect(formatDeadline("snart")).toBe("snart");
  });
});

describe("newestFirst", () => {
  it("puts the newest year at the top", () => {
    const zero = { draft: 0, submitted: 0, returned: 0, approved: 0 };
    expect(newestFirst([year(2015, zero, 0), year(2025, zero, 0), year(2020, zero, 0)]).map((y) => y.year)).toEqual([2025, 2020, 2015]);
  });
});

describe("closeBody", () => {
  const t = translator("nb");

  it("says that every report is locked, how many municipalities are missing and how many reports are unfinished", () => {
    expect(closeBody(t, year(2024, { draft: 2, submitted: 3, returned: 1, approved: 300 }, 51))).toBe(
      "Alle rapporter for 2024 låses: kostnadsrapporter og kvalitets- og omfangsrapporter kan ikke lenger endres, sendes inn, sendes tilbake eller godkjennes. " +
        "51 kommuner har ikke levert noen rapport. 6 rapporter er ikke godkjent ennå. Året kan åpnes igjen senere, med en begrunnelse.",
    );
  });

  it("words one and none properly", () => {
    expect(closeBody(t, year(2024, { draft: 1, submitted: 0, returned: 0, approved: 355 }, 1))).toContain(
      "1 kommune har ikke levert noen rapport. 1 rapport er ikke godkjent ennå.",
    );
    expect(closeBody(t, year(2024, { draft: 0, submitted: 0, returned: 0, approved: 357 }, 0))).toContain(
      "Alle kommuner har begynt på rapporten. Alle rapporter som er påbegynt, er godkjent.",
    );
    expect(closeBody(translator("en"), year(2024, { draft: 0, submitted: 2, returned: 0, approved: 0 }, 1))).toContain(
      "1 municipality has not delivered any report. 2 reports are not approved yet.",
    );
  });
});

describe("the reporting-year texts", () => {
  it("has the same keys in bokmål and English", () => {
    expect(keysOf(enAdmin.years).sort()).toEqual(keysOf(nbAdmin.years).sort());
  });
});
