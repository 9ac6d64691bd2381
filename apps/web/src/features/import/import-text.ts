import type { RouterOutputs } from "@malestokk/api";
import { IMPORT_MEASURES, type ImportMeasure, type SkipReason } from "@malestokk/domain";
import type { TFunction } from "i18next";

import { readAppError, translateError } from "../../lib/errors";
import { formatDecimal, formatInteger } from "../../lib/format";

export type ImportReport = RouterOutputs["imports"]["jsonStat"];
export type SkippedValue = ImportReport["skipped"][number];
export type Tally = ImportReport["totals"]["file"];

/** The server takes at most this many characters; larger files go through the CLI. */
export const MAX_CONTENT_CHARS = 900_000;
/** UTF-8 needs at most 4 bytes per UTF-16 unit: a file this large has too many characters for sure. */
export const MAX_FILE_BYTES = MAX_CONTENT_CHARS * 4;
/** Rows shown per table or list; the rest is counted, never silently dropped. */
export const MAX_ROWS = 50;

/** The order the skipped groups are shown in: geography first, then SSB's status symbols. */
export const SKIP_REASONS = [
  "SVALBARD_JAN_MAYEN",
  "CONTINENTAL_SHELF",
  "UNALLOCATED",
  "NOT_A_MUNICIPALITY",
  "UNKNOWN_REGION",
  "YEAR_BEFORE_2020_DIVISION",
  "missing",
  "notApplicable",
  "confidential",
] as const satisfies readonly SkipReason[];

export const REJECT_REASONS = ["BAD_JSON", "NOT_A_DATASET", "BAD_STRUCTURE", "UNKNOWN_DIMENSION", "SIZE_MISMATCH", "BAD_VALUE"] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

export function isRejectReason(value: unknown): value is RejectReason {
  return typeof value === "string" && (REJECT_REASONS as readonly string[]).includes(value);
}

export interface SkippedGroup {
  readonly reason: SkipReason;
  readonly values: readonly SkippedValue[];
  readonly count: number;
  readonly sum: number;
}

/** Skipped values by reason, in SKIP_REASONS order; a reason the client does not know comes last. */
export function groupSkipped(skipped: readonly SkippedValue[]): SkippedGroup[] {
  const byReason = new Map<SkipReason, SkippedValue[]>();
  for (const value of skipped) {
    const list = byReason.get(value.reason);
    if (list) list.push(value);
    else byReason.set(value.reason, [value]);
  }
  const rank = (reason: SkipReason) => {
    const i = (SKIP_REASONS as readonly string[]).indexOf(reason);
    return i < 0 ? SKIP_REASONS.length : i;
  };
  return [...byReason.entries()]
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([reason, values]) => ({ reason, values, count: values.length, sum: values.reduce((s, v) => s + (v.value ?? 0), 0) }));
}

/** Every value of the file is imported, skipped or not allocatable: counts and sums must add up. */
export function totalsBalance(totals: ImportReport["totals"]): boolean {
  const { file, imported, skipped, notAllocatable } = totals;
  return imported.count + skipped.count + notAllocatable.count === file.count && imported.sum + skipped.sum + notAllocatable.sum === file.sum;
}

/** "812 byte", "2,1 kB", "3,4 MB" (decimal units, nb-NO numbers). */
export function fileSizeText(t: TFunction, bytes: number): string {
  if (bytes < 1000) return t("import.file.size.bytes", { count: bytes, n: formatInteger(bytes) });
  if (bytes < 1_000_000) return t("import.file.size.kB", { n: formatDecimal(bytes / 1000) });
  return t("import.file.size.MB", { n: formatDecimal(bytes / 1_000_000) });
}

export function measureLabel(t: TFunction, measure: ImportMeasure): string {
  return t(`import.measures.${measure}`, { table: IMPORT_MEASURES[measure].table });
}

/** "1508 og 1580" / "1508 and 1580". */
export function listText(language: string, items: readonly string[]): string {
  try {
    return new Intl.ListFormat(language, { style: "long", type: "conjunction" }).format(items);
  } catch {
    return items.join(", ");
  }
}

export interface ImportFailure {
  /** FORBIDDEN: the page shows the admin-only message instead of the form. */
  readonly forbidden: boolean;
  readonly title: string;
  readonly message: string;
  /** A more precise sentence from the server's parameters, when there is one. */
  readonly detail: string | null;
  /** The parser's own words (BAD_JSON), shown as technical detail. */
  readonly technical: string | null;
}

