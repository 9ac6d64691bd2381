import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { createDb, getCostReport, getMunicipalityByNumber } from "@malestokk/db";
import { MAX_COST_FILE_BYTES } from "@malestokk/domain";
import { strToU8, zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * What `pnpm cli import:costs` costs in memory on big files (issue 18: a 50 MB file took 1.72 GiB
 * to refuse). The CLI process reports its own peak resident set size, worker threads included, from
 * a module loaded with --import, so no hook is needed in the CLI itself.
 *
 * A file over the limit is refused within PEAK_LIMIT_MB in all. A file under it that is read costs
 * the process what it costs before any file is read (Node, tsx, the API's modules and a worker
 * thread: about 200 MB here, measured on a two-line file) and at most READING_LIMIT_MB more: the
 * file's bytes, held once and shared with the worker, and what reading them takes.
 */
const PEAK_LIMIT_MB = 200;
const READING_LIMIT_MB = 150;
const MB = 1024 * 1024;
const SERVER_DIR = fileURLToPath(new URL("..", import.meta.url));

let dir = "";
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "malestokk-cli-memory-"));
  writeFileSync(
    join(dir, "peak.mjs"),
    'process.on("exit", () => process.stderr.write(`\\npeak-rss-kb ${process.resourceUsage().maxRSS}\\n`));\n',
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEADER = "IKT-tjeneste;Kostnadstype;Beløp (kr);Fagsystem;Kommentar\r\n";

/** A CSV file of about `bytes` bytes: the header, then `line` over and over. */
function csvFile(name: string, bytes: number, line: string): string {
  const path = join(dir, name);
  writeFileSync(path, HEADER + line.repeat(Math.max(1, Math.ceil((bytes - HEADER.length) / Buffer.byteLength(line)))));
  return path;
}

/** A workbook of about `bytes` bytes, stored without compression as a big export can be. */
function xlsxFile(name: string, bytes: number): string {
  const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  const row =
    '<row><c t="inlineStr"><is><t>Drift og forvaltning</t></is></c><c t="inlineStr"><is><t>Annet</t></is></c><c><v>100</v></c></row>';
  const rows = row.repeat(Math.ceil(bytes / row.length));
  const path = join(dir, name);
  writeFileSync(
    path,
    zipSync(
      {
        "xl/workbook.xml": strToU8(`<workbook xmlns:r="${REL}"><sheets><sheet name="Ark1" r:id="rId1"/></sheets></workbook>`),
        "xl/_rels/workbook.xml.rels": strToU8(
          `<Relationships><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
        ),
        "xl/worksheets/sheet1.xml": strToU8(`<worksheet><sheetData>${rows}</sheetData></worksheet>`),
      },
      { level: 0 },
    ),
  );
  return path;
}

function importCosts(file: string): { status: number | null; stdout: string; peakMb: number } {
  const result = spawnSync(
    process.execPath,
    [
      "--import",
      "tsx",
      "--import",
      join(dir, "peak.mjs"),
      "src/cli.ts",
      "import:costs",
      file,
      "--org",
      "4601",
      "--year",
      "2024",
      "--dry-run",
    ],
    { cwd: SERVER_DIR, env: { PATH: process.env.PATH ?? "", DATABASE_PATH: join(dir, "prod.db") }, encoding: "utf8", maxBuffer: 64 * MB },
  );
  const peak = /peak-rss-kb (\d+)/.exec(result.stderr);
  expect(peak, result.stderr).not.toBeNull();
  return { status: result.status, stdout: result.stdout, peakMb: Math.round(Number(peak?.[1]) / 1024) };
}

function bergenReport() {
  // A file refused from its size is refused before the database is opened at all.
  if (!existsSync(join(dir, "prod.db"))) return null;
  const connection = createDb(join(dir, "prod.db"));
  try {
    return getCostReport(connection.db, getMunicipalityByNumber(connection.db, "4601")?.id ?? 0, 2024);
  } finally {
    connection.close();
  }
}

describe("pnpm cli import:costs on big files (issue 18)", { timeout: 240_000 }, () => {
  it(`refuses a 60 MB CSV and a 60 MB XLSX from their size, with at most ${PEAK_LIMIT_MB} MB of memory`, () => {
    for (const file of [
      csvFile("60mb.csv", 60 * MB, "Drift og forvaltning;Annet;1 234 567;;Årlig lisens\r\n"),
      xlsxFile("60mb.xlsx", 60 * MB),
    ]) {
      const { status, stdout, peakMb } = importCosts(file);
      expect(status, stdout).toBe(1);
      // The sentence that names the size and the limit (LANG is unset: bokmål).
      expect(stdout).toMatch(/er for stor til å importeres: filen er 6\d(,\d)? MB, og grensen er 50 MB/);
      expect(peakMb, `${file}: peak ${peakMb} MB`).toBeLessThanOrEqual(PEAK_LIMIT_MB);
    }
    expect(bergenReport()).toBeNull();
  });

  it(`reads 49 MB files with at most ${READING_LIMIT_MB} MB more than a two-line file takes`, () => {
    const small = importCosts(csvFile("small.csv", 0, "Brukerstøtte;Egne ansatte;1 200 000;;\r\n"));
    expect(small.status, small.stdout).toBe(0);
    const line = "Drift og forvaltning;Annet;1 234 567;;Årlig lisens\r\n";
    const comment = "Lisens for blåbær-appen. ".repeat(2_000);
    const files: [string, RegExp][] = [
      // Read only as far as the lines a report may have.
      [csvFile("49mb.csv", MAX_COST_FILE_BYTES - MB, line), /har flere enn 2\s000 kostnadslinjer/],
      // Read to the end: 1 000 lines with a 49 kB comment each.
      [
        csvFile("49mb-wide.csv", MAX_COST_FILE_BYTES - MB, `Drift og forvaltning;Annet;1 234 567;;${comment}\r\n`),
        /kommentaren har 49\s\d{3} tegn, og grensen er 500/,
      ],
      [xlsxFile("49mb.xlsx", MAX_COST_FILE_BYTES - 2 * MB), /har flere enn 2\s000 kostnadslinjer|mangler kolonnen/],
    ];
    for (const [file, refusal] of files) {
      const { status, stdout, peakMb } = importCosts(file);
      expect(status, stdout).toBe(1);
      expect(stdout).toMatch(refusal);
      expect(peakMb - small.peakMb, `${file}: peak ${peakMb} MB, ${small.peakMb} MB for two lines`).toBeLessThanOrEqual(READING_LIMIT_MB);
    }
    expect(bergenReport()).toBeNull();
  });
});
