import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { ASSS_NUMBERS, type CostLine } from "@malestokk/domain";
import { afterEach, describe, expect, it } from "vitest";

import { createDb, type DbConnection } from "./client";
import { runMigrations } from "./migrate";
import { getCostReport, listCostLines, listSystems, saveCostReport, type CostReportContent } from "./queries/costs";
import { hasDemoData, listIndicatorValues, recomputeIndicatorValues } from "./queries/indicators";
import { getMunicipalityByNumber, listMunicipalities, listMunicipalityAreas } from "./queries/organisations";
import { listReportingYears } from "./queries/reporting-years";
import { getChangeStamp } from "./queries/counters";
import { getThrottle, pruneThrottle, saveThrottle } from "./queries/sessions";
import { seedDemoData, seedReferenceData } from "./seed/demo";
import { areas2024 } from "./seed/area-2024";
import { counties2024, municipalities2024 } from "./seed/register-2024";
import { createTestDb, TEST_NOW } from "./testing";

const open: DbConnection[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const c of open.splice(0)) c.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), "malestokk-db-"));
  dirs.push(dir);
  return join(dir, "test.db");
}

describe("createDb", () => {
  it("sets WAL, synchronous=FULL and foreign keys on a file database", () => {
    const c = createDb(tempFile());
    open.push(c);
    expect(c.sqlite.pragma("journal_mode", { simple: true })).toBe("wal");
    // 2 = FULL: needed for an acknowledged save to survive power loss (docs/quality-targets.md#r-1)
    expect(c.sqlite.pragma("synchronous", { simple: true })).toBe(2);
    expect(c.sqlite.pragma("foreign_keys", { simple: true })).toBe(1);
  });

  it("keeps synchronous=FULL on a second connection to the same file", () => {
    const path = tempFile();
    const first = createDb(path);
    const second = createDb(path);
    open.push(first, second);
    expect(second.sqlite.pragma("synchronous", { simple: true })).toBe(2);
  });
});

describe("getChangeStamp", () => {
  it("changes with a write on this connection, even one rolled back, and with a commit by another; not with a read", () => {
    const path = tempFile();
    const first = createDb(path);
    const second = createDb(path);
    open.push(first, second);
    first.sqlite.exec("create table t (x integer)");
    const stamps = [getChangeStamp(first.db)];
    first.sqlite.prepare("select count(*) from t").get();
    expect(getChangeStamp(first.db)).toBe(stamps[0]);
    first.sqlite.prepare("insert into t values (1)").run();
    stamps.push(getChangeStamp(first.db));
    try {
      first.sqlite.transaction(() => {
        first.sqlite.prepare("delete from t").run();
        throw new Error("rolled back");
      })();
    } catch {
      // The write was undone; the stamp still moves, which only costs a lookup.
    }
    stamps.push(getChangeStamp(first.db));
    // Another process (the command line) writes through a connection of its own.
    second.sqlite.prepare("insert into t values (2)").run();
    stamps.push(getChangeStamp(first.db));
    expect(new Set(stamps).size).toBe(4);
  });
});

describe("runMigrations", () => {
  it("is idempotent and leaves foreign keys on", () => {
    const c = createDb(tempFile());
    open.push(c);
    runMigrations(c.sqlite, c.db);
    seedDemoData(c.db, { now: TEST_NOW });
    const before = listMunicipalities(c.db).length;
    runMigrations(c.sqlite, c.db);
    expect(listMunicipalities(c.db)).toHaveLength(before);
    expect(c.sqlite.pragma("foreign_keys", { simple: true })).toBe(1);
  });
});

