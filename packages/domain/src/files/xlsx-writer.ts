import { strToU8, zipSync, type Zippable } from "fflate";

import { neutraliseFormula } from "./formula";

export type XlsxWriteCell = string | number | null;

/** How a column looks: in the cells written and in the cells a user types into it later. */
export interface XlsxColumn {
  /** Width in characters of the default font. */
  readonly width?: number;
  /** "kroner": whole numbers with a thousands separator (#,##0; Excel in Norwegian shows "1 234 567"). */
  readonly format?: "kroner";
  /** Long text wraps within the column's width. */
  readonly wrap?: boolean;
  readonly bold?: boolean;
}

/** Cells of one column, by Excel's row numbers (1-based, both ends included). */
interface XlsxColumnRange {
  /** 0-based: 0 is column A. */
  readonly column: number;
  readonly rows: readonly [first: number, last: number];
}

/** A text Excel shows beside a cell (prompt) or when a value breaks the rule (error). */
export interface XlsxValidationText {
  /** At most 32 characters. */
  readonly title: string;
  /** At most 255 characters. */
  readonly text: string;
}

interface XlsxValidationBase extends XlsxColumnRange {
  /** true: another value is refused; false: Excel warns and lets the user keep it. */
  readonly strict: boolean;
  readonly prompt?: XlsxValidationText;
  readonly error?: XlsxValidationText;
}

/**
 * A rule on what a user may type into cells, which Excel and LibreOffice check as the user types:
 * - list: a drop-down of the values in a column range of a sheet of this workbook (`source.sheet`
 *   is its index in the input), e.g. a catalogue sheet;
 * - number: a number from `min` to `max`.
 * Blank cells are always allowed.
 */
export type XlsxValidation =
  | (XlsxValidationBase & { readonly kind: "list"; readonly source: XlsxColumnRange & { readonly sheet: number } })
  | (XlsxValidationBase & { readonly kind: "number"; readonly min: number; readonly max: number });

export interface XlsxSheetInput {
  readonly name: string;
  readonly rows: readonly (readonly XlsxWriteCell[])[];
  /** This many rows at the top are a header: bold, and kept in view when the sheet scrolls. */
  readonly headerRows?: number;
  /** Per column from A; a gap keeps the default. */
  readonly columns?: readonly (XlsxColumn | undefined)[];
  readonly validations?: readonly XlsxValidation[];
}

/** Excel's limits on a validation's texts: past them it calls the file damaged. */
const MAX_VALIDATION_TITLE = 32;
const MAX_VALIDATION_TEXT = 255;
/** Excel's default column width, in characters. */
const DEFAULT_COLUMN_WIDTH = 10;
/** Excel's built-in number format #,##0. */
const THOUSANDS_FORMAT_ID = 3;

/** The media type of an XLSX workbook, for downloads, uploads' `accept` and responses. */
export const XLSX_MIME_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PACKAGE_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** A fixed zip timestamp (the earliest DOS date) keeps output a pure function of the input. */
const ZIP_MTIME = new Date(1980, 0, 1);

interface CellStyle {
  readonly numFmtId: number;
  readonly bold: boolean;
  readonly wrap: boolean;
}

/** The workbook's cell styles (cellXfs), numbered in order of first use; 0 is the default. */
class StyleTable {
  private readonly styles: CellStyle[] = [{ numFmtId: 0, bold: false, wrap: false }];
  private readonly index = new Map<string, number>([["0|false|false", 0]]);

  indexOf(style: CellStyle): number {
    const key = `${style.numFmtId}|${style.bold}|${style.wrap}`;
    let index = this.index.get(key);
    if (index === undefined) {
      index = this.styles.length;
      this.styles.push(style);
      this.index.set(key, index);
    }
    return index;
  }

