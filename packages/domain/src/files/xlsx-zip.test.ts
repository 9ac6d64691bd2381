import { strFromU8, strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";

import { MAX_XLSX_UNZIPPED_BYTES, partKey, readPart, unzipXmlParts } from "./xlsx-zip";

describe("unzipXmlParts", () => {
  it("inflates the XML parts only, found by name whatever the case, slashes or leading slash", () => {
    const parts = unzipXmlParts(
      zipSync({
        "XL/Workbook.xml": strToU8("<workbook/>"),
        "_rels/.rels": strToU8("<Relationships/>"),
        "xl/media/image1.png": new Uint8Array(8),
      }),
    );
    if (!parts.ok) throw new Error(parts.error.code);
    expect([...parts.files.keys()].sort()).toEqual(["_rels/.rels", "xl/workbook.xml"]);
    expect(strFromU8(readPart(parts.files, "/xl/workbook.xml") ?? new Uint8Array())).toBe("<workbook/>");
    expect(partKey("\\xl\\Worksheets\\Sheet1.xml")).toBe("xl/worksheets/sheet1.xml");
  });

  it("refuses what is not a zip, and an upload larger than the unzipped limit before reading it", () => {
    expect(unzipXmlParts(strToU8("a;b\r\n1;2\r\n"))).toEqual({ ok: false, error: { code: "NOT_A_ZIP" } });
    expect(unzipXmlParts(new Uint8Array(MAX_XLSX_UNZIPPED_BYTES + 1))).toEqual({ ok: false, error: { code: "FILE_TOO_LARGE" } });
  });
});
