import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

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
    totalItCost: integer().notNull(),
    status: text({ enum: ["draft", "submitted", "approved"] }).notNull().default("draft"),
    /** entered (form), import (file), demo (generated demo data) */
    source: text({ enum: ["entered", "import", "demo"] }).notNull(),
    isDemo: integer({ mode: "boolean" }).notNull().default(false),
    version: integer().notNull().default(1),
    updatedAt: text().notNull(),
  },
  (t) => [
    uniqueIndex("cost_reports_org_year_idx").on(t.organisationId, t.year),
    index("cost_reports_year_idx").on(t.year),
    check("cost_reports_total_check", sql`${t.totalItCost} >= 0`),
  ],
);
