import { and, asc, desc, eq, inArray, isNull, lt, lte, or, sql } from "drizzle-orm";
import type { OutboxStatus, Sector, UiLanguage, WrittenStandard } from "@malestokk/domain";

import type { DbOrTx } from "../client";
import { costReports, mailOptOuts, mailOutbox, organisations, roleAssignments, users } from "../schema/index";

/** The outbox (docs/decisions/030-mail-outbox.md): queued in the causing change's transaction, sent by the worker. */
export interface OutboxRow {
  readonly id: number;
  readonly idempotencyKey: string;
  readonly kind: string;
  readonly recipientUserId: number | null;
  readonly recipientEmail: string;
  readonly language: UiLanguage;
  readonly content: string;
  readonly secret: string | null;
  readonly status: OutboxStatus;
  readonly attempts: number;
  readonly nextAttemptAt: string;
  readonly lastAttemptAt: string | null;
  readonly lastError: string | null;
  readonly createdAt: string;
  readonly sentAt: string | null;
}

/** Queues one message; a key already queued changes nothing (false). */
export function insertOutboxMessage(
  db: DbOrTx,
  args: {
    idempotencyKey: string;
    kind: string;
    recipientUserId: number | null;
    recipientEmail: string;
    language: UiLanguage;
    content: string;
    secret: string | null;
    now: string;
  },
): boolean {
  const result = db
    .insert(mailOutbox)
    .values({
      idempotencyKey: args.idempotencyKey,
      kind: args.kind,
      recipientUserId: args.recipientUserId,
      recipientEmail: args.recipientEmail,
      language: args.language,
      content: args.content,
      secret: args.secret,
      nextAttemptAt: args.now,
      createdAt: args.now,
    })
    .onConflictDoNothing()
    .run();
  return result.changes > 0;
}

/** Messages due for a try now, oldest first. */
export function listDueOutboxMessages(db: DbOrTx, args: { now: string; limit: number }): OutboxRow[] {
  return db
    .select()
    .from(mailOutbox)
    .where(and(eq(mailOutbox.status, "queued"), lte(mailOutbox.nextAttemptAt, args.now)))
    .orderBy(asc(mailOutbox.nextAttemptAt), asc(mailOutbox.id))
    .limit(args.limit)
    .all();
}

/**
 * Claims a queued message for one try and records the try before anything is sent: status sending,
 * one more attempt. False when another worker took it or it was no longer queued.
 */
export function claimOutboxMessage(db: DbOrTx, args: { id: number; now: string }): boolean {
  const result = db
    .update(mailOutbox)
    .set({ status: "sending", attempts: sql`${mailOutbox.attempts} + 1`, lastAttemptAt: args.now })
    .where(and(eq(mailOutbox.id, args.id), eq(mailOutbox.status, "queued")))
    .run();
  return result.changes > 0;
}

/** The server took the message: sent, and the secret it carried is forgotten. */
export function markOutboxSent(db: DbOrTx, args: { id: number; now: string }): void {
  db.update(mailOutbox)
    .set({ status: "sent", sentAt: args.now, secret: null, lastError: null })
    .where(and(eq(mailOutbox.id, args.id), eq(mailOutbox.status, "sending")))
    .run();
}

/** A failed try: queued again for `nextAttemptAt`, or (null) failed for good, with the reason. */
export function markOutboxFailedTry(db: DbOrTx, args: { id: number; error: string; nextAttemptAt: string | null }): void {
  db.update(mailOutbox)
    .set(
      args.nextAttemptAt === null
        ? { status: "failed", lastError: args.error }
        : { status: "queued", lastError: args.error, nextAttemptAt: args.nextAttemptAt },
    )
    .where(and(eq(mailOutbox.id, args.id), eq(mailOutbox.status, "sending")))
    .run();
}

/**
 * At the worker's start: a message still "sending" was being handed over when the process stopped,
 * and may have reached the server. It is not sent again by itself (at most once); it is failed with
 * `reason`, for an administrator to look at and retry. Returns how many.
 */
