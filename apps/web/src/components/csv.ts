export interface CsvColumn {
  readonly key: string;
  readonly header: string;
}

/** Plain numbers as formatCsvNumber writes them ("-12", "3,5"): safe to leave as they are. */
const PLAIN_NUMBER = /^-?\d+(,\d+)?$/;

/**
 * Excel runs a cell that starts with = + - @ (or a tab or carriage return) as a formula, and some
 * cells hold text users typed (e-mail addresses at sign-in, names). A leading apostrophe keeps such
 * a cell text (OWASP "CSV injection").
 */
function neutralizeFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) && !PLAIN_NUMBER.test(cell) ? `'${cell}` : cell;
}

function escapeCell(raw: string): string {
  const cell = neutralizeFormula(raw);
  return /[";\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/**
 * CSV for Norwegian Excel: UTF-8 with BOM, `;` between cells and CRLF line ends (docs/quality-targets.md#u-4).
 * `facts` (what the figures are) come first, one per line as label;text, then an empty line and
 * the table: Excel shows them above the table, and the table's own columns are unchanged.
 */
export function toCsv(columns: readonly CsvColumn[], rows: readonly Record<string, string>[], facts: readonly (readonly [string, string])[] = []): string {
  const lines = facts.length === 0 ? [] : [...facts.map((fact) => fact.map(escapeCell).join(";")), ""];
  lines.push(columns.map((c) => escapeCell(c.header)).join(";"));
  for (const row of rows) lines.push(columns.map((c) => escapeCell(row[c.key] ?? "")).join(";"));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

/** Hands `csv` to the browser as a file download. */
export function downloadCsv(fileName: string, csv: string): void {
  const blob = new Blob([csv], { type: "text/csv;charset=utf-8" });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
