import type { OfficialName } from "@malestokk/domain";
import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, real, sqliteTable, text } from "drizzle-orm/sqlite-core";

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
    /**
     * Every official name with its language, in KLASS 131's order (JSON, e.g. Storfjord – Omasvuotna –
     * Omasvuono); null for a unit with its one Norwegian name.
     */
    officialNames: text({ mode: "json" }).$type<readonly OfficialName[]>(),
    /** The municipality's official written standard (målform: 'bokmal', 'nynorsk', 'neutral'); null for counties and where unknown. */
    writtenStandard: text({ enum: ["bokmal", "nynorsk", "neutral"] }),
    kind: text({ enum: ["municipality", "county", "itCooperative"] }).notNull(),
    countyNumber: text().notNull(),
    /** SSB's KOSTRA group code (KLASS 112), e.g. "EKG13"; null until imported. */
    kostraGroup: text(),
    kostraGroupName: text(),
    /** Where the group comes from, e.g. "klass:112 2024". */
    kostraGroupSource: text(),
    /** Land area in km² (municipalities; null where unknown): with the population it gives the density. */
    areaKm2: real(),
    /**
     * Four eyes: when on, the person who submitted a report may not approve it. Set per organisation
     * by an administrator (issue 20, point 16); off by default.
     */
    requireFourEyes: integer({ mode: "boolean" }).notNull().default(false),
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
    state: text({ enum: ["open", "closed"] })
      .notNull()
      .default("open"),
    /** ISO date (YYYY-MM-DD) the year's figures are due. */
    deadline: text(),
    /**
     * ISO date (YYYY-MM-DD, Norway) from which the year's approved figures are public (docs/open-data.md#publication);
     * null while unpublished, a future date for a scheduled release.
     */
    publishedOn: text(),
  },
  (t) => [check("reporting_years_state_check", sql`${t.state} in ('open', 'closed')`)],
);

/**
 * A published figure per organisation and year (SSB statistics or demo stand-ins): one value in a
 * stated unit with its source. Every such component has a table of this shape.
 */
function publishedFigureTable(name: string) {
  return sqliteTable(
    name,
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
    (t) => [primaryKey({ columns: [t.organisationId, t.year] }), index(`${name}_year_idx`).on(t.year)],
  );
}

/** Population on 1 January: the denominator of per-inhabitant indicators (SSB table 07459). */
export const populations = publishedFigureTable("populations");

/**
 * Gross operating expenditure (brutto driftsutgifter) in NOK 1000, as KOSTRA publishes it (SSB table
 * 12362): the denominator of "share of budget" indicators.
 */
export const grossOperatingExpenditures = publishedFigureTable("gross_operating_expenditures");

/** The table of each published component, by component code (the import measures use the same codes). */
export const publishedFigureTables = {
  population: populations,
  grossOperatingExpenditure: grossOperatingExpenditures,
} as const;

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
 * Changes of municipality numbers imported from SSB (KLASS 131 `changes`), which extend the
 * built-in 2024 crosswalk back in time (e.g. to the 2020 reform). Replaced whole on each import.
 */
export const regionChanges = sqliteTable(
  "region_changes",
  {
    oldCode: text().notNull(),
    newCode: text().notNull(),
    /** ISO date (YYYY-MM-DD) the change took effect. */
    occurred: text().notNull(),
    source: text().notNull(),
    importedAt: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.oldCode, t.newCode, t.occurred] })],
);

/**
 * Small counters the application keeps, e.g. "dataVersion": bumped whenever indicator values or
 * peer groups change, so caches of computed comparisons know when they are stale.
 */
export const appCounters = sqliteTable("app_counters", {
  key: text().primaryKey(),
  value: integer().notNull(),
});
