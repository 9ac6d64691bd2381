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

/**
 * Picks the delimiter from the first line that has one outside quotes. Semicolon wins because
 * Norwegian Excel writes it (the comma is the decimal mark there); then tab (Excel's "Unicode
 * text"); then comma. A file without any is one column, read as semicolon-separated.
 */
function detectDelimiter(text: string): CsvDelimiter {
  const seen = new Set<string>();
  let inQuotes = false;
  let atFieldStart = true;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (inQuotes) {
      if (char === '"') {
        if (text[i + 1] === '"') i++;
        else inQuotes = false;
      }
      continue;
    }
    if (char === '"' && atFieldStart) {
      inQuotes = true;
      atFieldStart = false;
    } else if (char === ";" || char === "," || char === "\t") {
      seen.add(char);
      atFieldStart = true;
    } else if (char === "\n") {
      if (seen.size > 0) break;
      atFieldStart = true;
    } else {
      atFieldStart = false;
    }
  }
  if (seen.has(";")) return ";";
  if (seen.has("\t")) return "\t";
  return seen.has(",") ? "," : ";";
}

/**
 * Splits CSV text into rows of fields (RFC 4180): quoted fields may hold the delimiter, newlines
 * and doubled quotes. Like Excel it is lenient elsewhere: a quote inside an unquoted field is
 * text. An Excel `sep=;` first line sets the delimiter and is dropped, as Excel hides it; so row
 * i of the result is row i + 1 in Excel. Trailing empty rows are dropped. Line ends may be
 * CRLF, LF or CR; a newline inside a quoted field comes back as "\n".
 */
export function parseCsv(input: string): CsvParseResult {
  let text = input.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  let delimiter: CsvDelimiter;
  let firstLine = 1;
  const sep = /^sep=([;,\t])\n/.exec(text);
  if (sep) {
    delimiter = sep[1] as CsvDelimiter;
    text = text.slice(sep[0].length);
    firstLine = 2;
  } else {
    delimiter = detectDelimiter(text);
  }

  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let line = firstLine;
  let i = 0;
  while (i < text.length) {
    const char = text[i];
    if (char === '"' && field === "") {
      // A quoted field: read to the closing quote, keeping doubled quotes as one.
      const startLine = line;
      let end = i + 1;
      for (;;) {
        const quote = text.indexOf('"', end);
        if (quote === -1) return { ok: false, error: { code: "UNTERMINATED_QUOTE", line: startLine } };
        const chunk = text.slice(end, quote);
        field += chunk;
        line += countNewlines(chunk);
        if (text[quote + 1] === '"') {
          field += '"';
          end = quote + 2;
        } else {
          end = quote + 1;
          break;
        }
      }
      i = end;
      // Excel keeps any text after the closing quote (`"a"b` is `ab`); so do we.
      continue;
    }
    if (char === delimiter) {
      row.push(field);
      field = "";
    } else if (char === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      line++;
    } else {
      field += char;
    }
    i++;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  while (rows.length > 0 && (rows[rows.length - 1] ?? []).every((cell) => cell === "")) rows.pop();
  return { ok: true, delimiter, rows };
}

function countNewlines(text: string): number {
  let count = 0;
  for (let at = text.indexOf("\n"); at !== -1; at = text.indexOf("\n", at + 1)) count++;
  return count;
}

export type CsvCell = string | number | null;

export interface ToCsvOptions {
  /** Start with a UTF-8 byte order mark, which Excel needs to read the file as UTF-8. Default true. */
  readonly bom?: boolean;
}

/**
 * Writes rows as CSV for Excel: CRLF line ends, fields quoted when they hold a delimiter of any
 * kind, a quote or a newline (so the file is read the same whichever delimiter is detected), text
 * that a spreadsheet would run as a formula neutralised. Numbers that are not whole use a decimal
 * comma unless the delimiter is a comma, as Norwegian Excel expects with semicolons.
 */
export function toCsv(
  rows: readonly (readonly CsvCell[])[],
  delimiter: CsvDelimiter = ";",
  options: ToCsvOptions = {},
): string {
  const lines = rows.map((row) => row.map((cell) => formatCsvCell(cell, delimiter)).join(delimiter));
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
