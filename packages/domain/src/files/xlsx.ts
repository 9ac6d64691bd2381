import { partKey, readPart, unzipXmlParts } from "./xlsx-zip";
import { scanXml, XmlRefusedError, type XmlHandlers } from "./xml-scan";

export { MAX_XLSX_UNZIPPED_BYTES, MAX_XLSX_ZIP_ENTRIES } from "./xlsx-zip";

/** Cap on the last used row of the sheet we read. */
export const MAX_XLSX_ROWS = 100_000;
/** Cap on the cells we materialise, gaps included: one value in column XFD makes a row 16 384 wide. */
const MAX_XLSX_CELLS = 5_000_000;
/** Excel's last column, XFD. */
const MAX_XLSX_COLUMNS = 16_384;
/** More shared strings than this is not a spreadsheet anyone typed for us. */
export const MAX_XLSX_SHARED_STRINGS = 1_000_000;

/** DAMAGED: a part that is not well-formed XML, has a DOCTYPE, or is nested absurdly deep. */
export type XlsxReadErrorCode = "NOT_A_ZIP" | "NO_WORKSHEET" | "FILE_TOO_LARGE" | "TOO_MANY_ROWS" | "DAMAGED";

export interface XlsxReadError {
  readonly code: XlsxReadErrorCode;
}

export type XlsxReadResult<Cell> =
  | {
      readonly ok: true;
      readonly rows: Cell[][];
      /** Reading stopped past `maxContentRows`: the sheet has more rows with content than these. */
      readonly truncated?: true;
    }
  | { readonly ok: false; readonly error: XlsxReadError };

export interface XlsxReadOptions {
  /** Refuse more shared strings than this (FILE_TOO_LARGE); default MAX_XLSX_SHARED_STRINGS. */
  readonly maxSharedStrings?: number;
  /**
   * Stop at the first row with content (a number, or text other than spaces) past this many, and
   * say so (`truncated`): a caller that cannot use more rows need not hold or even parse them.
   */
  readonly maxContentRows?: number;
  /**
   * Read the sheet of this name (its tab's name, hidden or not) instead of the first visible one; NO_WORKSHEET
   * if there is none: for a workbook of several sheets, such as the app's own exports read back.
   */
  readonly sheet?: string;
}

/** A cell as stored: numbers stay numbers, everything else (shared, inline, formula text, booleans, errors) is text. */
export type XlsxCellValue = string | number;

/**
 * Reads the first worksheet of an XLSX workbook (the first visible one in the workbook's tab
 * order, found through the package relationships, not by assuming sheet1.xml). Rows end at their
 * last non-empty cell; gaps are "" and trailing empty rows are dropped, so row i is spreadsheet
 * row i + 1. Refuses files that are not zips, that inflate beyond MAX_XLSX_UNZIPPED_BYTES, or
 * whose sheet goes past MAX_XLSX_ROWS.
 */
export function readXlsxFirstSheetCells(bytes: Uint8Array, options: XlsxReadOptions = {}): XlsxReadResult<XlsxCellValue> {
  const parts = unzipXmlParts(bytes);
  if (!parts.ok) return parts;
  try {
    const sheet = findWorksheet(parts.files, options.sheet);
    if (sheet === null) return { ok: false, error: { code: "NO_WORKSHEET" } };
    const maxStrings = options.maxSharedStrings ?? MAX_XLSX_SHARED_STRINGS;
    const sharedStrings = sheet.sharedStringsXml === undefined ? [] : parseSharedStrings(sheet.sharedStringsXml, maxStrings);
    return parseWorksheet(sheet.xml, sharedStrings, options.maxContentRows ?? Number.POSITIVE_INFINITY);
  } catch (error) {
    if (error instanceof XmlRefusedError) return { ok: false, error: { code: error.refusal } };
    throw error;
  }
}

/** `readXlsxFirstSheetCells` with every cell as text; numbers in plain JS form ("1234.5"). */
export function readXlsxFirstSheet(bytes: Uint8Array, options: XlsxReadOptions = {}): XlsxReadResult<string> {
  const result = readXlsxFirstSheetCells(bytes, options);
  if (!result.ok) return result;
  return {
    ...result,
    rows: result.rows.map((row) => row.map((cell) => (typeof cell === "number" ? formatXlsxNumber(cell) : cell))),
  };
}

/** A stored number as Excel shows it: 15 significant digits, so 0.1 + 0.2 reads "0.3". */
export function formatXlsxNumber(value: number): string {
  return String(Number(value.toPrecision(15)));
}

interface Relationship {
  readonly type: string;
  readonly target: string;
}

