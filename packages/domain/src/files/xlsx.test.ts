import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";

import {
  MAX_XLSX_ROWS,
  MAX_XLSX_SHARED_STRINGS,
  MAX_XLSX_UNZIPPED_BYTES,
  MAX_XLSX_ZIP_ENTRIES,
  readXlsxFirstSheet,
  readXlsxFirstSheetCells,
} from "./xlsx";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** A workbook as Excel lays it out; `sheets` are [name, sheet part, sheetData XML, state]. */
function workbook(options: {
  sheets: readonly (readonly [string, string, string, string?])[];
  sharedStrings?: string;
  prefix?: string;
}): Uint8Array {
  const p = options.prefix ?? "";
  const ns = p === "" ? `xmlns="${MAIN}"` : `xmlns:${p.slice(0, -1)}="${MAIN}"`;
  const files: Record<string, Uint8Array> = {
    "[Content_Types].xml": strToU8("<Types/>"),
    "_rels/.rels": strToU8(
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    "xl/workbook.xml": strToU8(
      `<${p}workbook ${ns} xmlns:r="${REL}"><${p}sheets>` +
        options.sheets
          .map(
            ([name, , , state], i) =>
              `<${p}sheet name="${name}" sheetId="${i + 1}"${state ? ` state="${state}"` : ""} r:id="rId${i + 10}"/>`,
          )
          .join("") +
        `</${p}sheets></${p}workbook>`,
    ),
    "xl/_rels/workbook.xml.rels": strToU8(
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        options.sheets.map(([, part], i) => `<Relationship Id="rId${i + 10}" Type="${REL}/worksheet" Target="${part}"/>`).join("") +
        `<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` +
        "</Relationships>",
    ),
  };
  for (const [, part, sheetData] of options.sheets) {
    const path = part.startsWith("/") ? part.slice(1) : `xl/${part}`;
    files[path] = strToU8(
      `<?xml version="1.0"?>\r\n<${p}worksheet ${ns}><${p}dimension ref="A1"/><${p}sheetData>${sheetData}</${p}sheetData></${p}worksheet>`,
    );
  }
  if (options.sharedStrings !== undefined) {
    files["xl/sharedStrings.xml"] = strToU8(`<${p}sst ${ns}>${options.sharedStrings}</${p}sst>`);
  }
  return zipSync(files);
}

describe("readXlsxFirstSheet", () => {
  it("reads the first sheet in tab order through the relationships, not sheet1.xml", () => {
    const bytes = workbook({
      sheets: [
        ["Kostnader", "worksheets/sheet2.xml", '<row r="1"><c r="A1" t="inlineStr"><is><t>first tab</t></is></c></row>'],
        ["Data", "/xl/worksheets/sheet1.xml", '<row r="1"><c r="A1" t="inlineStr"><is><t>second tab</t></is></c></row>'],
      ],
    });
    expect(readXlsxFirstSheet(bytes)).toEqual({ ok: true, rows: [["first tab"]] });
  });

  it("skips a hidden first sheet", () => {
    const bytes = workbook({
      sheets: [
        ["Oppslag", "worksheets/sheet1.xml", '<row r="1"><c r="A1"><v>1</v></c></row>', "hidden"],
        ["Kostnader", "worksheets/sheet2.xml", '<row r="1"><c r="A1"><v>2</v></c></row>'],
      ],
    });
    expect(readXlsxFirstSheet(bytes)).toEqual({ ok: true, rows: [["2"]] });
  });

  it("reads the sheet named in `sheet`, hidden or not, and refuses a name the workbook lacks", () => {
    const bytes = workbook({
      sheets: [
        ["Om tallene", "worksheets/sheet1.xml", '<row r="1"><c r="A1"><v>1</v></c></row>'],
        ["Felles løsninger", "worksheets/sheet2.xml", '<row r="1"><c r="A1"><v>2</v></c></row>'],
        ["Oppslag", "worksheets/sheet3.xml", '<row r="1"><c r="A1"><v>3</v></c></row>', "hidden"],
      ],
    });
    expect(readXlsxFirstSheetCells(bytes, { sheet: "Felles løsninger" })).toEqual({ ok: true, rows: [[2]] });
    expect(readXlsxFirstSheetCells(bytes, { sheet: "Oppslag" })).toEqual({ ok: true, rows: [[3]] });
    expect(readXlsxFirstSheetCells(bytes, { sheet: "Kostnader" })).toEqual({ ok: false, error: { code: "NO_WORKSHEET" } });
  });

  it("reads shared strings with rich-text runs, inline strings, numbers, booleans, errors and formula text", () => {
    const sharedStrings =
      "<si><t>IKT-tjeneste</t></si>" +
      '<si><r><rPr><b/></rPr><t>Bruker</t></r><r><t xml:space="preserve">støtte </t></r><rPh sb="0" eb="1"><t>ignored</t></rPh></si>' +
      "<si><t>Drift &amp; forvaltning &lt;x&gt; &#248;&#x00E5; _x000D_ny</t></si>" +
      "<si><t/></si>";
    const sheet =
      '<row r="1" spans="1:3"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s" s="1"><v>1</v></c></row>' +
      '<row r="3"><c r="B3" t="s"><v>2</v></c><c r="C3" t="b"><v>1</v></c><c r="D3" t="e"><v>#DIV/0!</v></c></row>' +
      '<row r="4"><c r="A4"><v>1234.5</v></c><c r="B4" s="2"><v>1.2345E+5</v></c><c r="C4" t="str"><f>A1&amp;"x"</f><v>IKT-tjenestex</v></c>' +
      '<c r="D4" t="inlineStr"><is><r><t>in</t></r><r><t>line</t></r></is></c><c r="E4"/><c r="F4" t="s"><v>3</v></c></row>' +
      '<row r="5" ht="15" customHeight="1"><c r="A5" s="3"/></row>';
    const result = readXlsxFirstSheet(workbook({ sheets: [["Ark1", "worksheets/sheet1.xml", sheet]], sharedStrings }));
    expect(result).toEqual({
      ok: true,
      rows: [
        ["IKT-tjeneste", "", "Brukerstøtte "],
        [],
        ["", "Drift & forvaltning <x> øå \rny", "TRUE", "#DIV/0!"],
        ["1234.5", "123450", "IKT-tjenestex", "inline"],
      ],
    });
  });

  it("keeps numbers as numbers in readXlsxFirstSheetCells", () => {
    const bytes = workbook({
      sheets: [["Ark1", "worksheets/sheet1.xml", '<row r="1"><c r="A1"><v>100.125</v></c><c r="B1" t="n"><v>7</v></c></row>']],
    });
    expect(readXlsxFirstSheetCells(bytes)).toEqual({ ok: true, rows: [[100.125, 7]] });
  });

  it("reads namespace-prefixed XML and rows and cells without references (OpenXML SDK exports)", () => {
    const sheet =
      '<x:row><x:c t="s"><x:v>0</x:v></x:c><x:c><x:v>5</x:v></x:c></x:row>' +
      '<x:row><x:c r="C2" t="inlineStr"><x:is><x:t>c</x:t></x:is></x:c><x:c><x:v>6</x:v></x:c></x:row>';
    const bytes = workbook({
      prefix: "x:",
      sheets: [["Sheet", "worksheets/sheet1.xml", sheet]],
      sharedStrings: "<x:si><x:t>a</x:t></x:si>",
    });
    expect(readXlsxFirstSheet(bytes)).toEqual({
      ok: true,
      rows: [
        ["a", "5"],
        ["", "", "c", "6"],
      ],
    });
  });

  it("refuses what is not a zip", () => {
    expect(readXlsxFirstSheet(strToU8("IKT-tjeneste;Beløp"))).toEqual({ ok: false, error: { code: "NOT_A_ZIP" } });
    expect(readXlsxFirstSheet(Uint8Array.of(0x50, 0x4b, 3, 4, 0, 0, 0))).toEqual({
      ok: false,
      error: { code: "NOT_A_ZIP" },
    });
  });

  it("refuses a zip without a worksheet", () => {
    expect(readXlsxFirstSheet(zipSync({ mimetype: strToU8("application/vnd.oasis.opendocument.spreadsheet") }))).toEqual({
      ok: false,
      error: { code: "NO_WORKSHEET" },
    });
    const chartOnly = workbook({ sheets: [["Chart", "worksheets/sheet1.xml", ""]] });
    const files = unzipSync(chartOnly);
    delete files["xl/worksheets/sheet1.xml"];
    expect(readXlsxFirstSheet(zipSync(files))).toEqual({ ok: false, error: { code: "NO_WORKSHEET" } });
  });

  /** A zip whose central directory claims `declared` bytes for each entry (a zip bomb's headers). */
  function zipDeclaring(names: readonly string[], declared: number): Uint8Array {
    const zip = zipSync(Object.fromEntries(names.map((name) => [name, strToU8("<x/>")])), { level: 0 });
    const view = new DataView(zip.buffer, zip.byteOffset);
    zip.forEach((_, i) => {
      if (zip[i] === 0x50 && zip[i + 1] === 0x4b && zip[i + 2] === 1 && zip[i + 3] === 2) view.setUint32(i + 24, declared, true);
    });
    return zip;
  }

  it("refuses a zip bomb from its declared sizes, before inflating anything", () => {
    // fflate inflates into a buffer of the declared size, so the declared sizes are what counts.
    expect(readXlsxFirstSheet(zipDeclaring(["xl/workbook.xml"], 0xfffffffe))).toEqual({
      ok: false,
      error: { code: "FILE_TOO_LARGE" },
    });
    const twoHalves = zipDeclaring(["xl/workbook.xml", "xl/worksheets/sheet1.xml"], MAX_XLSX_UNZIPPED_BYTES / 2 + 1);
    expect(readXlsxFirstSheet(twoHalves)).toEqual({ ok: false, error: { code: "FILE_TOO_LARGE" } });
  });

  it("stops inflating an entry that yields more than it declared", () => {
    // 10 MB of zeros deflates to about 10 kB; declared as 1 kB, inflation stops after the first chunk.
    const bomb = zipSync({ "xl/worksheets/sheet1.xml": new Uint8Array(10 * 1024 * 1024) }, { level: 1 });
    const view = new DataView(bomb.buffer, bomb.byteOffset);
    bomb.forEach((_, i) => {
      if (bomb[i] === 0x50 && bomb[i + 1] === 0x4b && bomb[i + 2] === 1 && bomb[i + 3] === 2) view.setUint32(i + 24, 1024, true);
    });
    expect(readXlsxFirstSheet(bomb)).toEqual({ ok: false, error: { code: "NOT_A_ZIP" } });
  });

  it("refuses a sheet used beyond MAX_XLSX_ROWS but reads up to it", () => {
    const at = (row: number): Uint8Array =>
      workbook({
        sheets: [
          ["Ark1", "worksheets/sheet1.xml", `<row r="1"><c r="A1"><v>1</v></c></row><row r="${row}"><c r="B${row}"><v>2</v></c></row>`],
        ],
      });
    expect(readXlsxFirstSheet(at(MAX_XLSX_ROWS + 1))).toEqual({ ok: false, error: { code: "TOO_MANY_ROWS" } });
    const last = readXlsxFirstSheet(at(MAX_XLSX_ROWS));
    expect(last.ok && last.rows.length).toBe(MAX_XLSX_ROWS);
    expect(last.ok && last.rows[MAX_XLSX_ROWS - 1]).toEqual(["", "2"]);
  });

  it("stops at the first row with content past `maxContentRows` and says it stopped, leaving the rest of the sheet unread", () => {
    const rows = Array.from({ length: 5 }, (_, i) => `<row r="${i + 2}"><c r="A${i + 2}"><v>${i}</v></c></row>`).join("");
    // A row of spaces is no content; the unclosed row after the fifth would make the sheet DAMAGED if it were read.
    const sheetData = `<row r="1"><c r="A1" t="inlineStr"><is><t> </t></is></c></row>${rows}<row><c><v>`;
    const bytes = workbook({ sheets: [["Ark1", "worksheets/sheet1.xml", sheetData]] });
    expect(readXlsxFirstSheetCells(bytes)).toEqual({ ok: false, error: { code: "DAMAGED" } });
    expect(readXlsxFirstSheetCells(bytes, { maxContentRows: 3 })).toEqual({ ok: true, rows: [[" "], [0], [1], [2], [3]], truncated: true });
    expect(readXlsxFirstSheetCells(workbook({ sheets: [["Ark1", "worksheets/sheet1.xml", rows]] }), { maxContentRows: 5 })).toEqual({
      ok: true,
      rows: [[], [0], [1], [2], [3], [4]],
    });
  });

  it("ignores formatted but empty rows far down the sheet", () => {
    const bytes = workbook({
      sheets: [
        ["Ark1", "worksheets/sheet1.xml", '<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576" s="1"><c r="A1048576" s="1"/></row>'],
      ],
    });
    expect(readXlsxFirstSheet(bytes)).toEqual({ ok: true, rows: [["1"]] });
  });
});

describe("readXlsxFirstSheet on hostile workbooks", () => {
  const sheet = (sheetData: string, sharedStrings?: string): Uint8Array =>
    workbook({ sheets: [["Ark1", "worksheets/sheet1.xml", sheetData]], ...(sharedStrings === undefined ? {} : { sharedStrings }) });
  const timed = (work: () => void): number => {
    const started = performance.now();
    work();
    return performance.now() - started;
  };
  /**
   * Under a second, or five times what as many well-formed empty rows take in the same run when the
   * machine is that busy: a quadratic scan took 24 s on 160 000 unclosed rows, a linear one takes ms.
   */
  const allowed = (elements: number): number => Math.max(1_000, 5 * timed(() => readXlsxFirstSheet(sheet("<row/>".repeat(elements)))));

  it("refuses 160 000 unclosed rows at once (a 2 kB upload once kept the server busy for 24 s)", () => {
    const bytes = sheet("<row>".repeat(160_000));
    expect(bytes.length).toBeLessThan(4_000);
    const took = timed(() => expect(readXlsxFirstSheet(bytes)).toEqual({ ok: false, error: { code: "DAMAGED" } }));
    expect(took).toBeLessThan(allowed(160_000));
  });

  it("refuses unclosed cells and values as quickly", () => {
    for (const open of ['<row r="1"><c r="A1">', '<row r="1"><c r="A1"><v>', "<c>", "<v>"]) {
      const took = timed(() => expect(readXlsxFirstSheet(sheet(open.repeat(100_000)))).toEqual({ ok: false, error: { code: "DAMAGED" } }));
      expect(took).toBeLessThan(allowed(100_000));
    }
  });

  it("reads no data from comments, processing instructions or a comment inside a cell", () => {
    const bytes = sheet(
      '<!-- <row r="2"><c r="A2" t="inlineStr"><is><t>hidden</t></is></c></row> -->' +
        '<?malestokk <row r="3"><c r="A3"><v>3</v></c></row> ?>' +
        '<row r="1"><c r="A1"><!-- <v>9</v> --><v>1</v></c><c r="B1" t="inlineStr"><is><t>a<!-- b -->c</t></is></c></row>',
    );
    expect(readXlsxFirstSheet(bytes)).toEqual({ ok: true, rows: [["1", "ac"]] });
  });

  it("reads CDATA as text, markup inside it included", () => {
    const bytes = sheet('<row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[<row> & </c>]]></t></is></c></row>');
    expect(readXlsxFirstSheet(bytes)).toEqual({ ok: true, rows: [["<row> & </c>"]] });
  });

  it("refuses a document type declaration (entity expansion) in any part", () => {
    const laughs =
      '<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>';
    const files = unzipSync(sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>&c;</t></is></c></row>'));
    const part = strFromU8(files["xl/worksheets/sheet1.xml"] ?? new Uint8Array());
    files["xl/worksheets/sheet1.xml"] = strToU8(part.replace("\r\n", `\r\n${laughs}`));
    expect(readXlsxFirstSheet(zipSync(files))).toEqual({ ok: false, error: { code: "DAMAGED" } });
  });

  it("refuses elements nested deeper than any workbook needs", () => {
    const deep = `${"<x>".repeat(10_000)}${"</x>".repeat(10_000)}`;
    expect(readXlsxFirstSheet(sheet(`<row r="1"><c r="A1"><v>1</v></c></row>${deep}`))).toEqual({ ok: false, error: { code: "DAMAGED" } });
  });

  it("refuses a shared-strings table past its limit as it reads, without building the rest", () => {
    // The limit is a million; a smaller one keeps the test quick, the code path is the same.
    const strings = (count: number) => "<si><t>x</t></si>".repeat(count);
    const bytes = (count: number) => sheet('<row r="1"><c r="A1" t="s"><v>0</v></c></row>', strings(count));
    expect(readXlsxFirstSheet(bytes(2_001), { maxSharedStrings: 2_000 })).toEqual({ ok: false, error: { code: "FILE_TOO_LARGE" } });
    expect(readXlsxFirstSheet(bytes(2_000), { maxSharedStrings: 2_000 })).toEqual({ ok: true, rows: [["x"]] });
    expect(MAX_XLSX_SHARED_STRINGS).toBe(1_000_000);
  });

  it("refuses a zip with more entries than any workbook has, before inflating one", () => {
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i < MAX_XLSX_ZIP_ENTRIES; i++) files[`xl/media/image${i}.png`] = new Uint8Array(1);
    const many = unzipSync(sheet('<row r="1"><c r="A1"><v>1</v></c></row>'));
    expect(readXlsxFirstSheet(zipSync({ ...many, ...files }))).toEqual({ ok: false, error: { code: "FILE_TOO_LARGE" } });
    const fewer = Object.fromEntries(Object.entries(files).slice(0, MAX_XLSX_ZIP_ENTRIES - Object.keys(many).length));
    expect(readXlsxFirstSheet(zipSync({ ...many, ...fewer }))).toEqual({ ok: true, rows: [["1"]] });
  });

  it("refuses mismatched end tags and text outside the root", () => {
    expect(readXlsxFirstSheet(sheet('<row r="1"><c r="A1"><v>1</c></v></row>'))).toEqual({ ok: false, error: { code: "DAMAGED" } });
    const files = unzipSync(sheet('<row r="1"><c r="A1"><v>1</v></c></row>'));
    files["xl/worksheets/sheet1.xml"] = strToU8(`${strFromU8(files["xl/worksheets/sheet1.xml"] ?? new Uint8Array())}<row/>`);
    expect(readXlsxFirstSheet(zipSync(files))).toEqual({ ok: false, error: { code: "DAMAGED" } });
  });

  it("keeps a byte-order mark, character references and the _xHHHH_ escapes working", () => {
    const files = unzipSync(sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>&#229;&#x00E6;_x0009_&amp;</t></is></c></row>'));
    const part = strFromU8(files["xl/worksheets/sheet1.xml"] ?? new Uint8Array());
    files["xl/worksheets/sheet1.xml"] = strToU8(`\uFEFF${part}`);
    expect(readXlsxFirstSheet(zipSync(files))).toEqual({ ok: true, rows: [["åæ\t&"]] });
  });
});
