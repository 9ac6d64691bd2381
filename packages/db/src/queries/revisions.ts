import { isYearPublished, osloToday } from "@malestokk/domain";
import { isNotNull } from "drizzle-orm";

import type { DbOrTx } from "../client";
import { indicatorValueRevisions, reportingYears } from "../schema/index";

interface Components {
  readonly numerator: number;
  readonly denominator: number;
  readonly isDemo: boolean;
}

/**
 * The recompute's hook for revisions (docs/open-data.md#revisions): returns a function that, given a newly
 * approved value and the one approved before it, keeps the previous one when the year is public on the day
 * of `now` and the value changed. A correction approved before publication is no revision; nor is a first approval.
 */
export function revisionRecorder(
  db: DbOrTx,
  now: string,
): (indicatorCode: string, next: Components & { organisationId: number; year: number }, previous: Components) => void {
  const today = osloToday(new Date(now));
  const published = new Set(
    db
      .select({ year: reportingYears.year, publishedOn: reportingYears.publishedOn })
      .from(reportingYears)
      .where(isNotNull(reportingYears.publishedOn))
      .all()
      .filter((y) => isYearPublished(y.publishedOn, today))
      .map((y) => y.year),
  );
  return (indicatorCode, next, previous) => {
    if (!published.has(next.year)) return;
    if (next.numerator === previous.numerator && next.denominator === previous.denominator) return;
    db.insert(indicatorValueRevisions)
      .values({
        indicatorCode,
        year: next.year,
        organisationId: next.organisationId,
        numerator: previous.numerator,
        denominator: previous.denominator,
        isDemo: previous.isDemo,
        revisedOn: today,
        revisedAt: now,
      })
      .run();
  };
}
