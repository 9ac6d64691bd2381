import { describe, expect, it } from "vitest";

import { tableToCsv } from "./csv";

describe("tableToCsv", () => {
  it("writes a BOM, semicolons and CRLF, quotes where needed and keeps formulas as text", () => {
    const csv = tableToCsv(
      [
        { key: "a", header: "Navn" },
        { key: "b", header: "Verdi" },
      ],
      [
        { a: 'Si "hei"; ja', b: "-12,5" },
        { a: '=HYPERLINK("x")', b: "@sum" },
      ],
    );
    expect(csv).toBe('\uFEFFNavn;Verdi\r\n"Si ""hei""; ja";-12,5\r\n"\'=HYPERLINK(""x"")";\'@sum\r\n');
  });
});

describe("tableToCsv with facts", () => {
  it("writes the facts first, one a line, then an empty line and the table; plain numbers stay numbers, other text starting with - is neutralised", () => {
    const csv = tableToCsv(
      [
        { key: "a", header: "År" },
        { key: "b", header: "Kroner per innbygger" },
      ],
      [
        { a: "2024", b: "-1 234,50" },
        { a: "2025", b: "3,5" },
      ],
      [
        ["Tittel", "Kostnader; drift"],
        ["Kilde", "Målestokk"],
      ],
    );
    expect(csv).toBe(
      `\uFEFFTittel;"Kostnader; drift"\r\nKilde;Målestokk\r\n\r\nÅr;Kroner per innbygger\r\n2024;"'-1 234,50"\r\n2025;3,5\r\n`,
    );
  });
});
