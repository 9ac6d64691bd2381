import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

import { users } from "./auth";
import { organisations } from "./organisations";

/**
 * API tokens of organisations (issue 23, point 3; docs/security.md#api-tokens). The secret is shown
 * once; the table keeps only the SHA-256 of the whole token and the short id users tell tokens apart by.
 */
export const apiTokens = sqliteTable(
  "api_tokens",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    /** The visible id (8 characters of base32), also inside the token: `mlst_<publicId>_<secret>`. */
    publicId: text().notNull().unique(),
    organisationId: integer()
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    name: text().notNull(),
    scope: text({ enum: ["read-own"] }).notNull(),
    /** SHA-256 (hex) of the whole token. */
    secretHash: text().notNull(),
    /** The person who created it; the token works only while they may still manage the organisation's tokens. */
    createdByUserId: integer().references(() => users.id, { onDelete: "set null" }),
    createdAt: text().notNull(),
    expiresAt: text().notNull(),
    /** Written at most once a minute per token, with the use's audit entry. */
    lastUsedAt: text(),
    revokedAt: text(),
    revokedByUserId: integer().references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [index("api_tokens_organisation_idx").on(t.organisationId)],
);
