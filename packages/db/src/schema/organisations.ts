import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

/** Municipalities and county municipalities: the reporting units. */
export const organisations = sqliteTable(
  "organisations",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    /** 4 digits for a municipality, 2 for a county (the 2024 division). */
    number: text().notNull().unique(),
    name: text().notNull(),
    /** Official Sámi or Kven name, where one exists. */
    altName: text(),
    kind: text({ enum: ["municipality", "county"] }).notNull(),
    countyNumber: text().notNull(),
    /** SSB's KOSTRA group code (KLASS 112), e.g. "EKG13"; null until imported. */
    kostraGroup: text(),
    kostraGroupName: text(),
    /** Where the group comes from, e.g. "klass:112 2024". */
    kostraGroupSource: text(),
  },
  (t) => [
    index("organisations_kind_idx").on(t.kind),
    check("organisations_kind_check", sql`${t.kind} in ('municipality', 'county')`),
  ],
);

/** Accounting years that can be reported, with their state. */
export const reportingYears = sqliteTable(
  "reporting_years",
  {
    year: integer().primaryKey(),
    state: text({ enum: ["open", "closed"] }).notNull().default("open"),
    /** ISO date (YYYY-MM-DD) the year's figures are due. */
    deadline: text(),
  },
  (t) => [check("reporting_years_state_check", sql`${t.state} in ('open', 'closed')`)],
);

/** Population on 1 January: the denominator of per-inhabitant indicators (SSB table 07459). */
export const populations = sqliteTable(
  "populations",
  {
    organisationId: integer()
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    year: integer().notNull(),
    value: integer().notNull(),
    source: text().notNull(),
    isDemo: integer({ mode: "boolean" }).notNull().default(false),
    updatedAt: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.year] }), index("populations_year_idx").on(t.year)],
);
