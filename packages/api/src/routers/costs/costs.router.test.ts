import { readFileSync } from "node:fs";

import { DEMO_USER_MUNICIPALITIES, findUserByEmail, getMunicipalityByNumber, listAudit, saveSystem } from "@malestokk/db";
import { COST_TYPE_NAMES, COST_TYPES, IT_SERVICE_NAMES, IT_SERVICES, type CostLine } from "@malestokk/domain";
import { ZodError } from "zod";
import { describe, expect, it } from "vitest";

import { expectAppError, expectTrpcError, FIXED_NOW, saveDraftTotal, setupApi, type Caller } from "../../test-helpers";

const NUMBER = "1103"; // Stavanger: demo users finance.1103 and manager.1103

function input(over: Record<string, unknown> = {}) {
  return {
    municipalityNumber: NUMBER,
    year: 2024,
    expectedVersion: null as number | null,
    lines: [] as CostLine[],
    itUserAccounts: 12_000 as number | null,
    employeesFte: null,
    populationOverride: null,
    grossOperatingExpenditureOverride: null,
    warningComments: {} as Record<string, string>,
    ...over,
  };
}

const line = (over: Partial<CostLine>): CostLine => ({ service: "operations", costType: "ownStaff", systemId: null, amount: 1_000_000, comment: null, ...over });

async function snapshot(caller: Caller) {
  return {
    report: await caller.costs.report({ municipalityNumber: NUMBER, year: 2024 }),
    series: await caller.benchmarks.series({ indicatorCode: "K1", municipalityNumber: NUMBER }),
  };
}

/** Returns Stavanger's approved demo report for 2024 to finance, as the admin, and gives its version. */
async function returned(api: ReturnType<typeof setupApi>): Promise<number> {
  const view = await api.as(`manager.${NUMBER}@demo.example`).costs.report({ municipalityNumber: NUMBER, year: 2024 });
  const result = await api.as(`manager.${NUMBER}@demo.example`).costs.return({
    municipalityNumber: NUMBER,
    year: 2024,
    expectedVersion: view.report?.version ?? 0,
    comment: "Lisensene mangler",
  });
  return result.version;
}

describe("costs.list and costs.report", () => {
  it("lists every reporting year with status and deadline", async () => {
    const api = setupApi();
    const years = await api.as(`finance.${NUMBER}@demo.example`).costs.list({ municipalityNumber: NUMBER });
    expect(years).toHaveLength(11);
    expect(years.find((y) => y.year === 2024)).toMatchObject({ yearState: "open", version: 1, status: "approved", deadline: "2025-04-30", isDemo: true });
  });

  it("shows the demo report's lines and totals, and only the steps the user may take", async () => {
    const api = setupApi();
    const finance = await api.as(`finance.${NUMBER}@demo.example`).costs.report({ municipalityNumber: NUMBER, year: 2024 });
    expect(finance.report?.lines.length).toBeGreaterThan(5);
    expect(finance.report?.totalItCost).toBe(finance.report?.lines.reduce((s, l) => s + l.amount, 0));
    expect(finance.systems.map((s) => s.systemClass)).toContain("caseArchive");
    expect(finance.published.population?.value).toBeGreaterThan(100_000);
    expect(finance.actions).toEqual([]); // approved: finance waits for a return
    const manager = await api.as(`manager.${NUMBER}@demo.example`).costs.report({ municipalityNumber: NUMBER, year: 2024 });
    expect(manager.actions).toEqual(["return"]);
    expect(manager.checkBasis.find((b) => b.code === "K1")?.peerCount).toBeGreaterThanOrEqual(3);
  });
});

