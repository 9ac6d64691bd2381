/** Failures allowed before sign-in attempts are slowed down. */
export const FREE_SIGN_IN_FAILURES = 5;
export const MAX_LOCK_SECONDS = 15 * 60;

/**
 * Exponential backoff after repeated failed sign-ins (docs/quality-targets.md#s-10): the 6th failure in a row
 * locks for 1 s, the 7th for 2 s, then 4, 8, … up to 15 minutes. Returns the lock in seconds.
 */
export function lockSecondsAfter(failures: number): number {
  if (failures <= FREE_SIGN_IN_FAILURES) return 0;
  return Math.min(MAX_LOCK_SECONDS, 2 ** (failures - FREE_SIGN_IN_FAILURES - 1));
}

/** A rate of attempts: `burst` at once, then one more every `intervalSeconds`. */
export interface AttemptRate {
  readonly burst: number;
  readonly intervalSeconds: number;
}

/**
 * Password checks of one account from addresses it has not signed in from (decision 005): ten at
 * once, then one every 40 s, so at most 100 in any hour (ASVS 4.0.3 2.2.1), however many
 * addresses they come from.
 */
export const ACCOUNT_RATE: AttemptRate = { burst: 10, intervalSeconds: 40 };

/** Failed sign-ins from one address, across accounts it has not signed in to there: 20 at once, then one a minute. */
export const ADDRESS_RATE: AttemptRate = { burst: 20, intervalSeconds: 60 };

/** An address where an account gave its right password counts as the user's own this long after. */
export const KNOWN_ADDRESS_DAYS = 30;

/** An account without a password proves itself for a sensitive change by a sign-in this recent (decision 005). */
export const RECENT_SIGN_IN_MINUTES = 10;

/**
 * Spends one attempt of a rate (the generic cell rate algorithm, one timestamp per counter).
 * `notBefore` is when the next attempt is allowed (null for a counter never used); an attempt
 * is allowed when `now >= notBefore`. Returns the new `notBefore` in milliseconds.
 */
export function spendAttempt(rate: AttemptRate, notBefore: number | null, now: number): number {
  const interval = rate.intervalSeconds * 1000;
  const tolerance = (rate.burst - 1) * interval;
  return Math.max(notBefore ?? Number.NEGATIVE_INFINITY, now - tolerance) + interval;
}

/** Gives back an attempt spent by `spendAttempt` (the attempt turned out right). */
export function refundAttempt(rate: AttemptRate, notBefore: number): number {
  return notBefore - rate.intervalSeconds * 1000;
}
