import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

import { organisations } from "./organisations";

/**
 * The read model: each indicator's components per organisation and year, recomputed from the
 * entry tables on save and import (docs/architecture.md#the-datas-way-through). The ratio itself is computed on read, in domain.
 */
export const indicatorValues = sqliteTable(
  "indicator_values",
  {
    indicatorCode: text().notNull(),
    year: integer().notNull(),
    organisationId: integer()
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    numerator: integer().notNull(),
    denominator: integer().notNull(),
    /** The least-approved component's status: others see only approved values (docs/indicators.md#general-rules). */
    status: text({ enum: ["draft", "submitted", "approved"] })
      .notNull()
      .default("approved"),
    isDemo: integer({ mode: "boolean" }).notNull().default(false),
    /**
     * While a report that was approved is corrected (status not approved), the components as last
     * approved: what everyone else keeps reading, marked "under correction". Null otherwise.
     */
    approvedNumerator: integer(),
    approvedDenominator: integer(),
    approvedIsDemo: integer({ mode: "boolean" }),
    computedAt: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.indicatorCode, t.year, t.organisationId] }), index("indicator_values_org_idx").on(t.organisationId)],
);
