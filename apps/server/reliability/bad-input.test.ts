import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { createDb } from "@malestokk/db";
import { strToU8, zipSync } from "fflate";
import { afterAll, describe, expect, it } from "vitest";

import { Client, openForEditing, preparedDatabase, random, startServer, type Reply, type ReportView } from "./harness";

// 10 000 generated malformed import files and API payloads: no 5xx, no partial commit, and every
// refusal says why (docs/quality-targets.md#r-7, #s-7).
const FILES = 5_000;
const PAYLOADS = 5_000;
const CONCURRENCY = 16;
const dir = mkdtempSync(join(tmpdir(), "malestokk-bad-input-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEADER = "IKT-tjeneste;Kostnadstype;Beløp (kr);Fagsystem;Kommentar";
const GOOD_ROWS = ["Brukerstøtte;Egne ansatte;1 200 000;;", "Drift og forvaltning;Lisenser og programvare;800 000,00;;"];
const BAD_CELLS = [
  "",
  "abc",
  "1e309",
  "-",
  "=cmd|' /C calc'!A0",
  "12,34,56",
  "x".repeat(5_000),
  "Kaffe",
  "NaN",
  "-0",
  "(1 234",
  "1 234,5,6",
  "\u0000",
  "🙂",
  "99999999999999999999",
];

function malformedFile(next: () => number): Uint8Array {
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)] as T;
  switch (Math.floor(next() * 7)) {
    case 0: // random bytes
      return Uint8Array.from({ length: Math.floor(next() * 2_000) + 1 }, () => Math.floor(next() * 256));
    case 1: {
      // a real header and rows with broken cells
      const rows = GOOD_ROWS.map((r) =>
        r
          .split(";")
          .map((c) => (next() < 0.4 ? pick(BAD_CELLS) : c))
          .join(";"),
      );
      return Buffer.from([HEADER, ...rows].join("\r\n"));
    }
    case 2: // an XLSX that is not one
      return Buffer.concat([Buffer.from("PK\u0003\u0004"), Buffer.from(Array.from({ length: 500 }, () => Math.floor(next() * 256)))]);
    case 3: // too many rows
      return Buffer.from(
        [HEADER, ...Array.from({ length: 2_001 + Math.floor(next() * 50) }, (_, i) => `Brukerstøtte;Egne ansatte;${i + 1};;`)].join("\n"),
      );
    case 4: // the same line twice, or a header missing its columns
      return Buffer.from(next() < 0.5 ? [HEADER, GOOD_ROWS[0], GOOD_ROWS[0]].join("\n") : ["Tjeneste;Sum", "Brukerstøtte;100"].join("\n"));
    case 5: // UTF-16 with a BOM and broken content
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from([HEADER, `${pick(BAD_CELLS)};Egne ansatte;x;;`].join("\n"), "utf16le")]);
    default: // a header only, or nothing but separators
      return Buffer.from(next() < 0.5 ? HEADER : ";;;;\n;;;;\n");
  }
}

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

