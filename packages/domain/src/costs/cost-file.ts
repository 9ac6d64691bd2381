import type { IssueParams } from "../errors";
import { nokAmountFromNumber, parseNokAmount } from "../files/amount";
import { parseCsv, type CsvDelimiter } from "../files/csv";
import { decodeText, type TextEncodingName } from "../files/decode";
import { restoreNeutralisedFormula } from "../files/formula";
import { cleanText } from "../text/clean";
import { MAX_COMMENT_LENGTH, MAX_COST_LINES } from "./report";
import { formatXlsxNumber, MAX_XLSX_ROWS, readXlsxFirstSheetCells, type XlsxCellValue } from "../files/xlsx";
import {
  COST_TYPES,
  costTypeFromLabel,
  IT_SERVICES,
  itServiceFromLabel,
  normalizeLabel,
  type CostType,
  type ItService,
} from "./catalogue";

/** A file holds one report's lines: no more rows than a report may have lines. */
export const MAX_COST_FILE_ROWS = MAX_COST_LINES;
export const MAX_COST_COMMENT_LENGTH = MAX_COMMENT_LENGTH;
/** Largest upload we read at all, CSV or XLSX. */
export const MAX_COST_FILE_BYTES = 50 * 1024 * 1024;
/** How many non-empty rows to look through for the header, past title lines an ERP export puts on top. */
const HEADER_SEARCH_ROWS = 20;

export type CostFileColumn = "service" | "costType" | "amount" | "system" | "comment";
export type CostFileFormat = "csv" | "xlsx";

export interface CostFileLine {
  /** The row number the user sees in Excel (1-based, header included). */
  readonly row: number;
  readonly service: ItService;
  readonly costType: CostType;
  /** Whole kroner. */
  readonly amount: number;
  readonly systemId: number | null;
  readonly comment: string | null;
}

export type CostFileIssueCode =
  | "UNKNOWN_SERVICE"
  | "UNKNOWN_COST_TYPE"
  | "EMPTY"
  | "NOT_A_NUMBER"
  | "NEGATIVE"
  | "TOO_LARGE"
  | "UNKNOWN_SYSTEM"
  | "DUPLICATE_LINE"
  | "COMMENT_TOO_LONG";

/** One problem with one cell. DUPLICATE_LINE names the service cell and has `params.firstRow`. */
export interface CostFileIssue {
  readonly row: number;
  readonly column: CostFileColumn;
  /** The cell as read (numbers in plain JS form). */
  readonly value: string;
  readonly code: CostFileIssueCode;
  readonly params: IssueParams;
}

/**
 * Something the user should see but that does not stop the import:
 * - ROUNDED: øre in the amount were rounded (`params.amount` is what is kept);
 * - UNKNOWN_COLUMN: a header (`value`) we do not read, in `params.columnNumber` (1-based);
 * - VALUE_WITHOUT_HEADER: a cell (`value`) in a column with no header, which is ignored;
 * - HEADER_NOT_FIRST: the header was found on `row`, below rows that were ignored.
 */
export interface CostFileWarning {
  readonly row: number;
  readonly column: CostFileColumn | null;
  readonly code: "ROUNDED" | "UNKNOWN_COLUMN" | "VALUE_WITHOUT_HEADER" | "HEADER_NOT_FIRST";
  readonly value: string;
  readonly params: IssueParams;
}

export type CostFileErrorCode =
  | "FILE_TOO_LARGE"
  | "NOT_A_ZIP"
  /** An OLE compound file: an old .xls or a password-protected workbook. */
  | "XLS_OR_ENCRYPTED"
  /** Binary content (NUL characters) where text was expected, e.g. a PDF. */
  | "NOT_A_TEXT_FILE"
  | "NO_WORKSHEET"
  /** `params.line`: the line where the unclosed quote starts. */
  | "UNTERMINATED_QUOTE"
  | "EMPTY_FILE"
  /** `params.column`: the first required column missing from the header. */
  | "MISSING_COLUMN"
  /** `params.column`: a column that has two headers. */
  | "DUPLICATE_COLUMN"
  | "NO_DATA_ROWS"
  /** `params.max`: the limit that was passed. */
  | "TOO_MANY_ROWS"
  /** An XLSX whose parts are not well-formed XML, declare a DOCTYPE, or nest absurdly deep. */
  | "DAMAGED"
  /** Reading took longer than the server allows (`params.seconds`). */
  | "READ_TIME_LIMIT"
  /** Reading needed more memory than the server allows (`params.megabytes`). */
  | "READ_MEMORY_LIMIT"
  /** Too many files are being read right now; try again shortly. */
  | "SERVER_BUSY";

