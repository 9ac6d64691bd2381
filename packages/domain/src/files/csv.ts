import { neutraliseFormula } from "./formula";

export type CsvDelimiter = ";" | "," | "\t";

export type CsvParseResult =
  | { readonly ok: true; readonly delimiter: CsvDelimiter; readonly rows: string[][] }
  | { readonly ok: false; readonly error: CsvParseError };

export interface CsvParseError {
  readonly code: "UNTERMINATED_QUOTE";
  /** 1-based line of the text where the unclosed quoted field starts. */
  readonly line: number;
}

/** Where CSV rows come from: lines of text without their line ends, numbered from 1. */
export interface LineSource {
  /** The next line, or null at the end. */
  next(): string | null;
  /** The number of the line `next` returned last. */
  readonly lineNumber: number;
}

/** Lines of a string; CR LF and lone CR end lines too, and a BOM at the start is dropped. */
class StringLineSource implements LineSource {
  private at = 0;
  private lines = 0;
  private readonly text: string;

  constructor(text: string) {
    this.text = text.replace(/^\uFEFF/, "");
  }

  get lineNumber(): number {
    return this.lines;
  }

  next(): string | null {
    const { text } = this;
    if (this.at >= text.length) return null;
    let end = this.at;
    while (end < text.length && text[end] !== "\n" && text[end] !== "\r") end++;
    const line = text.slice(this.at, end);
    this.at = end + (text[end] === "\r" && text[end + 1] === "\n" ? 2 : 1);
    this.lines++;
    return line;
  }
}

interface NumberedLine {
  readonly text: string;
  readonly number: number;
}

/**
 * Reads CSV rows one at a time from lines (RFC 4180): quoted fields may hold the delimiter, line
 * ends and doubled quotes. Like Excel it is lenient elsewhere: a quote inside an unquoted field is
 * text, and text after a closing quote is kept (`"a"b` is `ab`). An Excel `sep=;` first line sets
 * the delimiter and is dropped, as Excel hides it. Otherwise the delimiter is taken from the first
 * line that has one outside quotes: semicolon wins because Norwegian Excel writes it (the comma is
 * the decimal mark there); then tab (Excel's "Unicode text"); then comma. A file without any is
 * one column, read as semicolon-separated. A line end inside a quoted field comes back as "\n".
 * Only the lines up to the row asked for are read, so a caller can stop early in a big file.
 */
export class CsvRowReader {
  private readonly source: LineSource;
  private readonly buffered: NumberedLine[] = [];
  private chosen: CsvDelimiter | null = null;
  private readonly delimiterSearchLines: number;
  /** Set when `next` returned null because a quoted field was never closed. */
  error: CsvParseError | null = null;

  /**
   * `delimiterSearchLines`: how many lines to look through for the delimiter before settling on the
   * semicolon, so that a file without delimiters is not held whole.
   */
  constructor(source: LineSource, options: { delimiterSearchLines?: number } = {}) {
    this.source = source;
    this.delimiterSearchLines = options.delimiterSearchLines ?? Number.POSITIVE_INFINITY;
  }

  get delimiter(): CsvDelimiter {
    return this.chosen ?? this.detectDelimiter();
  }

  private readLine(): NumberedLine | null {
    const buffered = this.buffered.shift();
    if (buffered !== undefined) return buffered;
    const text = this.source.next();
    return text === null ? null : { text, number: this.source.lineNumber };
  }

  private detectDelimiter(): CsvDelimiter {
    const first = this.source.next();
    if (first === null) return (this.chosen = ";");
    const sep = /^sep=([;,\t])$/.exec(first);
    if (sep) return (this.chosen = sep[1] as CsvDelimiter);
    const seen = new Set<string>();
    let inQuotes = false;
    let line: NumberedLine | null = { text: first, number: this.source.lineNumber };
    while (line !== null) {
      this.buffered.push(line);
      const { text } = line;
      let atFieldStart = true;
      for (let i = 0; i < text.length; i++) {
        const char = text[i];
        if (inQuotes) {
          if (char === '"') {
            if (text[i + 1] === '"') i++;
            else inQuotes = false;
          }
        } else if (char === '"' && atFieldStart) {
          inQuotes = true;
          atFieldStart = false;
        } else if (char === ";" || char === "," || char === "\t") {
          seen.add(char);
          atFieldStart = true;
        } else {
          atFieldStart = false;
        }
      }
      if (!inQuotes && seen.size > 0) break;
      if (this.buffered.length >= this.delimiterSearchLines) break;
      const following = this.source.next();
      line = following === null ? null : { text: following, number: this.source.lineNumber };
    }
    if (seen.has(";")) return (this.chosen = ";");
    if (seen.has("\t")) return (this.chosen = "\t");
    return (this.chosen = seen.has(",") ? "," : ";");
  }