export function failInterruptedOutboxMessages(db: DbOrTx, reason: string): number {
  return db.update(mailOutbox).set({ status: "failed", lastError: reason }).where(eq(mailOutbox.status, "sending")).run().changes;
}

/** An administrator's retry of a failed message: queued now, its tries counted afresh. */
export function requeueOutboxMessage(db: DbOrTx, args: { id: number; now: string }): boolean {
  return (
    db
      .update(mailOutbox)
      .set({ status: "queued", attempts: 0, nextAttemptAt: args.now })
      .where(and(eq(mailOutbox.id, args.id), eq(mailOutbox.status, "failed")))
      .run().changes > 0
  );
}

/**
 * Deletes what the outbox is done with (docs/decisions/039-outbox-operations.md): sent messages sent
 * before `sentBefore`, failed ones last tried (or, never tried, queued) before `failedBefore`; their
 * content and any secret go with the row. Queued and sending messages stay. Returns how many of each.
 */
export function pruneOutboxMessages(db: DbOrTx, args: { sentBefore: string; failedBefore: string }): { sent: number; failed: number } {
  const sent = db
    .delete(mailOutbox)
    .where(and(eq(mailOutbox.status, "sent"), lt(mailOutbox.sentAt, args.sentBefore)))
    .run().changes;
  const failed = db
    .delete(mailOutbox)
    .where(and(eq(mailOutbox.status, "failed"), lt(sql`coalesce(${mailOutbox.lastAttemptAt}, ${mailOutbox.createdAt})`, args.failedBefore)))
    .run().changes;
  return { sent, failed };
}

export function getOutboxMessage(db: DbOrTx, id: number): OutboxRow | null {
  return db.select().from(mailOutbox).where(eq(mailOutbox.id, id)).get() ?? null;
}

/** The newest messages, optionally of one status, for Administrasjon → E-post. */
export function listOutboxMessages(db: DbOrTx, args: { status?: OutboxStatus | undefined; limit: number }): OutboxRow[] {
  return db
    .select()
    .from(mailOutbox)
    .where(args.status ? eq(mailOutbox.status, args.status) : undefined)
    .orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id))
    .limit(args.limit)
    .all();
}

export function countOutboxByStatus(db: DbOrTx): Record<OutboxStatus, number> {
  const rows = db
    .select({ status: mailOutbox.status, count: sql<number>`count(*)` })
    .from(mailOutbox)
    .groupBy(mailOutbox.status)
    .all();
  const counts: Record<OutboxStatus, number> = { queued: 0, sending: 0, sent: 0, failed: 0 };
  for (const row of rows) counts[row.status] = row.count;
  return counts;
}

/** Who a notice goes to: an enabled account, its address, chosen language and first municipality's written standard. */
export interface MailRecipient {
  readonly id: number;
  readonly email: string;
  readonly name: string;
  readonly language: UiLanguage | null;
  readonly writtenStandard: WrittenStandard | null;
}

function recipientsWhere(db: DbOrTx, userIds: readonly number[], kind: string): MailRecipient[] {
  if (userIds.length === 0) return [];
  const rows = db
    .select({ id: users.id, email: users.email, name: users.name, language: users.language })
    .from(users)
    .leftJoin(mailOptOuts, and(eq(mailOptOuts.userId, users.id), eq(mailOptOuts.kind, kind)))
    .where(and(inArray(users.id, [...userIds]), eq(users.disabled, false), isNull(mailOptOuts.userId)))
    .orderBy(asc(users.id))
    .all();
  const standards = db
    .select({ userId: roleAssignments.userId, writtenStandard: organisations.writtenStandard })
    .from(roleAssignments)
    .innerJoin(organisations, eq(organisations.id, roleAssignments.organisationId))
    .where(inArray(roleAssignments.userId, [...userIds]))
    .orderBy(asc(roleAssignments.id))
    .all();
  const firstStandard = new Map<number, WrittenStandard>();
  for (const s of standards) if (s.writtenStandard && !firstStandard.has(s.userId)) firstStandard.set(s.userId, s.writtenStandard);
  return rows.map((r) => ({ ...r, writtenStandard: firstStandard.get(r.id) ?? null }));
}

