import type { RouterOutputs } from "@malestokk/api";
import type { TFunction } from "i18next";

import { formatDate, formatDateShort } from "../../lib/format";

export type ReportingYear = RouterOutputs["years"]["list"][number];

/** "2025-04-30" → "30. april 2025" (lib/format.ts); text that is not a date is shown as it is. */
export function formatDeadline(iso: string): string {
  return Number.isNaN(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`)) ? iso : formatDate(iso);
}

/** Newest first: the year people are working on is at the top. */
export function newestFirst(years: readonly ReportingYear[]): ReportingYear[] {
  return [...years].sort((a, b) => b.year - a.year);
}

/** Municipalities with no report of the year at all (never below zero, whatever else reports). */
export function missingOf(year: ReportingYear): number {
  return Math.max(0, year.missing);
}

/** Reports begun but not yet approved: what closing the year would freeze half-way. */
export function unapprovedOf(year: ReportingYear): number {
  return year.byStatus.draft + year.byStatus.submitted + year.byStatus.returned;
}

/** What the confirm dialog says before a year is closed: everything gets locked, and what is unfinished. */
export function closeBody(t: TFunction, year: ReportingYear): string {
  return [
    t("admin.years.closeBody", { year: year.year }),
    t("admin.years.closeMissing", { count: missingOf(year) }),
    t("admin.years.closeUnapproved", { count: unapprovedOf(year) }),
    t("admin.years.closeReopen"),
  ].join(" ");
}

/** "Publisert 01.02.2026", "Publiseres 15.06.2026" (a scheduled release) or "Ikke publisert". */
export function publicationText(t: TFunction, year: Pick<ReportingYear, "publication" | "publishedOn">): string {
  return t(`admin.years.publicationStates.${year.publication}`, { date: year.publishedOn ? formatDateShort(year.publishedOn) : "" });
}
