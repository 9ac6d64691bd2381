import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

import { users } from "./auth";

/**
 * The transactional outbox (issue 25; docs/decisions/030-mail-outbox.md): a notice is written in the
 * same transaction as the change that causes it and sent later by the mail worker. One row is one
 * message to one recipient; the idempotency key is unique, so a notice is queued once, and it is the
 * message's Message-ID, so a receiving server can tell a repeat.
 */
export const mailOutbox = sqliteTable(
  "mail_outbox",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    idempotencyKey: text().notNull().unique(),
    kind: text().notNull(),
    recipientUserId: integer().references(() => users.id, { onDelete: "set null" }),
    /** The address at queueing: a message goes to this one address alone. */
    recipientEmail: text().notNull(),
    language: text({ enum: ["nb", "nn", "en"] }).notNull(),
    /** JSON: what the notice says (domain `NoticeContent`), never a secret. */
    content: text().notNull(),
    /** A secret the message carries (a reset link's token), sealed with SECRET_KEY when set; cleared once sent. */
    secret: text(),
    status: text({ enum: ["queued", "sending", "sent", "failed"] })
      .notNull()
      .default("queued"),
    attempts: integer().notNull().default(0),
    nextAttemptAt: text().notNull(),
    lastAttemptAt: text(),
    /** The reason of the last failure: a code (domain `MAIL_FAILURES`) and the server's reply. */
    lastError: text(),
    createdAt: text().notNull(),
    sentAt: text(),
  },
  (t) => [index("mail_outbox_due_idx").on(t.status, t.nextAttemptAt), index("mail_outbox_created_idx").on(t.createdAt)],
);

/** The notice kinds a user turned off (a row means off); security notices cannot be. */
export const mailOptOuts = sqliteTable(
  "mail_opt_outs",
  {
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text().notNull(),
    createdAt: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);
