import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

import { users } from "./auth";
import { organisations } from "./organisations";

/**
 * A peer set a user saved: private to its owner, or shared with one organisation the owner holds
 * a role in (everyone with a role there sees it).
 */
export const peerSets = sqliteTable(
  "peer_sets",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    name: text().notNull(),
    ownerUserId: integer()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    sharedWithOrganisationId: integer().references(() => organisations.id, { onDelete: "set null" }),
    version: integer().notNull().default(1),
    createdAt: text().notNull(),
    updatedAt: text().notNull(),
  },
  (t) => [index("peer_sets_owner_idx").on(t.ownerUserId), index("peer_sets_shared_idx").on(t.sharedWithOrganisationId)],
);

export const peerSetMembers = sqliteTable(
  "peer_set_members",
  {
    peerSetId: integer()
      .notNull()
      .references(() => peerSets.id, { onDelete: "cascade" }),
    organisationId: integer()
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.peerSetId, t.organisationId] })],
);
