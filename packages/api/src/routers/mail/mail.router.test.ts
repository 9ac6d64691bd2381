import { findUserByEmail, insertOutboxMessage, listAudit, listMailOptOuts } from "@malestokk/db";
import { describe, expect, it } from "vitest";

import { TEST_MAIL_ON } from "../../mail/test-smtp";
import { unsubscribeKeyOf, unsubscribeToken } from "../../mail/unsubscribe";
import { setupApi } from "../../test-helpers";

const ADMIN = "admin@demo.example";
const FINANCE = "finance.0301@demo.example";

function userId(api: ReturnType<typeof setupApi>, email: string): number {
  return findUserByEmail(api.db, email)?.id ?? 0;
}

function details(row: { details: string | null } | undefined): unknown {
  return row?.details ? JSON.parse(row.details) : null;
}

describe("the mail changes are audited (issue 25)", () => {
  it("an administrator's retry of a failed message, with the reason it had failed; a refused retry writes nothing", async () => {
    const api = setupApi({ mail: TEST_MAIL_ON });
    insertOutboxMessage(api.db, {
      idempotencyKey: "reportReturned:test:u1",
      kind: "reportReturned",
      recipientUserId: userId(api, FINANCE),
      recipientEmail: FINANCE,
      language: "nb",
      content: "{}",
      secret: null,
      now: "2026-03-01T12:00:00.000Z",
    });
    api.sqlite
      .prepare(
        "update mail_outbox set status = 'failed', attempts = 1, last_error = 'INTERRUPTED: the server stopped while handing this message over'",
      )
      .run();
    const id = (api.sqlite.prepare("select id from mail_outbox").get() as { id: number }).id;

    await api.as(ADMIN).mail.retry({ id });
    const [entry] = listAudit(api.db, { action: "mail.retried", limit: 5 });
    expect(entry).toMatchObject({ actorEmail: ADMIN, entity: "mailOutbox", entityId: String(id) });
    expect(details(entry)).toEqual({ kind: "reportReturned", email: FINANCE, reason: "INTERRUPTED", attempts: 1 });

    await expect(api.as(ADMIN).mail.retry({ id })).rejects.toMatchObject({ appCode: "STATUS_CONFLICT" });
    expect(listAudit(api.db, { action: "mail.retried", limit: 5 })).toHaveLength(1);
  });

  it("a user's change of a notice preference, once per change (a repeat changes and writes nothing)", async () => {
    const api = setupApi({ mail: TEST_MAIL_ON });
    const finance = api.as(FINANCE);
    await finance.mail.setPreference({ kind: "deadlineReminder", on: false });
    await finance.mail.setPreference({ kind: "deadlineReminder", on: false });
    await finance.mail.setPreference({ kind: "deadlineReminder", on: true });
    const entries = listAudit(api.db, { action: "mail.preferenceChanged", limit: 5 });
    expect(entries.map((e) => [e.actorEmail, e.entityId, details(e)])).toEqual([
      [FINANCE, String(userId(api, FINANCE)), { kind: "deadlineReminder", on: true }],
      [FINANCE, String(userId(api, FINANCE)), { kind: "deadlineReminder", on: false }],
    ]);
  });

  it("the one-click unsubscribe, in the name of the token's user; a forged token writes nothing", async () => {
    const api = setupApi({ mail: TEST_MAIL_ON });
    const id = userId(api, FINANCE);
    const token = unsubscribeToken(unsubscribeKeyOf(api.db, null, new Date()), id, "reportReturned");
    await expect(api.anonymous().mail.unsubscribe({ token: `${id}.reportReturned.${"A".repeat(43)}` })).rejects.toMatchObject({
      appCode: "TOKEN_INVALID",
    });
    expect(listAudit(api.db, { action: "mail.unsubscribed", limit: 5 })).toEqual([]);

    expect(await api.anonymous().mail.unsubscribe({ token })).toEqual({ kind: "reportReturned" });
    expect(await api.anonymous().mail.unsubscribe({ token })).toEqual({ kind: "reportReturned" });
    expect(listMailOptOuts(api.db, id)).toEqual(["reportReturned"]);
    const entries = listAudit(api.db, { action: "mail.unsubscribed", limit: 5 });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorUserId: id, actorEmail: FINANCE, entity: "user", entityId: String(id) });
    expect(details(entries[0])).toEqual({ kind: "reportReturned" });
  });
});
