import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { parseCsv, toCsv, type CsvDelimiter } from "./csv";
import { neutraliseFormula } from "./formula";

describe("parseCsv", () => {
  it("reads semicolon files as Norwegian Excel writes them", () => {
    expect(parseCsv("IKT-tjeneste;Beløp\nBrukerstøtte;1 234,50\n")).toEqual({
      ok: true,
      delimiter: ";",
      rows: [
        ["IKT-tjeneste", "Beløp"],
        ["Brukerstøtte", "1 234,50"],
      ],
    });
  });

  it("prefers a semicolon over commas in the header", () => {
    const result = parseCsv("Tjeneste;Beløp, kr\nDrift;1,5");
    expect(result).toMatchObject({
      ok: true,
      delimiter: ";",
      rows: [
        ["Tjeneste", "Beløp, kr"],
        ["Drift", "1,5"],
      ],
    });
  });

  it("detects comma and tab delimiters", () => {
    expect(parseCsv("a,b\n1,2")).toMatchObject({
      ok: true,
      delimiter: ",",
      rows: [
        ["a", "b"],
        ["1", "2"],
      ],
    });
    expect(parseCsv("a\tb\n1\t2")).toMatchObject({
      ok: true,
      delimiter: "\t",
      rows: [
        ["a", "b"],
        ["1", "2"],
      ],
    });
  });

  it("ignores delimiters inside quotes when detecting", () => {
    expect(parseCsv('"a;b",c\n1,2')).toMatchObject({
      ok: true,
      delimiter: ",",
      rows: [
        ["a;b", "c"],
        ["1", "2"],
      ],
    });
  });

  it("keeps doubled quotes inside a quoted field when detecting, and reads a quoted field over several lines", () => {
    expect(parseCsv('"a""b;c",d\n"x\ny";2')).toMatchObject({
      ok: true,
      delimiter: ",",
      rows: [['a"b;c', "d"], ["x\ny;2"]],
    });
  });

  it("looks past a header with no delimiter, and defaults to semicolon for one column", () => {
    expect(parseCsv("Title\na,b")).toMatchObject({ ok: true, delimiter: ",", rows: [["Title"], ["a", "b"]] });
    expect(parseCsv("only\ncolumn")).toMatchObject({ ok: true, delimiter: ";", rows: [["only"], ["column"]] });
  });

  it("reads quoted fields with doubled quotes, delimiters and newlines", () => {
    const result = parseCsv('Kommentar;Beløp\r\n"Sa ""hei"";\r\nny linje";"1 000"\r\n');
    expect(result).toEqual({
      ok: true,
      delimiter: ";",
      rows: [
        ["Kommentar", "Beløp"],
        ['Sa "hei";\nny linje', "1 000"],
      ],
    });
  });

  it("treats quotes inside unquoted fields as text, as Excel does", () => {
    expect(parseCsv('Skjerm 24";5\n"a"b;c')).toMatchObject({
      ok: true,
      rows: [
        ['Skjerm 24"', "5"],
        ["ab", "c"],
      ],
    });
  });

  it("keeps empty fields and empty lines between rows, drops trailing empty lines", () => {
    expect(parseCsv("a;;c\n\n;;\nd\n\n\n;;\n")).toMatchObject({
      ok: true,
      rows: [["a", "", "c"], [""], ["", "", ""], ["d"]],
    });
    expect(parseCsv("")).toEqual({ ok: true, delimiter: ";", rows: [] });
  });

  it("handles CR-only line ends and a BOM", () => {
    expect(parseCsv("\uFEFFa;b\rc;d")).toMatchObject({
      ok: true,
      rows: [
        ["a", "b"],
        ["c", "d"],
      ],
    });
  });

  it("honours Excel's sep= line and drops it", () => {
    expect(parseCsv("sep=,\na;b,c\n")).toEqual({ ok: true, delimiter: ",", rows: [["a;b", "c"]] });
  });

  it("reports an unterminated quote with the line it starts on", () => {
    expect(parseCsv('a;b\n1;2\n3;"open\nstill open\n')).toEqual({
      ok: false,
      error: { code: "UNTERMINATED_QUOTE", line: 3 },
    });
    expect(parseCsv('sep=;\na;"b')).toEqual({ ok: false, error: { code: "UNTERMINATED_QUOTE", line: 2 } });
    expect(parseCsv('"a""')).toEqual({ ok: false, error: { code: "UNTERMINATED_QUOTE", line: 1 } });
  });
});

describe("toCsv", () => {
  it("writes semicolons, CRLF and a BOM by default", () => {
    expect(
      toCsv([
        ["IKT-tjeneste", "Beløp"],
        ["Drift", 1234],
      ]),
    ).toBe("\uFEFFIKT-tjeneste;Beløp\r\nDrift;1234\r\n");
  });

  it("quotes fields holding a delimiter of any kind, a quote or a newline", () => {
    expect(toCsv([["a;b", "c,d", 'e"f', "g\nh", "i\tj", "plain"]], ";", { bom: false })).toBe('"a;b";"c,d";"e""f";"g\nh";"i\tj";plain\r\n');
  });

  it("neutralises formulas and writes null as empty", () => {
    expect(toCsv([["=1+1", "-5", "@x", null, "ok"]], ",", { bom: false })).toBe("'=1+1,'-5,'@x,,ok\r\n");
  });

  it("with formattedNumbers, writes text that is already a number in the file's notation as a number", () => {
    const rows = [["-12,5", "3,50", "-7", "0301", "-1.5", "-2+3", "1,5,6"]];
    expect(toCsv(rows, ";", { bom: false, formattedNumbers: true })).toBe(`-12,5;3,50;-7;0301;'-1.5;'-2+3;"1,5,6"\r\n`);
    expect(toCsv([["-1.5", "-12,5"]], ",", { bom: false, formattedNumbers: true })).toBe(`-1.5,"'-12,5"\r\n`);
    expect(toCsv(rows, ";", { bom: false })).toBe(`"'-12,5";"3,50";'-7;0301;'-1.5;'-2+3;"1,5,6"\r\n`);
  });

  it("writes decimal commas with semicolons and points with commas", () => {
    expect(toCsv([[1234.5, -2]], ";", { bom: false })).toBe("1234,5;-2\r\n");
    expect(toCsv([[1234.5]], ",", { bom: false })).toBe("1234.5\r\n");
    expect(toCsv([[1234.5]], "\t", { bom: false })).toBe("1234,5\r\n");
  });

  it("round-trips through parseCsv for any text, with any delimiter", () => {
    const cell = fc.string({ unit: "binary", maxLength: 12 }).filter((text) => !text.includes("\uFEFF"));
    const rows = fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { maxLength: 8 });
    const delimiter = fc.constantFrom<CsvDelimiter>(";", ",", "\t");
    fc.assert(
      fc.property(rows, delimiter, fc.boolean(), (table, sep, bom) => {
        const expected = table.map((row) => row.map((text) => neutraliseFormula(text).replace(/\r\n?/g, "\n")));
        while (expected.length > 0 && (expected[expected.length - 1] ?? []).every((text) => text === "")) expected.pop();
        const result = parseCsv(toCsv(table, sep, { bom }));
        expect(result.ok && result.rows).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