describe("the report workflow", () => {
  it("goes returned → saved → (warnings explained) submitted → approved, K1–K6 follow, every step audited", async () => {
    const api = setupApi();
    const finance = api.as(`finance.${NUMBER}@demo.example`);
    const manager = api.as(`manager.${NUMBER}@demo.example`);
    const version = await returned(api);
    const view = await finance.costs.report({ municipalityNumber: NUMBER, year: 2024 });
    expect(view.report).toMatchObject({ status: "returned", returnComment: "Lisensene mangler" });
    expect(view.actions).toEqual(["edit", "submit"]);
    const population = view.published.population?.value ?? 0;

    // Ten times the usual cost: more than 3 × the peer median, and more than 50 % over last year.
    const total = population * 40_000;
    const saved = await finance.costs.save(
      input({
        expectedVersion: version,
        lines: [line({ amount: total - 4_000_000 }), line({ service: "management", amount: 4_000_000 })],
        itUserAccounts: 20_000,
      }),
    );
    expect(saved).toEqual({ written: true, version: version + 1 });
    const draft = await finance.costs.report({ municipalityNumber: NUMBER, year: 2024 });
    expect(draft.report).toMatchObject({ status: "draft", totalItCost: total, source: "entered", isDemo: false });
    expect(draft.unexplained).toEqual(expect.arrayContaining(["K1:peer", "K1:year"]));
    const k1 = draft.warnings.find((w) => w.key === "K1:peer");
    expect(k1?.value).toBe(40_000);

    const refused = await expectTrpcError(() => finance.costs.submit({ municipalityNumber: NUMBER, year: 2024, expectedVersion: version + 1 }));
    expect(String(expectAppError(refused, "WARNINGS_UNEXPLAINED").params.keys)).toContain("K1:peer");

    const comments = Object.fromEntries(draft.unexplained.map((key) => [key, "Engangskjøp av nytt sak/arkiv-system"]));
    await finance.costs.save(
      input({
        expectedVersion: version + 1,
        lines: [line({ amount: total - 4_000_000 }), line({ service: "management", amount: 4_000_000 })],
        itUserAccounts: 20_000,
        warningComments: comments,
      }),
    );
    const submitted = await finance.costs.submit({ municipalityNumber: NUMBER, year: 2024, expectedVersion: version + 2 });
    expect(submitted.status).toBe("submitted");
    // Finance cannot approve its own report; a manager of the same municipality can.
    expect((await expectTrpcError(() => finance.costs.approve({ municipalityNumber: NUMBER, year: 2024, expectedVersion: version + 3 }))).code).toBe("FORBIDDEN");
    const approved = await manager.costs.approve({ municipalityNumber: NUMBER, year: 2024, expectedVersion: version + 3 });
    expect(approved).toEqual({ status: "approved", version: version + 4 });

    // Others now see the new approved values: K1, K3 and K6 computed by hand.
    const board = api.as("board@demo.example");
    const k1Series = await board.benchmarks.series({ indicatorCode: "K1", municipalityNumber: NUMBER });
    expect(k1Series.points.find((p) => p.year === 2024)?.own).toMatchObject({ numerator: total, denominator: population, value: 40_000, status: "approved" });
    const k3 = await board.benchmarks.series({ indicatorCode: "K3", municipalityNumber: NUMBER });
    expect(k3.points.find((p) => p.year === 2024)?.own?.value).toBe(total / 20_000);
    const k6 = await board.benchmarks.series({ indicatorCode: "K6", municipalityNumber: NUMBER });
    expect(k6.points.find((p) => p.year === 2024)?.own?.value).toBeCloseTo((4_000_000 / total) * 100, 10);

    const actions = listAudit(api.db, { limit: 10 }).map((a) => a.action);
    expect(actions.slice(0, 5)).toEqual(["costs.reportApproved", "costs.reportSubmitted", "costs.reportSaved", "costs.reportSaved", "costs.reportReturned"]);
    const firstSave = listAudit(api.db, { action: "costs.reportSaved", limit: 2 })[1];
    expect(JSON.parse(firstSave?.details ?? "{}")).toMatchObject({ total: { after: total }, status: { before: "returned", after: "draft" } });
  });

  it("keeps the manager's return comment, with who and when, through saves and an import until the report is submitted again", async () => {
    const api = setupApi();
    const finance = api.as(`finance.${NUMBER}@demo.example`);
    const report = async () => (await finance.costs.report({ municipalityNumber: NUMBER, year: 2024 })).report;
    const returnedBy = { returnComment: "Lisensene mangler", decidedBy: findUserByEmail(api.db, `manager.${NUMBER}@demo.example`)?.name, decidedAt: FIXED_NOW.toISOString() };
    const saved = await finance.costs.save(input({ expectedVersion: await returned(api), lines: [line({})] }));
    expect(await report()).toMatchObject({ status: "draft", ...returnedBy });

    const file = Buffer.from("IKT-tjeneste;Kostnadstype;Beløp (kr)\nDrift og forvaltning;Egne ansatte;2 000 000\n", "utf8").toString("base64");
    const imported = await finance.costs.importFile({ municipalityNumber: NUMBER, year: 2024, expectedVersion: saved.version, fileName: "k.csv", contentBase64: file, dryRun: false });
    expect(await report()).toMatchObject({ status: "draft", source: "import", ...returnedBy });

    const { unexplained } = await finance.costs.report({ municipalityNumber: NUMBER, year: 2024 });
    const explained = await finance.costs.save(input({ expectedVersion: imported.version, lines: [line({ amount: 2_000_000 })], warningComments: Object.fromEntries(unexplained.map((k) => [k, "Bare drift i år"])) }));
    expect(await report()).toMatchObject(returnedBy);
    await finance.costs.submit({ municipalityNumber: NUMBER, year: 2024, expectedVersion: explained.version });
    expect(await report()).toMatchObject({ status: "submitted", returnComment: null, decidedBy: null, decidedAt: null });
  });

  it("refuses steps out of order, and a return without a comment", async () => {
    const api = setupApi();
    const manager = api.as(`manager.${NUMBER}@demo.example`);
    const finance = api.as(`finance.${NUMBER}@demo.example`);
    const approve = await expectTrpcError(() => manager.costs.approve({ municipalityNumber: NUMBER, year: 2024, expectedVersion: 1 }));
    expect(expectAppError(approve, "STATUS_CONFLICT").params).toEqual({ status: "approved", action: "approve" });
    const edit = await expectTrpcError(() => finance.costs.save(input({ expectedVersion: 1, lines: [line({})] })));
    expect(expectAppError(edit, "STATUS_CONFLICT").params).toEqual({ status: "approved", action: "edit" });
    const noComment = await expectTrpcError(() => manager.costs.return({ municipalityNumber: NUMBER, year: 2024, expectedVersion: 1, comment: " " }));
    expect(noComment.code).toBe("BAD_REQUEST");
  });

  it("saving the same content twice writes nothing the second time", async () => {
    const api = setupApi();
    const finance = api.as(`finance.${NUMBER}@demo.example`);
    const version = await returned(api);
    const first = await finance.costs.save(input({ expectedVersion: version, lines: [line({})] }));
    const again = await finance.costs.save(input({ expectedVersion: first.version, lines: [line({})] }));
    expect(again).toEqual({ written: false, version: first.version });
    expect(listAudit(api.db, { action: "costs.reportSaved", limit: 5 })).toHaveLength(1);
  });

  it("refuses a cost report in a closed year with the year, as a quality report is refused", async () => {
    const api = setupApi();
    const version = await returned(api);
    await api.as("admin@demo.example").years.close({ year: 2024 });
    const save = await expectTrpcError(() => api.as(`finance.${NUMBER}@demo.example`).costs.save(input({ expectedVersion: version, lines: [line({})] })));
    expect(expectAppError(save, "PERIOD_LOCKED").params).toEqual({ year: 2024 });
    const submit = await expectTrpcError(() => api.as(`finance.${NUMBER}@demo.example`).costs.submit({ municipalityNumber: NUMBER, year: 2024, expectedVersion: version }));
    expect(expectAppError(submit, "PERIOD_LOCKED").params).toEqual({ year: 2024 });
  });

  it("locks every report of a closed year, and the admin reopens it with a reason", async () => {
    const api = setupApi();
    const admin = api.as("admin@demo.example");
    await admin.years.close({ year: 2024 });
    const report = await api.as(`manager.${NUMBER}@demo.example`).costs.report({ municipalityNumber: NUMBER, year: 2024 });
    expect(report).toMatchObject({ yearState: "closed", actions: [] });
    const locked = await expectTrpcError(() => saveDraftTotal(api, NUMBER, 2024, 5));
    expectAppError(locked, "PERIOD_LOCKED");
    expect((await expectTrpcError(() => admin.years.reopen({ year: 2024, reason: "" }))).code).toBe("BAD_REQUEST");
    await admin.years.reopen({ year: 2024, reason: "Stavanger fant en feil i lisensene" });
    expect(JSON.parse(listAudit(api.db, { action: "years.reopened", limit: 1 })[0]?.details ?? "{}")).toMatchObject({ reason: "Stavanger fant en feil i lisensene" });
    expect((await saveDraftTotal(api, NUMBER, 2024, 5)).written).toBe(true);
    const year = (await admin.years.list()).find((y) => y.year === 2024);
    expect(year).toMatchObject({ state: "open", municipalities: 357 });
    expect(year?.byStatus.draft).toBe(1);
  });
});

