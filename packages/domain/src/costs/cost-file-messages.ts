import type { IssueParams } from "../errors";
import { cutForMessage } from "../text/cut";
import type { Language } from "../text/localized";
import { COST_TYPE_NAMES, COST_TYPES, IT_SERVICE_NAMES, IT_SERVICES } from "./catalogue";
import {
  MAX_COST_FILE_BYTES,
  MAX_COST_FILE_ROWS,
  type CostFileColumn,
  type CostFileErrorCode,
  type CostFileFormat,
  type CostFileIssue,
  type CostFileIssueCode,
  type CostFileWarning,
} from "./cost-file";
import en from "./cost-file-messages.en.json";
import nb from "./cost-file-messages.nb.json";
import nn from "./cost-file-messages.nn.json";
import { MAX_IT_COST_NOK } from "./limits";

/**
 * What the report an import would change can refuse, as the service throws it (AppError codes):
 * a preview is refused the same way as the import (issue 18).
 */
export const COST_IMPORT_REPORT_REFUSALS = ["STATUS_CONFLICT", "PERIOD_LOCKED", "VERSION_CONFLICT", "YEAR_OUT_OF_RANGE"] as const;
export type CostImportReportRefusal = (typeof COST_IMPORT_REPORT_REFUSALS)[number];

export function isCostImportReportRefusal(code: unknown): code is CostImportReportRefusal {
  return typeof code === "string" && (COST_IMPORT_REPORT_REFUSALS as readonly string[]).includes(code);
}

type Texts<Key extends string> = Readonly<Record<Key, string>>;

/**
 * The texts of one language. Every code of the unions has its text: a code added without one fails
 * the typecheck here. Variants (`FILE_TOO_LARGE_unpacked`) and plurals (`rows_one`, `rows_other`)
 * follow i18next's key syntax, so the web can load the same files as translations.
 */
type CostFileMessages = {
  readonly columns: Texts<CostFileColumn>;
  readonly quoted: string;
  readonly more: string;
  readonly errors: Texts<CostFileErrorCode | CostImportReportRefusal | "OTHER"> & Texts<string>;
  readonly missing_one: string;
  readonly missing_other: string;
  readonly found: string;
  readonly headers: string;
  readonly issues: Texts<CostFileIssueCode>;
  readonly issueLine: string;
  readonly issueLineNoValue: string;
  readonly problems_one: string;
  readonly problems_other: string;
  readonly rows_one: string;
  readonly rows_other: string;
  readonly refused: string;
  readonly warnings: Texts<CostFileWarning["code"]>;
  readonly outcome: Texts<
    | "read_csv"
    | "read_xlsx"
    | "note"
    | "lines_one"
    | "lines_other"
    | "kroner"
    | "noReport"
    | "summary"
    | "dryRun"
    | "imported"
    | "unchanged"
  >;
};

/** The texts as files, for the web's translations (`costReport.file`). */
export const COST_FILE_MESSAGES: Readonly<Record<Language, CostFileMessages>> = { nb, nn, en };

const LOCALE: Readonly<Record<Language, string>> = { nb: "nb-NO", nn: "nn-NO", en: "en-GB" };
const REQUIRED: readonly CostFileColumn[] = ["service", "costType", "amount"];
const OPTIONAL: readonly CostFileColumn[] = ["system", "comment"];

/** Fills `{{name}}`; a name without a value stays as it is, so a test sees it. */
function fill(template: string, values: Readonly<Record<string, string | number | boolean | null | undefined>>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => {
    const value = values[name];
    return value === undefined || value === null ? whole : String(value);
  });
}

function formatNumber(value: number, lang: Language, fractionDigits = 0): string {
  return new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: fractionDigits }).format(value);
}

/** Sizes in MB as the limits are set (1 MB = 1 048 576 bytes), to one decimal: "60,2". */
function formatMegabytes(bytes: number, lang: Language): string {
  return formatNumber(bytes / (1024 * 1024), lang, 1);
}

function formatList(items: readonly string[], lang: Language, type: "conjunction" | "disjunction" = "conjunction"): string {
  return new Intl.ListFormat(LOCALE[lang], { type }).format(items);
}

function plural(texts: { readonly [key: string]: unknown }, key: string, count: number, lang: Language): string {
  const form = new Intl.PluralRules(LOCALE[lang]).select(count) === "one" ? "one" : "other";
  const template = texts[`${key}_${form}`];
  return fill(typeof template === "string" ? template : "", { count: formatNumber(count, lang) });
}

function quote(value: string, lang: Language): string {
  return fill(COST_FILE_MESSAGES[lang].quoted, { value: cutForMessage(value) });
}

function numberParam(params: IssueParams, name: string): number | null {
  const value = params[name];
  return typeof value === "number" ? value : null;
}