  xml(): string {
    const xfs = this.styles.map(({ numFmtId, bold, wrap }) => {
      const applied = (numFmtId === 0 ? "" : ' applyNumberFormat="1"') + (bold ? ' applyFont="1"' : "");
      const start = `<xf numFmtId="${numFmtId}" fontId="${bold ? 1 : 0}" fillId="0" borderId="0" xfId="0"${applied}`;
      return wrap ? `${start} applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>` : `${start}/>`;
    });
    return (
      `${XML_DECLARATION}<styleSheet xmlns="${MAIN_NS}">` +
      '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>' +
      '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${xfs.length}">${xfs.join("")}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      "</styleSheet>"
    );
  }
}

/**
 * Writes a minimal workbook that Excel and LibreOffice open: one worksheet per entry, text as
 * inline strings (neutralised against formula injection), numbers as numbers. null and "" are
 * empty cells. Sheet names are made valid for Excel (at most 31 characters, cut between words,
 * none of : \ / ? * [ ], unique regardless of case). A sheet may have a header, column widths and
 * formats, and validation rules (see `XlsxSheetInput`). Output is deterministic.
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
      sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("") +
      `<Relationship Id="rId${sheets.length + 1}" Type="${REL_NS}/styles" Target="styles.xml"/>` +
      "</Relationships>",
  );
  const styles = new StyleTable();
  const worksheets = sheets.map((sheet, i) => worksheetXml(sheet, i === 0, styles, names));
  files["xl/styles.xml"] = strToU8(styles.xml());
  worksheets.forEach((xml, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(xml);
  });
  return zipSync(files, { level: 6, mtime: ZIP_MTIME });
}

function worksheetXml(sheet: XlsxSheetInput, isFirst: boolean, styles: StyleTable, sheetNames: readonly string[]): string {
  const headerRows = sheet.headerRows ?? 0;
  const columns = sheet.columns ?? [];
  const styleOf = (r: number, c: number): number => {
    const column = columns[c];
    return styles.indexOf({
      numFmtId: column?.format === "kroner" ? THOUSANDS_FORMAT_ID : 0,
      bold: r < headerRows || column?.bold === true,
      wrap: column?.wrap === true,
    });
  };
  const parts: string[] = [`${XML_DECLARATION}<worksheet xmlns="${MAIN_NS}">`];
  const selected = isFirst ? ' tabSelected="1"' : "";
  parts.push(
    headerRows > 0
      ? `<sheetViews><sheetView${selected} workbookViewId="0">` +
          `<pane ySplit="${headerRows}" topLeftCell="A${headerRows + 1}" activePane="bottomLeft" state="frozen"/>` +
          '<selection pane="bottomLeft"/></sheetView></sheetViews>'
      : `<sheetViews><sheetView${selected} workbookViewId="0"/></sheetViews>`,
  );
  const cols = columns.flatMap((column, c) => {
    if (column === undefined) return [];
    const width = column.width === undefined ? `width="${DEFAULT_COLUMN_WIDTH}"` : `width="${column.width}" customWidth="1"`;
    // A column's style is what Excel gives the cells typed into it later.
    const style = styles.indexOf({
      numFmtId: column.format === "kroner" ? THOUSANDS_FORMAT_ID : 0,
      bold: column.bold === true,
      wrap: column.wrap === true,
    });
    return [`<col min="${c + 1}" max="${c + 1}" ${width}${style === 0 ? "" : ` style="${style}"`}/>`];
  });
  if (cols.length > 0) parts.push(`<cols>${cols.join("")}</cols>`);
  parts.push("<sheetData>");
  sheet.rows.forEach((row, r) => {
    const cells: string[] = [];
    row.forEach((cell, c) => {
      if (cell === null || cell === "") return;
      const ref = `${columnName(c)}${r + 1}`;
      const style = styleOf(r, c);
      const attributes = `r="${ref}"${style === 0 ? "" : ` s="${style}"`}`;
      if (typeof cell === "number") {
        if (!Number.isFinite(cell)) throw new RangeError(`Cannot write ${cell} to cell ${ref}`);
        cells.push(`<c ${attributes}><v>${cell}</v></c>`);
      } else {
        const text = escapeXmlText(neutraliseFormula(cell));
        cells.push(`<c ${attributes} t="inlineStr"><is><t xml:space="preserve">${text}</t></is></c>`);
      }
    });
    if (cells.length > 0) parts.push(`<row r="${r + 1}">${cells.join("")}</row>`);
  });
  parts.push("</sheetData>");
  const validations = sheet.validations ?? [];
  if (validations.length > 0) {
    parts.push(`<dataValidations count="${validations.length}">`);
    parts.push(...validations.map((validation) => validationXml(validation, sheetNames)));
    parts.push("</dataValidations>");
  }
  parts.push("</worksheet>");
  return parts.join("");
}

function rangeRef({ column, rows: [first, last] }: XlsxColumnRange, absolute = false): string {
  if (!Number.isInteger(first) || !Number.isInteger(last) || first < 1 || last < first || column < 0) {
    throw new RangeError(`Not a range of cells: column ${column}, rows ${first} to ${last}`);
  }
  const $ = absolute ? "$" : "";
  return `${$}${columnName(column)}${$}${first}:${$}${columnName(column)}${$}${last}`;
}

function validationTextAttributes(kind: "prompt" | "error", text: XlsxValidationText | undefined): string {
  if (text === undefined) return "";
  if (text.title.length > MAX_VALIDATION_TITLE || text.text.length > MAX_VALIDATION_TEXT) {
    throw new RangeError(`A validation's ${kind} is longer than Excel allows: ${text.title}`);
  }
  return ` ${kind}Title="${escapeXml(text.title)}" ${kind}="${escapeXml(text.text)}"`;
}

/** `<dataValidation>` (ECMA-376 §18.3.1.32); a list refers to its source sheet by name, quoted. */
function validationXml(validation: XlsxValidation, sheetNames: readonly string[]): string {
  let type: string;
  let formulas: string;
  if (validation.kind === "list") {
    const sheetName = sheetNames[validation.source.sheet];
    if (sheetName === undefined) throw new RangeError(`A list refers to sheet ${validation.source.sheet}, which is not written`);
    type = 'type="list"';
    formulas = `<formula1>${escapeXml(`'${sheetName.replace(/'/g, "''")}'!${rangeRef(validation.source, true)}`)}</formula1>`;
  } else {
    if (!Number.isFinite(validation.min) || !Number.isFinite(validation.max)) throw new RangeError("A number rule needs finite limits");
    type = 'type="decimal" operator="between"';
    formulas = `<formula1>${validation.min}</formula1><formula2>${validation.max}</formula2>`;
  }
  return (
    `<dataValidation ${type} errorStyle="${validation.strict ? "stop" : "warning"}" allowBlank="1"` +
    (validation.prompt === undefined ? "" : ' showInputMessage="1"') +
    ' showErrorMessage="1"' +
    validationTextAttributes("prompt", validation.prompt) +
    validationTextAttributes("error", validation.error) +
    ` sqref="${rangeRef(validation)}">${formulas}</dataValidation>`
  );
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

/** Excel's limit on a sheet name. */
const MAX_SHEET_NAME = 31;

/** `text` cut to at most `max` characters at the last space that allows, or mid-word if it is one word. */
function cutBetweenWords(text: string, max: number): string {
  if (text.length <= max) return text;
  const space = text.slice(0, max + 1).lastIndexOf(" ");
  return (space > 0 ? text.slice(0, space) : text.slice(0, max)).trimEnd();
}

function validSheetNames(requested: readonly string[]): string[] {
  // "History" is reserved by Excel for change tracking.
  const used = new Set<string>(["history"]);
  return requested.map((raw, i) => {
    const cleaned = raw
      .replace(/[:\\/?*[\]]|[^\x20-\uFFFD]/g, " ")
      .replace(/\s+/g, " ")
      .trim()
      .replace(/^'+|'+$/g, "")
      .trim();
    const base = cutBetweenWords(cleaned, MAX_SHEET_NAME) || `Sheet${i + 1}`;
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) {
      const suffix = ` (${n})`;
      name = `${cutBetweenWords(base, MAX_SHEET_NAME - suffix.length)}${suffix}`;
    }
    used.add(name.toLowerCase());
    return name;
  });
}