describe("demo seed", () => {
  it("fills the real register and flags every generated value as demo", () => {
    const c = createTestDb({ seed: true });
    open.push(c);
    const municipalities = listMunicipalities(c.db);
    expect(municipalities).toHaveLength(357);
    expect(new Set(municipalities.map((m) => m.number)).size).toBe(357);
    expect(getMunicipalityByNumber(c.db, "0301")).toMatchObject({ name: "Oslo", countyName: "Oslo" });
    expect(getMunicipalityByNumber(c.db, "5001")).toMatchObject({ name: "Trondheim", countyName: "Trøndelag" });
    expect(getMunicipalityByNumber(c.db, "5612")).toMatchObject({ name: "Kautokeino", altName: "Guovdageaidnu" });
    expect(new Set(municipalities.map((m) => m.countyNumber)).size).toBe(15);
    expect(listReportingYears(c.db).map((y) => y.year)).toEqual([2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025]);
    expect(hasDemoData(c.db)).toBe(true);
    const values = listIndicatorValues(c.db, "K1", [2024]);
    expect(values.every((v) => v.isDemo)).toBe(true);
    expect(values.length).toBeGreaterThan(330);
    expect(values.length).toBeLessThan(357);
  });

  it("is deterministic and plausible: IT cost per inhabitant between 1 000 and 8 000 kr", () => {
    const a = createTestDb({ seed: true });
    const b = createDb(":memory:");
    open.push(a, b);
    runMigrations(b.sqlite, b.db);
    seedDemoData(b.db, { now: TEST_NOW });
    const first = listIndicatorValues(a.db, "K1", [2015, 2025]);
    expect(listIndicatorValues(b.db, "K1", [2015, 2025])).toEqual(first);
    for (const v of first) {
      const perInhabitant = v.numerator / v.denominator;
      expect(perInhabitant).toBeGreaterThan(1_000);
      expect(perInhabitant).toBeLessThan(8_000);
    }
  });

  it("loads the real register without any demo figures", () => {
    const c = createDb(":memory:");
    open.push(c);
    runMigrations(c.sqlite, c.db);
    expect(seedReferenceData(c.db)).toBe(true);
    expect(listMunicipalities(c.db)).toHaveLength(357);
    expect(hasDemoData(c.db)).toBe(false);
    expect(seedReferenceData(c.db)).toBe(false);
  });

  it("gives an older database the stand-in KOSTRA groups, but never replaces an imported group", () => {
    const c = createDb(":memory:");
    open.push(c);
    runMigrations(c.sqlite, c.db);
    seedReferenceData(c.db);
    // As a database made before the stand-in existed, plus one imported group.
    c.sqlite.prepare("update organisations set kostra_group = null, kostra_group_name = null, kostra_group_source = null").run();
    c.sqlite.prepare("update organisations set kostra_group = 'EKG16', kostra_group_source = 'klass:112 2024' where number = '0301'").run();
    seedReferenceData(c.db);
    const groups = c.sqlite
      .prepare("select number, kostra_group as g, kostra_group_source as s from organisations where kind = 'municipality'")
      .all() as {
      number: string;
      g: string | null;
      s: string | null;
    }[];
    expect(groups.filter((u) => u.g === null)).toEqual([]);
    expect(groups.find((u) => u.number === "0301")).toEqual({ number: "0301", g: "EKG16", s: "klass:112 2024" });
    expect(groups.filter((u) => u.s === "approximate: size only")).toHaveLength(356);
  });

  it("runs only on an empty database", () => {
    const c = createTestDb({ seed: true });
    open.push(c);
    expect(seedDemoData(c.db, { now: TEST_NOW }).seeded).toBe(false);
    expect(listMunicipalities(c.db)).toHaveLength(357);
  });
});

