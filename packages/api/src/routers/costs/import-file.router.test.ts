import { readFileSync } from "node:fs";

import { getMunicipalityByNumber, listAudit, saveSystem } from "@malestokk/db";
import { COST_TYPE_NAMES, COST_TYPES, IT_SERVICE_NAMES, IT_SERVICES, type CostLine } from "@malestokk/domain";
import { describe, expect, it } from "vitest";

import { expectAppError, expectTrpcError, setupApi, type Caller } from "../../test-helpers";
import { input, line, NUMBER, returned, snapshot } from "./test-helpers";

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
    const preview = await finance.costs.importFile({
      municipalityNumber: NUMBER,
      year: 2024,
      expectedVersion: version,
      fileName: "kostnader.csv",
      contentBase64: csv(FILE),
      dryRun: true,
    });
    expect(preview).toMatchObject({ ok: true, written: false, format: "csv", delimiter: ";", lineCount: 3, total: { after: 4_550_000 } });
    // The demo report has the same three keys (changed amounts) and a dozen more (removed).
    expect(preview.changes?.changed.map((c) => c.service)).toEqual(["operations", "userSupport", "management"]);
    expect(preview.changes?.removed.length).toBeGreaterThan(5);
    expect((await finance.costs.report({ municipalityNumber: NUMBER, year: 2024 })).report?.version).toBe(version);

    const done = await finance.costs.importFile({
      municipalityNumber: NUMBER,
      year: 2024,
      expectedVersion: version,
      fileName: "kostnader.csv",
      contentBase64: csv(FILE),
      dryRun: false,
    });
    expect(done).toMatchObject({ ok: true, written: true, version: version + 1 });
    const report = await finance.costs.report({ municipalityNumber: NUMBER, year: 2024 });
    expect(report.report).toMatchObject({ totalItCost: 4_550_000, source: "import", status: "draft" });
    expect(report.report?.lines.find((l) => l.service === "operations")?.systemId).toBe(
      report.systems.find((s) => s.name === "Demo sak/arkiv")?.id,
    );
    // The volumes of the report stay as they were.
    expect(report.report?.itUserAccounts).toBeGreaterThan(0);
    expect(listAudit(api.db, { action: "costs.reportImported", limit: 1 })[0]?.details).toContain("kostnader.csv");

    const again = await finance.costs.importFile({
      municipalityNumber: NUMBER,
      year: 2024,
      expectedVersion: version + 1,
      fileName: "kostnader.csv",
      contentBase64: csv(FILE),
      dryRun: false,
    });
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
    const preview = await finance.costs.importFile({
      municipalityNumber: NUMBER,
      year: 2024,
      expectedVersion: version,
      fileName: "feil.csv",
      contentBase64: csv(bad),
      dryRun: true,
    });
    expect(preview.ok).toBe(false);
    expect(preview.issues.map((i) => [i.row, i.column, i.value, i.code])).toEqual([
      [2, "amount", "mange penger", "NOT_A_NUMBER"],
      [3, "service", "Kaffe", "UNKNOWN_SERVICE"],
      [4, "amount", "-5", "NEGATIVE"],
      [4, "system", "Ukjent system", "UNKNOWN_SYSTEM"],
    ]);
    const refused = await expectTrpcError(() =>
      finance.costs.importFile({
        municipalityNumber: NUMBER,
        year: 2024,
        expectedVersion: version,
        fileName: "feil.csv",
        contentBase64: csv(bad),
        dryRun: false,
      }),
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
    const request = {
      municipalityNumber: NUMBER,
      year: 2024,
      expectedVersion: version,
      fileName: "libreoffice-kostnader.xlsx",
      contentBase64,
    };
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
    const preview = await finance.costs.importFile({
      municipalityNumber: NUMBER,
      year: 2024,
      expectedVersion: saved.version,
      fileName: "endringer.csv",
      contentBase64: csv(file),
      dryRun: true,
    });
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
      const result = saveSystem(api.db, {
        organisationId: stavanger,
        id: null,
        expectedVersion: null,
        fields: {
          name: `Fagsystem ${String(i + 1).padStart(3, "0")}`,
          vendor: null,
          systemClass: "other",
          svarUt: false,
          inUseFrom: null,
          inUseTo: null,
        },
        now: "2026-01-01T00:00:00.000Z",
      });
      if (!result.ok) throw new Error(result.reason);
      return result.row.id;
    });
    // 2 000 lines on the first 80 fagsystemer, each with a comment of 40 characters.
    const keys = (offset: number) =>
      systemIds
        .slice(offset, offset + 80)
        .flatMap((systemId) => IT_SERVICES.flatMap((service) => COST_TYPES.map((costType) => ({ service, costType, systemId }))));
    const stored = keys(0).map((k, i) =>
      line({ ...k, amount: 100_000 + i, comment: `Avtale ${String(i).padStart(4, "0")}, lisens og drift i 2024` }),
    );
    const saved = await finance.costs.save(input({ expectedVersion: await returned(api), lines: stored }));
    const nameOf = new Map((await finance.costs.report({ municipalityNumber: NUMBER, year: 2024 })).systems.map((s) => [s.id, s.name]));
    const fileOf = (lines: CostLine[]) =>
      csv(
        [
          "IKT-tjeneste;Kostnadstype;Beløp (kr);Fagsystem;Kommentar",
          ...lines.map((l) =>
            [IT_SERVICE_NAMES[l.service].nb, COST_TYPE_NAMES[l.costType].nb, l.amount, nameOf.get(l.systemId ?? 0), l.comment].join(";"),
          ),
        ].join("\n"),
      );
    const preview = (lines: CostLine[]) =>
      finance.costs.importFile({
        municipalityNumber: NUMBER,
        year: 2024,
        expectedVersion: saved.version,
        fileName: "stor.csv",
        contentBase64: fileOf(lines),
        dryRun: true,
      });
    const kB = (value: unknown) => Buffer.byteLength(JSON.stringify(value)) / 1024;

    const same = await preview(stored);
    expect(same.changes).toMatchObject({ added: [], removed: [], changed: [], unchanged: 2_000 });
    expect(kB(same)).toBeLessThan(2);

    const everyAmount = await preview(stored.map((l) => ({ ...l, amount: l.amount + 1 })));
    expect(everyAmount.changes?.changed).toHaveLength(2_000);
    // About 130 bytes a changed line: the line's key and the field, nothing else.
    expect(kB(everyAmount)).toBeLessThan(300);

    // The worst case: every line goes and 2 000 others come (other fagsystemer, other amounts).
    const replaced = await preview(
      keys(80).map((k, i) => line({ ...k, amount: 200_000 + i, comment: `Ny avtale ${String(i).padStart(4, "0")}, lisens og drift` })),
    );
    expect(replaced.changes).toMatchObject({ unchanged: 0, changed: [] });
    expect([replaced.changes?.added.length, replaced.changes?.removed.length]).toEqual([2_000, 2_000]);
    // Less than the largest upload (950 kB of base64) even now: about 135 bytes and the comment a line.
    expect(kB(replaced)).toBeLessThan(600);
  });

  it("refuses a file that is not a cost file, saying why", async () => {
    const api = setupApi();
    const finance = api.as(`finance.${NUMBER}@demo.example`);
    const version = await returned(api);
    const preview = await finance.costs.importFile({
      municipalityNumber: NUMBER,
      year: 2024,
      expectedVersion: version,
      fileName: "x.csv",
      contentBase64: csv("Navn;Verdi\nA;1"),
      dryRun: true,
    });
    expect(preview).toMatchObject({ ok: false, fileError: { code: "MISSING_COLUMN" } });
  });
});

