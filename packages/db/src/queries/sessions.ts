import { and, eq, gt, isNull, like, lt, ne, not, or, sql } from "drizzle-orm";

import type { UiLanguage } from "@malestokk/domain";

import type { DbOrTx } from "../client";
import { passwordResets, sessions, signInThrottle, users } from "../schema/index";
import { preparedQuery } from "./prepared";

export interface SessionRow {
  readonly tokenHash: string;
  readonly userId: number;
  readonly createdAt: string;
  readonly lastSeenAt: string;
  readonly expiresAt: string;
}

export function insertSession(db: DbOrTx, row: SessionRow): void {
  db.insert(sessions).values(row).run();
}

const sessionByToken = preparedQuery((db) =>
  db
    .select({ session: sessions, email: users.email, name: users.name, language: users.language, disabled: users.disabled })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.tokenHash, sql.placeholder("tokenHash")))
    .prepare(),
);

/** The session and its (enabled) user, or null. Expiry is judged by the caller, with its clock. */
export function findSession(
  db: DbOrTx,
  tokenHash: string,
): { session: SessionRow; userId: number; email: string; name: string; language: UiLanguage | null } | null {
  const row = sessionByToken(db).get({ tokenHash });
  if (!row || row.disabled) return null;
  return { session: row.session, userId: row.session.userId, email: row.email, name: row.name, language: row.language };
}

export function touchSession(db: DbOrTx, tokenHash: string, now: string): void {
  db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, tokenHash)).run();
}

export function deleteSession(db: DbOrTx, tokenHash: string): void {
  db.delete(sessions).where(eq(sessions.tokenHash, tokenHash)).run();
}

export function deleteUserSessions(db: DbOrTx, userId: number, exceptTokenHash: string | null = null): number {
  const result = db
    .delete(sessions)
    .where(exceptTokenHash ? and(eq(sessions.userId, userId), ne(sessions.tokenHash, exceptTokenHash)) : eq(sessions.userId, userId))
    .run();
  return result.changes;
}

/** Removes sessions past their absolute expiry or idle since before `idleBefore`. */
export function deleteExpiredSessions(db: DbOrTx, args: { now: string; idleBefore: string }): number {
  return db
    .delete(sessions)
    .where(or(lt(sessions.expiresAt, args.now), lt(sessions.lastSeenAt, args.idleBefore)))
    .run().changes;
}

export function insertPasswordReset(
  db: DbOrTx,
  row: { tokenHash: string; userId: number; createdByUserId: number | null; createdAt: string; expiresAt: string },
): void {
  db.insert(passwordResets).values(row).run();
}

/** Deletes a user's reset links, but `exceptTokenHash`: a new link voids the older ones, a used one every other. */
export function deletePasswordResets(db: DbOrTx, userId: number, exceptTokenHash: string | null = null): number {
  return db
    .delete(passwordResets)
    .where(
      exceptTokenHash
        ? and(eq(passwordResets.userId, userId), ne(passwordResets.tokenHash, exceptTokenHash))
        : eq(passwordResets.userId, userId),
    )
    .run().changes;
}

/** Marks an unused, unexpired reset as used and returns its user; null when it is not valid. */
export function consumePasswordReset(db: DbOrTx, args: { tokenHash: string; now: string }): number | null {
  const row = db
    .update(passwordResets)
    .set({ usedAt: args.now })
    .where(and(eq(passwordResets.tokenHash, args.tokenHash), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, args.now)))
    .returning({ userId: passwordResets.userId })
    .get();
  return row?.userId ?? null;
}

export interface ThrottleRow {
  readonly key: string;
  readonly failures: number;
  readonly lastFailureAt: string;
  readonly lockedUntil: string | null;
}

export function getThrottle(db: DbOrTx, key: string): ThrottleRow | null {
  return db.select().from(signInThrottle).where(eq(signInThrottle.key, key)).get() ?? null;
}

export function saveThrottle(db: DbOrTx, row: ThrottleRow): void {
  db.insert(signInThrottle)
    .values(row)
    .onConflictDoUpdate({
      target: signInThrottle.key,
      set: { failures: row.failures, lastFailureAt: row.lastFailureAt, lockedUntil: row.lockedUntil },
    })
    .run();
}

export function clearThrottle(db: DbOrTx, key: string): void {
  db.delete(signInThrottle).where(eq(signInThrottle.key, key)).run();
}

/**
 * Forgets failure counters quiet since `quietSince` and not locked now, and the addresses known
 * for an account (`known:` rows, decision 005) not used since `knownSince`, so the table does not
 * grow for ever.
 */
export function pruneThrottle(db: DbOrTx, args: { now: string; quietSince: string; knownSince: string }): number {
  const known = like(signInThrottle.key, "known:%");
  return db
    .delete(signInThrottle)
    .where(
      or(
        and(
          not(known),
          lt(signInThrottle.lastFailureAt, args.quietSince),
          or(isNull(signInThrottle.lockedUntil), lt(signInThrottle.lockedUntil, args.now)),
        ),
        and(known, lt(signInThrottle.lastFailureAt, args.knownSince)),
      ),
    )
    .run().changes;
}
