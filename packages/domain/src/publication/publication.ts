/**
 * When a reporting year's approved figures become public (docs/open-data.md#publication): from its
 * publication date, a calendar date in Norway, as SSB and LG Inform publish on release dates.
 */

import { z } from "zod";

import { MAX_YEAR, MIN_YEAR } from "../reporting/years";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Today's calendar date in Norway (YYYY-MM-DD): a release at midnight Oslo time is not a day late because UTC says so. */
export function osloToday(now: Date): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Oslo" }).format(now);
}

export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

/** A year is public from its publication date on; a year without one (or a scheduled one still ahead) is not. */
export function isYearPublished(publishedOn: string | null, today: string): boolean {
  return publishedOn !== null && publishedOn <= today;
}

/** The years among `dates` that are public today, ascending. */
export function publishedYears(dates: readonly { year: number; publishedOn: string | null }[], today: string): number[] {
  return dates
    .filter((d) => isYearPublished(d.publishedOn, today))
    .map((d) => d.year)
    .sort((a, b) => a - b);
}

/** How a year stands for the public today: not published, scheduled for a date ahead, or published. */
export type PublicationState = "unpublished" | "scheduled" | "published";

export function publicationStateOf(publishedOn: string | null, today: string): PublicationState {
  if (publishedOn === null) return "unpublished";
  return isYearPublished(publishedOn, today) ? "published" : "scheduled";
}

const PublicationDateSchema = z.string().refine(isIsoDate, { message: "not a calendar date (YYYY-MM-DD)" });

/**
 * Sets, changes or withdraws (null) a year's publication date. `previous` is the date the page showed:
 * when someone changed it meanwhile the change is refused, so nobody publishes over a decision they never saw.
 */
export const SetPublicationInputSchema = z.object({
  year: z.number().int().min(MIN_YEAR).max(MAX_YEAR),
  publishedOn: PublicationDateSchema.nullable(),
  previous: PublicationDateSchema.nullable(),
});
export type SetPublicationInput = z.infer<typeof SetPublicationInputSchema>;