function parseRelationships(xml: Uint8Array | undefined, baseDir: string): ReadonlyMap<string, Relationship> {
  const rels = new Map<string, Relationship>();
  if (xml === undefined) return rels;
  scanXml(xml, {
    open({ name, attributes }) {
      if (name !== "Relationship") return;
      const { Id: id, Target: target } = attributes;
      if (id === undefined || target === undefined || attributes.TargetMode === "External") return;
      rels.set(id, { type: attributes.Type ?? "", target: resolvePartPath(baseDir, target) });
    },
  });
  return rels;
}

function resolvePartPath(baseDir: string, target: string): string {
  const joined = target.startsWith("/") ? target : `${baseDir}${target}`;
  const segments: string[] = [];
  for (const segment of joined.split("/")) {
    if (segment === "..") segments.pop();
    else if (segment !== "" && segment !== ".") segments.push(segment);
  }
  return segments.join("/");
}

function directoryOf(path: string): string {
  return path.slice(0, path.lastIndexOf("/") + 1);
}

/** The relationship id of a `<sheet>`: `r:id`, whatever the prefix is called. */
function relationshipIdOf(attributes: Readonly<Record<string, string>>): string | undefined {
  const key = Object.keys(attributes).find((name) => /^[\w.-]+:id$/.test(name));
  return key === undefined ? undefined : attributes[key];
}

function findWorksheet(
  files: ReadonlyMap<string, Uint8Array>,
  sheetName: string | undefined,
): { xml: Uint8Array; sharedStringsXml: Uint8Array | undefined } | null {
  const rootRels = parseRelationships(readPart(files, "_rels/.rels"), "");
  const workbookPath = [...rootRels.values()].find((rel) => rel.type.endsWith("/officeDocument"))?.target ?? "xl/workbook.xml";
  const workbookXml = readPart(files, workbookPath);
  if (workbookXml === undefined) return null;
  const baseDir = directoryOf(workbookPath);
  const fileName = workbookPath.slice(baseDir.length);
  const rels = parseRelationships(readPart(files, `${baseDir}_rels/${fileName}.rels`), baseDir);

  const worksheets: { name: string; path: string; hidden: boolean }[] = [];
  scanXml(workbookXml, {
    open({ name, attributes, ancestors }) {
      if (name !== "sheet" || ancestors.at(-1) !== "sheets") return;
      const rel = rels.get(relationshipIdOf(attributes) ?? "");
      // Chart sheets and dialog sheets have no cells.
      if (rel === undefined || !rel.type.endsWith("/worksheet") || !files.has(partKey(rel.target))) return;
      const state = attributes.state;
      worksheets.push({ name: attributes.name ?? "", path: rel.target, hidden: state === "hidden" || state === "veryHidden" });
    },
  });
  const first =
    sheetName === undefined
      ? (worksheets.find((sheet) => !sheet.hidden) ?? worksheets[0])
      : worksheets.find((sheet) => sheet.name === sheetName);
  const xml = first === undefined ? undefined : readPart(files, first.path);
  if (xml === undefined) return null;
  const sharedStringsPath = [...rels.values()].find((rel) => rel.type.endsWith("/sharedStrings"))?.target ?? `${baseDir}sharedStrings.xml`;
  return { xml, sharedStringsXml: readPart(files, sharedStringsPath) };
}