function workbook(sheet: string, sharedStrings?: string): Uint8Array {
  return zipSync(
    {
      "xl/workbook.xml": strToU8(`<workbook xmlns:r="${REL}"><sheets><sheet name="Ark1" r:id="rId1"/></sheets></workbook>`),
      "xl/_rels/workbook.xml.rels": strToU8(
        `<Relationships><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
      ),
      "xl/worksheets/sheet1.xml": strToU8(sheet),
      ...(sharedStrings === undefined ? {} : { "xl/sharedStrings.xml": strToU8(sharedStrings) }),
    },
    { level: 9 },
  );
}

const HEADER_ROW =
  '<row r="1"><c t="inlineStr"><is><t>IKT-tjeneste</t></is></c><c t="inlineStr"><is><t>Kostnadstype</t></is></c><c t="inlineStr"><is><t>Beløp (kr)</t></is></c></row>';

/** Workbooks built to hurt a reader: each is sent several times, among the random files. */
const HOSTILE_WORKBOOKS: readonly (readonly [string, Uint8Array])[] = [
  ["unclosed rows", workbook(`<worksheet><sheetData>${"<row>".repeat(160_000)}`)],
  ["unclosed cells", workbook(`<worksheet><sheetData><row r="1">${'<c r="A1"><v>'.repeat(100_000)}`)],
  [
    "rows in comments",
    workbook(`<worksheet><sheetData>${HEADER_ROW}${"<!-- <row><c><v>1</v></c></row> -->".repeat(50_000)}</sheetData></worksheet>`),
  ],
  [
    "rows in processing instructions",
    workbook(`<worksheet><sheetData>${HEADER_ROW}${"<?x <row><c><v>1</v></c></row> ?>".repeat(50_000)}</sheetData></worksheet>`),
  ],
  [
    "1.2 million shared strings",
    workbook(`<worksheet><sheetData>${HEADER_ROW}</sheetData></worksheet>`, `<sst>${"<si><t>x</t></si>".repeat(1_200_000)}</sst>`),
  ],
  ["deep nesting", workbook(`<worksheet><sheetData>${"<row>".repeat(5_000)}${"</row>".repeat(5_000)}</sheetData></worksheet>`)],
  [
    "entity expansion",
    workbook(
      '<!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><worksheet><sheetData><row><c t="inlineStr"><is><t>&b;</t></is></c></row></sheetData></worksheet>',
    ),
  ],
  [
    "40 000 legal rows",
    workbook(
      `<worksheet><sheetData>${`<row>${'<c t="inlineStr"><is><t>Drift og forvaltning</t></is></c>'.repeat(8)}</row>`.repeat(40_000)}</sheetData></worksheet>`,
    ),
  ],
];
const HOSTILE_REPEATS = 3;

function fuzzValue(next: () => number, depth = 0): unknown {
  const r = next();
  if (depth > 3 || r < 0.15) return null;
  if (r < 0.3) return Math.floor(next() * 2 ** 40) * (next() < 0.5 ? -1 : 1);
  if (r < 0.4) return next() * 1e12;
  if (r < 0.55) return BAD_CELLS[Math.floor(next() * BAD_CELLS.length)];
  if (r < 0.65) return next() < 0.5;
  if (r < 0.8) return Array.from({ length: Math.floor(next() * 4) }, () => fuzzValue(next, depth + 1));
  return Object.fromEntries(
    Array.from({ length: Math.floor(next() * 5) }, (_, i) => [
      ["municipalityNumber", "year", "lines", "amount", "expectedVersion", "title", "name", "projectId", "benefit", "idea"][i] ?? `k${i}`,
      fuzzValue(next, depth + 1),
    ]),
  );
}

const MUTATIONS = [
  "costs.save",
  "costs.submit",
  "systems.save",
  "quality.save",
  "benefits.createProject",
  "benefits.saveBenefit",
  "benefits.addMeasurement",
  "ideas.submit",
  "ideas.step",
  "peers.create",
  "admin.createUser",
  "costs.importFile",
];

function reasonOf(reply: Reply): string | null {
  const appError = reply.body?.error?.data?.appError;
  if (!appError) return null;
  // A validation refusal names its fields, except for a body that is not JSON at all.
  if (appError.code === "VALIDATION_FAILED" && appError.issues.length === 0 && Object.keys(appError.params).length === 0)
    return "VALIDATION_FAILED (unparsable body)";
  return appError.code;
}

describe("bad input", () => {
  it(`answers ${FILES} malformed import files and ${PAYLOADS} malformed payloads with a reason each, never a 5xx, and commits nothing`, async () => {
    const path = join(dir, "db.sqlite");
    await preparedDatabase(path);
    const server = await startServer(path);
    const admin = await Client.signIn(server.base, "admin@demo.example");
    await openForEditing(admin, "0301", 2025);
    const reportVersion = async () =>
      Client.data<ReportView>(await admin.query("costs.report", { municipalityNumber: "0301", year: 2025 }), "report").report?.version ??
      null;
    let version = await reportVersion();
    const seed = Date.now();
    const next = random(seed);
    const statuses = new Map<number, number>();
    const reasons = new Map<string, number>();
    const failures: string[] = [];
    let accepted = 0;

    // What /healthz takes on this machine with nothing else to do, asked the same way for 2 s: a busy
    // runner adds that on its own, so the bound below is a second beyond it.
    let idleWorst = 0;
    for (const until = performance.now() + 2_000; performance.now() < until;) {
      const started = performance.now();
      await fetch(`${server.base}/healthz`);
      idleWorst = Math.max(idleWorst, performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }

    // Throughout, /healthz is asked every 50 ms: no file may stall the server for everyone else.
    let stop = false;
    let phase: "files" | "payloads" = "files";
    const worstStall = { files: 0, payloads: 0 };
    const watching = (async () => {
      while (!stop) {
        const started = performance.now();
        await fetch(`${server.base}/healthz`);
        worstStall[phase] = Math.max(worstStall[phase], performance.now() - started);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();

    // Files one at a time against the same report, so a partial commit would show as a new version.
    const files = Array.from({ length: FILES }, () => malformedFile(next));
    for (let repeat = 0; repeat < HOSTILE_REPEATS; repeat++) {
      for (const [, bytes] of HOSTILE_WORKBOOKS) files.splice(Math.floor(next() * files.length), 0, bytes);
    }
    for (let i = 0; i < files.length; i += CONCURRENCY) {
      const batch = files.slice(i, i + CONCURRENCY);
      const replies = await Promise.all(
        batch.map((bytes) =>
          admin.mutate("costs.importFile", {
            municipalityNumber: "0301",
            year: 2025,
            expectedVersion: version,
            fileName: "feil.csv",
            contentBase64: Buffer.from(bytes).toString("base64") || "AAAA",
            dryRun: false,
          }),
        ),
      );
      for (const reply of replies) {
        statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1);
        if (reply.status >= 500) failures.push(`file: ${reply.status} ${JSON.stringify(reply.body).slice(0, 300)}`);
        else if (reply.status === 200) accepted += 1;
        else {
          const reason = reasonOf(reply);
          if (reason === null) failures.push(`file: ${reply.status} without a reason`);
          else reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
        }
      }
      const now = await reportVersion();
      if (replies.every((r) => r.status !== 200) && now !== version)
        failures.push(`a refused import changed the report (version ${version} → ${now})`);
      version = now;
    }

    phase = "payloads";
    // Payloads to every kind of write, as JSON that is wrong in shape, or as a body that is not JSON.
    for (let i = 0; i < PAYLOADS; i += CONCURRENCY) {
      const replies = await Promise.all(
        Array.from({ length: Math.min(CONCURRENCY, PAYLOADS - i) }, () => {
          const procedure = MUTATIONS[Math.floor(next() * MUTATIONS.length)] ?? "costs.save";
          const raw =
            next() < 0.1 ? ["{", "", "null", "[]", `"${"x".repeat(10_000)}"`, '{"a":}', "\u0000"][Math.floor(next() * 7)] : undefined;
          return admin.mutate(procedure, fuzzValue(next), raw);
        }),
      );
      for (const reply of replies) {
        statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1);
        if (reply.status >= 500) failures.push(`payload: ${reply.status} ${JSON.stringify(reply.body).slice(0, 300)}`);
        else if (reply.status === 200) accepted += 1;
        else {
          const reason = reasonOf(reply);
          if (reason === null) failures.push(`payload: ${reply.status} without a reason`);
          else reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
        }
      }
    }
    stop = true;
    await watching;
    await server.stop();
    const check = createDb(path);
    expect(check.sqlite.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(check.sqlite.pragma("foreign_key_check")).toEqual([]);
    check.close();
    console.log(
      `bad input: ${files.length + PAYLOADS} requests (seed ${seed}, ${HOSTILE_WORKBOOKS.length * HOSTILE_REPEATS} hostile workbooks); slowest /healthz ${Math.round(worstStall.files)} ms among the files, ${Math.round(worstStall.payloads)} ms among the payloads, ${Math.round(idleWorst)} ms idle; statuses ${JSON.stringify(Object.fromEntries(statuses))}; accepted ${accepted}; reasons ${JSON.stringify(Object.fromEntries(reasons))}; ${failures.length} failures`,
    );
    expect(failures.slice(0, 5)).toEqual([]);
    expect(Math.max(worstStall.files, worstStall.payloads)).toBeLessThan(1_000 + idleWorst);
  });
});
