import { findUserByEmail, insertOutboxMessage, listOutboxMessages } from "@malestokk/db";
import { describe, expect, it } from "vitest";

import { line, NUMBER, submitCorrection } from "../routers/costs/test-helpers";
import { setupApi } from "../test-helpers";
import { smtpPerTest, TEST_MAIL_ON, testMailWorker } from "./test-smtp";

const smtp = smtpPerTest();
const DAY = 86_400_000;

describe("pruning the outbox (docs/decisions/039-outbox-operations.md)", () => {
  it("deletes sent messages 90 days after sending and failed ones 180 days after their last try, with their content, at most daily", async () => {
    const server = await smtp();
    const start = new Date("2026-03-02T09:00:00Z").getTime();
    let at = new Date(start);
    const api = setupApi({ mail: TEST_MAIL_ON, now: () => at });
    const worker = testMailWorker(api.db, server, { now: () => at });
    const statuses = () =>
      listOutboxMessages(api.db, { limit: 10 })
        .map((m) => `${m.kind}:${m.status}`)
        .sort();

    // Sent: a returned report (its comment is in the stored content) and the managers' notice.
    await submitCorrection(api, NUMBER, [{ lines: [line({ amount: 9_000_000 })], itUserAccounts: 12_000 }]);
    expect(api.sqlite.prepare("select count(*) as n from mail_outbox where content like '%Rett tallene%'").get()).toEqual({ n: 1 });
    expect(await worker.runOnce()).toMatchObject({ sent: 2 });
    // Failed: a reset link the server refuses for good; its token stays with it for a retry.
    server.refuseWith = { code: 550, message: "5.1.1 No such mailbox" };
    const secretariat = findUserByEmail(api.db, "secretariat@demo.example")?.id ?? 0;
    await api.as("admin@demo.example").admin.createResetLink({ userId: secretariat });
    expect(await worker.runOnce()).toMatchObject({ failed: 1 });
    server.refuseWith = null;
    // Queued long ago and never tried (no round runs below): queued messages are never pruned.
    insertOutboxMessage(api.db, {
      idempotencyKey: "test:queued:u1",
      kind: "deadlineReminder",
      recipientUserId: null,
      recipientEmail: "someone@demo.example",
      language: "nb",
      content: "{}",
      secret: null,
      now: at.toISOString(),
    });

    at = new Date(start + 89 * DAY);
    expect(worker.pruneIfDue()).toEqual({ sent: 0, failed: 0 });
    expect(statuses()).toHaveLength(4);

    at = new Date(start + 90 * DAY + 60_000);
    expect(worker.pruneIfDue()).toEqual({ sent: 2, failed: 0 });
    expect(statuses()).toEqual(["deadlineReminder:queued", "resetLink:failed"]);
    expect(api.sqlite.prepare("select count(*) as n from mail_outbox where content like '%Rett tallene%'").get()).toEqual({ n: 0 });
    // Not again the same day, and a restarted worker knows it was done.
    at = new Date(start + 90 * DAY + 2 * 3_600_000);
    expect(worker.pruneIfDue()).toBeNull();
    expect(testMailWorker(api.db, server, { now: () => at }).pruneIfDue()).toBeNull();

    at = new Date(start + 180 * DAY + 60_000);
    expect(worker.pruneIfDue()).toEqual({ sent: 0, failed: 1 });
    expect(statuses()).toEqual(["deadlineReminder:queued"]);
    expect(api.sqlite.prepare("select count(*) as n from mail_outbox where secret is not null").get()).toEqual({ n: 0 });
  });
});