/** Excel's `_xHHHH_` escapes (ECMA-376 ST_Xstring), used for control characters. */
function decodeExcelEscapes(text: string): string {
  return text.includes("_x") ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

/**
 * Whether text at this point belongs to a string's visible text: a `<t>` directly in `holder`
 * (`si` or `is`) or in one of its rich-text runs `<r>`, never in a phonetic hint `<rPh>`.
 */
function isStringText(ancestors: readonly string[], holder: string): boolean {
  const depth = ancestors.length;
  if (ancestors[depth - 1] !== "t") return false;
  if (ancestors[depth - 2] === holder) return true;
  return ancestors[depth - 2] === "r" && ancestors[depth - 3] === holder;
}

function parseSharedStrings(xml: Uint8Array, maxStrings: number): string[] {
  const strings: string[] = [];
  let current: string | null = null;
  scanXml(xml, {
    open({ name, ancestors }) {
      if (name !== "si" || ancestors.at(-1) !== "sst") return;
      if (strings.length >= maxStrings) throw new XmlRefusedError("FILE_TOO_LARGE", "Too many shared strings");
      current = "";
    },
    text(text, ancestors) {
      if (current !== null && isStringText(ancestors, "si")) current += text;
    },
    close(name, ancestors) {
      if (name !== "si" || ancestors.at(-1) !== "sst" || current === null) return;
      strings.push(decodeExcelEscapes(current));
      current = null;
    },
  });
  return strings;
}

function columnIndex(letters: string): number {
  let index = 0;
  for (const char of letters.toUpperCase()) index = index * 26 + (char.charCodeAt(0) - 64);
  return index - 1;
}

interface CellInProgress {
  readonly column: number;
  readonly type: string;
  /** The first `<v>`'s text, once it has closed. */
  value: string | undefined;
  /** The inline string's text, once `<is>` has opened. */
  inline: string | undefined;
  inValue: boolean;
  valueSeen: boolean;
}

/** Thrown from a handler to stop reading a sheet that has more rows than the caller wants. */
class EnoughRows extends Error {}

function hasContent(cells: readonly XlsxCellValue[]): boolean {
  return cells.some((value) => typeof value === "number" || value.trim() !== "");
}

function parseWorksheet(xml: Uint8Array, sharedStrings: readonly string[], maxContentRows: number): XlsxReadResult<XlsxCellValue> {
  const grid = new Map<number, XlsxCellValue[]>();
  let lastRow = -1;
  let cellCount = 0;
  let contentRows = 0;
  let rowIndex = -1;
  let row: { cells: XlsxCellValue[]; width: number; column: number } | null = null;
  let cell: CellInProgress | null = null;
  const handlers: XmlHandlers = {
    open({ name, attributes, ancestors }) {
      const parent = ancestors.at(-1);
      if (name === "row" && parent === "sheetData") {
        // `r` is optional on rows and cells (ECMA-376 §18.3.1.73): without it, they follow the previous one.
        const rowNumber = Number(attributes.r);
        rowIndex = Number.isInteger(rowNumber) && rowNumber >= 1 ? rowNumber - 1 : rowIndex + 1;
        row = { cells: [], width: 0, column: -1 };
      } else if (name === "c" && parent === "row" && row !== null) {
        const ref = /^\$?([A-Za-z]{1,3})\$?\d*$/.exec(attributes.r ?? "");
        row.column = ref?.[1] === undefined ? row.column + 1 : columnIndex(ref[1]);
        cell = { column: row.column, type: attributes.t ?? "n", value: undefined, inline: undefined, inValue: false, valueSeen: false };
      } else if (cell !== null && parent === "c") {
        if (name === "v" && !cell.valueSeen) {
          cell.inValue = true;
          cell.value = "";
        } else if (name === "is" && cell.inline === undefined) {
          cell.inline = "";
        }
      }
    },
    text(text, ancestors) {
      if (cell === null) return;
      if (cell.inValue) cell.value += text;
      else if (cell.inline !== undefined && isStringText(ancestors, "is")) cell.inline += text;
    },
    close(name) {
      if (name === "v" && cell?.inValue) {
        cell.inValue = false;
        cell.valueSeen = true;
      } else if (name === "c" && cell !== null && row !== null) {
        const value = cellValue(cell, sharedStrings);
        if (cell.column < MAX_XLSX_COLUMNS && value !== undefined && value !== "") {
          row.cells[cell.column] = value;
          row.width = Math.max(row.width, cell.column + 1);
        }
        cell = null;
      } else if (name === "row" && row !== null) {
        const { cells, width } = row;
        row = null;
        if (width === 0) return;
        if (rowIndex >= MAX_XLSX_ROWS) throw new XmlRefusedError("TOO_MANY_ROWS", "Sheet used beyond the row limit");
        cellCount += width;
        if (cellCount > MAX_XLSX_CELLS) throw new XmlRefusedError("FILE_TOO_LARGE", "Too many cells");
        const existing = grid.get(rowIndex);
        if (existing === undefined) grid.set(rowIndex, cells);
        else cells.forEach((value, i) => (existing[i] = value));
        lastRow = Math.max(lastRow, rowIndex);
        if (hasContent(cells)) contentRows++;
        if (contentRows > maxContentRows) throw new EnoughRows();
      }
    },
  };
  let truncated = false;
  try {
    scanXml(xml, handlers);
  } catch (error) {
    if (!(error instanceof EnoughRows)) throw error;
    truncated = true;
  }
  const rows: XlsxCellValue[][] = [];
  for (let i = 0; i <= lastRow; i++) {
    const cells = grid.get(i) ?? [];
    rows.push(Array.from({ length: cells.length }, (_, c) => cells[c] ?? ""));
  }
  return truncated ? { ok: true, rows, truncated } : { ok: true, rows };
}

function cellValue(cell: CellInProgress, sharedStrings: readonly string[]): XlsxCellValue | undefined {
  if (cell.type === "inlineStr") return cell.inline === undefined ? undefined : decodeExcelEscapes(cell.inline);
  if (cell.value === undefined || !cell.valueSeen) return undefined;
  const text = decodeExcelEscapes(cell.value);
  switch (cell.type) {
    case "s":
      return sharedStrings[Number(text)] ?? "";
    case "b":
      return text.trim() === "1" ? "TRUE" : "FALSE";
    case "str":
    case "e":
    case "d":
      return text;
    default: {
      const number = text.trim() === "" ? Number.NaN : Number(text);
      return Number.isFinite(number) ? number : text;
    }
  }
}

export * from "./xlsx-writer";
