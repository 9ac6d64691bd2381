import type { IssueParams } from "../errors";
import { CsvRowReader, type CsvDelimiter } from "../files/csv";
import { TextLineReader, type TextEncodingName } from "../files/decode";
import { restoreNeutralisedFormula } from "../files/formula";
import { formatXlsxNumber, MAX_XLSX_ROWS, readXlsxFirstSheetCells, type XlsxCellValue } from "../files/xlsx";

/**
 * A cost file's rows, CSV or XLSX alike: what `parseCostFile` reads once the file is opened. The
 * header and the lines are read in `cost-file-header.ts` and `cost-file.ts`.
 */

/** Largest upload we read at all, CSV or XLSX. */
export const MAX_COST_FILE_BYTES = 50 * 1024 * 1024;
/** How many lines of a CSV file to look through for its delimiter before taking the semicolon. */
const DELIMITER_SEARCH_LINES = 1_000;
/** Binary content shows in the first bytes of a file; later NUL characters are caught line by line. */
const BINARY_SNIFF_BYTES = 8 * 1024;

export type CostFileFormat = "csv" | "xlsx";

/** Why a file's rows cannot be read; the codes are `CostFileErrorCode`'s, explained there. */
export interface RowsError {
  readonly code:
    | "FILE_TOO_LARGE"
    | "NOT_A_ZIP"
    | "XLS_OR_ENCRYPTED"
    | "NOT_A_TEXT_FILE"
    | "NO_WORKSHEET"
    | "UNTERMINATED_QUOTE"
    | "MIXED_ENCODING"
    | "TOO_MANY_ROWS"
    | "DAMAGED";
  readonly params: IssueParams;
}

export type Cells = readonly XlsxCellValue[];

/** A row of the file with its index (row index + 1 is the row number the user sees). */
export interface SheetRow {
  readonly index: number;
  readonly cells: Cells;
}

/**
 * The rows of a file, read one at a time, so that reading stops where parsing does: at the row
 * limit nothing after it is decoded or split.
 */
export interface RowSource {
  /** The next row, or null at the end, or where the file cannot be read further (see `error`). */
  next(): SheetRow | null;
  /** Why `next` returned null before the end of the file. */
  readonly error: RowsError | null;
  readonly encoding?: TextEncodingName;
  readonly delimiter?: CsvDelimiter;
}

export type SourceOpened = { readonly ok: true; readonly source: RowSource } | { readonly ok: false; readonly fileError: RowsError };

export function startsWithBytes(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

export const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
export const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** A CSV file's rows, its lines decoded one at a time (see `TextLineReader`). */
class CsvRowSource implements RowSource {
  private readonly lines: TextLineReader;
  private readonly csv: CsvRowReader;
  private index = -1;
  private binary = false;

  constructor(bytes: Uint8Array) {
    const lines = new TextLineReader(bytes);
    const source = {
      next: (): string | null => {
        const line = lines.next();
        if (line?.includes("\u0000")) {
          this.binary = true;
          return null;
        }
        return line;
      },
      get lineNumber() {
        return lines.lineNumber;
      },
    };
    this.lines = lines;
    this.csv = new CsvRowReader(source, { delimiterSearchLines: DELIMITER_SEARCH_LINES });
  }

  get encoding(): TextEncodingName {
    return this.lines.encoding;
  }

  get delimiter(): CsvDelimiter {
    return this.csv.delimiter;
  }

  get error(): RowsError | null {
    if (this.binary) return { code: "NOT_A_TEXT_FILE", params: {} };
    const { mixed } = this.lines;
    if (mixed !== null) return { code: "MIXED_ENCODING", params: { line: mixed.line, sample: mixed.sample } };
    const quote = this.csv.error;
    return quote === null ? null : { code: "UNTERMINATED_QUOTE", params: { line: quote.line } };
  }

  next(): SheetRow | null {
    const cells = this.csv.next();
    if (cells === null) return null;
    this.index++;
    return { index: this.index, cells };
  }
}

/** Opens a file's rows; an XLSX sheet is read no further than `maxContentRows` rows with content. */
export function openRows(bytes: Uint8Array, format: CostFileFormat, maxContentRows: number): SourceOpened {
  if (format === "xlsx") {
    // More rows with content than a header search and a full report can use decide the file (TOO_MANY_ROWS): the rest is not read.
    const sheet = readXlsxFirstSheetCells(bytes, { maxContentRows });
    if (!sheet.ok) {
      const params: IssueParams =
        sheet.error.code === "TOO_MANY_ROWS"
          ? { max: MAX_XLSX_ROWS, sheet: true }
          : sheet.error.code === "FILE_TOO_LARGE"
            ? { unpacked: true, maxBytes: MAX_COST_FILE_BYTES }
            : {};
      return { ok: false, fileError: { code: sheet.error.code, params } };
    }
    let index = -1;
    const next = (): SheetRow | null => {
      index++;
      return index < sheet.rows.length ? { index, cells: sheet.rows[index] ?? [] } : null;
    };
    return { ok: true, source: { next, error: null } };
  }
  if (startsWithBytes(bytes, OLE_MAGIC)) return { ok: false, fileError: { code: "XLS_OR_ENCRYPTED", params: {} } };
  const source = new CsvRowSource(bytes);
  if (!source.encoding.startsWith("utf-16") && bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) {
    return { ok: false, fileError: { code: "NOT_A_TEXT_FILE", params: {} } };
  }
  return { ok: true, source };
}

/** A cell as text: numbers as Excel shows them, our own formula guard taken off again. */
export function cellText(cell: XlsxCellValue | undefined): string {
  if (cell === undefined) return "";
  return typeof cell === "number" ? formatXlsxNumber(cell) : restoreNeutralisedFormula(cell);
}

export function isBlankRow(cells: Cells): boolean {
  return cells.every((cell) => typeof cell === "string" && cell.trim() === "");
}
