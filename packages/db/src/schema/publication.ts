import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

import { organisations } from "./organisations";

/**
 * The published values that a later approval replaced (docs/open-data.md#revisions): written by the read
 * model's recompute when an approved value of a year already public changes, so the previous value stays
 * retrievable and the current one carries the date it was revised.
 */
export const indicatorValueRevisions = sqliteTable(
  "indicator_value_revisions",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    indicatorCode: text().notNull(),
    year: integer().notNull(),
    organisationId: integer()
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    /** The components as they were published before the revision. */
    numerator: integer().notNull(),
    denominator: integer().notNull(),
    isDemo: integer({ mode: "boolean" }).notNull(),
    /** The calendar day in Norway the new value replaced this one (YYYY-MM-DD): "revidert 12.05.2026". */
    revisedOn: text().notNull(),
    /** The moment of the approval that replaced it (ISO). */
    revisedAt: text().notNull(),
  },
  (t) => [index("indicator_value_revisions_value_idx").on(t.indicatorCode, t.organisationId, t.year)],
);
