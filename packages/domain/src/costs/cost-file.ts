import type { IssueParams } from "../errors";
import { nokAmountFromNumber, parseNokAmount } from "../files/amount";
import type { CsvDelimiter } from "../files/csv";
import type { TextEncodingName } from "../files/decode";
import { cleanText } from "../text/clean";
import { cutForMessage } from "../text/cut";
import { COST_TYPES, costTypeFromLabel, IT_SERVICES, itServiceFromLabel, normalizeLabel, type CostType, type ItService } from "./catalogue";
import { findHeader, garbledHeaderCell, HEADER_SEARCH_ROWS, REQUIRED_COLUMNS, type CostFileColumn } from "./cost-file-header";
import {
  cellText,
  isBlankRow,
  MAX_COST_FILE_BYTES,
  OLE_MAGIC,
  openRows,
  startsWithBytes,
  ZIP_MAGIC,
  type CostFileFormat,
  type SheetRow,
} from "./cost-file-rows";
import { MAX_COMMENT_LENGTH, MAX_COST_LINES } from "./report";

export { TEMPLATE_HEADERS, type CostFileColumn } from "./cost-file-header";
export { MAX_COST_FILE_BYTES, type CostFileFormat } from "./cost-file-rows";

/** A file holds one report's lines: no more rows than a report may have lines. */
export const MAX_COST_FILE_ROWS = MAX_COST_LINES;
export const MAX_COST_COMMENT_LENGTH = MAX_COMMENT_LENGTH;
/** How many of the unknown headers a MISSING_COLUMN refusal names; the rest are counted. */
const MAX_NAMED_UNKNOWN_COLUMNS = 10;

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
  /** The cell as read (numbers in plain JS form), cut as messages quote it (`cutForMessage`). */
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
  /**
   * `params.bytes` (the file's size) and `params.maxBytes`, refused from its size before reading; a
   * workbook over a limit once unpacked has `params.unpacked` instead of its size.
   */
  | "FILE_TOO_LARGE"
  /** Not a zip, though it starts like one or (`params.extension`) is named .xlsx. */
  | "NOT_A_ZIP"
  /** An OLE compound file: an old .xls or a password-protected workbook. */
  | "XLS_OR_ENCRYPTED"
  /** Binary content (NUL characters) where text was expected, e.g. a PDF. */
  | "NOT_A_TEXT_FILE"
  | "NO_WORKSHEET"
  /** `params.line`: the line where the unclosed quote starts. */
  | "UNTERMINATED_QUOTE"
  /**
   * A CSV file whose lines are in different encodings (UTF-8 and Windows-1252): `params.line` is the
   * first line that does not fit the lines before it, `params.sample` that line (at most 60 characters).
   */
  | "MIXED_ENCODING"
  /**
   * The header row has a required column only as garbled text (an encoding we do not read, such as
   * a DOS code page, or UTF-8 read twice): `params.row` and `params.sample`, the garbled header cell.
   */
  | "HEADER_ENCODING"
  | "EMPTY_FILE"
  /** `params.column`: the first required column missing from the header. */
  | "MISSING_COLUMN"
  /** `params.column`: a column that has two headers. */
  | "DUPLICATE_COLUMN"
  | "NO_DATA_ROWS"
  /** `params.max`: the limit that was passed; `params.sheet` when it is the worksheet's, not the report's. */
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
  /** MISSING_COLUMN: every required column the header lacks. */
  readonly missing?: readonly CostFileColumn[];
  /**
   * MISSING_COLUMN: the headers found that name no column we read, cut as messages quote them, at
   * most ten (`params.unknownCount` counts them all when there are more).
   */
  readonly unknown?: readonly string[];
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
  /**
   * The file's size when it is known before it is read (the CLI asks the file system): a file over
   * MAX_COST_FILE_BYTES is refused from its size, and its bytes need not be read at all.
   */
  readonly size?: number;
  /** Kept for messages and logs; the content, not the name, decides the format. */
  readonly fileName: string;
  /** The organisation's fagsystemer; a file names them, the lines carry their ids. */
  readonly systems: readonly { readonly id: number; readonly name: string }[];
}

/**
 * Reads a cost report file (CSV or XLSX, told apart by content) into cost lines, collecting every
 * problem rather than stopping at the first. Rows are the numbers the user sees in Excel. See
 * `CostFileResult` for the codes; the UI turns them into text. A file over MAX_COST_FILE_BYTES is
 * refused from its size, and a CSV file is read only as far as MAX_COST_FILE_ROWS data rows.
 */
