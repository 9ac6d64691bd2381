import { unsubscribeKeyOf, unsubscribeToken } from "@malestokk/api";
import { findUserByEmail, listAudit, listMailOptOuts } from "@malestokk/db";
import { describe, expect, it } from "vitest";

import { mailRefusal, parseEnv } from "./env";
import { startApp } from "./test-helpers";

const ONE_CLICK = { "content-type": "application/x-www-form-urlencoded", origin: "https://mail.example.net" };

describe("the one-click unsubscribe (RFC 8058)", () => {
  it("turns the token's one kind off for its one user, from a mail client without cookies or the CSRF header", async () => {
    const { base, connection } = await startApp();
    const user = findUserByEmail(connection.db, "finance.0301@demo.example");
    const token = unsubscribeToken(unsubscribeKeyOf(connection.db, null, new Date()), user?.id ?? 0, "deadlineReminder");
    const res = await fetch(`${base}/e-post/avmeld?token=${encodeURIComponent(token)}`, {
      method: "POST",
      headers: ONE_CLICK,
      body: "List-Unsubscribe=One-Click",
    });
    expect(res.status).toBe(200);
    expect(listMailOptOuts(connection.db, user?.id ?? 0)).toEqual(["deadlineReminder"]);
    // Audited in the token's user's name, from the address the POST came from (decision 039).
    const [entry] = listAudit(connection.db, { action: "mail.unsubscribed", limit: 5 });
    expect(entry).toMatchObject({ actorUserId: user?.id, actorEmail: "finance.0301@demo.example", details: '{"kind":"deadlineReminder"}' });
    expect(entry?.ip).toMatch(/127\.0\.0\.1/);
  });

  it("refuses a forged token, a security notice's kind and a POST without the one-click body", async () => {
    const { base, connection } = await startApp();
    const user = findUserByEmail(connection.db, "finance.0301@demo.example");
    const key = unsubscribeKeyOf(connection.db, null, new Date());
    const good = unsubscribeToken(key, user?.id ?? 0, "deadlineReminder");
    const forged = `${user?.id ?? 0}.deadlineReminder.${"A".repeat(43)}`;
    const security = unsubscribeToken(key, user?.id ?? 0, "passwordChanged");
    for (const [token, body] of [
      [forged, "List-Unsubscribe=One-Click"],
      [security, "List-Unsubscribe=One-Click"],
      [good, "something=else"],
    ] as const) {
      const res = await fetch(`${base}/e-post/avmeld?token=${encodeURIComponent(token)}`, { method: "POST", headers: ONE_CLICK, body });
      expect(res.status).toBe(400);
    }
    expect(listMailOptOuts(connection.db, user?.id ?? 0)).toEqual([]);
  });
});

describe("mail settings", () => {
  it("reads SMTP_URL and MAIL_FROM, and never repeats a malformed SMTP_URL (it may hold a password)", () => {
    const env = parseEnv({ SMTP_URL: "smtp://u:p@smtp.kommune.no:587", MAIL_FROM: "Målestokk <noreply@kommune.no>" });
    expect(env).toMatchObject({
      SMTP_URL: "smtp://u:p@smtp.kommune.no:587",
      MAIL_FROM: "Målestokk <noreply@kommune.no>",
      MAIL_INTERVAL_SECONDS: 15,
    });
    expect(() => parseEnv({ SMTP_URL: "http://secret-password@x" })).toThrow(/SMTP_URL: must be an smtp/);
    expect(() => parseEnv({ SMTP_URL: "http://secret-password@x" })).not.toThrow(/secret-password/);
  });

  it("refuses to start with only some of SMTP_URL, MAIL_FROM and PUBLIC_ORIGIN", () => {
    expect(mailRefusal({})).toBeNull();
    expect(mailRefusal({ SMTP_URL: "smtp://x", MAIL_FROM: "a@b.no", PUBLIC_ORIGIN: "https://m.no" })).toBeNull();
    expect(mailRefusal({ MAIL_FROM: "a@b.no" })).toMatch(/SMTP_URL is not/);
    expect(mailRefusal({ SMTP_URL: "smtp://x" })).toMatch(/MAIL_FROM is not/);
    expect(mailRefusal({ SMTP_URL: "smtp://x", MAIL_FROM: "a@b.no" })).toMatch(/PUBLIC_ORIGIN is not/);
  });
});