describe("costs.importFile: a preview predicts every refusal of the import (issue 18)", () => {
  const csv = (text: string) => Buffer.from(text, "utf8").toString("base64");
  const FILE = "IKT-tjeneste;Kostnadstype;Beløp (kr)\r\nBrukerstøtte;Egne ansatte;1 200 000\r\n";
  const call = (caller: Caller, expectedVersion: number | null, dryRun: boolean, text = FILE) =>
    caller.costs.importFile({
      municipalityNumber: NUMBER,
      year: 2024,
      expectedVersion,
      fileName: "kostnader.csv",
      contentBase64: csv(text),
      dryRun,
    });

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
    expect(header.fileError).toEqual({
      code: "MISSING_COLUMN",
      params: { column: "service" },
      missing: ["service", "costType"],
      unknown: ["Område", "Art"],
    });
    const long = "a".repeat(200_000);
    const rows = await call(finance, version, true, `IKT-tjeneste;Kostnadstype;Beløp (kr);Kommentar\n${long};Egne ansatte;5;${long}\n`);
    expect(rows.issues.map((i) => [i.column, i.code, i.value])).toEqual([
      ["service", "UNKNOWN_SERVICE", `${"a".repeat(59)}…`],
      ["comment", "COMMENT_TOO_LONG", `${"a".repeat(59)}…`],
    ]);
    expect(JSON.stringify(rows).length).toBeLessThan(2_000);
  });
});
