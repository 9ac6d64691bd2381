import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";

import { parseCsv, readXlsxFirstSheetCells, type XlsxCellValue } from "@malestokk/domain";
import { afterAll, describe, expect, inject, it } from "vitest";

import { requireSoffice } from "../support/libreoffice";

const run = promisify(execFile);
const baseUrl = inject("baseUrl");
const work = mkdtempSync(join(tmpdir(), "malestokk-csv-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// Published demo years (2015–2024, docs/open-data.md#demo); K1 in whole kroner, Q1 with decimals.
const QUERY = "values?indicator=K1,Q1&unit=0301,4601,5001,1103&year=2015-2024";

interface Value {
  indicator: string;
  unit: string;
  year: number;
  value: number | null;
}

/** LibreOffice's CSV import options: separator, quote, UTF-8, from line 1, the first three columns as text, locale. */
const IMPORT_FILTER = {
  csv: "CSV:44,34,76,1,1/2/2/2/3/2,1033",
  "csv-no": "CSV:59,34,76,1,1/2/2/2/3/2,1044",
} as const;

/** Converts `csv` to XLSX with headless LibreOffice, as a user opening the file in Calc would read it. */
async function convertWithLibreOffice(soffice: string, csv: Buffer, format: keyof typeof IMPORT_FILTER): Promise<XlsxCellValue[][]> {
  const input = join(work, `${format}.csv`);
  writeFileSync(input, csv);
  await run(
    soffice,
    [
      "--headless",
      "--norestore",
      // A profile of its own: a user's running LibreOffice, or a parallel run, would otherwise take the conversion.
      `-env:UserInstallation=${pathToFileURL(join(work, "profile")).href}`,
      `--infilter=${IMPORT_FILTER[format]}`,
      "--convert-to",
      "xlsx",
      "--outdir",
      work,
      input,
    ],
    { timeout: 90_000 },
  );
  const output = join(work, `${format}.xlsx`);
  expect(existsSync(output), `LibreOffice wrote no ${output}`).toBe(true);
  const sheet = readXlsxFirstSheetCells(readFileSync(output));
  if (!sheet.ok) throw new Error(`The project's XLSX reader refused LibreOffice's workbook: ${sheet.error.code}`);
  return sheet.rows;
}

/** The rows under a header as objects, by column name. */
function byColumn<Cell>(rows: Cell[][]): Record<string, Cell>[] {
  const [header, ...body] = rows;
  if (!header) throw new Error("no header row");
  return body.map((row) => Object.fromEntries(header.map((name, i) => [String(name), row[i] as Cell])));
}

const key = (indicator: unknown, unit: unknown, year: unknown) => `${String(indicator)} ${String(unit)} ${String(year)}`;

/** The same number to the last digits LibreOffice keeps (15 significant). */
function expectSameNumber(actual: unknown, expected: number, label: string) {
  expect(typeof actual, `${label}: ${String(actual)}`).toBe("number");
  expect(Math.abs((actual as number) - expected), `${label}: ${String(actual)} ≠ ${expected}`).toBeLessThanOrEqual(
    1e-12 * Math.max(1, Math.abs(expected)),
  );
}

describe("the public API's CSV, read back (issue 23)", () => {
  it("reads both CSV formats back with the project's CSV reader and with LibreOffice, to the JSON answer's values", async () => {
    const soffice = requireSoffice();
    const json = (await (await fetch(`${baseUrl}/api/v1/${QUERY}`)).json()) as { data: Value[] };
    const expected = new Map(json.data.filter((v) => v.value !== null).map((v) => [key(v.indicator, v.unit, v.year), v.value as number]));
    expect(expected.size).toBeGreaterThan(40);
    // A value with decimals, so the decimal comma is put to the test.
    expect([...expected.values()].some((v) => !Number.isInteger(v))).toBe(true);

    for (const format of ["csv", "csv-no"] as const) {
      const answer = await fetch(`${baseUrl}/api/v1/${QUERY}&format=${format}`);
      expect(answer.status).toBe(200);
      const bytes = Buffer.from(await answer.arrayBuffer());

      const parsed = parseCsv(bytes.toString("utf8"));
      if (!parsed.ok) throw new Error(`parseCsv refused the ${format} answer at line ${parsed.error.line}`);
      expect(parsed.delimiter).toBe(format === "csv" ? "," : ";");
      const ownRows = byColumn(parsed.rows).filter((row) => row.value !== "");
      expect(ownRows).toHaveLength(expected.size);
      for (const row of ownRows) {
        const label = `${format}, own reader: ${key(row.indicator, row.unit, row.year)}`;
        const want = expected.get(key(row.indicator, row.unit, row.year));
        expect(want, label).toBeDefined();
        expectSameNumber(Number(format === "csv-no" ? String(row.value).replace(",", ".") : row.value), want as number, label);
      }

      const calcRows = byColumn(await convertWithLibreOffice(soffice, bytes, format)).filter(
        (row) => row.value !== "" && row.value !== undefined,
      );
      expect(calcRows).toHaveLength(expected.size);
      for (const row of calcRows) {
        const label = `${format}, LibreOffice: ${key(row.indicator, row.unit, row.year)}`;
        // Units keep their leading zero (0301) as text; the year and the value arrive as numbers.
        const want = expected.get(key(row.indicator, row.unit, row.year));
        expect(want, label).toBeDefined();
        expectSameNumber(row.value, want as number, label);
      }
    }
  }, 240_000);
});
