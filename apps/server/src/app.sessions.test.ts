import { listAudit } from "@malestokk/db";
import { TEST_PASSWORD } from "@malestokk/db/testing";
import { describe, expect, it } from "vitest";

import { JSON_CSRF, startApp } from "./test-helpers";

describe("sessions over HTTP", () => {
  it("answers an anonymous API call with 401", async () => {
    const { base } = await startApp();
    const res = await fetch(`${base}/trpc/municipalities.list`);
    expect(res.status).toBe(401);
    const body = (await res.json()) as { error: { data: { appError: { code: string } } } };
    expect(body.error.data.appError.code).toBe("UNAUTHORIZED");
  });

  it("sets an HttpOnly, SameSite=Lax session cookie at sign-in and honours it", async () => {
    const { base, signIn } = await startApp();
    const { res, setCookie, cookie } = await signIn();
    expect(res.status).toBe(200);
    expect(setCookie).toMatch(/^malestokk_session=[A-Za-z0-9_-]{43};/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).not.toMatch(/Secure/);
    const list = await fetch(`${base}/trpc/municipalities.list`, { headers: { cookie } });
    expect(list.status).toBe(200);
    const body = (await list.json()) as { result: { data: unknown[] } };
    expect(body.result.data).toHaveLength(357);
  });

  it("uses a Secure __Host- cookie over HTTPS", async () => {
    const { signIn } = await startApp({ https: true });
    const { setCookie } = await signIn();
    expect(setCookie).toMatch(/^__Host-malestokk_session=/);
    expect(setCookie).toMatch(/Secure/);
    expect(setCookie).toMatch(/Path=\//);
  });

  it("refuses a tampered cookie", async () => {
    const { base, signIn } = await startApp();
    const { cookie } = await signIn();
    const tampered = cookie.replace(/.$/, (c) => (c === "A" ? "B" : "A"));
    expect((await fetch(`${base}/trpc/municipalities.list`, { headers: { cookie: tampered } })).status).toBe(401);
  });

  it("refuses an expired cookie (30 idle minutes)", async () => {
    let now = new Date();
    const { base, signIn } = await startApp({ now: () => now });
    const { cookie } = await signIn();
    expect((await fetch(`${base}/trpc/municipalities.list`, { headers: { cookie } })).status).toBe(200);
    now = new Date(now.getTime() + 31 * 60_000);
    expect((await fetch(`${base}/trpc/municipalities.list`, { headers: { cookie } })).status).toBe(401);
  });

  it("refuses the cookie after sign-out", async () => {
    const { base, signIn } = await startApp();
    const { cookie } = await signIn();
    const out = await fetch(`${base}/trpc/auth.signOut`, { method: "POST", headers: { ...JSON_CSRF, cookie } });
    expect(out.status).toBe(200);
    expect(out.headers.get("set-cookie")).toMatch(/malestokk_session=;/);
    expect((await fetch(`${base}/trpc/municipalities.list`, { headers: { cookie } })).status).toBe(401);
  });

  it("slows down the sixth failed sign-in in a row with 429", async () => {
    const { base } = await startApp();
    const attempt = () =>
      fetch(`${base}/trpc/auth.signIn`, {
        method: "POST",
        headers: JSON_CSRF,
        body: JSON.stringify({ email: "finance.0301@demo.example", password: "wrong password" }),
      });
    const statuses = [];
    for (let i = 0; i < 7; i += 1) statuses.push((await attempt()).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 429]);
  });

  it("keeps counting per real client when X-Forwarded-For is spoofed and no proxy is trusted", async () => {
    const { base } = await startApp();
    const statuses = [];
    // The address's rate: 20 failures across accounts at once, then one a minute (decision 005).
    for (let i = 0; i < 21; i += 1) {
      const res = await fetch(`${base}/trpc/auth.signIn`, {
        method: "POST",
        headers: { ...JSON_CSRF, "x-forwarded-for": `203.0.113.${i}` },
        body: JSON.stringify({ email: `someone${i}@demo.example`, password: "wrong password" }),
      });
      statuses.push(res.status);
    }
    expect(statuses.at(-1)).toBe(429);
  });
});

