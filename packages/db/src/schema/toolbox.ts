import { TOOLBOX_DOCUMENT_TYPES } from "@malestokk/domain";
import { blob, index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

import { users } from "./auth";
import { projects } from "./benefits";

/**
 * A joint project's toolbox (issue 26, docs/toolbox.md): a titled link, or a document whose type was read
 * from its content. The document's bytes are in `toolbox_files`, so the list never reads them.
 */
export const toolboxEntries = sqliteTable(
  "toolbox_entries",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    projectId: integer()
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    kind: text({ enum: ["link", "document"] }).notNull(),
    title: text().notNull(),
    /** A link's address (http or https). */
    url: text(),
    /** A document's cleaned file name, its type by content and its size in bytes. */
    fileName: text(),
    documentType: text({ enum: TOOLBOX_DOCUMENT_TYPES }),
    sizeBytes: integer(),
    addedByUserId: integer().references(() => users.id, { onDelete: "set null" }),
    addedByName: text().notNull(),
    addedAt: text().notNull(),
    isDemo: integer({ mode: "boolean" }).notNull().default(false),
  },
  (t) => [index("toolbox_entries_project_idx").on(t.projectId)],
);

/** A toolbox document's bytes, one row per document entry. */
export const toolboxFiles = sqliteTable("toolbox_files", {
  entryId: integer()
    .primaryKey()
    .references(() => toolboxEntries.id, { onDelete: "cascade" }),
  content: blob({ mode: "buffer" }).notNull(),
});
