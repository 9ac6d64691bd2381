/** Failures allowed before sign-in attempts are slowed down. */
export const FREE_SIGN_IN_FAILURES = 5;
export const MAX_LOCK_SECONDS = 15 * 60;

/**
 * Exponential backoff after repeated failed sign-ins (QUALITY.md S-10): the 6th failure in a row
 * locks for 1 s, the 7th for 2 s, then 4, 8, … up to 15 minutes. Returns the lock in seconds.
 */
export function lockSecondsAfter(failures: number): number {
  if (failures <= FREE_SIGN_IN_FAILURES) return 0;
  return Math.min(MAX_LOCK_SECONDS, 2 ** (failures - FREE_SIGN_IN_FAILURES - 1));
}