function num(value: unknown): string {
  return typeof value === "number" ? formatInteger(value) : String(value);
}

function rejectionDetail(t: TFunction, reason: RejectReason, params: Record<string, unknown>, measure: ImportMeasure): string | null {
  const has = (key: string) => params[key] !== undefined && params[key] !== null && params[key] !== "";
  const p = (key: string) => num(params[key]);
  const detail = typeof params.detail === "string" ? params.detail : "";
  switch (reason) {
    case "BAD_STRUCTURE":
      if (detail === "wrong table" && has("expected") && has("actual")) {
        return t("import.rejected.detail.wrongTable", { actual: p("actual"), expected: p("expected"), measure: measureLabel(t, measure) });
      }
      if (detail.startsWith("more than one category") && has("dimension")) {
        return t("import.rejected.detail.severalCategories", { dimension: p("dimension") });
      }
      if (detail.startsWith("two regions") && has("region") && has("other")) {
        return t("import.rejected.detail.twoRegions", { region: p("region"), other: p("other") });
      }
      if (params.dimension === "time" && has("value")) return t("import.rejected.detail.notAYear", { value: p("value") });
      if (has("dimension")) return t("import.rejected.detail.dimension", { dimension: p("dimension") });
      if (has("field")) return t("import.rejected.detail.field", { field: p("field") });
      return null;
    case "UNKNOWN_DIMENSION":
      return has("dimension") ? t("import.rejected.detail.dimension", { dimension: p("dimension") }) : null;
    case "SIZE_MISMATCH":
      if (!has("expected") || !has("actual")) return null;
      return has("dimension")
        ? t("import.rejected.detail.sizesInDimension", { dimension: p("dimension"), expected: p("expected"), actual: p("actual") })
        : t("import.rejected.detail.sizes", { expected: p("expected"), actual: p("actual") });
    case "BAD_VALUE":
      if (has("region") && has("value")) return t("import.rejected.detail.valueIn", { region: p("region"), value: p("value") });
      return has("value") ? t("import.rejected.detail.value", { value: p("value") }) : null;
    default:
      return null;
  }
}

/**
 * What went wrong with a preview or an import, in words. A rejected file, a refused request and
 * any dry run changed nothing; a failed real import whose answer never came might have.
 */
export function describeFailure(t: TFunction, error: unknown, context: { dryRun: boolean; measure: ImportMeasure }): ImportFailure {
  const appError = readAppError(error);
  const base = { forbidden: false, detail: null, technical: null };
  if (appError?.code === "FORBIDDEN") {
    return { ...base, forbidden: true, title: t("import.forbidden.title"), message: t("import.forbidden.body") };
  }
  if (appError?.code === "IMPORT_REJECTED") {
    const reason = appError.params.reason;
    if (!isRejectReason(reason)) {
      return { ...base, title: t("import.rejected.title"), message: t("import.rejected.unknownReason") };
    }
    const technical = reason === "BAD_JSON" && typeof appError.params.detail === "string" ? appError.params.detail : null;
    return {
      ...base,
      title: t("import.rejected.title"),
      message: t(`import.rejected.reasons.${reason}`),
      detail: rejectionDetail(t, reason, appError.params, context.measure),
      technical,
    };
  }
  if (appError?.code === "VALIDATION_FAILED") {
    const tooLong = appError.issues.some((i) => i.path.includes("content") && i.code === "too_big");
    return {
      ...base,
      title: t("import.rejected.notAcceptedTitle"),
      message: tooLong ? t("import.rejected.tooLong") : translateError(t, error).message,
    };
  }
  const message = translateError(t, error).message;
  // Refused before anything ran, or a dry run: certainly nothing changed.
  const certain = context.dryRun || appError?.code === "UNAUTHORIZED";
  if (certain) return { ...base, title: t(context.dryRun ? "import.failed.previewTitle" : "import.failed.importTitle"), message };
  return { ...base, title: t("import.failed.uncertainTitle"), message, detail: t("import.failed.uncertain") };
}

/** The failure as one text, for the confirm dialog's alert. */
export function failureText(failure: ImportFailure): string {
  return [failure.title, failure.message, failure.detail].filter((s): s is string => s !== null && s !== "").join(" ");
}
