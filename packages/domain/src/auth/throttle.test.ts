import { describe, expect, it } from "vitest";

import { ACCOUNT_RATE, ADDRESS_RATE, lockSecondsAfter, MAX_LOCK_SECONDS, refundAttempt, spendAttempt, type AttemptRate } from "./throttle";

describe("lockSecondsAfter", () => {
  it("allows five failures, then doubles the wait", () => {
    expect([1, 2, 3, 4, 5].map(lockSecondsAfter)).toEqual([0, 0, 0, 0, 0]);
    expect([6, 7, 8, 9].map(lockSecondsAfter)).toEqual([1, 2, 4, 8]);
  });

  it("caps the wait at 15 minutes", () => {
    expect(lockSecondsAfter(100)).toBe(MAX_LOCK_SECONDS);
  });
});

/** Tries once every `everySeconds` for `seconds`; returns the times (s) of the attempts allowed. */
function allowedTimes(rate: AttemptRate, everySeconds: number, seconds: number): number[] {
  let notBefore: number | null = null;
  const allowed: number[] = [];
  for (let t = 0; t <= seconds; t += everySeconds) {
    const now = t * 1000;
    if (notBefore === null || now >= notBefore) {
      notBefore = spendAttempt(rate, notBefore, now);
      allowed.push(t);
    }
  }
  return allowed;
}

describe("spendAttempt (attempt rates)", () => {
  it("allows the burst, then one per interval", () => {
    const rate = { burst: 3, intervalSeconds: 10 };
    expect(allowedTimes(rate, 1, 35)).toEqual([0, 1, 2, 10, 20, 30]);
    let notBefore: number | null = null;
    for (let i = 0; i < 3; i += 1) notBefore = spendAttempt(rate, notBefore, 0);
    // Three at once; the fourth waits 10 s.
    expect(notBefore).toBe(10_000);
  });

  it("keeps an account's password checks to 100 in any hour, even when someone tries every second for three hours", () => {
    const times = allowedTimes(ACCOUNT_RATE, 1, 3 * 3600);
    for (const start of times) expect(times.filter((t) => t >= start && t < start + 3600).length).toBeLessThanOrEqual(100);
    expect(times.filter((t) => t < 3600).length).toBe(99);
  });

  it("fills up again with time, and gives back a refunded attempt", () => {
    // Twenty at once; the 21st waits a minute, or less once one is given back.
    let notBefore = spendAttempt(ADDRESS_RATE, null, 0);
    for (let i = 1; i < ADDRESS_RATE.burst; i += 1) notBefore = spendAttempt(ADDRESS_RATE, notBefore, 0);
    expect(notBefore).toBe(60_000);
    expect(refundAttempt(ADDRESS_RATE, notBefore)).toBe(0);
    // After the whole burst's time, the full burst is there again, and no more.
    const later = 21 * 60_000;
    for (let i = 0; i < ADDRESS_RATE.burst; i += 1) {
      expect(later).toBeGreaterThanOrEqual(notBefore);
      notBefore = spendAttempt(ADDRESS_RATE, notBefore, later);
    }
    expect(notBefore).toBe(later + 60_000);
  });
});