describe("bad input changes nothing", () => {
  it.each([
    ["a negative amount", { lines: [line({ amount: -1 })] }, ["lines", 0, "amount"], "too_small"],
    ["a fraction of a krone", { lines: [line({ amount: 10.5 })] }, ["lines", 0, "amount"], "invalid_type"],
    ["an unknown service", { lines: [line({ service: "coffee" as CostLine["service"] })] }, ["lines", 0, "service"], "invalid_value"],
    ["a year far outside", { year: 1900 }, ["year"], "too_small"],
    ["an override without a reason", { populationOverride: { value: 100, reason: "" } }, ["populationOverride", "reason"], "too_small"],
  ])("rejects %s with a field issue", async (_name, patch, path, code) => {
    const api = setupApi();
    const finance = api.as(`finance.${NUMBER}@demo.example`);
    const version = await returned(api);
    const before = await snapshot(finance);
    const error = await expectTrpcError(() => finance.costs.save(input({ expectedVersion: version, ...patch })));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.cause).toBeInstanceOf(ZodError);
    expect((error.cause as ZodError).issues[0]).toMatchObject({ path, code });
    expect(await snapshot(finance)).toEqual(before);
  });

  it("names both rows of a duplicate line and a fagsystem of another organisation", async () => {
    const api = setupApi();
    const finance = api.as(`finance.${NUMBER}@demo.example`);
    const version = await returned(api);
    const before = await snapshot(finance);
    const error = await expectTrpcError(() => finance.costs.save(input({ expectedVersion: version, lines: [line({}), line({ amount: 2 }), line({ systemId: 1 })] })));
    expect(expectAppError(error, "VALIDATION_FAILED").issues).toEqual([
      { path: ["lines", 1, "service"], code: "DUPLICATE_LINE", params: { row: 2, firstRow: 1 } },
      { path: ["lines", 2, "systemId"], code: "UNKNOWN_SYSTEM", params: { row: 3 } },
    ]);
    expect(await snapshot(finance)).toEqual(before);
  });

  it("refuses a year that is not a reporting year, naming the range", async () => {
    const api = setupApi();
    const error = await expectTrpcError(() => api.as(`finance.${NUMBER}@demo.example`).costs.save(input({ year: 2030 })));
    expect(expectAppError(error, "YEAR_OUT_OF_RANGE").issues).toEqual([{ path: ["year"], code: "YEAR_OUT_OF_RANGE", params: { min: 2015, max: 2025 } }]);
  });

  it("refuses a stale version: a concurrent edit is never overwritten", async () => {
    const api = setupApi();
    const finance = api.as(`finance.${NUMBER}@demo.example`);
    const version = await returned(api);
    await finance.costs.save(input({ expectedVersion: version, lines: [line({ amount: 111 })] }));
    const error = await expectTrpcError(() => finance.costs.save(input({ expectedVersion: version, lines: [line({ amount: 222 })] })));
    expect(error.code).toBe("CONFLICT");
    expect(expectAppError(error, "VERSION_CONFLICT").params).toEqual({ currentVersion: version + 1 });
    const report = await finance.costs.report({ municipalityNumber: NUMBER, year: 2024 });
    expect(report.report?.totalItCost).toBe(111);
  });
});

