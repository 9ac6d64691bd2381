import { bumpDataVersion, getCounter, insertSession } from "@malestokk/db";
import { createTestDb } from "@malestokk/db/testing";
import { describe, expect, it } from "vitest";

import { hashToken } from "./auth/tokens";
import { counterAtSessionStamp, DEFAULT_AUTH_SETTINGS, resolveSession } from "./context";

describe("counters read at the session lookup's change stamp (issue 21, point 7)", () => {
  it("gives the counter as it was at the last session check, and the new one after the next check that follows a write", () => {
    const { db, sqlite } = createTestDb({ seed: true });
    const userId = (sqlite.prepare("select id from users where email = ?").get("board@demo.example") as { id: number }).id;
    const now = new Date("2026-12-07T12:00:00Z");
    const token = "a-token-of-the-test-with-enough-length";
    insertSession(db, {
      tokenHash: hashToken(token),
      userId,
      createdAt: now.toISOString(),
      lastSeenAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + 3_600_000).toISOString(),
    });
    const check = () => expect(resolveSession(db, token, now, DEFAULT_AUTH_SETTINGS)?.user.email).toBe("board@demo.example");

    check();
    const before = counterAtSessionStamp(db, "dataVersion");
    expect(before).toBe(getCounter(db, "dataVersion"));
    // As the command line would: the figures change outside any request.
    bumpDataVersion(db);
    // Until the next request's session check the request in flight keeps what it read.
    expect(counterAtSessionStamp(db, "dataVersion")).toBe(before);
    check();
    expect(counterAtSessionStamp(db, "dataVersion")).toBe(before + 1);
    // Nothing changed since: the same value, without reading it again.
    check();
    expect(counterAtSessionStamp(db, "dataVersion")).toBe(before + 1);
  });
});
