import { MATURITY_AREAS, QUALITY_INSTRUMENTS } from "@malestokk/domain";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

import { organisations, reportingYears } from "./organisations";

/**
 * One organisation's report of one quality or scope instrument for one year (maturity,
 * satisfaction, service scope), with the same workflow and version check as a cost report.
 */
export const qualityReports = sqliteTable(
  "quality_reports",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    organisationId: integer()
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    year: integer()
      .notNull()
      .references(() => reportingYears.year),
    instrument: text({ enum: QUALITY_INSTRUMENTS }).notNull(),
    status: text({ enum: ["draft", "submitted", "returned", "approved"] })
      .notNull()
      .default("draft"),
    isDemo: integer({ mode: "boolean" }).notNull().default(false),
    version: integer().notNull().default(1),
    updatedAt: text().notNull(),
    submittedAt: text(),
    submittedBy: text(),
    decidedAt: text(),
    decidedBy: text(),
    returnComment: text(),
  },
  (t) => [uniqueIndex("quality_reports_key_idx").on(t.organisationId, t.year, t.instrument), index("quality_reports_year_idx").on(t.year)],
);

/** An area's score (1–5, null while unanswered) of a maturity assessment, with comment and evidence. */
export const maturityScores = sqliteTable(
  "maturity_scores",
  {
    reportId: integer()
      .notNull()
      .references(() => qualityReports.id, { onDelete: "cascade" }),
    area: text({ enum: MATURITY_AREAS }).notNull(),
    score: integer(),
    comment: text(),
    evidence: text(),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.area] })],
);

/** The weight of each maturity area in Q1 (set by an admin; 1 each when unset). */
export const maturityWeights = sqliteTable("maturity_weights", {
  area: text({ enum: MATURITY_AREAS }).primaryKey(),
  weight: integer().notNull(),
});

/**
 * A survey result: staff (the IT users' survey, on its own scale) or citizen (bedrekommune.no, 1–6,
 * one per survey type). The mean is kept in hundredths so it stays a whole number.
 */
export const satisfactionResults = sqliteTable(
  "satisfaction_results",
  {
    reportId: integer()
      .notNull()
      .references(() => qualityReports.id, { onDelete: "cascade" }),
    kind: text({ enum: ["staff", "citizen"] }).notNull(),
    /** bedrekommune.no's survey type for citizens ("barnehage", "byggesak", …); "" for the staff survey. */
    surveyType: text().notNull(),
    meanHundredths: integer().notNull(),
    respondents: integer().notNull(),
    scaleMin: integer().notNull(),
    scaleMax: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.kind, t.surveyType] })],
);

/** A basket service's step on the digital staircase, or not offered by the organisation. */
export const serviceSteps = sqliteTable(
  "service_steps",
  {
    reportId: integer()
      .notNull()
      .references(() => qualityReports.id, { onDelete: "cascade" }),
    serviceCode: text().notNull(),
    step: integer(),
    notOffered: integer({ mode: "boolean" }).notNull().default(false),
    evidence: text(),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.serviceCode] })],
);

/** Outgoing SvarUt shipments of a year, digital and on paper, per shipment type ("" for all). */
export const mailCounts = sqliteTable(
  "mail_counts",
  {
    reportId: integer()
      .notNull()
      .references(() => qualityReports.id, { onDelete: "cascade" }),
    shipmentType: text().notNull(),
    digital: integer().notNull(),
    paper: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.shipmentType] })],
);