describe("costs.importFile", () => {
  const csv = (text: string) => Buffer.from(`\uFEFF${text}`, "utf8").toString("base64");
  const FILE = [
    "IKT-tjeneste;Kostnadstype;Beløp (kr);Fagsystem;Kommentar",
    "Drift og forvaltning;Lisenser og programvare;1 250 000,00 kr;Demo sak/arkiv;",
    "Brukerstøtte;Egne ansatte;2 400 000;;Servicetorget",
    "IKT-ledelse og administrasjon;Egne ansatte;900 000;;",
  ].join("\r\n");

  it("previews, imports whole, and changes nothing when the same file comes again", async () => {
    const api = setupApi();
    const finance = api.as(`finance.${NUMBER}@demo.example`);
    const version = await returned(api);
    const preview = await finance.costs.importFile({ municipalityNumber: NUMBER, year: 2024, expectedVersion: version, fileName: "kostnader.csv", contentBase64: csv(FILE), dryRun: true });
    expect(preview).toMatchObject({ ok: true, written: false, format: "csv", delimiter: ";", lineCount: 3, total: { after: 4_550_000 } });
    // The demo report has the same three keys (changed amounts) and a dozen more (removed).
    expect(preview.changes?.changed.map((c) => c.service)).toEqual(["operations", "userSupport", "management"]);
    expect(preview.changes?.removed.length).toBeGreaterThan(5);
    expect((await finance.costs.report({ municipalityNumber: NUMBER, year: 2024 })).report?.version).toBe(version);

    const done = await finance.costs.importFile({ municipalityNumber: NUMBER, year: 2024, expectedVersion: version, fileName: "kostnader.csv", contentBase64: csv(FILE), dryRun: false });
    expect(done).toMatchObject({ ok: true, written: true, version: version + 1 });
    const report = await finance.costs.report({ municipalityNumber: NUMBER, year: 2024 });
    expect(report.report).toMatchObject({ totalItCost: 4_550_000, source: "import", status: "draft" });
    expect(report.report?.lines.find((l) => l.service === "operations")?.systemId).toBe(report.systems.find((s) => s.name === "Demo sak/arkiv")?.id);
    // The volumes of the report stay as they were.
    expect(report.report?.itUserAccounts).toBeGreaterThan(0);
    expect(listAudit(api.db, { action: "costs.reportImported", limit: 1 })[0]?.details).toContain("kostnader.csv");

    const again = await finance.costs.importFile({ municipalityNumber: NUMBER, year: 2024, expectedVersion: version + 1, fileName: "kostnader.csv", contentBase64: csv(FILE), dryRun: false });
    expect(again).toMatchObject({ ok: true, written: false, version: version + 1 });
  });

  it("lists every problem by row, column, value and reason, and a commit of that file changes nothing", async () => {
    const api = setupApi();
    const finance = api.as(`finance.${NUMBER}@demo.example`);
    const version = await returned(api);
    const bad = [
      "IKT-tjeneste;Kostnadstype;Beløp (kr);Fagsystem",
      "Drift og forvaltning;Lisenser og programvare;mange penger;",
      "Kaffe;Egne ansatte;100;",
      "Brukerstøtte;Egne ansatte;-5;Ukjent system",
    ].join("\n");
    const before = await snapshot(finance);
    const preview = await finance.costs.importFile({ municipalityNumber: NUMBER, year: 2024, expectedVersion: version, fileName: "feil.csv", contentBase64: csv(bad), dryRun: true });
    expect(preview.ok).toBe(false);
    expect(preview.issues.map((i) => [i.row, i.column, i.value, i.code])).toEqual([
      [2, "amount", "mange penger", "NOT_A_NUMBER"],
      [3, "service", "Kaffe", "UNKNOWN_SERVICE"],
      [4, "amount", "-5", "NEGATIVE"],
      [4, "system", "Ukjent system", "UNKNOWN_SYSTEM"],
    ]);
    const refused = await expectTrpcError(() =>
      finance.costs.importFile({ municipalityNumber: NUMBER, year: 2024, expectedVersion: version, fileName: "feil.csv", contentBase64: csv(bad), dryRun: false }),
    );
    const appError = expectAppError(refused, "IMPORT_REJECTED");
    expect(appError.issues[0]).toEqual({ path: ["rows", 2, "amount"], code: "NOT_A_NUMBER", params: { row: 2, value: "mange penger" } });
    expect(await snapshot(finance)).toEqual(before);
  });

  const fixture = (name: string) => readFileSync(new URL(`fixtures/${name}`, import.meta.url));

  it("imports a workbook LibreOffice wrote exactly: every amount, comment, fagsystem and total", async () => {
    const api = setupApi();
    const finance = api.as(`finance.${NUMBER}@demo.example`);
    const version = await returned(api);
    const contentBase64 = fixture("libreoffice-kostnader.xlsx").toString("base64");
    const request = { municipalityNumber: NUMBER, year: 2024, expectedVersion: version, fileName: "libreoffice-kostnader.xlsx", contentBase64 };
    const preview = await finance.costs.importFile({ ...request, dryRun: true });
    expect(preview).toMatchObject({ ok: true, format: "xlsx", lineCount: 5, total: { after: 5_512_500 } });
    // LibreOffice stored the amounts as numbers: the øre are rounded half up, and the preview says so.
    expect(preview.warnings).toEqual([
      { row: 3, column: "amount", code: "ROUNDED", value: "2400000.5", params: { amount: 2_400_001 } },
      { row: 4, column: "amount", code: "ROUNDED", value: "312499.49", params: { amount: 312_499 } },
    ]);

    await finance.costs.importFile({ ...request, dryRun: false });
    const { report, systems } = await finance.costs.report({ municipalityNumber: NUMBER, year: 2024 });
    const archive = systems.find((s) => s.name === "Demo sak/arkiv")?.id;
    expect(report?.lines).toEqual([
      { service: "userSupport", costType: "ownStaff", systemId: null, amount: 1_250_000, comment: "Servicetorget på rådhuset" },
      { service: "operations", costType: "licences", systemId: archive, amount: 2_400_001, comment: 'Avtale med "IKT Vest" – årlig' },
      { service: "development", costType: "externalServices", systemId: null, amount: 312_499, comment: "Blåbær-appen (æøå ÆØÅ)" },
      { service: "infrastructure", costType: "equipment", systemId: null, amount: 950_000, comment: null },
      { service: "management", costType: "ownStaff", systemId: null, amount: 600_000, comment: "Økonomisjef og IKT-sjef" },
    ]);
    expect(report?.totalItCost).toBe(5_512_500);
  });

  it("refuses a CSV file that is Windows-1252 with one UTF-8 line, naming the line, and stores nothing garbled", async () => {
    const api = setupApi();
    const finance = api.as(`finance.${NUMBER}@demo.example`);
    const version = await returned(api);
    const contentBase64 = fixture("blandet-tegnkoding.csv").toString("base64");
    const request = { municipalityNumber: NUMBER, year: 2024, expectedVersion: version, fileName: "blandet-tegnkoding.csv", contentBase64 };
    const before = await snapshot(finance);
    const preview = await finance.costs.importFile({ ...request, dryRun: true });
    expect(preview).toMatchObject({
      ok: false,
      fileError: { code: "MIXED_ENCODING", params: { line: 4, sample: "Utvikling;Eksterne tjenester;312 500;;Innkjøp av blåbær-app…" } },
      issues: [],
    });
    const refused = await expectTrpcError(() => finance.costs.importFile({ ...request, dryRun: false }));
    expect(expectAppError(refused, "IMPORT_REJECTED").params).toMatchObject({ reason: "MIXED_ENCODING" });
    expect(await snapshot(finance)).toEqual(before);
  });

  it("previews every line added, changed (before → after, per field) and removed, and the totals per service before and after", async () => {
    const api = setupApi();
    const finance = api.as(`finance.${NUMBER}@demo.example`);
    const view = await finance.costs.report({ municipalityNumber: NUMBER, year: 2024 });
    const archive = view.systems.find((s) => s.name === "Demo sak/arkiv")?.id ?? 0;
    const saved = await finance.costs.save(
      input({
        expectedVersion: await returned(api),
        lines: [
          line({ service: "operations", costType: "licences", systemId: archive, amount: 1_000_000, comment: "Sak/arkiv" }),
          line({ service: "userSupport", costType: "ownStaff", amount: 2_000_000 }),
          line({ service: "management", costType: "ownStaff", amount: 900_000 }),
          line({ service: "development", costType: "externalServices", amount: 300_000 }),
        ],
      }),
    );
    const file = [
      "IKT-tjeneste;Kostnadstype;Beløp (kr);Fagsystem;Kommentar",
      "Drift og forvaltning;Lisenser og programvare;1 250 000;Demo sak/arkiv;Sak/arkiv og ny modul",
      "Brukerstøtte;Egne ansatte;2 000 000;;",
      "IKT-ledelse og administrasjon;Egne ansatte;900 000;Demo sak/arkiv;",
      "Infrastruktur og utstyr;Utstyr;400 000;;Nye PC-er",
    ].join("\n");
    const preview = await finance.costs.importFile({ municipalityNumber: NUMBER, year: 2024, expectedVersion: saved.version, fileName: "endringer.csv", contentBase64: csv(file), dryRun: true });
    expect(preview.changes).toEqual({
      added: [{ service: "infrastructure", costType: "equipment", system: null, amount: 400_000, comment: "Nye PC-er" }],
      removed: [{ service: "development", costType: "externalServices", system: null, amount: 300_000, comment: null }],
      changed: [
        {
          service: "operations",
          costType: "licences",
          system: "Demo sak/arkiv",
          fields: [
            { field: "amount", before: 1_000_000, after: 1_250_000 },
            { field: "comment", before: "Sak/arkiv", after: "Sak/arkiv og ny modul" },
          ],
        },
        { service: "management", costType: "ownStaff", system: null, fields: [{ field: "system", before: null, after: "Demo sak/arkiv" }] },
      ],
      unchanged: 1,
      byService: [
        { service: "userSupport", before: 2_000_000, after: 2_000_000, difference: 0 },
        { service: "operations", before: 1_000_000, after: 1_250_000, difference: 250_000 },
        { service: "development", before: 300_000, after: 0, difference: -300_000 },
        { service: "infrastructure", before: 0, after: 400_000, difference: 400_000 },
        { service: "management", before: 900_000, after: 900_000, difference: 0 },
      ],
      total: { before: 4_200_000, after: 4_550_000, difference: 350_000 },
    });
    expect((await finance.costs.report({ municipalityNumber: NUMBER, year: 2024 })).report?.version).toBe(saved.version);
  });

  it("keeps the preview of a 2 000-line report small: what stays is counted, not sent", async () => {
    const api = setupApi();
    const finance = api.as(`finance.${NUMBER}@demo.example`);
    const stavanger = getMunicipalityByNumber(api.db, NUMBER)?.id ?? 0;
    const systemIds = Array.from({ length: 160 }, (_, i) => {
      const result = saveSystem(api.db, { organisationId: stavanger, id: null, expectedVersion: null, fields: { name: `Fagsystem ${String(i + 1).padStart(3, "0")}`, vendor: null, systemClass: "other", svarUt: false, inUseFrom: null, inUseTo: null }, now: "2026-01-01T00:00:00.000Z" });
      if (!result.ok) throw new Error(result.reason);
      return result.row.id;
    });
    // 2 000 lines on the first 80 fagsystemer, each with a comment of 40 characters.
    const keys = (offset: number) => systemIds.slice(offset, offset + 80).flatMap((systemId) => IT_SERVICES.flatMap((service) => COST_TYPES.map((costType) => ({ service, costType, systemId }))));
    const stored = keys(0).map((k, i) => line({ ...k, amount: 100_000 + i, comment: `Avtale ${String(i).padStart(4, "0")}, lisens og drift i 2024` }));
    const saved = await finance.costs.save(input({ expectedVersion: await returned(api), lines: stored }));
    const nameOf = new Map((await finance.costs.report({ municipalityNumber: NUMBER, year: 2024 })).systems.map((s) => [s.id, s.name]));
    const fileOf = (lines: CostLine[]) =>
      csv(["IKT-tjeneste;Kostnadstype;Beløp (kr);Fagsystem;Kommentar", ...lines.map((l) => [IT_SERVICE_NAMES[l.service].nb, COST_TYPE_NAMES[l.costType].nb, l.amount, nameOf.get(l.systemId ?? 0), l.comment].join(";"))].join("\n"));
    const preview = (lines: CostLine[]) =>
      finance.costs.importFile({ municipalityNumber: NUMBER, year: 2024, expectedVersion: saved.version, fileName: "stor.csv", contentBase64: fileOf(lines), dryRun: true });
    const kB = (value: unknown) => Buffer.byteLength(JSON.stringify(value)) / 1024;

    const same = await preview(stored);
    expect(same.changes).toMatchObject({ added: [], removed: [], changed: [], unchanged: 2_000 });
    expect(kB(same)).toBeLessThan(2);

    const everyAmount = await preview(stored.map((l) => ({ ...l, amount: l.amount + 1 })));
    expect(everyAmount.changes?.changed).toHaveLength(2_000);
    // About 130 bytes a changed line: the line's key and the field, nothing else.
    expect(kB(everyAmount)).toBeLessThan(300);

    // The worst case: every line goes and 2 000 others come (other fagsystemer, other amounts).
    const replaced = await preview(keys(80).map((k, i) => line({ ...k, amount: 200_000 + i, comment: `Ny avtale ${String(i).padStart(4, "0")}, lisens og drift` })));
    expect(replaced.changes).toMatchObject({ unchanged: 0, changed: [] });
    expect([replaced.changes?.added.length, replaced.changes?.removed.length]).toEqual([2_000, 2_000]);
    // Less than the largest upload (950 kB of base64) even now: about 135 bytes and the comment a line.
    expect(kB(replaced)).toBeLessThan(600);
  });

  it("refuses a file that is not a cost file, saying why", async () => {
    const api = setupApi();
    const finance = api.as(`finance.${NUMBER}@demo.example`);
    const version = await returned(api);
    const preview = await finance.costs.importFile({ municipalityNumber: NUMBER, year: 2024, expectedVersion: version, fileName: "x.csv", contentBase64: csv("Navn;Verdi\nA;1"), dryRun: true });
    expect(preview).toMatchObject({ ok: false, fileError: { code: "MISSING_COLUMN" } });
  });
});