/** A column as the template heads it: "IKT-tjeneste", "Beløp (kr)". */
export function costFileColumnName(column: CostFileColumn, lang: Language): string {
  return COST_FILE_MESSAGES[lang].columns[column];
}

function columnNameOf(value: unknown, lang: Language): string {
  const texts = COST_FILE_MESSAGES[lang].columns;
  return typeof value === "string" && value in texts ? texts[value as CostFileColumn] : String(value);
}

export interface CostImportContext {
  /** The file as the user named it; a path is shortened to its last part. */
  readonly fileName: string;
  /** The report's year. */
  readonly year: number;
}

/** A refusal of the whole file (a `CostFileError`) or of the report it would change (an AppError's code and params). */
export interface CostImportRefusalInput {
  readonly code: string;
  readonly params: IssueParams;
  readonly missing?: readonly CostFileColumn[];
  readonly unknown?: readonly string[];
}

function fileLabel(fileName: string): string {
  return cutForMessage(fileName.split(/[\\/]/).at(-1) ?? fileName);
}

function missingColumnValues(refusal: CostImportRefusalInput, lang: Language) {
  const texts = COST_FILE_MESSAGES[lang];
  const column = refusal.params.column;
  const missing = refusal.missing ?? (typeof column === "string" ? [column as CostFileColumn] : []);
  const unknown = (refusal.unknown ?? []).map((header) => quote(header, lang));
  const unknownCount = numberParam(refusal.params, "unknownCount") ?? unknown.length;
  if (unknownCount > unknown.length) unknown.push(fill(texts.more, { count: formatNumber(unknownCount - unknown.length, lang) }));
  const names = (columns: readonly CostFileColumn[]) =>
    formatList(
      columns.map((c) => quote(costFileColumnName(c, lang), lang)),
      lang,
    );
  return {
    missing: fill(plural(texts, "missing", missing.length, lang), { columns: names(missing) }),
    found: unknown.length === 0 ? "" : fill(texts.found, { columns: formatList(unknown, lang) }),
    headers: fill(texts.headers, { required: names(REQUIRED), optional: names(OPTIONAL) }),
  };
}

/** Which text of a code: a variant when the parameters call for one (i18next's "context"). */
function variantOf(refusal: CostImportRefusalInput): string {
  const { code, params } = refusal;
  if (code === "FILE_TOO_LARGE" && params.unpacked === true) return "FILE_TOO_LARGE_unpacked";
  if (code === "NOT_A_ZIP" && typeof params.extension === "string") return "NOT_A_ZIP_named";
  if (code === "TOO_MANY_ROWS" && params.sheet === true) return "TOO_MANY_ROWS_sheet";
  if (code === "STATUS_CONFLICT" && (params.status === "submitted" || params.status === "approved"))
    return `STATUS_CONFLICT_${params.status}`;
  return code;
}

/**
 * One sentence saying that a file cannot be imported, naming the file, what is wrong and what to do
 * (issue 18): the template's headers and the unknown ones found, the limits and the actual size, in
 * bokmål, nynorsk or English with numbers written the way of the language. The same words in the web and the
 * command line.
 */
export function describeCostImportRefusal(refusal: CostImportRefusalInput, context: CostImportContext, lang: Language): string {
  const texts = COST_FILE_MESSAGES[lang];
  const { params } = refusal;
  const key = variantOf(refusal);
  const template = texts.errors[key] ?? texts.errors.OTHER;
  const values: Record<string, string | number | boolean | null> = {
    ...params,
    code: refusal.code,
    file: fileLabel(context.fileName),
    year: context.year,
    maxLines: formatNumber(MAX_COST_FILE_ROWS, lang),
  };
  if (refusal.code === "FILE_TOO_LARGE") {
    const bytes = numberParam(params, "bytes");
    values.size = bytes === null ? null : formatMegabytes(bytes, lang);
    values.max = formatMegabytes(numberParam(params, "maxBytes") ?? MAX_COST_FILE_BYTES, lang);
  }
  if (refusal.code === "TOO_MANY_ROWS") values.max = formatNumber(numberParam(params, "max") ?? MAX_COST_FILE_ROWS, lang);
  if (refusal.code === "READ_TIME_LIMIT") values.seconds = formatNumber(numberParam(params, "seconds") ?? 0, lang, 1);
  if (refusal.code === "DUPLICATE_COLUMN") values.column = columnNameOf(params.column, lang);
  if (refusal.code === "MISSING_COLUMN") Object.assign(values, missingColumnValues(refusal, lang));
  return fill(template, values);
}