describe("sign-in attempts over HTTP (issue 17, finding 4)", () => {
  const FINANCE = "finance.0301@demo.example";
  const FIXED = new Date("2026-03-01T12:00:00.000Z");
  type BatchError = { error: { data: { appError: { code: string; params: Record<string, unknown> } } } };

  const post = (base: string, path: string, body: unknown) =>
    fetch(`${base}/trpc/${path}`, { method: "POST", headers: JSON_CSRF, body: JSON.stringify(body) });

  it("refuses a batch that holds a call checking a secret together with any other call, before anything runs", async () => {
    const { base, connection } = await startApp();
    const twenty = Object.fromEntries(
      Array.from({ length: 20 }, (_, i) => [i, { email: FINANCE, password: i === 19 ? TEST_PASSWORD : `wrong password ${i}` }]),
    );
    const res = await post(base, `${Array.from({ length: 20 }, () => "auth.signIn").join(",")}?batch=1`, twenty);
    expect(res.status).toBe(400);
    expect(res.headers.get("set-cookie")).toBeNull();
    const body = (await res.json()) as BatchError[];
    expect(body[0]?.error.data.appError).toEqual({ code: "SINGLE_CALL_REQUIRED", params: { procedure: "auth.signIn" }, issues: [] });
    // Nothing ran: no password was checked, no failure counted.
    expect(listAudit(connection.db, { action: "auth.signInFailed", limit: 50 })).toHaveLength(0);
    expect(listAudit(connection.db, { action: "auth.signIn", limit: 50 })).toHaveLength(0);
    expect(connection.sqlite.prepare("select count(*) as n from sign_in_throttle").get()).toEqual({ n: 0 });

    // With any other call, also when the comma is percent-encoded; each secret-checking call alike.
    // (A query and a mutation cannot share a batch at all: tRPC refuses that itself.)
    for (const path of [
      "auth.signIn,auth.signOut",
      "auth.signOut%2Cauth.signIn",
      "auth.secondFactor,auth.signOutEverywhere",
      "auth.completeReset,auth.completeReset",
      "auth.changePassword,auth.signOut",
      "auth.enrolConfirm,auth.enrolBegin",
    ]) {
      const mixed = await post(base, `${path}?batch=1`, { 0: {}, 1: {} });
      expect(mixed.status, path).toBe(400);
      expect(((await mixed.json()) as BatchError[])[0]?.error.data.appError.code, path).toBe("SINGLE_CALL_REQUIRED");
    }
    // Alone, in a batch of one, it runs.
    const alone = await post(base, "auth.signIn?batch=1", { 0: { email: FINANCE, password: TEST_PASSWORD } });
    expect(alone.status).toBe(200);
    expect(alone.headers.get("set-cookie")).toMatch(/^malestokk_session=/);
  });

  it("checks no more passwords than the limit when 30 wrong sign-ins arrive at once, and the right one is refused while locked", async () => {
    const { base, connection } = await startApp({ now: () => FIXED });
    const responses = await Promise.all(
      Array.from({ length: 30 }, (_, i) => post(base, "auth.signIn", { email: FINANCE, password: `wrong password ${i}` })),
    );
    const statuses = responses.map((r) => r.status);
    // Five free failures, the sixth locks: six passwords checked in all.
    expect(statuses.filter((s) => s === 401)).toHaveLength(6);
    expect(statuses.filter((s) => s === 429)).toHaveLength(24);
    expect(listAudit(connection.db, { action: "auth.signInFailed", limit: 100 })).toHaveLength(6);
    const right = await post(base, "auth.signIn", { email: FINANCE, password: TEST_PASSWORD });
    expect(right.status).toBe(429);
    expect(right.headers.get("set-cookie")).toBeNull();
    expect(listAudit(connection.db, { action: "auth.signIn", limit: 10 })).toHaveLength(0);
  });
});