describe("costs.importFile: a preview predicts every refusal of the import (issue 18)", () => {
  const csv = (text: string) => Buffer.from(text, "utf8").toString("base64");
  const FILE = "IKT-tjeneste;Kostnadstype;Beløp (kr)\r\nBrukerstøtte;Egne ansatte;1 200 000\r\n";
  const call = (caller: Caller, expectedVersion: number | null, dryRun: boolean, text = FILE) =>
    caller.costs.importFile({ municipalityNumber: NUMBER, year: 2024, expectedVersion, fileName: "kostnader.csv", contentBase64: csv(text), dryRun });

  /** The dry run and the commit are refused alike: same tRPC code, same AppError code and parameters. */
  async function expectSameRefusal(caller: Caller, expectedVersion: number | null, code: string) {
    const dry = await expectTrpcError(() => call(caller, expectedVersion, true));
    const commit = await expectTrpcError(() => call(caller, expectedVersion, false));
    expect(dry.code).toBe(commit.code);
    expect(expectAppError(dry, code).params).toEqual(expectAppError(commit, code).params);
    return expectAppError(dry, code).params;
  }

  it("refuses a preview against an approved report as the import refuses it, on the status", async () => {
    const api = setupApi();
    const finance = api.as(`finance.${NUMBER}@demo.example`);
    const before = await snapshot(finance);
    const version = before.report.report?.version ?? 0;
    expect(before.report.report?.status).toBe("approved");
    expect(await expectSameRefusal(finance, version, "STATUS_CONFLICT")).toEqual({ status: "approved", action: "edit" });
    expect(await snapshot(finance)).toEqual(before);
  });

  it("refuses a preview in a closed year, and one from a stale version, as the import refuses them", async () => {
    const api = setupApi();
    const finance = api.as(`finance.${NUMBER}@demo.example`);
    const version = await returned(api);
    await api.as("admin@demo.example").years.close({ year: 2024 });
    await expectSameRefusal(finance, version, "PERIOD_LOCKED");
    await api.as("admin@demo.example").years.reopen({ year: 2024, reason: "Stavanger retter lisensene" });
    expect(await expectSameRefusal(finance, version - 1, "VERSION_CONFLICT")).toEqual({ currentVersion: version });
    // The version read is the one that counts: with it, the preview goes through.
    expect(await call(finance, version, true)).toMatchObject({ ok: true, written: false });
  });

  it("reads an empty file as an empty file, in a preview too", async () => {
    const api = setupApi();
    const finance = api.as(`finance.${NUMBER}@demo.example`);
    const version = await returned(api);
    expect(await call(finance, version, true, "")).toMatchObject({ ok: false, fileError: { code: "EMPTY_FILE" } });
  });

  it("names every missing column and the headers found instead, and cuts a long value short in every issue", async () => {
    const api = setupApi();
    const finance = api.as(`finance.${NUMBER}@demo.example`);
    const version = await returned(api);
    const header = await call(finance, version, true, "Område;Art;Beløp (kr);Merknad\nBrukerstøtte;Egne ansatte;5;x\n");
    expect(header.fileError).toEqual({ code: "MISSING_COLUMN", params: { column: "service" }, missing: ["service", "costType"], unknown: ["Område", "Art"] });
    const long = "a".repeat(200_000);
    const rows = await call(finance, version, true, `IKT-tjeneste;Kostnadstype;Beløp (kr);Kommentar\n${long};Egne ansatte;5;${long}\n`);
    expect(rows.issues.map((i) => [i.column, i.code, i.value])).toEqual([
      ["service", "UNKNOWN_SERVICE", `${"a".repeat(59)}…`],
      ["comment", "COMMENT_TOO_LONG", `${"a".repeat(59)}…`],
    ]);
    expect(JSON.stringify(rows).length).toBeLessThan(2_000);
  });
});

