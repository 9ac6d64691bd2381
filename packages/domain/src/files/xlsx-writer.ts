import { strToU8, zipSync, type Zippable } from "fflate";

import { neutraliseFormula } from "./formula";

export type XlsxWriteCell = string | number | null;

export interface XlsxSheetInput {
  readonly name: string;
  readonly rows: readonly (readonly XlsxWriteCell[])[];
}

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PACKAGE_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** A fixed zip timestamp (the earliest DOS date) keeps output a pure function of the input. */
const ZIP_MTIME = new Date(1980, 0, 1);

const STYLES_XML =
  `<styleSheet xmlns="${MAIN_NS}">` +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  "</styleSheet>";

/**
 * Writes a minimal workbook that Excel and LibreOffice open: one worksheet per entry, text as
 * inline strings (neutralised against formula injection), numbers as numbers. null and "" are
 * empty cells. Sheet names are made valid for Excel (at most 31 characters, none of : \ / ? * [ ],
 * unique regardless of case). Output is deterministic.
 */
export function writeXlsx(sheets: readonly XlsxSheetInput[]): Uint8Array {
  if (sheets.length === 0) throw new RangeError("A workbook needs at least one sheet");
  const names = validSheetNames(sheets.map((sheet) => sheet.name));
  const files: Zippable = {};
  files["[Content_Types].xml"] = strToU8(
    `${XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      sheets
        .map(
          (_, i) =>
            `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
        )
        .join("") +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      "</Types>",
  );
  files["_rels/.rels"] = strToU8(
    `${XML_DECLARATION}<Relationships xmlns="${PACKAGE_REL_NS}">` +
      `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/>` +
      "</Relationships>",
  );
  files["xl/workbook.xml"] = strToU8(
    `${XML_DECLARATION}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
      '<bookViews><workbookView activeTab="0"/></bookViews><sheets>' +
      names.map((name, i) => `<sheet name="${escapeXml(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("") +
      "</sheets></workbook>",
  );
  files["xl/_rels/workbook.xml.rels"] = strToU8(
    `${XML_DECLARATION}<Relationships xmlns="${PACKAGE_REL_NS}">` +
      sheets
        .map(
          (_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
        )
        .join("") +
      `<Relationship Id="rId${sheets.length + 1}" Type="${REL_NS}/styles" Target="styles.xml"/>` +
      "</Relationships>",
  );
  files["xl/styles.xml"] = strToU8(XML_DECLARATION + STYLES_XML);
  sheets.forEach((sheet, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(worksheetXml(sheet.rows));
  });
  return zipSync(files, { level: 6, mtime: ZIP_MTIME });
}

function worksheetXml(rows: readonly (readonly XlsxWriteCell[])[]): string {
  const parts: string[] = [`${XML_DECLARATION}<worksheet xmlns="${MAIN_NS}"><sheetData>`];
  rows.forEach((row, r) => {
    const cells: string[] = [];
    row.forEach((cell, c) => {
      if (cell === null || cell === "") return;
      const ref = `${columnName(c)}${r + 1}`;
      if (typeof cell === "number") {
        if (!Number.isFinite(cell)) throw new RangeError(`Cannot write ${cell} to cell ${ref}`);
        cells.push(`<c r="${ref}"><v>${cell}</v></c>`);
      } else {
        const text = escapeXmlText(neutraliseFormula(cell));
        cells.push(`<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${text}</t></is></c>`);
      }
    });
    if (cells.length > 0) parts.push(`<row r="${r + 1}">${cells.join("")}</row>`);
  });
  parts.push("</sheetData></worksheet>");
  return parts.join("");
}

function columnName(index: number): string {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/**
 * Escapes cell text: a literal `_xHHHH_` gets its underscore escaped, and characters XML 1.0
 * cannot hold (controls other than tab and LF, U+FFFE, U+FFFF), as well as CR, which XML would
 * turn into LF, become `_xHHHH_` as Excel writes them.
 */
function escapeXmlText(text: string): string {
  return escapeXml(text.replace(/_(?=x[0-9A-Fa-f]{4}_)/g, "_x005F_")).replace(
    /[^\t\n\x20-\uFFFD]/g,
    (char) => `_x${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`,
  );
}

function validSheetNames(requested: readonly string[]): string[] {
  // "History" is reserved by Excel for change tracking.
  const used = new Set<string>(["history"]);
  return requested.map((raw, i) => {
    const base =
      raw
        .replace(/[:\\/?*[\]]|[^\x20-\uFFFD]/g, " ")
        .trim()
        .replace(/^'+|'+$/g, "")
        .slice(0, 31)
        .trim() || `Sheet${i + 1}`;
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) {
      const suffix = ` (${n})`;
      name = `${base.slice(0, 31 - suffix.length)}${suffix}`;
    }
    used.add(name.toLowerCase());
    return name;
  });
}