/** Why one cell is refused, and what to do: "ukjent IKT-tjeneste; bruk en av tjenestene i malen: …". */
export function costFileIssueReason(
  issue: { readonly code: CostFileIssueCode | (string & {}); readonly params: IssueParams },
  lang: Language,
): string {
  const texts = COST_FILE_MESSAGES[lang];
  const template = (texts.issues as Texts<string>)[issue.code];
  if (template === undefined) return issue.code;
  const choices =
    issue.code === "UNKNOWN_SERVICE"
      ? IT_SERVICES.map((s) => quote(IT_SERVICE_NAMES[s][lang], lang))
      : issue.code === "UNKNOWN_COST_TYPE"
        ? COST_TYPES.map((c) => quote(COST_TYPE_NAMES[c][lang], lang))
        : [];
  const length = numberParam(issue.params, "length");
  const max = numberParam(issue.params, "max");
  return fill(template, {
    ...issue.params,
    choices: formatList(choices, lang, "disjunction"),
    length: length === null ? null : formatNumber(length, lang),
    max: formatNumber(issue.code === "TOO_LARGE" ? MAX_IT_COST_NOK : (max ?? 0), lang),
  });
}

/** One problem on one line: row, the column as the template heads it, the value (cut) and the reason. */
export function describeCostFileIssue(issue: CostFileIssue, lang: Language): string {
  const texts = COST_FILE_MESSAGES[lang];
  const value = cutForMessage(issue.value);
  return fill(value === "" ? texts.issueLineNoValue : texts.issueLine, {
    row: issue.row,
    column: costFileColumnName(issue.column, lang),
    value,
    reason: costFileIssueReason(issue, lang),
  });
}

/** The sentence after the row problems: how many, on how many rows, what to do, and that nothing was saved. */
export function describeCostFileProblems(fileName: string, issues: readonly Pick<CostFileIssue, "row">[], lang: Language): string {
  const texts = COST_FILE_MESSAGES[lang];
  const rows = new Set(issues.map((issue) => issue.row)).size;
  return fill(texts.refused, {
    file: fileLabel(fileName),
    problems: plural(texts, "problems", issues.length, lang),
    rows: plural(texts, "rows", rows, lang),
  });
}

/** A note that does not stop the import (a rounded amount, a column skipped), its value cut. */
export function describeCostFileWarning(warning: Pick<CostFileWarning, "code" | "row" | "value" | "params">, lang: Language): string {
  const template = (COST_FILE_MESSAGES[lang].warnings as Texts<string>)[warning.code] ?? warning.code;
  const amount = numberParam(warning.params, "amount");
  return fill(template, {
    ...warning.params,
    row: warning.row,
    value: cutForMessage(warning.value),
    ...(amount === null ? {} : { amount: formatNumber(amount, lang) }),
  });
}

/** How the file was read: "Leser «kostnader.csv» som CSV (windows-1252, skilletegn «;»)." */
export function describeCostFileRead(
  read: { readonly fileName: string; readonly format: CostFileFormat; readonly encoding: string | null; readonly delimiter: string | null },
  lang: Language,
): string {
  const texts = COST_FILE_MESSAGES[lang].outcome;
  return fill(read.format === "xlsx" ? texts.read_xlsx : texts.read_csv, {
    file: fileLabel(read.fileName),
    encoding: read.encoding,
    delimiter: read.delimiter,
  });
}

/** A note as a line of its own: "merknad: Rad 3: 12,5 kr er avrundet til hele kroner." */
export function describeCostFileNote(warning: Pick<CostFileWarning, "code" | "row" | "value" | "params">, lang: Language): string {
  return fill(COST_FILE_MESSAGES[lang].outcome.note, { text: describeCostFileWarning(warning, lang) });
}

/** What the import would do: lines, total against the report's total now, and lines added, changed and removed. */
export function describeCostFileChanges(
  change: {
    readonly lineCount: number;
    readonly total: number;
    readonly before: number | null;
    readonly added: number;
    readonly changed: number;
    readonly removed: number;
  },
  lang: Language,
): string {
  const texts = COST_FILE_MESSAGES[lang].outcome;
  const kroner = (amount: number) => fill(texts.kroner, { amount: formatNumber(amount, lang) });
  return fill(texts.summary, {
    lines: plural(texts, "lines", change.lineCount, lang),
    total: kroner(change.total),
    before: change.before === null ? texts.noReport : kroner(change.before),
    added: change.added,
    changed: change.changed,
    removed: change.removed,
  });
}

/** The last line of an import: a dry run saved nothing; a real one wrote a new version, or found nothing to change. */
export function describeCostImportDone(
  done:
    | { readonly dryRun: true }
    | { readonly dryRun: false; readonly written: boolean; readonly year: number; readonly name: string; readonly version: number | null },
  lang: Language,
): string {
  const texts = COST_FILE_MESSAGES[lang].outcome;
  if (done.dryRun) return texts.dryRun;
  return done.written ? fill(texts.imported, { year: done.year, name: done.name, version: done.version }) : texts.unchanged;
}