describe("an IT cooperative reports on behalf of its members", () => {
  // Two Trøndelag neighbours; the demo has no cooperatives of its own.
  const COOP = "912345688";
  const MEMBERS = ["5025", "5026"];

  async function setup() {
    const api = setupApi();
    const admin = api.as("admin@demo.example");
    await admin.register.saveCooperative({ organisationNumber: COOP, name: "IKT Demo-samarbeid", memberNumbers: MEMBERS });
    const views = await Promise.all(MEMBERS.map((m) => admin.costs.report({ municipalityNumber: m, year: 2024 })));
    return { api, admin, views };
  }

  it("divides its approved costs per inhabitant; each member sees its share, and its indicators carry it", async () => {
    const { api, admin, views } = await setup();
    const [popA = 0, popB = 0] = views.map((v) => v.published.population?.value ?? 0);
    const k1Before = await api.as("board@demo.example").benchmarks.series({ indicatorCode: "K1", municipalityNumber: MEMBERS[0] ?? "" });
    const ownBefore = k1Before.points.find((p) => p.year === 2024)?.own?.numerator ?? 0;

    const saved = await admin.costs.save({
      ...input({ municipalityNumber: COOP, lines: [line({ amount: 10_000_000 }), line({ service: "management", amount: 1_000_001 })], itUserAccounts: null }),
      allocation: { key: "perInhabitant", shares: null },
    });
    const draft = await admin.costs.report({ municipalityNumber: COOP, year: 2024 });
    expect(draft.kind).toBe("itCooperative");
    const allocation = draft.allocations[0];
    expect(allocation).toMatchObject({ cooperativeName: "IKT Demo-samarbeid", key: "perInhabitant", complete: true, status: "draft" });
    expect(allocation?.members.map((m) => m.total).reduce((a, b) => a + b, 0)).toBe(11_000_001);
    expect(allocation?.members[0]?.share).toBeCloseTo(popA / (popA + popB), 12);

    // Not counted until approved: a draft at the cooperative does not touch the members' figures.
    const stillBefore = await api.as("board@demo.example").benchmarks.series({ indicatorCode: "K1", municipalityNumber: MEMBERS[0] ?? "" });
    expect(stillBefore.points.find((p) => p.year === 2024)?.own?.numerator).toBe(ownBefore);

    await admin.costs.submit({ municipalityNumber: COOP, year: 2024, expectedVersion: saved.version });
    await admin.costs.approve({ municipalityNumber: COOP, year: 2024, expectedVersion: saved.version + 1 });
    const share = allocation?.members[0]?.total ?? 0;
    const after = await api.as("board@demo.example").benchmarks.series({ indicatorCode: "K1", municipalityNumber: MEMBERS[0] ?? "" });
    expect(after.points.find((p) => p.year === 2024)?.own?.numerator).toBe(ownBefore + share);

    // The member sees its share in its own report.
    const member = await admin.costs.report({ municipalityNumber: MEMBERS[0] ?? "", year: 2024 });
    expect(member.allocations).toHaveLength(1);
    expect(member.allocations[0]?.members.map((m) => [m.number, m.total])).toEqual([[MEMBERS[0], share]]);
    expect(member.allocatedLines.reduce((s, l) => s + l.amount, 0)).toBe(share);

    // The cooperative's own costs never enter the read model as a unit of their own.
    const national = await api.as("board@demo.example").benchmarks.series({ indicatorCode: "K6", municipalityNumber: MEMBERS[1] ?? "" });
    expect(national.points.find((p) => p.year === 2024)?.national.n).toBeLessThanOrEqual(357);

    // Returned for correction, the cooperative's costs leave the members' figures until approved again.
    await admin.costs.return({ municipalityNumber: COOP, year: 2024, expectedVersion: saved.version + 2, comment: "Rett fordelingen" });
    const returned = await api.as("board@demo.example").benchmarks.series({ indicatorCode: "K1", municipalityNumber: MEMBERS[0] ?? "" });
    expect(returned.points.find((p) => p.year === 2024)?.own?.numerator).toBe(ownBefore);
  });

  it("takes fixed shares only when they name every member and add up to 100 %", async () => {
    const { admin } = await setup();
    const bad = await expectTrpcError(() =>
      admin.costs.save({ ...input({ municipalityNumber: COOP, lines: [line({})] }), allocation: { key: "fixedShares", shares: { "5025": 6_000, "5026": 3_000 } } }),
    );
    expect(expectAppError(bad, "VALIDATION_FAILED").issues).toEqual([{ path: ["allocation", "shares"], code: "SHARES_NOT_FULL", params: { sum: 90 } }]);
    const stranger = await expectTrpcError(() =>
      admin.costs.save({ ...input({ municipalityNumber: COOP, lines: [line({})] }), allocation: { key: "fixedShares", shares: { "5025": 5_000, "0301": 5_000 } } }),
    );
    expect(expectAppError(stranger, "VALIDATION_FAILED").issues[0]).toMatchObject({ code: "NOT_A_MEMBER", params: { numbers: "0301" } });
    await admin.costs.save({ ...input({ municipalityNumber: COOP, lines: [line({ amount: 1_000 })] }), allocation: { key: "fixedShares", shares: { "5025": 7_500, "5026": 2_500 } } });
    const view = await admin.costs.report({ municipalityNumber: COOP, year: 2024 });
    expect(view.allocations[0]?.members.map((m) => m.total)).toEqual([750, 250]);
    // A municipality's report has no allocation key.
    const notCoop = await expectTrpcError(() => admin.costs.save({ ...input({ municipalityNumber: "5025", expectedVersion: 1 }), allocation: { key: "perItUser", shares: null } }));
    expect(notCoop.code).not.toBe("FORBIDDEN");
  });

  it("waits for every member's approved IT user count before dividing per IT user", async () => {
    const { api, admin } = await setup();
    await admin.costs.save({ ...input({ municipalityNumber: COOP, lines: [line({ amount: 1_000 })] }), allocation: { key: "perItUser", shares: null } });
    const complete = await admin.costs.report({ municipalityNumber: COOP, year: 2024 });
    expect(complete.allocations[0]).toMatchObject({ complete: true, key: "perItUser", missing: [] });
    expect(complete.allocations[0]?.members.map((m) => m.total).reduce((a, b) => a + b, 0)).toBe(1_000);

    // A draft without an IT user count changes nothing; once approved so, nothing is divided, and the member is named.
    await approveCorrection(api, "5026", [{ lines: [line({})], itUserAccounts: null }], async () => {
      expect(await admin.costs.report({ municipalityNumber: COOP, year: 2024 })).toEqual(complete);
    });
    const incomplete = await admin.costs.report({ municipalityNumber: COOP, year: 2024 });
    expect(incomplete.allocations[0]).toMatchObject({ complete: false, missing: ["5026"] });
    expect(incomplete.allocations[0]?.members.every((m) => m.total === 0)).toBe(true);
  });
});

