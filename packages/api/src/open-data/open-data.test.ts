import { getMunicipalityByNumber, setPublicationDate } from "@malestokk/db";
import { parseCsv } from "@malestokk/domain";
import { describe, expect, it } from "vitest";

import { approveCorrectedTotal, FIXED_NOW, setupApi } from "../test-helpers";
import { answerOpenData, OPEN_DATA_ENDPOINTS, type OpenDataEndpoint } from "./answer";
import { OpenDataAnswerCache } from "./answer-cache";
import type { OpenStatistic, OpenValue } from "./open-data.service";
import { OPEN_DATA_FORMATS } from "./params";

type Query = Record<string, string>;

function setup() {
  const api = setupApi();
  // Each test publishes what it needs, whatever years the demo publishes.
  api.sqlite.prepare("update reporting_years set published_on = null").run();
  const get = (endpoint: OpenDataEndpoint, query: Query = {}, viewer: { organisationId: number } | null = null) => {
    const answer = answerOpenData(api.db, {
      endpoint,
      query,
      viewer: viewer ? { tokenId: 1, scope: "read-own", ...viewer } : null,
      now: FIXED_NOW,
    });
    return {
      ...answer,
      json: answer.contentType.startsWith("application/json") ? (JSON.parse(answer.body) as Record<string, unknown>) : null,
    };
  };
  const values = (query: Query, viewer: { organisationId: number } | null = null) => get("values", query, viewer).json?.data as OpenValue[];
  return { ...api, get, values };
}

describe("open data: values", () => {
  it("gives nothing of a year before its publication date, and that year's approved figures from it", () => {
    const { db, sqlite, values } = setup();
    expect(values({ indicator: "K1" })).toEqual([]);
    // FIXED_NOW is 2026-03-01: a date ahead is a scheduled release, not yet public.
    setPublicationDate(db, 2024, "2026-06-01");
    expect(values({ indicator: "K1" })).toEqual([]);
    setPublicationDate(db, 2024, "2026-03-01");
    const published = values({ indicator: "K1" });
    const approved = sqlite
      .prepare("select count(*) as n from indicator_values where indicator_code = 'K1' and year = 2024 and status = 'approved'")
      .get() as {
      n: number;
    };
    expect(published.length).toBe(approved.n);
    expect(approved.n).toBeGreaterThan(300);
    expect(new Set(published.map((v) => v.year))).toEqual(new Set([2024]));
    expect(published.every((v) => v.status === "approved" && v.publishedOn === "2026-03-01" && v.revisedOn === null)).toBe(true);
    const oslo = published.find((v) => v.unit === "0301");
    expect(oslo?.value).toBeCloseTo((oslo?.numerator ?? 0) / (oslo?.denominator ?? 1), 9);
    expect(oslo?.unitName).toBe("Oslo");
  });

  it("never shows a draft, and shows the value as last approved while a report is corrected", () => {
    const { db, sqlite, values } = setup();
    setPublicationDate(db, 2024, "2025-06-01");
    const oslo = getMunicipalityByNumber(db, "0301")?.id ?? 0;
    const bergen = getMunicipalityByNumber(db, "4601")?.id ?? 0;
    const before = values({ indicator: "K1", unit: "0301,4601", year: "2024" });
    // Bergen's K1 2024 becomes a draft never approved; Oslo's is corrected (a new draft beside the approved value).
    sqlite
      .prepare("update indicator_values set status = 'draft' where indicator_code = 'K1' and year = 2024 and organisation_id = ?")
      .run(bergen);
    sqlite
      .prepare(
        `update indicator_values set status = 'submitted', approved_numerator = numerator, approved_denominator = denominator,
           approved_is_demo = is_demo, numerator = numerator * 2 where indicator_code = 'K1' and year = 2024 and organisation_id = ?`,
      )
      .run(oslo);
    const after = values({ indicator: "K1", unit: "0301,4601", year: "2024" });
    expect(after.map((v) => v.unit)).toEqual(["0301"]);
    expect(after[0]).toEqual(before.find((v) => v.unit === "0301"));
  });

  it("gives a token its own organisation's figures with drafts and their status, and others' only as published", () => {
    const { db, sqlite, values } = setup();
    setPublicationDate(db, 2024, "2025-06-01");
    const oslo = getMunicipalityByNumber(db, "0301")?.id ?? 0;
    const bergen = getMunicipalityByNumber(db, "4601")?.id ?? 0;
    sqlite
      .prepare("update indicator_values set status = 'draft' where indicator_code = 'K1' and year = 2024 and organisation_id in (?, ?)")
      .run(oslo, bergen);
    const own = values({ indicator: "K1", unit: "0301,4601" }, { organisationId: oslo });
    // Oslo's own figures of every year, the draft of 2024 among them; Bergen's draft not.
    expect(own.filter((v) => v.unit === "4601")).toEqual([]);
    const osloValues = own.filter((v) => v.unit === "0301");
    expect(osloValues.length).toBeGreaterThan(5);
    expect(osloValues.find((v) => v.year === 2024)?.status).toBe("draft");
    expect(osloValues.find((v) => v.year === 2023)?.publishedOn).toBeNull();
    // Without the token, none of it.
    expect(values({ indicator: "K1", unit: "0301,4601" })).toEqual([]);
  });

  it("refuses a bad parameter with 400 and a message naming it", () => {
    const { get } = setup();
    const cases: [OpenDataEndpoint, Query, string][] = [
      ["values", { year: "20x5" }, "year"],
      ["values", { year: "2025-2020" }, "year"],
      ["values", { indicator: "K1,K99" }, "indicator"],
      ["values", { unit: "9999" }, "unit"],
      ["values", { unit: "50O1" }, "unit"],
      ["values", { indikator: "K1" }, "indikator"],
      ["values", { format: "xml" }, "format"],
      ["statistics", {}, "indicator"],
      ["statistics", { indicator: "K1", group: "kostra:99" }, "group"],
      ["statistics", { indicator: "K1", group: "region" }, "group"],
      ["units", { lang: "se" }, "lang"],
    ];
    for (const [endpoint, query, parameter] of cases) {
      const answer = get(endpoint, query);
      expect(answer.status, JSON.stringify(query)).toBe(400);
      const error = (answer.json as { error: { parameter: string; message: string; text: { nb: string } } }).error;
      expect(error.parameter).toBe(parameter);
      expect(error.message).toContain(parameter === "indikator" ? "indikator" : parameter === "lang" ? "language" : "");
      expect(error.text.nb.length).toBeGreaterThan(10);
    }
  });
});

