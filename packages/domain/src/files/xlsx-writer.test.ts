import fc from "fast-check";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";

import { neutraliseFormula } from "./formula";
import { formatXlsxNumber, readXlsxFirstSheet, readXlsxFirstSheetCells } from "./xlsx";
import { writeXlsx, type XlsxWriteCell } from "./xlsx-writer";

/** The sheet names a workbook shows, in tab order. */
function sheetNamesOf(bytes: Uint8Array): string[] {
  const xml = strFromU8(unzipSync(bytes)["xl/workbook.xml"] ?? new Uint8Array());
  return Array.from(xml.matchAll(/<sheet name="([^"]*)"/g), (match) => match[1] ?? "");
}

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
    expect(sheet).toContain('<row r="2"><c r="A2" t="inlineStr"><is><t xml:space="preserve">Drift</t></is></c><c r="B2"><v>1234.5</v></c>');
    expect(sheet).toContain('<c r="D2" t="inlineStr"><is><t xml:space="preserve">\'=cmd</t></is></c>');
    expect(strFromU8(files["xl/workbook.xml"] ?? new Uint8Array())).toContain('<sheet name="Kostnader" sheetId="1" r:id="rId1"/>');
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
    const names = sheetNamesOf(bytes);
    expect(names).toEqual([
      "Kostnader 2024 2025 utkast",
      "kostnader 2024 2025 utkast (2)",
      "History (2)",
      "Sheet4",
      "A very long sheet name that",
    ]);
  });

  it("cuts a long sheet name between words, and a colon does not leave a double space (the meeting pack's «Digital suksess  tre dimensjone»)", () => {
    expect(sheetNamesOf(writeXlsx([{ name: "Digital suksess: tre dimensjoner i kommunen", rows: [] }]))).toEqual([
      "Digital suksess tre dimensjoner",
    ]);
    expect(sheetNamesOf(writeXlsx([{ name: "Kommuner uten godkjent kostnadsrapport", rows: [] }]))).toEqual(["Kommuner uten godkjent"]);
    // A single word longer than Excel allows has no other place to be cut.
    expect(sheetNamesOf(writeXlsx([{ name: "Kostnadsrapporteringsoversiktstabellen", rows: [] }]))).toEqual([
      "Kostnadsrapporteringsoversiktst",
    ]);
    // A unique suffix also goes between words.
    expect(
      sheetNamesOf(
        writeXlsx([
          { name: "Utvikling over tid i gruppen ASSS", rows: [] },
          { name: "Utvikling over tid i gruppen ASSS", rows: [] },
        ]),
      ),
    ).toEqual(["Utvikling over tid i gruppen", "Utvikling over tid i (2)"]);
  });

  it("writes column widths, a bold header kept in view, and a kroner format that cells typed later also get", () => {
    const files = unzipSync(
      writeXlsx([
        {
          name: "Kostnader",
          rows: [
            ["IKT-tjeneste", "Beløp (kr)"],
            ["Drift", 1_234_567],
          ],
          headerRows: 1,
          columns: [{ width: 30 }, { width: 16, format: "kroner" }],
        },
      ]),
    );
    const sheet = strFromU8(files["xl/worksheets/sheet1.xml"] ?? new Uint8Array());
    const styles = strFromU8(files["xl/styles.xml"] ?? new Uint8Array());
    const xfs = Array.from(/<cellXfs count="(\d+)">(.*?)<\/cellXfs>/.exec(styles)?.[2]?.matchAll(/<xf [^>]*\/>/g) ?? [], (m) => m[0]);
    const styleOf = (ref: string): string => xfs[Number(new RegExp(`<c r="${ref}"(?: s="(\\d+)")?`).exec(sheet)?.[1] ?? 0)] ?? "";
    expect(sheet).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    expect(sheet).toMatch(
      /<col min="1" max="1" width="30" customWidth="1"\/><col min="2" max="2" width="16" customWidth="1" style="(\d+)"\/>/,
    );
    const columnStyle = Number(/<col min="2" max="2" width="16" customWidth="1" style="(\d+)"\/>/.exec(sheet)?.[1]);
    // #,##0: whole kroner with a thousands separator, which Excel shows as "1 234 567" in Norwegian.
    expect(xfs[columnStyle]).toContain('numFmtId="3"');
    expect(styleOf("B2")).toContain('numFmtId="3"');
    expect(styleOf("A1")).toMatch(/fontId="1"/);
    expect(styles).toContain("<b/>");
    expect(styleOf("A2")).toContain('numFmtId="0" fontId="0"');
    // Parts in the order the schema requires, or Excel repairs the file.
    const order = ["<sheetViews>", "<cols>", "<sheetData>"].map((tag) => sheet.indexOf(tag));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(
      readXlsxFirstSheetCells(
        writeXlsx([{ name: "A", rows: [["x", 5]], headerRows: 1, columns: [{ wrap: true, bold: true }, { format: "kroner" }] }]),
      ),
    ).toEqual({
      ok: true,
      rows: [["x", 5]],
    });
  });

  it("writes drop-down lists that take their values from a range on another sheet, and number rules", () => {
    const bytes = writeXlsx([
      {
        name: "Kostnader",
        rows: [["IKT-tjeneste", "Beløp (kr)"]],
        validations: [
          {
            kind: "list",
            column: 0,
            rows: [2, 501],
            source: { sheet: 1, column: 2, rows: [2, 6] },
            strict: true,
            prompt: { title: "IKT-tjeneste", text: "Velg fra listen." },
            error: { title: "Ukjent IKT-tjeneste", text: "Velg en av tjenestene i arket «Katalog's»." },
          },
          {
            kind: "number",
            column: 1,
            rows: [2, 501],
            min: 0,
            max: 1e12,
            strict: false,
            error: { title: "Beløp", text: "Hele kroner, 0 eller mer." },
          },
        ],
      },
      { name: "Katalog's", rows: [["a"]] },
    ]);
    const sheet = strFromU8(unzipSync(bytes)["xl/worksheets/sheet1.xml"] ?? new Uint8Array());
    expect(sheet).toContain(
      '<dataValidations count="2">' +
        `<dataValidation type="list" errorStyle="stop" allowBlank="1" showInputMessage="1" showErrorMessage="1" promptTitle="IKT-tjeneste" prompt="Velg fra listen." errorTitle="Ukjent IKT-tjeneste" error="Velg en av tjenestene i arket «Katalog's»." sqref="A2:A501">` +
        "<formula1>'Katalog''s'!$C$2:$C$6</formula1></dataValidation>" +
        '<dataValidation type="decimal" operator="between" errorStyle="warning" allowBlank="1" showErrorMessage="1" errorTitle="Beløp" error="Hele kroner, 0 eller mer." sqref="B2:B501">' +
        "<formula1>0</formula1><formula2>1000000000000</formula2></dataValidation>" +
        "</dataValidations>",
    );
    expect(sheet.indexOf("<dataValidations")).toBeGreaterThan(sheet.indexOf("</sheetData>"));
    expect(readXlsxFirstSheetCells(bytes)).toEqual({ ok: true, rows: [["IKT-tjeneste", "Beløp (kr)"]] });
  });

  it("refuses what Excel would call a damaged file: texts longer than a validation may show, a list on a sheet that is not there", () => {
    const rule = { kind: "list", column: 0, rows: [2, 3], source: { sheet: 0, column: 1, rows: [1, 2] }, strict: true } as const;
    expect(() => writeXlsx([{ name: "A", rows: [], validations: [{ ...rule, prompt: { title: "x".repeat(33), text: "" } }] }])).toThrow(
      RangeError,
    );
    expect(() => writeXlsx([{ name: "A", rows: [], validations: [{ ...rule, error: { title: "", text: "x".repeat(256) } }] }])).toThrow(
      RangeError,
    );
    expect(() => writeXlsx([{ name: "A", rows: [], validations: [{ ...rule, source: { ...rule.source, sheet: 1 } }] }])).toThrow(
      RangeError,
    );
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
