import fc from "fast-check";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";

import { neutraliseFormula } from "./formula";
import { formatXlsxNumber, readXlsxFirstSheet } from "./xlsx";
import { writeXlsx, type XlsxWriteCell } from "./xlsx-writer";

describe("writeXlsx", () => {
  it("writes the parts Excel needs, with inline strings and numbers", () => {
    const files = unzipSync(
      writeXlsx([
        {
          name: "Kostnader",
          rows: [
            ["IKT-tjeneste", "Beløp"],
            ["Drift", 1234.5, null, "=cmd"],
          ],
        },
      ]),
    );
    expect(Object.keys(files)).toEqual([
      "[Content_Types].xml",
      "_rels/.rels",
      "xl/workbook.xml",
      "xl/_rels/workbook.xml.rels",
      "xl/styles.xml",
      "xl/worksheets/sheet1.xml",
    ]);
    const sheet = strFromU8(files["xl/worksheets/sheet1.xml"] ?? new Uint8Array());
    expect(sheet).toContain(
      '<row r="2"><c r="A2" t="inlineStr"><is><t xml:space="preserve">Drift</t></is></c><c r="B2"><v>1234.5</v></c>',
    );
    expect(sheet).toContain('<c r="D2" t="inlineStr"><is><t xml:space="preserve">\'=cmd</t></is></c>');
    expect(strFromU8(files["xl/workbook.xml"] ?? new Uint8Array())).toContain(
      '<sheet name="Kostnader" sheetId="1" r:id="rId1"/>',
    );
  });

  it("is deterministic", () => {
    const sheets = [{ name: "A", rows: [["x", 1]] }];
    expect(writeXlsx(sheets)).toEqual(writeXlsx(sheets));
  });

  it("makes sheet names valid and unique for Excel", () => {
    const bytes = writeXlsx([
      { name: "Kostnader 2024/2025: [utkast]?", rows: [] },
      { name: "kostnader 2024 2025  utkast", rows: [] },
      { name: "'History'", rows: [] },
      { name: "", rows: [] },
      { name: "A very long sheet name that Excel would refuse", rows: [] },
    ]);
    const xml = strFromU8(unzipSync(bytes)["xl/workbook.xml"] ?? new Uint8Array());
    const names = Array.from(xml.matchAll(/name="([^"]*)"/g), (match) => match[1]);
    expect(names).toEqual([
      "Kostnader 2024 2025   utkast",
      "kostnader 2024 2025  utkast",
      "History (2)",
      "Sheet4",
      "A very long sheet name that Exc",
    ]);
  });

  it("refuses an empty workbook and non-finite numbers", () => {
    expect(() => writeXlsx([])).toThrow(RangeError);
    expect(() => writeXlsx([{ name: "A", rows: [[Number.NaN]] }])).toThrow(RangeError);
  });

  it("escapes control characters and literal _xHHHH_ so they read back unchanged", () => {
    const text = "a\u0001b\rc_x000D_d\u001f\uFFFE<&>\"'";
    const result = readXlsxFirstSheet(writeXlsx([{ name: "A", rows: [[text]] }]));
    expect(result).toEqual({ ok: true, rows: [[text]] });
  });

  it("round-trips through readXlsxFirstSheet: text (neutralised), numbers and gaps", () => {
    const text = fc.string({ unit: "binary", maxLength: 12 });
    // Up to 15 significant digits, which is what Excel keeps.
    const number = fc.oneof(
      fc.integer({ min: -1e12, max: 1e12 }),
      fc.integer({ min: -1e12, max: 1e12 }).map((cents) => cents / 100),
    );
    const cell = fc.oneof(text, number, fc.constant(null));
    const sheets = fc.array(
      fc.record({
        name: fc.string({ maxLength: 40 }),
        rows: fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 8 }),
      }),
      { minLength: 1, maxLength: 3 },
    );
    fc.assert(
      fc.property(sheets, (input) => {
        const first = input[0]?.rows ?? [];
        const expected = first.map((row: readonly XlsxWriteCell[]) => {
          const cells = row.map((cell) =>
            cell === null ? "" : typeof cell === "number" ? formatXlsxNumber(cell) : neutraliseFormula(cell),
          );
          while (cells.length > 0 && cells[cells.length - 1] === "") cells.pop();
          return cells;
        });
        while (expected.length > 0 && (expected[expected.length - 1] ?? []).length === 0) expected.pop();
        expect(readXlsxFirstSheet(writeXlsx(input))).toEqual({ ok: true, rows: expected });
      }),
      { numRuns: 150 },
    );
  });
});