describe("open data: statistics", () => {
  it("equal the comparison page's peer statistics for the same group and year", async () => {
    const { db, get, as } = setup();
    setPublicationDate(db, 2024, "2025-06-01");
    const caller = as("admin@demo.example");
    const screen = await caller.benchmarks.series({ indicatorCode: "K1", municipalityNumber: "5001", peerGroup: "sizeClass" });
    const point = screen.points.find((p) => p.year === 2024);
    const answer = get("statistics", { indicator: "K1", group: `sizeClass:${screen.peerGroup.sizeClass}`, year: "2024" });
    const [statistic] = (answer.json?.data ?? []) as OpenStatistic[];
    expect(point?.peers.status).toBe("shown");
    if (point?.peers.status !== "shown") return;
    expect(statistic).toMatchObject({
      indicator: "K1",
      year: 2024,
      status: "shown",
      n: point.peers.n,
      q1: point.peers.q1,
      median: point.peers.median,
      q3: point.peers.q3,
      ratioOfSums: point.peers.ratioOfSums,
    });
  });

  it("hides a group of fewer than three, gives every group of a kind, and nothing of an unpublished year", () => {
    const { db, get } = setup();
    const all = get("statistics", { indicator: "K1", group: "kostra" });
    expect(all.json?.data).toEqual([]);
    setPublicationDate(db, 2024, "2025-06-01");
    const statistics = get("statistics", { indicator: "K1", group: "kostra", year: "2023-2025" }).json?.data as OpenStatistic[];
    const groups = (get("groups").json?.data as { id: string; kind: string; members: string[] }[]).filter((g) => g.kind === "kostra");
    expect(statistics.map((s) => s.group)).toEqual(groups.map((g) => g.id));
    expect(statistics.every((s) => s.year === 2024)).toBe(true);
    for (const s of statistics) {
      if (s.n < 3) expect(s).toMatchObject({ status: "hidden", median: null, q1: null, q3: null, ratioOfSums: null });
      else expect(s.status).toBe("shown");
    }
  });
});

describe("open data: catalogues", () => {
  it("lists the indicators with names, formula, direction, source and the first published year", () => {
    const { db, get } = setup();
    setPublicationDate(db, 2022, "2023-06-01");
    const indicators = get("indicators").json?.data as {
      code: string;
      direction: string;
      since: number | null;
      formula: { nb: string };
      source: { en: string };
    }[];
    const k1 = indicators.find((i) => i.code === "K1");
    expect(k1).toMatchObject({ direction: "neutral", since: 2022 });
    expect(k1?.formula.nb).toContain("delt på");
    expect(k1?.source.en).toContain("07459");
    expect(indicators.find((i) => i.code === "Q1")?.direction).toBe("higher");
  });

  it("lists the register with official names, county, KOSTRA group and written standard, and marks demo data", () => {
    const { get } = setup();
    const answer = get("units");
    expect(answer.json).toMatchObject({ demo: true, licence: { licence: "NLOD-2.0" } });
    const units = answer.json?.data as { number: string; county: { name: string }; kostraGroup: { source: string } | null }[];
    expect(units).toHaveLength(357);
    expect(units.find((u) => u.number === "5001")).toMatchObject({ county: { name: "Trøndelag" } });
  });

  it("states the licence the administrator chose, with its attribution, in every answer; NLOD 2.0 by default", async () => {
    const { get, as } = setup();
    expect(get("indicators").json?.licence).toMatchObject({ licence: "NLOD-2.0", url: "https://data.norge.no/nlod/no/2.0" });
    await as("admin@demo.example").admin.setOpenDataLicence({ licence: "CC-BY-4.0", attribution: "  KS og kommunene  " });
    for (const endpoint of ["indicators", "units", "groups", "values"] as const)
      expect(get(endpoint).json?.licence).toEqual({
        licence: "CC-BY-4.0",
        attribution: "KS og kommunene",
        name: "Creative Commons Navngivelse 4.0 Internasjonal (CC BY 4.0)",
        url: "https://creativecommons.org/licenses/by/4.0/",
      });
    const audit = await as("admin@demo.example").admin.audit({ action: "admin.openDataLicenceChanged" });
    expect(audit).toHaveLength(1);
  });
});

