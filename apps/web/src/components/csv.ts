import { toCsv } from "@malestokk/domain";

export interface CsvColumn {
  readonly key: string;
  readonly header: string;
}

/**
 * A table as CSV for Norwegian Excel, written by the domain's `toCsv`: UTF-8 with BOM, `;` between
 * cells and CRLF line ends (docs/quality-targets.md#u-4). Cells that are plain numbers as
 * formatCsvNumber writes them ("-12", "3,5") stay numbers. `facts` (what the figures are) come first,
 * one per line as label;text, then an empty line and the table: Excel shows them above the table, and
 * the table's own columns are unchanged.
 */
export function tableToCsv(
  columns: readonly CsvColumn[],
  rows: readonly Record<string, string>[],
  facts: readonly (readonly [string, string])[] = [],
): string {
  const table = [columns.map((c) => c.header), ...rows.map((row) => columns.map((c) => row[c.key] ?? ""))];
  return toCsv(facts.length === 0 ? table : [...facts, [], ...table], ";", { formattedNumbers: true });
}