/** The user as a recipient of `kind`, or null when disabled or opted out of it. */
export function getMailRecipient(db: DbOrTx, userId: number, kind: string): MailRecipient | null {
  return recipientsWhere(db, [userId], kind)[0] ?? null;
}

/** The enabled users holding `role` in the organisation who have not turned `kind` off. */
export function listOrganisationRecipients(
  db: DbOrTx,
  args: { organisationId: number; roles: readonly ("manager" | "finance")[]; kind: string },
): MailRecipient[] {
  const ids = db
    .selectDistinct({ userId: roleAssignments.userId })
    .from(roleAssignments)
    .where(and(eq(roleAssignments.organisationId, args.organisationId), inArray(roleAssignments.role, [...args.roles])))
    .all()
    .map((r) => r.userId);
  return recipientsWhere(db, ids, args.kind);
}

/** The kinds the user turned off. */
export function listMailOptOuts(db: DbOrTx, userId: number): string[] {
  return db
    .select({ kind: mailOptOuts.kind })
    .from(mailOptOuts)
    .where(eq(mailOptOuts.userId, userId))
    .orderBy(asc(mailOptOuts.kind))
    .all()
    .map((r) => r.kind);
}

/** Turns a kind off (true) or on again (false) for the user; returns whether anything changed. */
export function setMailOptOut(db: DbOrTx, args: { userId: number; kind: string; optedOut: boolean; now: string }): boolean {
  if (args.optedOut) {
    return (
      db.insert(mailOptOuts).values({ userId: args.userId, kind: args.kind, createdAt: args.now }).onConflictDoNothing().run().changes > 0
    );
  }
  return (
    db
      .delete(mailOptOuts)
      .where(and(eq(mailOptOuts.userId, args.userId), eq(mailOptOuts.kind, args.kind)))
      .run().changes > 0
  );
}

/** Every opt-out, for the administrators' view of who receives what. */
export function listAllMailOptOuts(db: DbOrTx): { userId: number; kind: string }[] {
  return db.select({ userId: mailOptOuts.userId, kind: mailOptOuts.kind }).from(mailOptOuts).all();
}

/**
 * The reporting units (municipalities, IT cooperatives) someone reports for (a finance or manager role)
 * whose cost report for `year` is not submitted: none yet, a draft, or returned. For deadline reminders.
 */
export function listUnitsAwaitingCostReport(
  db: DbOrTx,
  year: number,
): { id: number; number: string; name: string; kind: "municipality" | "itCooperative" }[] {
  const rows = db
    .selectDistinct({ id: organisations.id, number: organisations.number, name: organisations.name, kind: organisations.kind })
    .from(organisations)
    .innerJoin(
      roleAssignments,
      and(eq(roleAssignments.organisationId, organisations.id), inArray(roleAssignments.role, ["finance", "manager"])),
    )
    .leftJoin(costReports, and(eq(costReports.organisationId, organisations.id), eq(costReports.year, year)))
    .where(
      and(
        inArray(organisations.kind, ["municipality", "itCooperative"]),
        or(isNull(costReports.id), inArray(costReports.status, ["draft", "returned"])),
      ),
    )
    .orderBy(asc(organisations.number))
    .all();
  return rows.map((r) => ({ ...r, kind: r.kind === "itCooperative" ? "itCooperative" : "municipality" }));
}

/**
 * The enabled users holding a programme role who have not turned `kind` off: the board, the secretariat, or
 * the sector councils (of one sector, or of every sector when `sector` is null, as for a common idea).
 */
export function listProgrammeRecipients(
  db: DbOrTx,
  args: { role: "board" | "secretariat" | "sectorCouncil"; sector?: Sector | null; kind: string },
): MailRecipient[] {
  const ids = db
    .selectDistinct({ userId: roleAssignments.userId })
    .from(roleAssignments)
    .where(
      and(
        eq(roleAssignments.role, args.role),
        args.role === "sectorCouncil" && args.sector ? eq(roleAssignments.sector, args.sector) : undefined,
      ),
    )
    .all()
    .map((r) => r.userId);
  return recipientsWhere(db, ids, args.kind);
}