/** The years an answer of values or statistics holds figures for, read the way its format is read. */
function yearsIn(body: string, format: string): number[] {
  if (format === "json") return [...new Set((JSON.parse(body) as { data: { year: number }[] }).data.map((r) => r.year))];
  if (format === "jsonstat")
    return (JSON.parse(body) as { dimension: { year: { category: { index: string[] } } } }).dimension.year.category.index.map(Number);
  const parsed = parseCsv(body);
  if (!parsed.ok) throw new Error("unreadable CSV");
  const [header = [], ...rows] = parsed.rows;
  const column = header.indexOf("year");
  return [...new Set(rows.map((r) => Number(r[column])))];
}

describe("open data: the permission walk of the public API", () => {
  it("gives anonymous readers nothing of an unpublished year and never a draft, at every endpoint in every format", () => {
    const { db, sqlite, get } = setup();
    setPublicationDate(db, 2024, "2025-06-01");
    const bergen = getMunicipalityByNumber(db, "4601")?.id ?? 0;
    // Markers: a draft of a published year, and an approved figure of a year not yet published.
    sqlite
      .prepare(
        "update indicator_values set status = 'draft', numerator = 987654321 where indicator_code = 'K1' and year = 2024 and organisation_id = ?",
      )
      .run(bergen);
    sqlite
      .prepare("update indicator_values set numerator = 123456789 where indicator_code = 'K1' and year = 2025 and organisation_id = ?")
      .run(bergen);
    const queries: Record<OpenDataEndpoint, Query> = {
      indicators: {},
      units: {},
      groups: {},
      values: { indicator: "K1" },
      statistics: { indicator: "K1", group: "all" },
    };
    for (const endpoint of OPEN_DATA_ENDPOINTS)
      for (const format of OPEN_DATA_FORMATS) {
        const answer = get(endpoint, { ...queries[endpoint], format });
        const where = `${endpoint} ${format}`;
        expect(answer.status, where).toBe(200);
        expect(answer.body, where).not.toMatch(/987654321|123456789|draft|submitted/);
        if (endpoint === "values" || endpoint === "statistics") expect(yearsIn(answer.body, format), where).toEqual([2024]);
      }
    const values = get("values", { indicator: "K1", unit: "4601" }).json?.data as OpenValue[];
    expect(values).toEqual([]);
  });
});

describe("open data: answers kept by data version (docs/open-data.md#caching)", () => {
  it("answers a repeated request, however its parameters are written, from the cache, and a newly published year or a revision at once", async () => {
    const api = setupApi();
    api.sqlite.prepare("update reporting_years set published_on = null").run();
    const cache = new OpenDataAnswerCache();
    const ask = (query: Query) => answerOpenData(api.db, { endpoint: "values", query, viewer: null, now: FIXED_NOW }, cache);
    const yearsOf = (answer: ReturnType<typeof ask>) => new Set((JSON.parse(answer.body) as { data: OpenValue[] }).data.map((v) => v.year));
    await api.as("admin@demo.example").years.setPublication({ year: 2024, publishedOn: "2025-06-15", previous: null });
    const first = ask({ indicator: "K1", unit: "0301", year: "2015-2025" });
    expect(first.status).toBe(200);
    // The same normalized parameters: the very answer kept, neither built nor hashed again.
    expect(ask({ year: "2015-2025", unit: " 0301", indicator: "K1", format: "json" })).toBe(first);
    expect(cache.count).toBe(1);
    expect(yearsOf(first)).toEqual(new Set([2024]));

    // A newly published year shows in the next answer.
    await api.as("admin@demo.example").years.setPublication({ year: 2025, publishedOn: "2026-02-01", previous: null });
    const published = ask({ indicator: "K1", unit: "0301", year: "2015-2025" });
    expect(yearsOf(published)).toEqual(new Set([2024, 2025]));
    expect("etag" in published && "etag" in first && published.etag !== first.etag).toBe(true);
    expect(ask({ indicator: "K1", unit: "0301", year: "2015-2025" })).toBe(published);

    // So does a revision: a correction of the published 2025 approved through the real workflow.
    await approveCorrectedTotal(api, "0301", 2025, 123_456_789);
    const revised = (JSON.parse(ask({ indicator: "K1", unit: "0301", year: "2025" }).body) as { data: OpenValue[] }).data[0];
    expect(revised?.revisedOn).toBe("2026-03-01");
    const again = JSON.parse(ask({ indicator: "K1", unit: "0301", year: "2015-2025" }).body) as { data: OpenValue[] };
    expect(again.data.find((v) => v.year === 2025)).toEqual(revised);
  });
});
