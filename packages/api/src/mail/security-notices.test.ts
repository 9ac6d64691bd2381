import { findUserByEmail, listOutboxMessages, type Db } from "@malestokk/db";
import { TEST_PASSWORD } from "@malestokk/db/testing";
import { describe, expect, it } from "vitest";

import { createSecretBox } from "../auth/secret-box";
import { totp } from "../auth/totp";
import { setupApi } from "../test-helpers";
import { smtpPerTest, TEST_MAIL_ON } from "./test-smtp";
import { createSmtpTransport, MailWorker } from "./worker";

const MAIL_ON = TEST_MAIL_ON;
const BASE = "https://malestokk.test";
const SECRETS = createSecretBox("a secret key of at least thirty-two characters");
const FINANCE = "finance.0301@demo.example";

const smtp = smtpPerTest();

function clock(start = "2026-11-28T12:00:05Z") {
  let at = new Date(start);
  return { now: () => at, advance: (seconds: number) => (at = new Date(at.getTime() + seconds * 1000)) };
}

async function mailSetup() {
  const server = await smtp();
  const time = clock();
  const api = setupApi({ now: time.now, mail: MAIL_ON, secrets: SECRETS });
  const worker = (db: Db) =>
    new MailWorker({
      db,
      transport: createSmtpTransport(server.url),
      from: MAIL_ON.from,
      baseUrl: BASE,
      secrets: SECRETS,
      unsubscribeKey: Buffer.alloc(32, 2),
      now: time.now,
    });
  return { server, time, api, send: () => worker(api.db).runOnce() };
}

function userId(api: ReturnType<typeof setupApi>, email: string): number {
  return findUserByEmail(api.db, email)?.id ?? 0;
}

describe("security notices (issue 25, point 2)", () => {
  it("mails a reset link to the user alone, never shows it to the administrator, and tells the user the password changed", async () => {
    const { server, api, send } = await mailSetup();
    const admin = api.as("admin@demo.example");
    const link = await admin.admin.createResetLink({ userId: userId(api, FINANCE) });
    expect(link).toMatchObject({ resetToken: null, mailedTo: FINANCE });
    const [queued] = listOutboxMessages(api.db, { limit: 1 });
    // The token is sealed in the outbox, and never part of the key or the content.
    expect(queued?.secret).toMatch(/^sealed:v1:/);
    expect(queued?.content).not.toMatch(/tilbakestill/);

    expect(await send()).toMatchObject({ sent: 1 });
    const [mail] = server.received;
    expect(mail?.envelopeTo).toEqual([FINANCE]);
    expect(mail?.subject).toBe("Sett passordet ditt i Målestokk");
    expect(mail?.headers.get("auto-submitted")).toBe("auto-generated");
    expect(mail?.headers.has("list-unsubscribe")).toBe(false);
    const token = /https:\/\/malestokk\.test\/tilbakestill-passord#([A-Za-z0-9_-]{43})/.exec(mail?.text ?? "")?.[1] ?? "";
    expect(token).not.toBe("");
    expect(mail?.html).toContain(`href="${BASE}/tilbakestill-passord#${token}"`);
    expect(listOutboxMessages(api.db, { limit: 1 })[0]?.secret).toBeNull();

    await api.anonymous().auth.completeReset({ token, newPassword: "fjord kaffe sykkel 7" });
    expect(await send()).toMatchObject({ sent: 1 });
    expect(server.received[1]?.subject).toBe("Passordet ditt er endret");
    expect(server.received[1]?.text).toContain("Var dette deg?");
    expect(server.received[1]?.envelopeTo).toEqual([FINANCE]);
  });

  it("says 'was this you?' when the password is changed, a second factor is set up, or an administrator resets it, in the user's language", async () => {
    const { server, api, time, send } = await mailSetup();
    api.sqlite.prepare("update users set language = 'en' where email = ?").run(FINANCE);
    await api.as(FINANCE).auth.changePassword({ currentPassword: TEST_PASSWORD, newPassword: "fjord kaffe sykkel 7" });
    time.advance(60);
    const caller = api.as(FINANCE);
    const { secret } = await caller.auth.enrolBegin({ currentPassword: "fjord kaffe sykkel 7" });
    await caller.auth.enrolConfirm({ code: totp(secret, time.now()) });
    time.advance(60);
    await api.as("admin@demo.example").admin.resetSecondFactor({ userId: userId(api, FINANCE) });
    expect(await send()).toMatchObject({ sent: 3 });
    expect(server.received.map((m) => m.subject)).toEqual([
      "Your password was changed",
      "Your two-step sign-in was changed",
      "Your two-step sign-in was changed",
    ]);
    expect(server.received[1]?.text).toContain("An authenticator app was set up for your account on 28 November 2026 at 13:01");
    expect(server.received[2]?.text).toContain("An administrator reset your two-step sign-in");
    expect(server.received.every((m) => m.envelopeTo.join() === FINANCE)).toBe(true);
  });

  it("keeps the administrator's path when mail is off: the link is shown once, nothing is queued", async () => {
    const api = setupApi();
    const admin = api.as("admin@demo.example");
    const link = await admin.admin.createResetLink({ userId: userId(api, FINANCE) });
    expect(link.resetToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(link.mailedTo).toBeNull();
    await api.as(FINANCE).auth.changePassword({ currentPassword: TEST_PASSWORD, newPassword: "fjord kaffe sykkel 7" });
    expect(listOutboxMessages(api.db, { limit: 10 })).toEqual([]);
  });
});