  /** The next row, or null at the end of the text (then `error` is set if a quote was left open). */
  next(): string[] | null {
    const delimiter = this.delimiter;
    const row: string[] = [];
    let field = "";
    let quoteLine = 0;
    let inQuotes = false;
    for (let line = this.readLine(); line !== null; line = this.readLine()) {
      const { text } = line;
      let i = 0;
      if (inQuotes) field += "\n";
      for (;;) {
        if (inQuotes) {
          const quote = text.indexOf('"', i);
          if (quote === -1) {
            field += text.slice(i);
            break;
          }
          field += text.slice(i, quote);
          if (text[quote + 1] === '"') {
            field += '"';
            i = quote + 2;
          } else {
            inQuotes = false;
            i = quote + 1;
          }
        } else if (text[i] === '"' && field === "") {
          inQuotes = true;
          quoteLine = line.number;
          i++;
        } else {
          const next = text.indexOf(delimiter, i);
          field += text.slice(i, next === -1 ? text.length : next);
          row.push(field);
          if (next === -1) return row;
          field = "";
          i = next + 1;
        }
      }
    }
    if (inQuotes) this.error = { code: "UNTERMINATED_QUOTE", line: quoteLine };
    return null;
  }
}

/**
 * Splits CSV text into rows of fields, as `CsvRowReader` reads them; so row i of the result is
 * row i + 1 in Excel. Trailing empty rows are dropped.
 */
export function parseCsv(input: string): CsvParseResult {
  const reader = new CsvRowReader(new StringLineSource(input));
  const rows: string[][] = [];
  for (let row = reader.next(); row !== null; row = reader.next()) rows.push(row);
  if (reader.error !== null) return { ok: false, error: reader.error };
  while (rows.length > 0 && (rows[rows.length - 1] ?? []).every((cell) => cell === "")) rows.pop();
  return { ok: true, delimiter: reader.delimiter, rows };
}

export type CsvCell = string | number | null;

export interface ToCsvOptions {
  /** Start with a UTF-8 byte order mark, which Excel needs to read the file as UTF-8. Default true. */
  readonly bom?: boolean;
  /**
   * Text that is already a number in the file's notation (`-12`, `3,50` with semicolons or tabs,
   * `3.50` with commas) is written as it is, like a number: unquoted and not neutralised. For tables
   * formatted for reading, whose numbers arrive as text and must stay numbers in Excel. Default false.
   */
  readonly formattedNumbers?: boolean;
}

/**
 * Writes rows as CSV for Excel: CRLF line ends, fields quoted when they hold a delimiter of any
 * kind, a quote or a newline (so the file is read the same whichever delimiter is detected), text
 * that a spreadsheet would run as a formula neutralised. Numbers that are not whole use a decimal
 * comma unless the delimiter is a comma, as Norwegian Excel expects with semicolons.
 */
export function toCsv(rows: readonly (readonly CsvCell[])[], delimiter: CsvDelimiter = ";", options: ToCsvOptions = {}): string {
  const formattedNumber = options.formattedNumbers === true ? (delimiter === "," ? /^-?\d+(\.\d+)?$/ : /^-?\d+(,\d+)?$/) : null;
  const lines = rows.map((row) =>
    row.map((cell) => (typeof cell === "string" && formattedNumber?.test(cell) ? cell : formatCsvCell(cell, delimiter))).join(delimiter),
  );
  const body = lines.map((line) => `${line}\r\n`).join("");
  return (options.bom ?? true) ? `\uFEFF${body}` : body;
}

function formatCsvCell(cell: CsvCell, delimiter: CsvDelimiter): string {
  if (cell === null) return "";
  if (typeof cell === "number") {
    if (!Number.isFinite(cell)) throw new RangeError(`Cannot write ${cell} to CSV`);
    const text = String(cell);
    return delimiter === "," ? text : text.replace(".", ",");
  }
  const text = neutraliseFormula(cell);
  return /[;,\t"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
