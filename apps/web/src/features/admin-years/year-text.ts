import type { RouterOutputs } from "@malestokk/api";
import type { TFunction } from "i18next";

export type ReportingYear = RouterOutputs["years"]["list"][number];

// Dates follow nb-NO whatever the UI language, like numbers (lib/format.ts): "30. april 2025".
// A deadline is a calendar date, so it is read and written in UTC and never shifts a day.
const deadlineFormat = new Intl.DateTimeFormat("nb-NO", { dateStyle: "long", timeZone: "UTC" });

/** "2025-04-30" → "30. april 2025"; text that is not a date is shown as it is. */
export function formatDeadline(iso: string): string {
  const date = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? iso : deadlineFormat.format(date);
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
