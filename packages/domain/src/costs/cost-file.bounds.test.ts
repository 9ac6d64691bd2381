import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";

import { MAX_COST_FILE_BYTES, MAX_COST_FILE_ROWS, parseCostFile } from "./cost-file";
import { utf8 } from "./cost-file.test-helpers";

describe("parseCostFile reads no further than it must (issue 18)", () => {
  const header = "IKT-tjeneste;Kostnadstype;Beløp (kr)\n";
  const rows = (count: number) => Array.from({ length: count }, (_, i) => `Drift og forvaltning;Annet;${i}\n`).join("");

  it("stops at the row limit: a binary tail, another encoding or an open quote after it is never read", () => {
    const tail = Uint8Array.of(0x00, 0xff, 0x00, 0x22, 0x0a, 0xe5, 0x0a);
    const bytes = Uint8Array.from([...utf8(header + rows(MAX_COST_FILE_ROWS + 1)), ...tail]);
    expect(parseCostFile({ bytes, fileName: "stor.csv", systems: [] })).toMatchObject({
      ok: false,
      fileError: { code: "TOO_MANY_ROWS", params: { max: MAX_COST_FILE_ROWS } },
    });
  });

  it("stops reading a workbook's sheet once it holds more rows than a report can, so damage after them is never read", () => {
    const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    const cells = (i: number) =>
      `<row><c t="inlineStr"><is><t>Drift og forvaltning</t></is></c><c t="inlineStr"><is><t>Annet</t></is></c><c><v>${i}</v></c></row>`;
    const sheetData = `<row><c t="inlineStr"><is><t>Tjeneste</t></is></c><c t="inlineStr"><is><t>Kostnadstype</t></is></c><c t="inlineStr"><is><t>Beløp</t></is></c></row>${Array.from({ length: MAX_COST_FILE_ROWS + 20 }, (_, i) => cells(i)).join("")}<row><c><v>`;
    const bytes = zipSync({
      "xl/workbook.xml": strToU8(`<workbook xmlns:r="${REL}"><sheets><sheet name="Ark1" r:id="rId1"/></sheets></workbook>`),
      "xl/_rels/workbook.xml.rels": strToU8(
        `<Relationships><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      ),
      "xl/worksheets/sheet1.xml": strToU8(`<worksheet><sheetData>${sheetData}</sheetData></worksheet>`),
    });
    expect(parseCostFile({ bytes, fileName: "stor.xlsx", systems: [] })).toMatchObject({
      ok: false,
      format: "xlsx",
      fileError: { code: "TOO_MANY_ROWS", params: { max: MAX_COST_FILE_ROWS } },
    });
  });

  it("refuses a file over the size limit from its size, with the size and the limit", () => {
    expect(parseCostFile({ bytes: new Uint8Array(0), size: MAX_COST_FILE_BYTES + 1, fileName: "stor.csv", systems: [] })).toMatchObject({
      ok: false,
      fileError: { code: "FILE_TOO_LARGE", params: { bytes: MAX_COST_FILE_BYTES + 1, maxBytes: MAX_COST_FILE_BYTES } },
    });
  });

  it("quotes at most 60 characters of a cell in a problem, so a 5 MB comment is not carried back whole", () => {
    const comment = "blåbær ".repeat(1_000);
    const result = parseCostFile({
      bytes: utf8(`Tjeneste;Kostnadstype;Beløp;Kommentar\nUtvikling;Annet;5;${comment}\n`),
      fileName: "x.csv",
      systems: [],
    });
    expect(result).toMatchObject({
      ok: false,
      issues: [{ row: 2, column: "comment", code: "COMMENT_TOO_LONG", params: { length: comment.trim().length, max: 500 } }],
    });
    const value = result.ok ? "" : (result.issues[0]?.value ?? "");
    expect([...value]).toHaveLength(60);
    expect(value).toBe(`${comment.slice(0, 59)}…`);
  });

  it("reads a binary file as one, even when text comes first", () => {
    const bytes = Uint8Array.from([...utf8(header + rows(3)), 0x00, 0x01, 0x02, 0x0a]);
    expect(parseCostFile({ bytes, fileName: "x.csv", systems: [] })).toMatchObject({ ok: false, fileError: { code: "NOT_A_TEXT_FILE" } });
  });
});
