import { and, count, eq, isNull, lt, or, sql } from "drizzle-orm";

import type { DbOrTx } from "../client";
import { appSettings, recoveryCodes, signInChallenges, users } from "../schema/index";

export interface SecondFactorRow {
  readonly secret: string | null;
  readonly pendingSecret: string | null;
  readonly enabledAt: string | null;
  readonly lastCounter: number | null;
  readonly recoveryCodesLeft: number;
}

export function getSecondFactor(db: DbOrTx, userId: number): SecondFactorRow | null {
  const row = db
    .select({
      secret: users.totpSecret,
      pendingSecret: users.totpPendingSecret,
      enabledAt: users.totpEnabledAt,
      lastCounter: users.totpLastCounter,
    })
    .from(users)
    .where(eq(users.id, userId))
    .get();
  if (!row) return null;
  const left =
    db
      .select({ n: count() })
      .from(recoveryCodes)
      .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)))
      .get()?.n ?? 0;
  return { ...row, recoveryCodesLeft: left };
}

export function setPendingSecret(db: DbOrTx, userId: number, secret: string | null): void {
  db.update(users).set({ totpPendingSecret: secret }).where(eq(users.id, userId)).run();
}

/** Turns the second factor on with a confirmed secret and a fresh set of recovery codes. */
export function enableSecondFactor(
  db: DbOrTx,
  args: { userId: number; secret: string; counter: number; recoveryHashes: readonly string[]; now: string },
): void {
  db.update(users)
    .set({ totpSecret: args.secret, totpPendingSecret: null, totpEnabledAt: args.now, totpLastCounter: args.counter, updatedAt: args.now })
    .where(eq(users.id, args.userId))
    .run();
  db.delete(recoveryCodes).where(eq(recoveryCodes.userId, args.userId)).run();
  if (args.recoveryHashes.length > 0) {
    db.insert(recoveryCodes)
      .values(args.recoveryHashes.map((codeHash) => ({ userId: args.userId, codeHash })))
      .run();
  }
}

/** Records an accepted time step, only if it is newer than the last: a replay in a race loses. */
export function acceptTotpCounter(db: DbOrTx, userId: number, counter: number): boolean {
  return (
    db
      .update(users)
      .set({ totpLastCounter: counter })
      .where(and(eq(users.id, userId), or(isNull(users.totpLastCounter), lt(users.totpLastCounter, counter))))
      .run().changes > 0
  );
}

/** Uses a recovery code once: false when it is unknown or used already. */
export function useRecoveryCode(db: DbOrTx, userId: number, codeHash: string, now: string): boolean {
  return (
    db
      .update(recoveryCodes)
      .set({ usedAt: now })
      .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, codeHash), isNull(recoveryCodes.usedAt)))
      .run().changes > 0
  );
}

export function clearSecondFactor(db: DbOrTx, userId: number, now: string): boolean {
  db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId)).run();
  return (
    db
      .update(users)
      .set({ totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastCounter: null, updatedAt: now })
      .where(eq(users.id, userId))
      .run().changes > 0
  );
}

export interface ChallengeRow {
  readonly userId: number;
  readonly purpose: "verify" | "enrol";
  readonly expiresAt: string;
  readonly attempts: number;
}

export function insertChallenge(db: DbOrTx, row: ChallengeRow & { tokenHash: string }): void {
  db.insert(signInChallenges).values(row).run();
}

export function getChallenge(db: DbOrTx, tokenHash: string): ChallengeRow | null {
  return (
    db
      .select({
        userId: signInChallenges.userId,
        purpose: signInChallenges.purpose,
        expiresAt: signInChallenges.expiresAt,
        attempts: signInChallenges.attempts,
      })
      .from(signInChallenges)
      .where(eq(signInChallenges.tokenHash, tokenHash))
      .get() ?? null
  );
}

export function countChallengeAttempt(db: DbOrTx, tokenHash: string): void {
  db.update(signInChallenges)
    .set({ attempts: sql`${signInChallenges.attempts} + 1` })
    .where(eq(signInChallenges.tokenHash, tokenHash))
    .run();
}

export function deleteChallenge(db: DbOrTx, tokenHash: string): void {
  db.delete(signInChallenges).where(eq(signInChallenges.tokenHash, tokenHash)).run();
}

/** Challenges past their time, and those of a user (after sign-in or a reset). */
export function deleteExpiredChallenges(db: DbOrTx, now: string): number {
  return db.delete(signInChallenges).where(lt(signInChallenges.expiresAt, now)).run().changes;
}

/** An administrator's setting, or the default when never set. */
export function getSetting<T>(db: DbOrTx, key: string, fallback: T): T {
  const row = db.select({ value: appSettings.value }).from(appSettings).where(eq(appSettings.key, key)).get();
  return row ? (JSON.parse(row.value) as T) : fallback;
}

export function setSetting(db: DbOrTx, key: string, value: unknown, now: string): void {
  db.insert(appSettings)
    .values({ key, value: JSON.stringify(value), updatedAt: now })
    .onConflictDoUpdate({ target: appSettings.key, set: { value: JSON.stringify(value), updatedAt: now } })
    .run();
}