describe("the 2024 register", () => {
  it("has 357 municipalities and 15 counties, unique numbers, each municipality in the county its number names", () => {
    expect(municipalities2024).toHaveLength(357);
    expect(counties2024).toHaveLength(15);
    const numbers = municipalities2024.map(([number]) => number);
    expect(new Set(numbers).size).toBe(357);
    const counties = new Set(counties2024.map((c) => c.number));
    for (const number of numbers) {
      expect(number).toMatch(/^\d{4}$/);
      expect(counties.has(number.slice(0, 2)), number).toBe(true);
    }
    for (const county of counties)
      expect(
        numbers.some((n) => n.startsWith(county)),
        county,
      ).toBe(true);
  });

  it("has a land area for every municipality, and the seed fills the areas an older database lacks", () => {
    expect(Object.keys(areas2024).sort()).toEqual(municipalities2024.map(([number]) => number).sort());
    for (const area of Object.values(areas2024)) expect(area).toBeGreaterThan(0);
    const c = createTestDb({ seed: true });
    open.push(c);
    const oslo = getMunicipalityByNumber(c.db, "0301");
    expect(listMunicipalityAreas(c.db).get(oslo?.id ?? -1)).toBe(areas2024["0301"]);
    c.sqlite.prepare("update organisations set area_km2 = null").run();
    expect(listMunicipalityAreas(c.db).size).toBe(0);
    seedReferenceData(c.db);
    expect(listMunicipalityAreas(c.db).size).toBe(357);
  });

  it("has each municipality's written standard (Kartverket/SSB, målform 2025): 88 nynorsk, 119 bokmål, 150 neutral, filled on older databases too", () => {
    const count = (db: DbConnection) => {
      const counts: Record<string, number> = {};
      for (const m of listMunicipalities(db.db)) counts[String(m.writtenStandard)] = (counts[String(m.writtenStandard)] ?? 0) + 1;
      return counts;
    };
    const c = createTestDb({ seed: true });
    open.push(c);
    expect(count(c)).toEqual({ nynorsk: 88, bokmal: 119, neutral: 150 });
    expect(getMunicipalityByNumber(c.db, "4621")).toMatchObject({ name: "Voss", writtenStandard: "nynorsk" });
    expect(getMunicipalityByNumber(c.db, "0301")).toMatchObject({ writtenStandard: "neutral" });
    // A database made before migration 0021 gets them at the next start.
    c.sqlite.prepare("update organisations set written_standard = null").run();
    seedReferenceData(c.db);
    expect(count(c)).toEqual({ nynorsk: 88, bokmal: 119, neutral: 150 });
    const counties = c.sqlite
      .prepare("select count(*) as n from organisations where kind = 'county' and written_standard is not null")
      .get();
    expect(counties).toEqual({ n: 0 });
  });

  it("keeps every official name with its language in KLASS 131's order, filled on older databases too", () => {
    const c = createTestDb({ seed: true });
    open.push(c);
    const names = (number: string) =>
      getMunicipalityByNumber(c.db, number)
        ?.officialNames.map((n) => `${n.name}/${n.language}`)
        .join(" – ");
    expect(names("5538")).toBe("Storfjord/no – Omasvuotna/se – Omasvuono/fkv");
    expect(names("5540")).toBe("Gáivuotna/se – Kåfjord/no – Kaivuono/fkv");
    expect(names("5622")).toBe("Porsanger/no – Porsáŋgu/se – Porsanki/fkv");
    expect(names("5025")).toBe("Rosse/sma – Røros/no");
    expect(names("1875")).toBe("Hábmer/smj – Hamarøy/no");
    expect(names("0301")).toBe("Oslo/no");
    // KLASS 131 (2024) gives 22 municipalities more than one official name; each Sámi or Kven name the
    // register keeps as `altName` is among them.
    const many = municipalities2024.filter(([number]) => (getMunicipalityByNumber(c.db, number)?.officialNames.length ?? 0) > 1);
    expect(many).toHaveLength(22);
    for (const [number, name, , altName] of municipalities2024.filter(([, , , alt]) => alt !== undefined))
      expect(
        names(number)
          ?.split(" – ")
          .map((n) => n.split("/")[0]),
      ).toEqual(expect.arrayContaining([name, altName]));
    c.sqlite.prepare("update organisations set official_names = null").run();
    seedReferenceData(c.db);
    expect(names("5538")).toBe("Storfjord/no – Omasvuotna/se – Omasvuono/fkv");
  });

  it("contains the ASSS ten", () => {
    const numbers = new Set(municipalities2024.map(([number]) => number));
    for (const number of ASSS_NUMBERS) expect(numbers.has(number), number).toBe(true);
  });
});

const content = (lines: CostReportContent["lines"], over: Partial<CostReportContent> = {}): CostReportContent => ({
  lines,
  itUserAccounts: 40_000,
  employeesFte: null,
  populationOverride: null,
  grossOperatingExpenditureOverride: null,
  warningComments: {},
  allocation: null,
  ...over,
});
const line = (service: CostLine["service"], amount: number, systemId: number | null = null): CostLine => ({
  service,
  costType: "ownStaff",
  systemId,
  amount,
  comment: null,
});

