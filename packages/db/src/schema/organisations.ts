import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * The reporting units: municipalities, county municipalities, and IT cooperatives (interkommunale
 * IKT-samarbeid), which are identified by their 9-digit organisation number.
 */
export const organisations = sqliteTable(
  "organisations",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    /** 4 digits for a municipality, 2 for a county (the 2024 division), 9 for an IT cooperative. */
    number: text().notNull().unique(),
    name: text().notNull(),
    /** Official Sámi or Kven name, where one exists. */
    altName: text(),
    kind: text({ enum: ["municipality", "county", "itCooperative"] }).notNull(),
    countyNumber: text().notNull(),
    /** SSB's KOSTRA group code (KLASS 112), e.g. "EKG13"; null until imported. */
    kostraGroup: text(),
    kostraGroupName: text(),
    /** Where the group comes from, e.g. "klass:112 2024". */
    kostraGroupSource: text(),
  },
  (t) => [
    index("organisations_kind_idx").on(t.kind),
    check("organisations_kind_check", sql`${t.kind} in ('municipality', 'county', 'itCooperative')`),
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

/** Which municipalities an IT cooperative serves. */
export const cooperativeMembers = sqliteTable(
  "cooperative_members",
  {
    cooperativeId: integer()
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    municipalityId: integer()
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.cooperativeId, t.municipalityId] }), index("cooperative_members_municipality_idx").on(t.municipalityId)],
);

/**
 * Gross operating expenditure (brutto driftsutgifter) in NOK 1000, as KOSTRA publishes it (SSB table
 * 12362): the denominator of "share of budget" indicators.
 */
export const grossOperatingExpenditures = sqliteTable(
  "gross_operating_expenditures",
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
  (t) => [primaryKey({ columns: [t.organisationId, t.year] }), index("gross_operating_expenditures_year_idx").on(t.year)],
);