/**
 * Corrects a municipality's approved report as its own people do (the admin, where the demo has
 * none): the manager returns it, finance saves each draft in turn (`afterSave` runs after each) and
 * then the last one with its warnings explained, and submits. Gives the submitted version.
 */
async function submitCorrection(
  api: ReturnType<typeof setupApi>,
  number: string,
  drafts: readonly { lines: readonly CostLine[]; itUserAccounts: number | null }[],
  afterSave: () => Promise<unknown> = () => Promise.resolve(),
): Promise<number> {
  const hasPeople = DEMO_USER_MUNICIPALITIES.some((n) => n === number);
  const manager = api.as(hasPeople ? `manager.${number}@demo.example` : "admin@demo.example");
  const finance = api.as(hasPeople ? `finance.${number}@demo.example` : "admin@demo.example");
  const approved = await manager.costs.report({ municipalityNumber: number, year: 2024 });
  let { version } = await manager.costs.return({ municipalityNumber: number, year: 2024, expectedVersion: approved.report?.version ?? 0, comment: "Rett tallene" });
  await afterSave();
  const save = async (content: (typeof drafts)[number], warningComments: Record<string, string> = {}) => {
    version = (await finance.costs.save({ ...input({ municipalityNumber: number, expectedVersion: version, ...content }), warningComments })).version;
  };
  for (const draft of drafts) {
    await save(draft);
    await afterSave();
  }
  const last = drafts.at(-1);
  const { unexplained } = await finance.costs.report({ municipalityNumber: number, year: 2024 });
  if (last && unexplained.length > 0) await save(last, Object.fromEntries(unexplained.map((key) => [key, "Rettet etter ny telling"])));
  return (await finance.costs.submit({ municipalityNumber: number, year: 2024, expectedVersion: version })).version;
}

/** `submitCorrection`, and the manager (or the admin) approves. */
async function approveCorrection(...args: Parameters<typeof submitCorrection>) {
  const [api, number] = args;
  const version = await submitCorrection(...args);
  const manager = api.as(DEMO_USER_MUNICIPALITIES.some((n) => n === number) ? `manager.${number}@demo.example` : "admin@demo.example");
  await manager.costs.approve({ municipalityNumber: number, year: 2024, expectedVersion: version });
}

describe("a report before approval, to readers outside the organisation (issue 17, finding 3)", () => {
  it("gives the board the status and who submitted it when, and none of its content", async () => {
    const api = setupApi();
    await submitCorrection(api, NUMBER, [{ lines: [line({ amount: 31_337, comment: "Lisenser 31 337" })], itUserAccounts: 31_337 }]);
    const board = api.as("board@demo.example");
    const view = await board.costs.report({ municipalityNumber: NUMBER, year: 2024 });
    expect(view).toMatchObject({
      report: null,
      // Who submitted it by name, not by e-mail address (issue 20, point 28).
      withheld: { status: "submitted", submittedBy: findUserByEmail(api.db, `finance.${NUMBER}@demo.example`)?.name, isDemo: false },
      allocations: [],
      allocatedLines: [],
      warnings: [],
      unexplained: [],
      actions: [],
    });
    expect(JSON.stringify(view)).not.toMatch(/31337|31 337|Rett tallene/);
    const years = await board.costs.list({ municipalityNumber: NUMBER });
    expect(years.find((y) => y.year === 2024)).toMatchObject({ status: "submitted", totalItCost: null, withheld: true });
    expect(years.find((y) => y.year === 2023)).toMatchObject({ status: "approved", withheld: false });
    expect(years.find((y) => y.year === 2023)?.totalItCost).toBeGreaterThan(0);

    // Its own organisation and the admins read it in full.
    for (const email of [`manager.${NUMBER}@demo.example`, "admin@demo.example"]) {
      const full = await api.as(email).costs.report({ municipalityNumber: NUMBER, year: 2024 });
      expect(full).toMatchObject({ withheld: null, report: { status: "submitted", totalItCost: 31_337, itUserAccounts: 31_337 } });
    }
  });
});

