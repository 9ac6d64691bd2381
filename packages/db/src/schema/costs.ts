import { sql } from "drizzle-orm";
import { ALLOCATION_KEYS, COST_TYPES, IT_SERVICES, SYSTEM_CLASSES } from "@malestokk/domain";
import { check, index, integer, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

import { organisations, reportingYears } from "./organisations";

/**
 * One organisation's IT cost report for one year: the write model for cost indicators.
 * Amounts are whole kroner. `version` guards against lost updates.
 */
export const costReports = sqliteTable(
  "cost_reports",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    organisationId: integer()
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    year: integer()
      .notNull()
      .references(() => reportingYears.year),
    /** The sum of the lines when there are lines; a report from before lines holds only a total. */
    totalItCost: integer().notNull(),
    status: text({ enum: ["draft", "submitted", "returned", "approved"] })
      .notNull()
      .default("draft"),
    /** entered (form), import (file), demo (generated demo data) */
    source: text({ enum: ["entered", "import", "demo"] }).notNull(),
    isDemo: integer({ mode: "boolean" }).notNull().default(false),
    version: integer().notNull().default(1),
    updatedAt: text().notNull(),
    itUserAccounts: integer(),
    employeesFte: real(),
    /** Population and gross operating expenditure replaced for this report, each with a reason. */
    populationOverride: integer(),
    populationOverrideReason: text(),
    grossOperatingExpenditureOverride: integer(),
    grossOperatingExpenditureOverrideReason: text(),
    /** JSON object: plausibility warning key → the explanation given. */
    warningComments: text().notNull().default("{}"),
    submittedAt: text(),
    submittedBy: text(),
    decidedAt: text(),
    decidedBy: text(),
    /** Why a manager returned the report. */
    returnComment: text(),
    /** An IT cooperative's report: how its costs are divided between the members. */
    allocationKey: text({ enum: ALLOCATION_KEYS }),
    /** JSON object for the fixed-shares key: member organisation id → basis points (sum 10 000). */
    allocationShares: text(),
    /**
     * The figures an IT cooperative divides its costs by, as last approved (ADR 007): copied at each
     * approval and kept while the report is returned and corrected, so a draft never moves the
     * other members' shares. `approvedAt` is null while the report has never been approved.
     */
    approvedAt: text(),
    approvedItUserAccounts: integer(),
    approvedPopulationOverride: integer(),
  },
  (t) => [
    uniqueIndex("cost_reports_org_year_idx").on(t.organisationId, t.year),
    index("cost_reports_year_idx").on(t.year),
    check("cost_reports_total_check", sql`${t.totalItCost} >= 0`),
  ],
);

/** A line-of-business system (fagsystem) an organisation runs, to which cost lines can be tied. */
export const systems = sqliteTable(
  "systems",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    organisationId: integer()
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    name: text().notNull(),
    vendor: text(),
    systemClass: text({ enum: SYSTEM_CLASSES }).notNull(),
    /** Sends letters through SvarUt (KS's digital mail service). */
    svarUt: integer({ mode: "boolean" }).notNull().default(false),
    inUseFrom: integer(),
    inUseTo: integer(),
    version: integer().notNull().default(1),
    updatedAt: text().notNull(),
  },
  (t) => [uniqueIndex("systems_org_name_idx").on(t.organisationId, sql`lower(${t.name})`)],
);

/** One amount of a cost report: an IT service × a cost type, optionally on one fagsystem. */
export const costLines = sqliteTable(
  "cost_lines",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    reportId: integer()
      .notNull()
      .references(() => costReports.id, { onDelete: "cascade" }),
    service: text({ enum: IT_SERVICES }).notNull(),
    costType: text({ enum: COST_TYPES }).notNull(),
    // A fagsystem with costs on it cannot be deleted; it can be marked out of use.
    systemId: integer().references(() => systems.id, { onDelete: "restrict" }),
    amount: integer().notNull(),
    comment: text(),
  },
  (t) => [
    index("cost_lines_report_idx").on(t.reportId),
    index("cost_lines_system_idx").on(t.systemId),
    uniqueIndex("cost_lines_key_idx").on(t.reportId, t.service, t.costType, sql`coalesce(${t.systemId}, 0)`),
    check("cost_lines_amount_check", sql`${t.amount} >= 0`),
  ],
);
