import { isYearPublished } from "@malestokk/domain";
import { and, asc, between, desc, eq, inArray, isNotNull, lte, or, sql, type SQL } from "drizzle-orm";

import type { DbOrTx } from "../client";
import { indicatorValueRevisions, indicatorValues, reportingYears } from "../schema/index";
import { INDICATOR_VALUE_COLUMNS, readApproved } from "./indicators";

/** A reporting year's publication date (docs/open-data.md#publication). */
export interface PublicationDate {
  readonly year: number;
  readonly publishedOn: string | null;
}

export function listPublicationDates(db: DbOrTx): PublicationDate[] {
  return db
    .select({ year: reportingYears.year, publishedOn: reportingYears.publishedOn })
    .from(reportingYears)
    .orderBy(asc(reportingYears.year))
    .all();
}

export interface PublishedValueFilter {
  readonly indicatorCodes?: readonly string[];
  readonly organisationIds?: readonly number[];
  readonly fromYear?: number;
  readonly toYear?: number;
}

/** One published figure: the approved components, never a draft or a correction not yet approved. */
export interface PublishedIndicatorValue {
  readonly indicatorCode: string;
  readonly organisationId: number;
  readonly year: number;
  readonly numerator: number;
  readonly denominator: number;
  readonly isDemo: boolean;
  /** The year's publication date. */
  readonly publishedOn: string;
  /** The day this value replaced an earlier published one (docs/open-data.md#revisions), or null if it never did. */
  readonly revisedOn: string | null;
}

/**
 * The approved components of every year published on or before `today` (YYYY-MM-DD, Norway), for
 * anyone, signed in or not. While an approved report is being corrected, its value as last approved.
 */
export function readPublishedIndicatorValues(db: DbOrTx, filter: PublishedValueFilter, today: string): PublishedIndicatorValue[] {
  const conditions: SQL[] = [isNotNull(reportingYears.publishedOn), lte(reportingYears.publishedOn, today)];
  if (filter.indicatorCodes) {
    if (filter.indicatorCodes.length === 0) return [];
    conditions.push(inArray(indicatorValues.indicatorCode, [...filter.indicatorCodes]));
  }
  if (filter.organisationIds) {
    if (filter.organisationIds.length === 0) return [];
    conditions.push(inArray(indicatorValues.organisationId, [...filter.organisationIds]));
  }
  if (filter.fromYear !== undefined || filter.toYear !== undefined) {
    conditions.push(between(indicatorValues.year, filter.fromYear ?? 0, filter.toYear ?? 9999));
  }
  const r = indicatorValueRevisions;
  const latest = db
    .select({
      indicatorCode: r.indicatorCode,
      organisationId: r.organisationId,
      year: r.year,
      revisedOn: sql<string>`max(${r.revisedOn})`.as("latest_revised_on"),
    })
    .from(r)
    .where(lte(r.revisedOn, today))
    .groupBy(r.indicatorCode, r.organisationId, r.year)
    .as("latest_revision");
  return db
    .select({ ...INDICATOR_VALUE_COLUMNS, publishedOn: reportingYears.publishedOn, revisedOn: latest.revisedOn })
    .from(indicatorValues)
    .innerJoin(reportingYears, eq(reportingYears.year, indicatorValues.year))
    .leftJoin(
      latest,
      and(
        eq(latest.indicatorCode, indicatorValues.indicatorCode),
        eq(latest.organisationId, indicatorValues.organisationId),
        eq(latest.year, indicatorValues.year),
      ),
    )
    .where(and(...conditions))
    .orderBy(asc(indicatorValues.indicatorCode), asc(indicatorValues.organisationId), asc(indicatorValues.year))
    .all()
    .flatMap((r): PublishedIndicatorValue[] => {
      const approved = readApproved(r);
      if (!approved || r.publishedOn === null) return [];
      return [
        {
          indicatorCode: r.indicatorCode,
          organisationId: approved.organisationId,
          year: approved.year,
          numerator: approved.numerator,
          denominator: approved.denominator,
          isDemo: approved.isDemo,
          publishedOn: r.publishedOn,
          revisedOn: r.revisedOn ?? null,
        },
      ];
    });
}

/** Sets or withdraws (null) a year's publication date; false when the year does not exist. */
export function setPublicationDate(db: DbOrTx, year: number, publishedOn: string | null): boolean {
  return db.update(reportingYears).set({ publishedOn }).where(eq(reportingYears.year, year)).run().changes > 0;
}

/**
 * Per year, how many units (municipalities) have at least one approved figure, or one as last approved
 * under correction: what publishing the year would make public.
 */
export function countPublishableUnits(db: DbOrTx): Map<number, number> {
  const rows = db
    .select({ year: indicatorValues.year, units: sql<number>`count(distinct ${indicatorValues.organisationId})` })
    .from(indicatorValues)
    .where(or(eq(indicatorValues.status, "approved"), isNotNull(indicatorValues.approvedNumerator)))
    .groupBy(indicatorValues.year)
    .all();
  return new Map(rows.map((r) => [r.year, r.units]));
}

/** A value that was published and later replaced by a correction: the day it was replaced. */
export interface PublishedRevision {
  readonly numerator: number;
  readonly denominator: number;
  readonly isDemo: boolean;
  readonly revisedOn: string;
}

/**
 * The earlier published values of one indicator value, newest first (docs/open-data.md#revisions); empty
 * when the year is not public on `today`, so nothing of an unpublished year is read through here either.
 */
export function listPublishedValueHistory(
  db: DbOrTx,
  value: { readonly indicatorCode: string; readonly organisationId: number; readonly year: number },
  today: string,
): PublishedRevision[] {
  const year = db.select({ publishedOn: reportingYears.publishedOn }).from(reportingYears).where(eq(reportingYears.year, value.year)).get();
  if (!year || !isYearPublished(year.publishedOn, today)) return [];
  const r = indicatorValueRevisions;
  return db
    .select({ numerator: r.numerator, denominator: r.denominator, isDemo: r.isDemo, revisedOn: r.revisedOn })
    .from(r)
    .where(
      and(
        eq(r.indicatorCode, value.indicatorCode),
        eq(r.organisationId, value.organisationId),
        eq(r.year, value.year),
        lte(r.revisedOn, today),
      ),
    )
    .orderBy(desc(r.revisedAt), desc(r.id))
    .all();
}
