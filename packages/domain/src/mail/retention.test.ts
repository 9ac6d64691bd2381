import { describe, expect, it } from "vitest";

import { isOutboxPruneDue, MAIL_RETENTION, outboxPruneCutoffs } from "./retention";

describe("the outbox's retention", () => {
  it("keeps a sent message 90 days and a failed one 180 days", () => {
    expect(MAIL_RETENTION).toEqual({ sentDays: 90, failedDays: 180 });
    expect(outboxPruneCutoffs(new Date("2026-12-07T10:00:00Z"))).toEqual({
      sentBefore: "2026-09-08T10:00:00.000Z",
      failedBefore: "2026-06-10T10:00:00.000Z",
    });
    expect(outboxPruneCutoffs(new Date("2026-12-07T10:00:00Z"), { sentDays: 1, failedDays: 2 })).toEqual({
      sentBefore: "2026-12-06T10:00:00.000Z",
      failedBefore: "2026-12-05T10:00:00.000Z",
    });
  });

  it("prunes at most once a day: due when never done, a day after the last time, or when the clock went back", () => {
    const now = new Date("2026-12-07T10:00:00Z");
    expect(isOutboxPruneDue(null, now)).toBe(true);
    expect(isOutboxPruneDue("2026-12-06T10:00:00.001Z", now)).toBe(false);
    expect(isOutboxPruneDue("2026-12-06T10:00:00.000Z", now)).toBe(true);
    expect(isOutboxPruneDue("2026-12-08T10:00:00.000Z", now)).toBe(true);
    expect(isOutboxPruneDue("garbage", now)).toBe(true);
  });
});
