import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";

import {
  asciiFileName,
  attachmentDisposition,
  checkToolboxDocument,
  cleanToolboxFileName,
  isToolboxUrl,
  MAX_TOOLBOX_DOCUMENT_BYTES,
  sniffToolboxDocument,
  ToolboxLinkInputSchema,
} from "./toolbox";

const PDF = strToU8("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");

function office(mainPart: string, contentType: string, parts: Record<string, string> = { [mainPart]: "<x/>" }): Uint8Array {
  return zipSync({
    "[Content_Types].xml": strToU8(
      `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        `<Default Extension="xml" ContentType="application/xml"/><Override ContentType="${contentType}" PartName="/${mainPart}"/></Types>`,
    ),
    ...Object.fromEntries(Object.entries(parts).map(([name, text]) => [name, strToU8(text)])),
  });
}
const DOCX = office("word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml");
const XLSX = office("xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml");

describe("toolbox documents are typed by their content", () => {
  it("knows PDF by %PDF-, and Word and Excel by the main part their content types name", () => {
    expect(sniffToolboxDocument(PDF)).toBe("pdf");
    expect(sniffToolboxDocument(DOCX)).toBe("docx");
    expect(sniffToolboxDocument(XLSX)).toBe("xlsx");
  });

  it("refuses HTML, a plain zip, a macro-enabled document and a main part that is not there", () => {
    expect(sniffToolboxDocument(strToU8("<!doctype html><script>alert(1)</script>"))).toBeNull();
    expect(sniffToolboxDocument(zipSync({ "a.txt": strToU8("a") }))).toBeNull();
    expect(sniffToolboxDocument(office("word/document.xml", "application/vnd.ms-word.document.macroEnabled.main+xml"))).toBeNull();
    expect(
      sniffToolboxDocument(
        office("word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", {
          "other.xml": "",
        }),
      ),
    ).toBeNull();
  });

  it("refuses an HTML page named .pdf, a DOCX named .xlsx, an empty file and one over 5 MB", () => {
    expect(checkToolboxDocument("krav.pdf", strToU8("<html><body>hei</body></html>"))).toMatchObject({
      ok: false,
      code: "FILE_WRONG_TYPE",
    });
    expect(checkToolboxDocument("mal.xlsx", DOCX)).toMatchObject({ ok: false, code: "FILE_WRONG_TYPE" });
    expect(checkToolboxDocument("tom.pdf", new Uint8Array())).toMatchObject({ ok: false, code: "FILE_EMPTY" });
    const big = new Uint8Array(MAX_TOOLBOX_DOCUMENT_BYTES + 1);
    big.set(PDF);
    expect(checkToolboxDocument("stor.pdf", big)).toEqual({ ok: false, code: "FILE_TOO_LARGE", params: { maxMb: 5, size: big.length } });
    expect(checkToolboxDocument("Krav.PDF", PDF)).toEqual({ ok: true, type: "pdf" });
    expect(checkToolboxDocument("mal.docx", DOCX)).toEqual({ ok: true, type: "docx" });
    expect(checkToolboxDocument("mal.xlsx", XLSX)).toEqual({ ok: true, type: "xlsx" });
  });
});

describe("toolbox file names and downloads", () => {
  it("keeps the last path segment, drops what a header or file system treats specially and ends in the type", () => {
    expect(cleanToolboxFileName('C:\\Users\\kari\\Krav\u0000spek "v2".PDF', "pdf")).toBe("Kravspek v2.pdf");
    expect(cleanToolboxFileName("../../.pdf", "pdf")).toBe("dokument.pdf");
    expect(cleanToolboxFileName("Gevinstkart Bodø.xlsx", "xlsx")).toBe("Gevinstkart Bodø.xlsx");
    expect(cleanToolboxFileName(`${"a".repeat(300)}.docx`, "docx")).toHaveLength(120);
  });

  it("gives an attachment with an ASCII name and the UTF-8 name by RFC 5987", () => {
    expect(attachmentDisposition("krav.pdf")).toBe('attachment; filename="krav.pdf"');
    expect(asciiFileName("Brukerreise – Bodø og Ålesund.pdf")).toBe("Brukerreise _ Bodo og Alesund.pdf");
    expect(attachmentDisposition("Veileder (anskaffelse) æøå's.pdf")).toBe(
      `attachment; filename="Veileder (anskaffelse) aeoa_s.pdf"; filename*=UTF-8''Veileder%20%28anskaffelse%29%20%C3%A6%C3%B8%C3%A5%27s.pdf`,
    );
  });
});

describe("toolbox links", () => {
  it("takes http and https addresses only, without credentials", () => {
    expect(isToolboxUrl("https://www.ks.no/fagomrader/digitalisering/")).toBe(true);
    expect(isToolboxUrl("http://example.no/a?b=c")).toBe(true);
    for (const bad of [
      "javascript:alert(1)",
      "data:text/html,<b>x</b>",
      "ftp://example.no/",
      "https://kari:pw@example.no/",
      "example.no",
      "file:///etc/passwd",
    ]) {
      expect(isToolboxUrl(bad), bad).toBe(false);
    }
  });

  it("names a refused address in the issue it gives", () => {
    const result = ToolboxLinkInputSchema.safeParse({ title: "Lenke", url: "javascript:alert(1)" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ["url"], params: { code: "URL_NOT_WEB" } });
  });
});