export function parseCostFile(input: CostFileInput): CostFileResult {
  const { bytes, systems } = input;
  const format: CostFileFormat = startsWithBytes(bytes, ZIP_MAGIC) ? "xlsx" : "csv";
  const fail = (
    code: CostFileErrorCode,
    params: IssueParams = {},
    warnings: readonly CostFileWarning[] = [],
    lists: Pick<CostFileError, "missing" | "unknown"> = {},
  ): CostFileResult => ({
    ok: false,
    format,
    fileError: { code, params, ...lists },
    issues: [],
    warnings,
  });
  const tooLarge = costFileSizeError(input.size ?? bytes.length);
  if (tooLarge !== null) return fail(tooLarge.code, tooLarge.params);
  // A name says .xlsx but the content is no zip (nor an old .xls): say so, rather than read it as a CSV.
  const extension = /\.(xlsx|xlsm)$/i.exec(input.fileName)?.[1]?.toLowerCase();
  if (format === "csv" && extension !== undefined && bytes.length > 0 && !startsWithBytes(bytes, OLE_MAGIC)) {
    return fail("NOT_A_ZIP", { extension });
  }
  const opened = openRows(bytes, format, HEADER_SEARCH_ROWS + MAX_COST_FILE_ROWS);
  if (!opened.ok) return { ok: false, format, fileError: opened.fileError, issues: [], warnings: [] };
  const rows = opened.source;
  const stopped = (warnings: readonly CostFileWarning[] = []): CostFileResult | null =>
    rows.error === null ? null : fail(rows.error.code, rows.error.params, warnings);

  const above: SheetRow[] = [];
  const header = findHeader(rows, above);
  const unreadable = stopped();
  if (unreadable !== null) return unreadable;
  if (header === null) return fail("EMPTY_FILE");
  const missing = REQUIRED_COLUMNS.filter((column) => !header.columns.has(column));
  if (missing[0] !== undefined) {
    const garbled = garbledHeaderCell(header, missing[0]);
    if (garbled !== null) return fail("HEADER_ENCODING", { row: header.index + 1, sample: cutForMessage(garbled) });
    const params: IssueParams = { column: missing[0] };
    if (header.unknown.length > MAX_NAMED_UNKNOWN_COLUMNS) params.unknownCount = header.unknown.length;
    return fail("MISSING_COLUMN", params, [], {
      missing,
      unknown: header.unknown.slice(0, MAX_NAMED_UNKNOWN_COLUMNS).map((u) => cutForMessage(u.text)),
    });
  }
  if (header.duplicate !== null) return fail("DUPLICATE_COLUMN", { column: header.duplicate });

  const warnings: CostFileWarning[] = [];
  const headerRow = header.index + 1;
  if (above.length > 0) {
    warnings.push({ row: headerRow, column: null, code: "HEADER_NOT_FIRST", value: "", params: {} });
  }
  for (const { index, text } of header.unknown) {
    warnings.push({
      row: headerRow,
      column: null,
      code: "UNKNOWN_COLUMN",
      value: cutForMessage(text),
      params: { columnNumber: index + 1 },
    });
  }
  const isUnnamed = (i: number): boolean => cellText(header.cells[i]).trim() === "";

  // Names are unique per organisation; should two normalise alike, the first wins.
  const systemIds = new Map<string, number>();
  for (const system of [...systems].reverse()) systemIds.set(normalizeLabel(system.name), system.id);

  const lines: CostFileLine[] = [];
  const issues: CostFileIssue[] = [];
  const firstRowByKey = new Map<string, number>();
  let dataRows = 0;
  for (let next = rows.next(); next !== null; next = rows.next()) {
    const { cells } = next;
    if (isBlankRow(cells)) continue;
    dataRows++;
    // Nothing after the limit is read: a 50 MB file of short lines stops here, not after it is split.
    if (dataRows > MAX_COST_FILE_ROWS) return fail("TOO_MANY_ROWS", { max: MAX_COST_FILE_ROWS }, warnings);
    const row = next.index + 1;
    const rowIssues: CostFileIssue[] = [];
    const text = (column: CostFileColumn): string => {
      const index = header.columns.get(column);
      return index === undefined ? "" : cellText(cells[index]).trim();
    };
    const issue = (column: CostFileColumn, code: CostFileIssueCode, params: IssueParams = {}): void => {
      rowIssues.push({ row, column, value: cutForMessage(text(column)), code, params });
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
        value: cutForMessage(text("amount")),
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
        value: cutForMessage(cellText(cells[unnamed])),
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

  const unfinished = stopped(warnings);
  if (unfinished !== null) return unfinished;
  if (issues.length > 0) return { ok: false, format, issues, warnings };
  if (lines.length === 0) return fail("NO_DATA_ROWS", {}, warnings);
  return {
    ok: true,
    format,
    ...(rows.encoding === undefined ? {} : { encoding: rows.encoding }),
    ...(rows.delimiter === undefined ? {} : { delimiter: rows.delimiter }),
    lines,
    warnings,
    totals: totalsOf(lines),
  };
}

/**
 * FILE_TOO_LARGE for a file over MAX_COST_FILE_BYTES, with its size and the limit in bytes, or
 * null. Checked before anything is read: the CLI and the file reader call it with the size alone.
 */
export function costFileSizeError(size: number): CostFileError | null {
  if (size <= MAX_COST_FILE_BYTES) return null;
  return { code: "FILE_TOO_LARGE", params: { bytes: size, maxBytes: MAX_COST_FILE_BYTES } };
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