export interface CostFileError {
  readonly code: CostFileErrorCode;
  readonly params: IssueParams;
}

export interface CostFileTotals {
  readonly total: number;
  readonly byService: Readonly<Record<ItService, number>>;
  readonly byCostType: Readonly<Record<CostType, number>>;
}

export type CostFileResult =
  | {
      readonly ok: true;
      readonly format: CostFileFormat;
      readonly encoding?: TextEncodingName;
      readonly delimiter?: CsvDelimiter;
      readonly lines: readonly CostFileLine[];
      readonly warnings: readonly CostFileWarning[];
      readonly totals: CostFileTotals;
    }
  | {
      readonly ok: false;
      readonly format: CostFileFormat;
      readonly fileError?: CostFileError;
      readonly issues: readonly CostFileIssue[];
      readonly warnings: readonly CostFileWarning[];
    };

export interface CostFileInput {
  readonly bytes: Uint8Array;
  /** Kept for messages and logs; the content, not the name, decides the format. */
  readonly fileName: string;
  /** The organisation's fagsystemer; a file names them, the lines carry their ids. */
  readonly systems: readonly { readonly id: number; readonly name: string }[];
}

const REQUIRED_COLUMNS = ["service", "costType", "amount"] as const;

/** Header names we accept, in bokmål and English and as code names; compared by `headerKey`. */
const COLUMN_ALIASES: Readonly<Record<CostFileColumn, readonly string[]>> = {
  service: ["IKT-tjeneste", "IT-tjeneste", "Tjeneste", "IT service", "Service", "itService"],
  costType: ["Kostnadstype", "Kostnadsart", "Cost type", "costType"],
  amount: ["Beløp", "Beløp (kr)", "Beløp (NOK)", "Belop", "Amount", "Amount (NOK)", "Amount (kr)"],
  system: ["Fagsystem", "Line-of-business system", "lineOfBusinessSystem", "System"],
  comment: ["Kommentar", "Merknad", "Comment"],
};

/** The template's column headers, in the order the template has them. */
export const TEMPLATE_HEADERS: Readonly<Record<"nb" | "en", readonly string[]>> = {
  nb: ["IKT-tjeneste", "Kostnadstype", "Beløp (kr)", "Fagsystem", "Kommentar"],
  en: ["IT service", "Cost type", "Amount (NOK)", "Line-of-business system", "Comment"],
};

/** Case, spaces, hyphens, brackets and stars do not matter in a header: "Beløp (kr) *" is "beløpkr". */
function headerKey(text: string): string {
  return normalizeLabel(text).replace(/[^\p{L}\p{N}]/gu, "");
}

const COLUMN_BY_HEADER: ReadonlyMap<string, CostFileColumn> = new Map(
  (Object.entries(COLUMN_ALIASES) as [CostFileColumn, readonly string[]][]).flatMap(([column, aliases]) =>
    aliases.map((alias) => [headerKey(alias), column] as const),
  ),
);

type Table = readonly (readonly XlsxCellValue[])[];
type TableRead =
  | {
      readonly ok: true;
      readonly table: Table;
      readonly encoding?: TextEncodingName;
      readonly delimiter?: CsvDelimiter;
    }
  | { readonly ok: false; readonly fileError: CostFileError };

