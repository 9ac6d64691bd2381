/**
 * Characters that make Excel, LibreOffice or Google Sheets read a cell as a formula (OWASP "CSV
 * injection"). Tab and CR are on the list because some spreadsheets skip them before looking.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Prefixes text that a spreadsheet would run as a formula with an apostrophe, so an exported cell
 * such as `=HYPERLINK(...)` or `-2+3` stays text. Use it on every text cell we write.
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * Undoes `neutraliseFormula` on a cell read back from a file, so that our own exports import
 * unchanged. Only an apostrophe that stands before a formula character is removed.
 */
export function restoreNeutralisedFormula(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}
