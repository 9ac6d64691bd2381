import { getThrottle, saveThrottle, clearThrottle, type DbOrTx } from "@malestokk/db";
import { lockSecondsAfter, refundAttempt, spendAttempt, type AttemptRate } from "@malestokk/domain";

import { AppError } from "../errors";

/**
 * A counter that limits guessing (decision 005), kept as a row of the throttle table:
 * - "backoff": failures in a row; from the sixth on each locks for 1, 2, 4 … s up to 15 min;
 *   a right answer starts it again.
 * - "rate": a rate of attempts (burst, then one per interval); a right answer gives its attempt back.
 */
export type AttemptLimit =
  { readonly key: string; readonly kind: "backoff" } | { readonly key: string; readonly kind: "rate"; readonly rate: AttemptRate };

function waitSeconds(db: DbOrTx, key: string, now: Date): number {
  const lockedUntil = getThrottle(db, key)?.lockedUntil;
  return lockedUntil ? Math.ceil((Date.parse(lockedUntil) - now.getTime()) / 1000) : 0;
}

/**
 * Counts an attempt under every limit before the secret is checked, in the caller's synchronous
 * transaction: requests in parallel each see the others' counts, so no more checks run than the
 * limits allow. While any limit holds, refuses with the longest wait (TOO_MANY_ATTEMPTS).
 */
export function beginAttempt(tx: DbOrTx, limits: readonly AttemptLimit[], now: Date): void {
  const retryAfterSeconds = Math.max(0, ...limits.map((l) => waitSeconds(tx, l.key, now)));
  if (retryAfterSeconds > 0) {
    throw new AppError("TOO_MANY_ATTEMPTS", { message: "Too many attempts: wait", params: { retryAfterSeconds } });
  }
  const at = now.toISOString();
  for (const limit of limits) {
    const row = getThrottle(tx, limit.key);
    const failures = (row?.failures ?? 0) + 1;
    let lockedUntil: string | null;
    if (limit.kind === "backoff") {
      const lock = lockSecondsAfter(failures);
      lockedUntil = lock > 0 ? new Date(now.getTime() + lock * 1000).toISOString() : null;
    } else {
      lockedUntil = new Date(spendAttempt(limit.rate, row?.lockedUntil ? Date.parse(row.lockedUntil) : null, now.getTime())).toISOString();
    }
    saveThrottle(tx, { key: limit.key, failures, lastFailureAt: at, lockedUntil });
  }
}

/** The secret was right: backoff counters start again; rates get the attempt back (their other failures stay). */
export function settleSuccess(tx: DbOrTx, limits: readonly AttemptLimit[]): void {
  for (const limit of limits) {
    if (limit.kind === "backoff") {
      clearThrottle(tx, limit.key);
      continue;
    }
    const row = getThrottle(tx, limit.key);
    if (!row?.lockedUntil) continue;
    saveThrottle(tx, {
      ...row,
      failures: Math.max(0, row.failures - 1),
      lockedUntil: new Date(refundAttempt(limit.rate, Date.parse(row.lockedUntil))).toISOString(),
    });
  }
}

/** Whether a backoff counter holds a lock now (for auditing the lock). */
export function lockedSeconds(db: DbOrTx, key: string, now: Date): number {
  return Math.max(0, waitSeconds(db, key, now));
}