describe("saveCostReport", () => {
  it("replaces the lines only from the version that was read, bumps it and keeps the total as their sum", () => {
    const c = createTestDb({ seed: true });
    open.push(c);
    const oslo = getMunicipalityByNumber(c.db, "0301");
    if (!oslo) throw new Error("Oslo missing");
    const current = getCostReport(c.db, oslo.id, 2024);
    expect(current?.version).toBe(1);
    expect(listCostLines(c.db, current?.id ?? 0).length).toBeGreaterThan(5);
    const args = { organisationId: oslo.id, year: 2024, source: "entered" as const, now: TEST_NOW };
    const first = saveCostReport(c.db, { ...args, expectedVersion: 1, content: content([line("operations", 3), line("management", 2)]) });
    expect(first.ok).toBe(true);
    const stale = saveCostReport(c.db, { ...args, expectedVersion: 1, content: content([line("operations", 7)]) });
    expect(stale).toEqual({ ok: false, currentVersion: 2 });
    expect(getCostReport(c.db, oslo.id, 2024)).toMatchObject({
      totalItCost: 5,
      version: 2,
      isDemo: false,
      source: "entered",
      status: "draft",
    });
    expect(listCostLines(c.db, current?.id ?? 0).map((l) => l.amount)).toEqual([3, 2]);
  });

  it("refuses to create when a report already exists", () => {
    const c = createTestDb({ seed: true });
    open.push(c);
    const oslo = getMunicipalityByNumber(c.db, "0301");
    if (!oslo) throw new Error("Oslo missing");
    const result = saveCostReport(c.db, {
      organisationId: oslo.id,
      year: 2024,
      expectedVersion: null,
      content: content([]),
      source: "entered",
      now: TEST_NOW,
    });
    expect(result).toEqual({ ok: false, currentVersion: 1 });
  });

  it("recomputes K1, K3, K4.x, K5.x and K6 from the lines (hand-computed)", () => {
    const c = createTestDb({ seed: true });
    open.push(c);
    const oslo = getMunicipalityByNumber(c.db, "0301");
    if (!oslo) throw new Error("Oslo missing");
    const sak = listSystems(c.db, oslo.id).find((s) => s.systemClass === "caseArchive");
    const lines = [line("operations", 600_000, sak?.id ?? null), line("management", 300_000), line("userSupport", 100_000)];
    saveCostReport(c.db, {
      organisationId: oslo.id,
      year: 2024,
      expectedVersion: 1,
      content: content(lines, { itUserAccounts: 500, populationOverride: { value: 10_000, reason: "Folketall per 1. juli" } }),
      source: "entered",
      now: TEST_NOW,
    });
    recomputeIndicatorValues(c.db, { scope: { organisationId: oslo.id, year: 2024 }, now: TEST_NOW });
    const value = (code: string) => listIndicatorValues(c.db, code, [2024], { all: true }).find((v) => v.organisationId === oslo.id);
    // 1 000 000 kr / 10 000 inhabitants (the override) = 100 kr; the entered cost makes it a draft.
    expect(value("K1")).toMatchObject({ numerator: 1_000_000, denominator: 10_000, status: "draft", isDemo: false });
    expect(value("K3")).toMatchObject({ numerator: 1_000_000, denominator: 500 });
    expect(value("K4.operations")).toMatchObject({ numerator: 600_000, denominator: 500 });
    // A service without lines cost 0 in a report with lines.
    expect(value("K4.development")).toMatchObject({ numerator: 0, denominator: 500 });
    expect(value("K5.caseArchive")).toMatchObject({ numerator: 600_000, denominator: 10_000 });
    expect(value("K5.healthCare")).toBeUndefined();
    expect(value("K6")).toMatchObject({ numerator: 300_000, denominator: 1_000_000 });
    // Others see only approved values: Oslo's as last approved, under correction (issue 20).
    expect(listIndicatorValues(c.db, "K1", [2024]).find((v) => v.organisationId === oslo.id)).toMatchObject({
      status: "approved",
      isUnderCorrection: true,
    });
    expect(listIndicatorValues(c.db, "K1", [2024]).find((v) => v.organisationId === oslo.id)?.numerator).not.toBe(1_000_000);
  });
});

describe("sign-in throttle", () => {
  it("forgets counters that have been quiet for the period and are not locked, and keeps the rest", () => {
    const connection = createTestDb({ seed: false });
    open.push(connection);
    const { db } = connection;
    saveThrottle(db, { key: "email:quiet@x", failures: 3, lastFailureAt: "2026-11-27T10:00:00Z", lockedUntil: null });
    saveThrottle(db, { key: "email:locked@x", failures: 40, lastFailureAt: "2026-11-27T10:00:00Z", lockedUntil: "2026-11-29T12:00:00Z" });
    saveThrottle(db, { key: "email:recent@x", failures: 2, lastFailureAt: "2026-11-29T09:00:00Z", lockedUntil: null });
    // Addresses known for an account (the last right password) are kept longer.
    saveThrottle(db, { key: "known:user@x|192.0.2.1", failures: 0, lastFailureAt: "2026-11-20T10:00:00Z", lockedUntil: null });
    saveThrottle(db, { key: "known:user@x|192.0.2.2", failures: 0, lastFailureAt: "2026-10-20T10:00:00Z", lockedUntil: null });
    expect(pruneThrottle(db, { now: "2026-11-29T10:00:00Z", quietSince: "2026-11-28T10:00:00Z", knownSince: "2026-10-30T10:00:00Z" })).toBe(
      2,
    );
    expect(getThrottle(db, "email:quiet@x")).toBeNull();
    expect(getThrottle(db, "email:locked@x")?.failures).toBe(40);
    expect(getThrottle(db, "email:recent@x")?.failures).toBe(2);
    expect(getThrottle(db, "known:user@x|192.0.2.1")).not.toBeNull();
    expect(getThrottle(db, "known:user@x|192.0.2.2")).toBeNull();
  });
});
