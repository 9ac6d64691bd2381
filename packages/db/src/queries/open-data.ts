import { and, asc, between, eq, inArray, isNotNull, lte, or, sql, type SQL } from "drizzle-orm";

import type { DbOrTx } from "../client";
import { indicatorValues, reportingYears } from "../schema/index";
import type { PublishedValueFilter } from "./publication";

/** One of an organisation's own figures as its API token reads it: the current components, drafts included, with their status. */
export interface OwnIndicatorValue {
  readonly indicatorCode: string;
  readonly organisationId: number;
  readonly year: number;
  readonly numerator: number;
  readonly denominator: number;
  readonly status: "draft" | "submitted" | "approved";
  readonly isDemo: boolean;
  /** The year's publication date, or null while it is unpublished. */
  readonly publishedOn: string | null;
}

/**
 * An organisation's own figures, whatever their status (docs/open-data.md#api): what a token with the
 * scope "read-own" reads beside the published figures of others. Never for anyone but that organisation.
 */
export function readOwnIndicatorValues(
  db: DbOrTx,
  organisationId: number,
  filter: Omit<PublishedValueFilter, "organisationIds">,
): OwnIndicatorValue[] {
  const conditions: SQL[] = [eq(indicatorValues.organisationId, organisationId)];
  if (filter.indicatorCodes) {
    if (filter.indicatorCodes.length === 0) return [];
    conditions.push(inArray(indicatorValues.indicatorCode, [...filter.indicatorCodes]));
  }
  if (filter.fromYear !== undefined || filter.toYear !== undefined) {
    conditions.push(between(indicatorValues.year, filter.fromYear ?? 0, filter.toYear ?? 9999));
  }
  return db
    .select({
      indicatorCode: indicatorValues.indicatorCode,
      organisationId: indicatorValues.organisationId,
      year: indicatorValues.year,
      numerator: indicatorValues.numerator,
      denominator: indicatorValues.denominator,
      status: indicatorValues.status,
      isDemo: indicatorValues.isDemo,
      publishedOn: reportingYears.publishedOn,
    })
    .from(indicatorValues)
    .leftJoin(reportingYears, eq(reportingYears.year, indicatorValues.year))
    .where(and(...conditions))
    .orderBy(asc(indicatorValues.indicatorCode), asc(indicatorValues.year))
    .all();
}

/** The first published year with an approved figure, per indicator: since when the public can read it. */
export function listFirstPublishedYears(db: DbOrTx, today: string): Map<string, number> {
  const rows = db
    .select({ indicatorCode: indicatorValues.indicatorCode, year: sql<number>`min(${indicatorValues.year})` })
    .from(indicatorValues)
    .innerJoin(reportingYears, eq(reportingYears.year, indicatorValues.year))
    .where(
      and(
        isNotNull(reportingYears.publishedOn),
        lte(reportingYears.publishedOn, today),
        or(eq(indicatorValues.status, "approved"), isNotNull(indicatorValues.approvedNumerator)),
      ),
    )
    .groupBy(indicatorValues.indicatorCode)
    .all();
  return new Map(rows.map((r) => [r.indicatorCode, r.year]));
}