describe("a member's draft never reaches its IT cooperative's allocation (issue 17, finding 2)", () => {
  // The outside test's reproduction: a cooperative of Oslo and Trondheim, divided per IT user.
  const COOP = "923456783";
  const YEAR = 2024;

  /** The cooperative with a draft report of one line of `amount`, divided per IT user, saved by the admin. */
  async function draftCooperative(amount: number) {
    const api = setupApi();
    const admin = api.as("admin@demo.example");
    await admin.register.saveCooperative({ organisationNumber: COOP, name: "IKT Oslo–Trondheim", memberNumbers: ["0301", "5001"] });
    const saved = await admin.costs.save({
      ...input({ municipalityNumber: COOP, lines: [line({ amount })], itUserAccounts: null }),
      allocation: { key: "perItUser", shares: null },
    });
    const approve = async () => {
      await admin.costs.submit({ municipalityNumber: COOP, year: YEAR, expectedVersion: saved.version });
      await admin.costs.approve({ municipalityNumber: COOP, year: YEAR, expectedVersion: saved.version + 1 });
    };
    return { api, admin, approve };
  }

  async function approvedCooperative() {
    const cooperative = await draftCooperative(12_000_000);
    await cooperative.approve();
    return cooperative;
  }

  /** What Trondheim and the board see of Trondheim's allocation and K1. */
  async function trondheim(api: ReturnType<typeof setupApi>) {
    const own = await api.as("finance.5001@demo.example").costs.report({ municipalityNumber: "5001", year: YEAR });
    const coop = await api.as("admin@demo.example").costs.report({ municipalityNumber: COOP, year: YEAR });
    const k1 = await api.as("board@demo.example").benchmarks.series({ indicatorCode: "K1", municipalityNumber: "5001" });
    return {
      allocation: own.allocations,
      allocatedTotal: own.allocatedLines.reduce((sum, l) => sum + l.amount, 0),
      coopRow: coop.allocations[0]?.members.find((m) => m.number === "5001"),
      k1: k1.points.find((p) => p.year === YEAR)?.own,
    };
  }

  it("keeps Trondheim's allocation, share and approved K1 while Oslo saves drafts of 31 337 and then 10 000 000 IT users", async () => {
    const { api } = await approvedCooperative();
    const before = await trondheim(api);
    expect(before.allocation[0]).toMatchObject({ complete: true, status: "approved" });
    expect(before.allocatedTotal).toBeGreaterThan(0);
    expect(before.coopRow?.share).toBeGreaterThan(0);

    // Oslo's manager returns the approved report for correction; finance saves drafts, and only approval moves the allocation.
    const oslo = await api.as("finance.0301@demo.example").costs.report({ municipalityNumber: "0301", year: YEAR });
    const lines = oslo.report?.lines ?? [];
    let drafts = 0;
    await approveCorrection(api, "0301", [{ lines, itUserAccounts: 31_337 }, { lines, itUserAccounts: 10_000_000 }], async () => {
      expect(await trondheim(api)).toEqual(before);
      const own = await api.as("finance.0301@demo.example").costs.report({ municipalityNumber: "0301", year: YEAR });
      const coop = await api.as("admin@demo.example").costs.report({ municipalityNumber: COOP, year: YEAR });
      // Oslo sees its own draft, while the cooperative still divides by the figure last approved.
      expect(own.report?.itUserAccounts).toBe([oslo.report?.itUserAccounts, 31_337, 10_000_000][drafts++]);
      expect(coop.allocations[0]?.members.find((m) => m.number === "0301")).toMatchObject({ itUserAccounts: oslo.report?.itUserAccounts, basis: "approvedReport" });
    });
    expect(drafts).toBe(3);
    const after = await trondheim(api);
    expect(after.coopRow?.share).toBeLessThan(before.coopRow?.share ?? 0);
    expect(after.k1?.numerator).toBeLessThan(before.k1?.numerator ?? 0);
  });

  it("shows a member its share of the cooperative's costs once the cooperative's report is approved", async () => {
    const { api, admin, approve } = await draftCooperative(31_337);
    const member = await api.as("finance.5001@demo.example").costs.report({ municipalityNumber: "5001", year: YEAR });
    expect(member.allocations).toEqual([
      { cooperativeNumber: COOP, cooperativeName: "IKT Oslo–Trondheim", status: "draft", withheld: true, key: null, complete: false, missing: [], members: [] },
    ]);
    expect(JSON.stringify(member)).not.toContain("31337");
    // The admin may read the cooperative's drafts, and sees the draft division.
    const byAdmin = await admin.costs.report({ municipalityNumber: "5001", year: YEAR });
    expect(byAdmin.allocations[0]).toMatchObject({ withheld: false, status: "draft", key: "perItUser", complete: true });

    await approve();
    const approved = await api.as("finance.5001@demo.example").costs.report({ municipalityNumber: "5001", year: YEAR });
    expect(approved.allocations[0]).toMatchObject({ withheld: false, status: "approved", key: "perItUser", complete: true });
    expect(approved.allocations[0]?.members.map((m) => m.number)).toEqual(["5001"]);
  });

  it("divides by the registered population unless an approved report replaces it, and says which", async () => {
    const api = setupApi();
    const admin = api.as("admin@demo.example");
    await admin.register.saveCooperative({ organisationNumber: COOP, name: "IKT Oslo–Trondheim", memberNumbers: ["0301", "5001"] });
    // Oslo's approved 2024 report has no override; a draft gives one, which the allocation must not take.
    const oslo = await admin.costs.report({ municipalityNumber: "0301", year: YEAR });
    await admin.costs.save({
      ...input({ municipalityNumber: COOP, lines: [line({ amount: 1_000_000 })], itUserAccounts: null }),
      allocation: { key: "perInhabitant", shares: null },
    });
    const { version } = await admin.costs.return({ municipalityNumber: "0301", year: YEAR, expectedVersion: oslo.report?.version ?? 0, comment: "Feil folketall" });
    await api.as("finance.0301@demo.example").costs.save({
      ...input({ municipalityNumber: "0301", expectedVersion: version, lines: oslo.report?.lines ?? [] }),
      itUserAccounts: oslo.report?.itUserAccounts ?? null,
      populationOverride: { value: 31_337, reason: "Utkast" },
    });
    const coop = await admin.costs.report({ municipalityNumber: COOP, year: YEAR });
    const row = coop.allocations[0]?.members.find((m) => m.number === "0301");
    expect(row).toMatchObject({ population: oslo.published.population?.value, basis: "registeredPopulation" });
  });
});
