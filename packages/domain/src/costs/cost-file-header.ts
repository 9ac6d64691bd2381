import type { Language } from "../text/localized";
import { normalizeLabel } from "./catalogue";
import { cellText, isBlankRow, type Cells, type RowSource, type SheetRow } from "./cost-file-rows";

export type CostFileColumn = "service" | "costType" | "amount" | "system" | "comment";
/** How many non-empty rows to look through for the header, past title lines an ERP export puts on top. */
export const HEADER_SEARCH_ROWS = 20;
export const REQUIRED_COLUMNS = ["service", "costType", "amount"] as const;

/** Header names we accept, in bokmål, nynorsk and English and as code names; compared by `headerKey`. */
const COLUMN_ALIASES: Readonly<Record<CostFileColumn, readonly string[]>> = {
  service: ["IKT-tjeneste", "IT-tjeneste", "Tjeneste", "IKT-teneste", "IT-teneste", "Teneste", "IT service", "Service", "itService"],
  costType: ["Kostnadstype", "Kostnadsart", "Cost type", "costType"],
  amount: ["Beløp", "Beløp (kr)", "Beløp (NOK)", "Belop", "Amount", "Amount (NOK)", "Amount (kr)"],
  system: ["Fagsystem", "Line-of-business system", "lineOfBusinessSystem", "System"],
  comment: ["Kommentar", "Merknad", "Comment"],
};

/** The template's column headers, in the order the template has them. */
export const TEMPLATE_HEADERS: Readonly<Record<Language, readonly string[]>> = {
  nb: ["IKT-tjeneste", "Kostnadstype", "Beløp (kr)", "Fagsystem", "Kommentar"],
  nn: ["IKT-teneste", "Kostnadstype", "Beløp (kr)", "Fagsystem", "Kommentar"],
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

export interface Header {
  readonly index: number;
  readonly cells: Cells;
  readonly columns: ReadonlyMap<CostFileColumn, number>;
  readonly unknown: readonly { readonly index: number; readonly text: string }[];
  readonly duplicate: CostFileColumn | null;
}

function readHeader(cells: Cells, index: number): Header {
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
  return { index, cells, columns, unknown, duplicate };
}

/**
 * The header is the first non-empty row, unless that row lacks a required column and one of the
 * next few rows has them all: ERP exports often put a title and a period above the table. When
 * none has them all, the row with most of them is the header, so the error names what is missing.
 * `before` gets the non-empty rows above a header that has them all.
 */
export function findHeader(rows: RowSource, before: SheetRow[]): Header | null {
  let best: Header | null = null;
  let bestCount = -1;
  const seen: SheetRow[] = [];
  while (seen.length < HEADER_SEARCH_ROWS) {
    const row = rows.next();
    if (row === null) break;
    if (isBlankRow(row.cells)) continue;
    const header = readHeader(row.cells, row.index);
    const count = REQUIRED_COLUMNS.filter((column) => header.columns.has(column)).length;
    if (count === REQUIRED_COLUMNS.length) {
      before.push(...seen);
      return header;
    }
    seen.push(row);
    if (count > bestCount) {
      best = header;
      bestCount = count;
    }
  }
  return best;
}

/** Signs that text was decoded in the wrong encoding: replacement characters, C1 controls, UTF-8 read as Windows-1252. */
const GARBLED =
  /[\uFFFD\u0080-\u009F]|[ÃÂ][\u0080-\u00BF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2013-\u203A\u20AC\u2122]/;

/**
 * A header cell that names `column` with its letters beyond ASCII garbled ("Bel›p (kr)", "BelÃ¸p"):
 * each such letter of an alias may be missing or stand as up to two other characters.
 */
export function garbledHeaderCell(header: Header, column: CostFileColumn): string | null {
  const patterns = COLUMN_ALIASES[column]
    .map((alias) => headerKey(alias))
    .filter((key) => /[^a-z0-9]/.test(key))
    .map((key) => new RegExp(`^${key.replace(/[^a-z0-9]/g, "[^a-z0-9]{0,2}")}$`));
  for (const cell of header.cells) {
    const text = cellText(cell).trim();
    if (text === "") continue;
    if (GARBLED.test(text) || patterns.some((pattern) => pattern.test(headerKey(text)))) return text;
  }
  return null;
}
