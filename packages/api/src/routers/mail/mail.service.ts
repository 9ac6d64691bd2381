import {
  appendAudit,
  countOutboxByStatus,
  getOutboxMessage,
  getUserById,
  listAllMailOptOuts,
  listMailOptOuts,
  listOutboxMessages,
  listUsersWithGrants,
  requeueOutboxMessage,
  setMailOptOut,
  type DbOrTx,
} from "@malestokk/db";
import { isNoticeKind, isSecurityNotice, OPTIONAL_NOTICE_KINDS, type MailFailure, type OutboxStatus } from "@malestokk/domain";

import { actorOf, auditBy, type Context, type SignedInContext } from "../../context";
import { AppError } from "../../errors";
import { readUnsubscribeToken, unsubscribeKeyOf } from "../../mail/unsubscribe";

/** Administrasjon → E-post: whether mail is on, the sender, and how many messages are in each state. */
export function getMailStatus(ctx: Context) {
  return { enabled: ctx.mail.enabled, from: ctx.mail.from, counts: countOutboxByStatus(ctx.db) };
}

export interface OutboxEntry {
  readonly id: number;
  readonly kind: string;
  readonly recipientEmail: string;
  readonly language: string;
  readonly status: OutboxStatus;
  readonly attempts: number;
  readonly createdAt: string;
  readonly lastAttemptAt: string | null;
  readonly nextAttemptAt: string | null;
  readonly sentAt: string | null;
  /** The reason's code (REFUSED, UNREACHABLE, INTERRUPTED, RECIPIENT_GONE) and the server's words, as recorded. */
  readonly failure: { readonly code: MailFailure | null; readonly detail: string } | null;
}

/** The newest messages (never their content: a reset link's token stays in the outbox). */
export function listOutbox(ctx: Context, input: { status?: OutboxStatus | undefined; limit: number }): OutboxEntry[] {
  return listOutboxMessages(ctx.db, input).map((row) => ({
    id: row.id,
    kind: row.kind,
    recipientEmail: row.recipientEmail,
    language: row.language,
    status: row.status,
    attempts: row.attempts,
    createdAt: row.createdAt,
    lastAttemptAt: row.lastAttemptAt,
    nextAttemptAt: row.status === "queued" ? row.nextAttemptAt : null,
    sentAt: row.sentAt,
    failure: row.lastError === null ? null : failureOf(row.lastError),
  }));
}

function failureOf(error: string): { code: MailFailure | null; detail: string } {
  const match = /^(REFUSED|UNREACHABLE|INTERRUPTED|RECIPIENT_GONE): ?(.*)$/s.exec(error);
  return match ? { code: match[1] as MailFailure, detail: match[2] ?? "" } : { code: null, detail: error };
}

/**
 * Puts a failed message back in the queue, to be tried now; any other state is refused. Audited with the
 * reason it had failed: a retry of an interrupted message may make a second copy, and the log says who chose it.
 */
export function retryOutboxMessage(ctx: SignedInContext, input: { id: number }): void {
  ctx.db.transaction((tx) => {
    const row = getOutboxMessage(tx, input.id);
    if (!row) throw new AppError("NOT_FOUND", { params: { id: input.id } });
    const at = ctx.now().toISOString();
    if (!requeueOutboxMessage(tx, { id: row.id, now: at })) {
      throw new AppError("STATUS_CONFLICT", {
        message: `Only a failed message can be retried (this one is ${row.status})`,
        params: { status: row.status, action: "retry" },
      });
    }
    appendAudit(tx, {
      at,
      ...auditBy(ctx.actor),
      action: "mail.retried",
      entity: "mailOutbox",
      entityId: String(row.id),
      details: {
        kind: row.kind,
        email: row.recipientEmail,
        reason: row.lastError === null ? null : failureOf(row.lastError).code,
        attempts: row.attempts,
      },
    });
  });
}

/** The signed-in user's choice per kind of notice (security notices are always on, and not listed). */
export function getMailPreferences(ctx: SignedInContext) {
  const off = new Set(listMailOptOuts(ctx.db, ctx.session.user.id));
  return { enabled: ctx.mail.enabled, kinds: OPTIONAL_NOTICE_KINDS.map((kind) => ({ kind, on: !off.has(kind) })) };
}

/** Turns one kind on or off for the signed-in user; a change (not a repeat) is audited. */
export function setMailPreference(ctx: SignedInContext, input: { kind: string; on: boolean }): void {
  requireOptionalKind(input.kind);
  const userId = ctx.session.user.id;
  const at = ctx.now().toISOString();
  ctx.db.transaction((tx) => {
    if (!setMailOptOut(tx, { userId, kind: input.kind, optedOut: !input.on, now: at })) return;
    appendAudit(tx, {
      at,
      ...auditBy(ctx.actor),
      action: "mail.preferenceChanged",
      entity: "user",
      entityId: String(userId),
      details: { kind: input.kind, on: input.on },
    });
  });
}

function requireOptionalKind(kind: string): void {
  if (!isNoticeKind(kind) || isSecurityNotice(kind)) {
    throw new AppError("VALIDATION_FAILED", { issues: [{ path: ["kind"], code: "NOT_FOUND", params: { kind } }] });
  }
}

/** The key that signs unsubscribe links: the server's, or the one kept in the settings. */
export function requireUnsubscribeKey(ctx: Pick<Context, "db" | "unsubscribeKey" | "now">): Buffer {
  return ctx.unsubscribeKey ?? unsubscribeKeyOf(ctx.db, null, ctx.now());
}

/**
 * The one-click unsubscribe (RFC 8058), without sign-in: a valid token turns its one kind off for its
 * one user. A token that does not verify gets TOKEN_INVALID, whoever holds it.
 */
export function unsubscribe(ctx: Context, input: { token: string }): { kind: string } {
  const named = readUnsubscribeToken(requireUnsubscribeKey(ctx), input.token);
  if (!named) throw new AppError("TOKEN_INVALID", { message: "Unsubscribe token does not verify" });
  const at = ctx.now().toISOString();
  ctx.db.transaction((tx) => {
    // The token speaks for its user: the entry names them, at the address the link was followed from.
    const user = getUserById(tx, named.userId);
    if (!user || !setMailOptOut(tx, { userId: named.userId, kind: named.kind, optedOut: true, now: at })) return;
    appendAudit(tx, {
      at,
      ...auditBy(actorOf(user, ctx)),
      action: "mail.unsubscribed",
      entity: "user",
      entityId: String(user.id),
      details: { kind: named.kind },
    });
  });
  return { kind: named.kind };
}

/** Who receives what: every user with the kinds they turned off (administrators only). */
export function listMailRecipientsForAdmin(ctx: Context) {
  return recipientsOf(ctx.db);
}

function recipientsOf(db: DbOrTx) {
  const off = new Map<number, string[]>();
  for (const o of listAllMailOptOuts(db)) off.set(o.userId, [...(off.get(o.userId) ?? []), o.kind]);
  return listUsersWithGrants(db).map((user) => ({
    userId: user.id,
    email: user.email,
    name: user.name,
    disabled: user.disabled,
    off: (off.get(user.id) ?? []).sort(),
  }));
}