function startsWithBytes(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function readTable(bytes: Uint8Array, format: CostFileFormat): TableRead {
  if (format === "xlsx") {
    const sheet = readXlsxFirstSheetCells(bytes);
    if (sheet.ok) return { ok: true, table: sheet.rows };
    const params: IssueParams = sheet.error.code === "TOO_MANY_ROWS" ? { max: MAX_XLSX_ROWS } : {};
    return { ok: false, fileError: { code: sheet.error.code, params } };
  }
  if (startsWithBytes(bytes, OLE_MAGIC)) return { ok: false, fileError: { code: "XLS_OR_ENCRYPTED", params: {} } };
  const { text, encoding } = decodeText(bytes);
  if (text.includes("\u0000")) return { ok: false, fileError: { code: "NOT_A_TEXT_FILE", params: {} } };
  const csv = parseCsv(text);
  if (!csv.ok) return { ok: false, fileError: { code: "UNTERMINATED_QUOTE", params: { line: csv.error.line } } };
  return { ok: true, table: csv.rows, encoding, delimiter: csv.delimiter };
}

/** A cell as text: numbers as Excel shows them, our own formula guard taken off again. */
function cellText(cell: XlsxCellValue | undefined): string {
  if (cell === undefined) return "";
  return typeof cell === "number" ? formatXlsxNumber(cell) : restoreNeutralisedFormula(cell);
}

function isBlankRow(cells: readonly XlsxCellValue[]): boolean {
  return cells.every((cell) => typeof cell === "string" && cell.trim() === "");
}

interface Header {
  readonly index: number;
  readonly columns: ReadonlyMap<CostFileColumn, number>;
  readonly unknown: readonly { readonly index: number; readonly text: string }[];
  readonly duplicate: CostFileColumn | null;
}

function readHeader(cells: readonly XlsxCellValue[], index: number): Header {
  const columns = new Map<CostFileColumn, number>();
  const unknown: { index: number; text: string }[] = [];
  let duplicate: CostFileColumn | null = null;
  cells.forEach((cell, i) => {
    const text = cellText(cell).trim();
    if (text === "") return;
    const column = COLUMN_BY_HEADER.get(headerKey(text));
    if (column === undefined) unknown.push({ index: i, text });
    else if (columns.has(column)) duplicate ??= column;
    else columns.set(column, i);
  });
  return { index, columns, unknown, duplicate };
}

/**
 * The header is the first non-empty row, unless that row lacks a required column and one of the
 * next few rows has them all: ERP exports often put a title and a period above the table. When
 * none has them all, the row with most of them is the header, so the error names what is missing.
 */
function findHeader(table: Table): Header | null {
  let best: Header | null = null;
  let bestCount = -1;
  let looked = 0;
  for (let i = 0; i < table.length && looked < HEADER_SEARCH_ROWS; i++) {
    const cells = table[i] ?? [];
    if (isBlankRow(cells)) continue;
    looked++;
    const header = readHeader(cells, i);
    const count = REQUIRED_COLUMNS.filter((column) => header.columns.has(column)).length;
    if (count === REQUIRED_COLUMNS.length) return header;
    if (count > bestCount) {
      best = header;
      bestCount = count;
    }
  }
  return best;
}

/**
 * Reads a cost report file (CSV or XLSX, told apart by content) into cost lines, collecting every
 * problem rather than stopping at the first. Rows are the numbers the user sees in Excel. See
 * `CostFileResult` for the codes; the UI turns them into text.
 */
export function parseCostFile(input: CostFileInput): CostFileResult {
  const { bytes, systems } = input;
  const format: CostFileFormat = startsWithBytes(bytes, ZIP_MAGIC) ? "xlsx" : "csv";
  const fail = (
    code: CostFileErrorCode,
    params: IssueParams = {},
    warnings: readonly CostFileWarning[] = [],
  ): CostFileResult => ({
    ok: false,
    format,
    fileError: { code, params },
    issues: [],
    warnings,
  });
  if (bytes.length > MAX_COST_FILE_BYTES) return fail("FILE_TOO_LARGE");
  const read = readTable(bytes, format);
  if (!read.ok) return { ok: false, format, fileError: read.fileError, issues: [], warnings: [] };
  const { table } = read;

  const header = findHeader(table);
  if (header === null) return fail("EMPTY_FILE");
  const missing = REQUIRED_COLUMNS.find((column) => !header.columns.has(column));
  if (missing !== undefined) return fail("MISSING_COLUMN", { column: missing });
  if (header.duplicate !== null) return fail("DUPLICATE_COLUMN", { column: header.duplicate });

  const warnings: CostFileWarning[] = [];
  const headerRow = header.index + 1;
  if (table.slice(0, header.index).some((cells) => !isBlankRow(cells))) {
    warnings.push({ row: headerRow, column: null, code: "HEADER_NOT_FIRST", value: "", params: {} });
  }
  for (const { index, text } of header.unknown) {
    warnings.push({
      row: headerRow,
      column: null,
      code: "UNKNOWN_COLUMN",
      value: text,
      params: { columnNumber: index + 1 },
    });
  }
  const headerCells = table[header.index] ?? [];
  const isUnnamed = (i: number): boolean => cellText(headerCells[i]).trim() === "";

  // Names are unique per organisation; should two normalise alike, the first wins.
  const systemIds = new Map<string, number>();
  for (const system of [...systems].reverse()) systemIds.set(normalizeLabel(system.name), system.id);

  const lines: CostFileLine[] = [];
  const issues: CostFileIssue[] = [];
  const firstRowByKey = new Map<string, number>();
  let dataRows = 0;
  for (let i = header.index + 1; i < table.length; i++) {
    const cells = table[i] ?? [];
    if (isBlankRow(cells)) continue;
    dataRows++;
    if (dataRows > MAX_COST_FILE_ROWS) return fail("TOO_MANY_ROWS", { max: MAX_COST_FILE_ROWS }, warnings);
    const row = i + 1;
    const rowIssues: CostFileIssue[] = [];
    const text = (column: CostFileColumn): string => {
      const index = header.columns.get(column);
      return index === undefined ? "" : cellText(cells[index]).trim();
    };
    const issue = (column: CostFileColumn, code: CostFileIssueCode, params: IssueParams = {}): void => {
      rowIssues.push({ row, column, value: text(column), code, params });
    };

    const serviceText = text("service");
    const service = serviceText === "" ? null : itServiceFromLabel(serviceText);
    if (service === null) issue("service", serviceText === "" ? "EMPTY" : "UNKNOWN_SERVICE");

    const costTypeText = text("costType");
    const costType = costTypeText === "" ? null : costTypeFromLabel(costTypeText);
    if (costType === null) issue("costType", costTypeText === "" ? "EMPTY" : "UNKNOWN_COST_TYPE");

    const amountCell = cells[header.columns.get("amount") ?? -1];
    const amount = typeof amountCell === "number" ? nokAmountFromNumber(amountCell) : parseNokAmount(text("amount"));
    if (!amount.ok) issue("amount", amount.reason);
    else if (amount.rounded) {
      warnings.push({
        row,
        column: "amount",
        code: "ROUNDED",
        value: text("amount"),
        params: { amount: amount.value },
      });
    }

    const systemText = text("system");
    const systemId = systemText === "" ? null : (systemIds.get(normalizeLabel(systemText)) ?? undefined);
    if (systemId === undefined) issue("system", "UNKNOWN_SYSTEM");

    // Stored as typed text is: without controls, bidi overrides or invisible characters.
    const commentText = cleanText(text("comment"));
    if (commentText.length > MAX_COST_COMMENT_LENGTH) {
      issue("comment", "COMMENT_TOO_LONG", { length: commentText.length, max: MAX_COST_COMMENT_LENGTH });
    }

    if (service !== null && costType !== null && systemId !== undefined) {
      const key = `${service}|${costType}|${systemId ?? ""}`;
      const firstRow = firstRowByKey.get(key);
      if (firstRow === undefined) firstRowByKey.set(key, row);
      else issue("service", "DUPLICATE_LINE", { firstRow });
    }

    const unnamed = cells.findIndex((cell, c) => isUnnamed(c) && cellText(cell).trim() !== "");
    if (unnamed !== -1) {
      warnings.push({
        row,
        column: null,
        code: "VALUE_WITHOUT_HEADER",
        value: cellText(cells[unnamed]).trim(),
        params: { columnNumber: unnamed + 1 },
      });
    }

    if (rowIssues.length > 0 || service === null || costType === null || !amount.ok || systemId === undefined) {
      issues.push(...rowIssues);
      continue;
    }
    lines.push({
      row,
      service,
      costType,
      amount: amount.value,
      systemId,
      comment: commentText === "" ? null : commentText,
    });
  }

  if (issues.length > 0) return { ok: false, format, issues, warnings };
  if (lines.length === 0) return fail("NO_DATA_ROWS", {}, warnings);
  return {
    ok: true,
    format,
    ...(read.encoding === undefined ? {} : { encoding: read.encoding }),
    ...(read.delimiter === undefined ? {} : { delimiter: read.delimiter }),
    lines,
    warnings,
    totals: totalsOf(lines),
  };
}

function totalsOf(lines: readonly CostFileLine[]): CostFileTotals {
  const byService = Object.fromEntries(IT_SERVICES.map((service) => [service, 0])) as Record<ItService, number>;
  const byCostType = Object.fromEntries(COST_TYPES.map((costType) => [costType, 0])) as Record<CostType, number>;
  let total = 0;
  for (const line of lines) {
    total += line.amount;
    byService[line.service] += line.amount;
    byCostType[line.costType] += line.amount;
  }
  return { total, byService, byCostType };
}
