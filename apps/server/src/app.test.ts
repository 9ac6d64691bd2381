import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { brotliCompressSync, brotliDecompressSync, gzipSync } from "node:zlib";
import { join } from "node:path";

import { listAudit } from "@malestokk/db";
import { createTestDb, TEST_PASSWORD, type DbConnection } from "@malestokk/db/testing";
import { pino } from "pino";
import { afterEach, describe, expect, it } from "vitest";

import { EnvIdentityProviderSchema, type EnvIdentityProvider } from "@malestokk/domain";
import { createServer, request as httpRequest } from "node:http";

import { createApp, MAX_BATCH_SIZE, withBootstrap } from "./app";
import { createLogger, type Logger } from "./logger";

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const fn of cleanups.splice(0).reverse()) fn();
});

const CSRF = { "x-malestokk-csrf": "1" };
const JSON_CSRF = { "content-type": "application/json", ...CSRF };

interface StartOptions {
  webDist?: boolean;
  https?: boolean;
  trustProxy?: string;
  now?: () => Date;
  metrics?: boolean;
  logger?: Logger;
  identityProviders?: EnvIdentityProvider[];
  /** PUBLIC_ORIGIN; "self" is the test server's own address, known once it listens. */
  publicOrigin?: string;
  /** The web build's chunk map, written before the app starts. */
  manifest?: Record<string, { file: string; imports?: string[]; isEntry?: boolean }>;
}

async function startApp(options: StartOptions = {}) {
  const connection: DbConnection = createTestDb({ seed: true });
  const dir = mkdtempSync(join(tmpdir(), "malestokk-web-"));
  if (options.webDist) {
    writeFileSync(join(dir, "index.html"), '<!doctype html><html lang="nb"><head><title>Målestokk</title></head></html>');
    mkdirSync(join(dir, "assets"));
    writeFileSync(join(dir, "assets", "index-B5x3qL9a.js"), "export {};");
    writeFileSync(join(dir, "favicon.svg"), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  }
  if (options.manifest) {
    mkdirSync(join(dir, ".vite"), { recursive: true });
    writeFileSync(join(dir, ".vite", "manifest.json"), JSON.stringify(options.manifest));
  }
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const app = createApp({
    connection,
    logger: options.logger ?? createLogger("silent"),
    webDistDir: dir,
    metrics: options.metrics ?? false,
    https: options.https ?? false,
    trustProxy: options.trustProxy,
    identityProviders: options.identityProviders ?? [],
    publicOrigin: options.publicOrigin === "self" ? base : options.publicOrigin,
    ...(options.now ? { now: options.now } : {}),
  });
  server.on("request", app);
  cleanups.push(() => {
    server.close();
    connection.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function signIn(email = "finance.0301@demo.example", headers: Record<string, string> = {}) {
    const res = await fetch(`${base}/trpc/auth.signIn`, {
      method: "POST",
      headers: { ...JSON_CSRF, ...headers },
      body: JSON.stringify({ email, password: TEST_PASSWORD }),
    });
    const setCookie = res.headers.get("set-cookie") ?? "";
    return { res, setCookie, cookie: setCookie.split(";")[0] ?? "" };
  }
  return { base, connection, signIn, dir };
}

describe("GET /healthz and /readyz", () => {
  it("says the process is alive, and ready when the database answers with every migration applied", async () => {
    const { base } = await startApp();
    const alive = await fetch(`${base}/healthz`);
    expect(alive.status).toBe(200);
    expect(await alive.json()).toEqual({ status: "ok" });
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: "ready", database: "ok", migrations: { latest: expect.stringMatching(/^\d{4}_/) as unknown } });
  });

  it("is not ready with a migration missing, nor when the database is gone; still alive", async () => {
    const { base, connection } = await startApp();
    connection.sqlite.prepare("delete from __drizzle_migrations where created_at = (select max(created_at) from __drizzle_migrations)").run();
    const missing = await fetch(`${base}/readyz`);
    expect(missing.status).toBe(503);
    expect(await missing.json()).toMatchObject({ status: "unavailable", database: "ok" });
    connection.close();
    expect((await fetch(`${base}/readyz`)).status).toBe(503);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });
});

describe("security log", () => {
  it("logs a refused call with who, what, from where and the request id, as one JSON line (ASVS 16.3.2)", async () => {
    const lines: string[] = [];
    const logger = pino({ level: "info" }, { write: (line: string) => lines.push(line) });
    const { base, signIn } = await startApp({ logger });
    const { cookie } = await signIn("finance.0301@demo.example");
    const input = encodeURIComponent(JSON.stringify({ municipalityNumber: "5001", year: 2024 }));
    const res = await fetch(`${base}/trpc/costs.report?input=${input}`, { headers: { cookie } });
    expect(res.status).toBe(403);
    const denied = lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.event === "authorization.denied");
    expect(denied).toEqual([
      expect.objectContaining({ level: 40, path: "costs.report", email: "finance.0301@demo.example", ip: "127.0.0.1", requestId: res.headers.get("x-request-id") }),
    ]);
  });
});

/** /metrics once it holds every `expected` (what was just asked is counted as its answer finishes), or after 5 s. */
async function metricsOnce(base: string, ...expected: string[]): Promise<string> {
  const until = Date.now() + 5_000;
  for (;;) {
    const text = await (await fetch(`${base}/metrics`)).text();
    if (expected.every((part) => text.includes(part)) || Date.now() > until) return text;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("request ids and metrics", () => {
  it("gives every request an id, in the response, in its log line and in an error body; a client's plain id is kept", async () => {
    const lines: string[] = [];
    const logger = pino({ level: "info" }, { write: (line: string) => lines.push(line) });
    const { base } = await startApp({ logger });
    const res = await fetch(`${base}/trpc/municipalities.list`);
    const id = res.headers.get("x-request-id") ?? "";
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const body = (await res.json()) as { error: { data: { requestId: string } } };
    expect(body.error.data.requestId).toBe(id);
    expect(lines.some((l) => (JSON.parse(l) as { requestId?: string }).requestId === id)).toBe(true);
    expect((await fetch(`${base}/healthz`, { headers: { "x-request-id": "proxy-1234-abcd" } })).headers.get("x-request-id")).toBe("proxy-1234-abcd");
    // A forged id (spaces, quotes) is replaced by a fresh one.
    expect((await fetch(`${base}/healthz`, { headers: { "x-request-id": 'bad "id" here' } })).headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("serves request counts, latency by procedure and the database size in Prometheus format when switched on", async () => {
    const off = await startApp();
    expect((await fetch(`${off.base}/metrics`)).headers.get("content-type") ?? "").not.toContain("version=0.0.4");
    const { base } = await startApp({ metrics: true });
    await fetch(`${base}/trpc/municipalities.list`);
    await fetch(`${base}/healthz`);
    const res = await fetch(`${base}/metrics`);
    expect(res.headers.get("content-type")).toContain("text/plain; version=0.0.4");
    // A request is counted when its answer has finished on the server, which on a busy machine can
    // be just after the client has it: ask again until both are in.
    const text = await metricsOnce(base, 'procedure="healthz",status="200"');
    expect(text).toContain('malestokk_http_requests_total{procedure="municipalities.list",status="401"} 1');
    expect(text).toContain('malestokk_http_requests_total{procedure="healthz",status="200"} 1');
    expect(text).toMatch(/malestokk_http_request_duration_seconds_count\{procedure="municipalities.list"\} 1/);
    expect(text).toMatch(/malestokk_database_size_bytes \d{5,}/);
  });

  it("keeps one series for every unknown procedure, so made-up names in URLs cannot grow /metrics", async () => {
    const { base } = await startApp({ metrics: true });
    const series = (text: string) => text.split("\n").map((line) => line.replace(/ [^ ]+$/, ""));
    // Each kind once: a made-up name, a batch of them, a known name batched with one.
    const call = (name: string, i: number) => fetch(`${base}/trpc/${[name, `${name},${name}z`, `municipalities.list,${name}`][i % 3]}${i % 3 === 0 ? "" : "?batch=1&input=%7B%7D"}`);
    for (let i = 0; i < 3; i++) await call("x".repeat(80), i);
    await fetch(`${base}/metrics`);
    const first = await metricsOnce(base, 'malestokk_http_request_duration_seconds_count{procedure="trpc.unknown"} 3\n', 'malestokk_http_request_duration_seconds_count{procedure="metrics"}');
    for (let i = 0; i < 200; i++) await call(`${Math.random().toString(36).slice(2)}.${"y".repeat(i % 70)}`, i);
    const after = await metricsOnce(base, 'malestokk_http_request_duration_seconds_count{procedure="trpc.unknown"} 203\n');
    expect(series(after)).toEqual(series(first));
    expect(after.length).toBeLessThan(first.length + 500);
    expect(new Set([...after.matchAll(/procedure="([^"]*)"/g)].map((m) => m[1]))).toEqual(new Set(["municipalities.list", "trpc.unknown", "metrics"]));
    expect(after).toMatch(/malestokk_http_request_duration_seconds_count\{procedure="trpc.unknown"\} 203\n/);
  });
});

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
    const twenty = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [i, { email: FINANCE, password: i === 19 ? TEST_PASSWORD : `wrong password ${i}` }]));
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
    for (const path of ["auth.signIn,auth.signOut", "auth.signOut%2Cauth.signIn", "auth.secondFactor,auth.signOutEverywhere", "auth.completeReset,auth.completeReset", "auth.changePassword,auth.signOut", "auth.enrolConfirm,auth.enrolBegin"]) {
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
    const responses = await Promise.all(Array.from({ length: 30 }, (_, i) => post(base, "auth.signIn", { email: FINANCE, password: `wrong password ${i}` })));
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

describe("cross-site requests (CSRF)", () => {
  it("refuses a POST without the CSRF header, e.g. a cross-site form", async () => {
    const { base, signIn } = await startApp();
    const { cookie } = await signIn();
    const res = await fetch(`${base}/trpc/auth.signOut`, {
      method: "POST",
      headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
      body: "a=b",
    });
    expect(res.status).toBe(403);
    // Still signed in.
    expect((await fetch(`${base}/trpc/auth.me`, { headers: { cookie } })).status).toBe(200);
  });

  it("refuses a multipart POST to a no-input mutation (trpc#5522)", async () => {
    const { base, signIn } = await startApp();
    const { cookie } = await signIn();
    const form = new FormData();
    form.set("x", "y");
    const res = await fetch(`${base}/trpc/auth.signOut`, { method: "POST", headers: { cookie }, body: form });
    expect(res.status).toBe(403);
  });

  it("refuses a POST marked cross-site by the browser even with the header", async () => {
    const { base, signIn } = await startApp();
    const { cookie } = await signIn();
    const crossSite = await fetch(`${base}/trpc/auth.signOut`, { method: "POST", headers: { ...CSRF, cookie, "sec-fetch-site": "cross-site" } });
    expect(crossSite.status).toBe(403);
    const foreignOrigin = await fetch(`${base}/trpc/auth.signOut`, { method: "POST", headers: { ...CSRF, cookie, origin: "https://evil.example" } });
    expect(foreignOrigin.status).toBe(403);
  });

  it("compares the Origin's scheme, host and port, not the host alone", async () => {
    const { base, signIn } = await startApp();
    const { cookie } = await signIn();
    const post = (origin: string) => fetch(`${base}/trpc/auth.me`, { method: "POST", headers: { ...JSON_CSRF, cookie, origin }, body: "{}" }).then((r) => r.status);
    const { host, port } = new URL(base);
    // The same host over https, or on another port, is another origin.
    expect(await post(`https://${host}`)).toBe(403);
    expect(await post(`http://127.0.0.1:${Number(port) + 1}`)).toBe(403);
    expect(await post("null")).toBe(403);
    // The app's own origin gets past the check (auth.me is a query, so tRPC answers 405 to the POST).
    expect(await post(base)).toBe(405);
  });

  it("takes PUBLIC_ORIGIN as the one origin when it is set: http:// does not pass for https://", async () => {
    const { base, signIn } = await startApp({ publicOrigin: "https://malestokk.example" });
    const { cookie } = await signIn();
    const post = (origin: string) => fetch(`${base}/trpc/auth.me`, { method: "POST", headers: { ...JSON_CSRF, cookie, origin }, body: "{}" }).then((r) => r.status);
    expect(await post("http://malestokk.example")).toBe(403);
    expect(await post("https://malestokk.example:8443")).toBe(403);
    expect(await post(base)).toBe(403);
    expect(await post("https://malestokk.example")).toBe(405);
    expect(await post("https://malestokk.example:443")).toBe(405);
  });
});

describe("/trpc errors and limits", () => {
  it("sends validation errors as codes with field paths", async () => {
    const { base, signIn } = await startApp();
    const { cookie } = await signIn();
    const res = await fetch(`${base}/trpc/costs.save`, {
      method: "POST",
      headers: { ...JSON_CSRF, cookie },
      body: JSON.stringify({
        municipalityNumber: "0301",
        year: 2024,
        expectedVersion: 1,
        lines: [{ service: "operations", costType: "ownStaff", systemId: null, amount: -5, comment: null }],
        itUserAccounts: null,
        employeesFte: null,
        populationOverride: null,
        grossOperatingExpenditureOverride: null,
        warningComments: {},
      }),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { data: { appError: unknown; stack?: unknown } } };
    expect(body.error.data.appError).toEqual({
      code: "VALIDATION_FAILED",
      params: {},
      issues: [{ path: ["lines", 0, "amount"], code: "too_small", params: { minimum: 0, origin: "number", inclusive: true } }],
    });
    expect(body.error.data.stack).toBeUndefined();
  });

  it("sends domain errors with their HTTP status", async () => {
    const { base, signIn } = await startApp();
    const { cookie } = await signIn("manager.0301@demo.example");
    const res = await fetch(`${base}/trpc/costs.return`, {
      method: "POST",
      headers: { ...JSON_CSRF, cookie },
      body: JSON.stringify({ municipalityNumber: "0301", year: 2024, expectedVersion: 99, comment: "Rett tallene" }),
    });
    expect(res.status).toBe(409);
    const body = (await res.json()) as { error: { data: { appError: { code: string } } } };
    expect(body.error.data.appError.code).toBe("VERSION_CONFLICT");
  });

  it("hides unexpected errors behind a generic message with an id", async () => {
    const { base, connection } = await startApp();
    connection.close();
    const res = await fetch(`${base}/trpc/auth.demoAccounts`);
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toMatch(/database connection|sqlite|at .*\.ts/i);
    const body = JSON.parse(text) as { error: { message: string; data: { errorId: string; stack?: unknown } } };
    expect(body.error.data.errorId).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.error.message).toContain(body.error.data.errorId);
    expect(body.error.data.stack).toBeUndefined();
  });

  it("refuses a body over the limit", async () => {
    const { base } = await startApp();
    const res = await fetch(`${base}/trpc/auth.signIn`, {
      method: "POST",
      headers: JSON_CSRF,
      body: JSON.stringify({ padding: "x".repeat(2_000_000) }),
    });
    expect(res.status).toBe(413);
  });

  it("refuses an oversized batch", async () => {
    const { base } = await startApp();
    const paths = Array.from({ length: MAX_BATCH_SIZE + 180 }, () => "system.info").join(",");
    expect((await fetch(`${base}/trpc/${paths}?batch=1`)).status).toBe(400);
  });
});

describe("web app hosting", () => {
  it("serves index.html for client-side routes with security headers", async () => {
    const { base } = await startApp({ webDist: true });
    const res = await fetch(`${base}/kommune/0301?year=2024`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("<title>Målestokk</title>");
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("upgrade-insecure-requests");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("strict-transport-security")).toBeNull();
  });

  it("adds HSTS and upgrade-insecure-requests over HTTPS", async () => {
    const { base } = await startApp({ webDist: true, https: true });
    const res = await fetch(`${base}/`);
    expect(res.headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
    expect(res.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
  });

  it("lets browsers keep hashed assets for a year, asks again for other files, and never stores a page or an API answer", async () => {
    const { base } = await startApp({ webDist: true, metrics: true });
    const cacheControl = async (path: string) => (await fetch(`${base}${path}`)).headers.get("cache-control");
    expect(await cacheControl("/assets/index-B5x3qL9a.js")).toBe("public, max-age=31536000, immutable");
    expect(await cacheControl("/favicon.svg")).toBe("no-cache");
    for (const page of ["/", "/kommune/0301", "/index.html"]) expect(await cacheControl(page), page).toBe("no-store");
    for (const api of ["/trpc/municipalities.list", "/auth/oidc/nowhere/start", "/auth/oidc/callback", "/healthz", "/readyz", "/metrics"]) expect(await cacheControl(api), api).toBe("no-store");
  });

  it("preloads the sign-in form's code for a visitor without a session, and not for one who is signed in", async () => {
    const manifest = {
      "index.html": { file: "assets/index-Aa11.js", isEntry: true, imports: ["_react-Bb22.js"] },
      "_react-Bb22.js": { file: "assets/react-Bb22.js" },
      "_field-Cc33.js": { file: "assets/field-Cc33.js", imports: ["_react-Bb22.js"] },
      "src/features/auth/sign-in-page.tsx": { file: "assets/sign-in-page-Dd44.js", imports: ["_react-Bb22.js", "_field-Cc33.js"] },
    };
    const { base, signIn } = await startApp({ webDist: true, manifest });
    const anonymous = await (await fetch(`${base}/`)).text();
    const preloads = [...anonymous.matchAll(/<link rel="modulepreload" crossorigin href="([^"]+)">/g)].map((m) => m[1]);
    expect(preloads.sort()).toEqual(["/assets/field-Cc33.js", "/assets/sign-in-page-Dd44.js"]);
    const { cookie } = await signIn();
    expect(await (await fetch(`${base}/`, { headers: { cookie } })).text()).not.toContain("modulepreload");
  });

  it("explains how to build when the web app is missing", async () => {
    const { base } = await startApp();
    const res = await fetch(`${base}/`);
    expect(res.status).toBe(503);
    expect(await res.text()).toMatch(/pnpm build/);
  });
});

/** A GET whose answer is not decoded: fetch would undo the Content-Encoding under test. */
function rawGet(url: string, headers: Record<string, string>): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("compression (decision 015)", () => {
  it("sends the build's brotli or gzip copy of an asset as the browser accepts it, with the asset's type and cache", async () => {
    const { base, dir } = await startApp({ webDist: true });
    const script = Buffer.from(`export const rows = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => ({ i, name: `kommune ${i}` })))};`);
    writeFileSync(join(dir, "assets", "chart-Ab12Cd34.js"), script);
    writeFileSync(join(dir, "assets", "chart-Ab12Cd34.js.br"), brotliCompressSync(script));
    writeFileSync(join(dir, "assets", "chart-Ab12Cd34.js.gz"), gzipSync(script));
    const url = `${base}/assets/chart-Ab12Cd34.js`;

    const br = await rawGet(url, { "accept-encoding": "gzip, deflate, br" });
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.headers["content-type"]).toMatch(/^(text|application)\/javascript/);
    expect(br.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(br.headers.vary).toMatch(/Accept-Encoding/);
    expect(brotliDecompressSync(br.body).equals(script)).toBe(true);

    const gz = await rawGet(url, { "accept-encoding": "gzip" });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gz.body.length).toBeLessThan(script.length / 3);

    const plain = await rawGet(url, { "accept-encoding": "identity" });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.headers.vary).toMatch(/Accept-Encoding/);
    expect(plain.body.equals(script)).toBe(true);
  });

  it("compresses pages and API answers over 1 kB on the fly, never an answer that carries a secret, nor a small one", async () => {
    const { base, signIn, dir } = await startApp({ webDist: true });
    writeFileSync(join(dir, "index.html"), `<!doctype html><html lang="nb"><head><title>Målestokk</title></head><body>${"<p>Målestokk</p>".repeat(200)}</body></html>`);
    const { cookie } = await signIn("admin@demo.example");
    const list = await rawGet(`${base}/trpc/municipalities.list`, { cookie, "accept-encoding": "br" });
    expect(list.headers["content-encoding"]).toBe("br");
    expect(JSON.parse(brotliDecompressSync(list.body).toString()) as unknown).toMatchObject({ result: { data: expect.any(Array) as unknown } });
    const page = await rawGet(`${base}/kommune/5001`, { cookie, "accept-encoding": "gzip" });
    expect([page.headers["content-encoding"], page.headers["cache-control"]]).toEqual(["gzip", "no-store"]);

    const secret = await fetch(`${base}/trpc/auth.signIn`, {
      method: "POST",
      headers: { ...JSON_CSRF, "accept-encoding": "gzip, br" },
      body: JSON.stringify({ email: "manager.5001@demo.example", password: TEST_PASSWORD }),
    });
    expect(secret.headers.get("content-encoding")).toBeNull();
    const batch = await rawGet(`${base}/trpc/municipalities.list,auth.me?batch=1&input=${encodeURIComponent("{}")}`, { cookie, "accept-encoding": "br" });
    expect(batch.headers["content-encoding"]).toBeUndefined();
    const health = await rawGet(`${base}/healthz`, { "accept-encoding": "br" });
    expect(health.headers["content-encoding"]).toBeUndefined();
  });
});

describe("OpenID Connect routes", () => {
  /** Just enough of a provider for the first leg: its discovery document. */
  async function discoveryOnly() {
    let issuer = "";
    const server = createServer((req, res) => {
      if (req.url !== "/.well-known/openid-configuration") return void res.writeHead(404).end();
      res.writeHead(200, { "content-type": "application/json" }).end(
        JSON.stringify({ issuer, authorization_endpoint: `${issuer}/authorize`, token_endpoint: `${issuer}/token`, jwks_uri: `${issuer}/jwks`, response_types_supported: ["code"], subject_types_supported: ["public"], id_token_signing_alg_values_supported: ["RS256"] }),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    cleanups.push(() => server.close());
    return issuer;
  }

  it("sends the browser to the provider with PKCE (S256), state and nonce, and binds the state to this browser in an HttpOnly cookie", async () => {
    const issuer = await discoveryOnly();
    const { base, connection } = await startApp({ publicOrigin: "self", identityProviders: [EnvIdentityProviderSchema.parse({ slug: "kommune", name: "Kommunen", issuer, clientId: "malestokk", clientSecret: "secret" })] });
    const res = await fetch(`${base}/auth/oidc/kommune/start?returnTo=%2Fkommune%2F5001`, { redirect: "manual" });
    expect(res.status).toBe(303);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const location = new URL(res.headers.get("location") ?? "");
    expect(location.origin + location.pathname).toBe(`${issuer}/authorize`);
    expect(Object.fromEntries(location.searchParams)).toMatchObject({ client_id: "malestokk", response_type: "code", redirect_uri: `${base}/auth/oidc/callback`, code_challenge_method: "S256", scope: "openid email profile" });
    for (const name of ["state", "nonce", "code_challenge"]) expect(location.searchParams.get(name)?.length).toBeGreaterThanOrEqual(43);
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(new RegExp(`^malestokk_oidc_state=${location.searchParams.get("state")};`));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    // Only a hash of the state is kept; the verifier never leaves the server.
    const row = connection.sqlite.prepare("select * from oidc_sign_ins").get() as { state_hash: string; return_to: string; code_verifier: string };
    expect(row.state_hash).not.toBe(location.searchParams.get("state"));
    expect(row.return_to).toBe("/kommune/5001");
    expect(location.href).not.toContain(row.code_verifier);
  });

  it("builds the redirect URI from PUBLIC_ORIGIN only: a forged Host header cannot change it", async () => {
    const issuer = await discoveryOnly();
    const { base } = await startApp({ publicOrigin: "https://malestokk.example", identityProviders: [EnvIdentityProviderSchema.parse({ slug: "kommune", name: "Kommunen", issuer, clientId: "malestokk" })] });
    const { port } = new URL(base);
    const location = await new Promise<string>((resolve, reject) => {
      const req = httpRequest({ host: "127.0.0.1", port, path: "/auth/oidc/kommune/start", headers: { host: "evil.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "http" } }, (res) => {
        res.resume();
        resolve(res.headers.location ?? "");
      });
      req.on("error", reject);
      req.end();
    });
    expect(new URL(location).searchParams.get("redirect_uri")).toBe("https://malestokk.example/auth/oidc/callback");
  });

  it("refuses provider sign-in while PUBLIC_ORIGIN is unset, rather than trusting the Host header, and says why", async () => {
    const issuer = await discoveryOnly();
    const { base, connection } = await startApp({ identityProviders: [EnvIdentityProviderSchema.parse({ slug: "kommune", name: "Kommunen", issuer, clientId: "malestokk" })] });
    const start = await fetch(`${base}/auth/oidc/kommune/start`, { redirect: "manual" });
    expect([start.status, start.headers.get("location")]).toEqual([303, "/?innlogging=noPublicOrigin"]);
    expect(connection.sqlite.prepare("select count(*) as n from oidc_sign_ins").get()).toEqual({ n: 0 });
    const callback = await fetch(`${base}/auth/oidc/callback?code=abc&state=${"s".repeat(43)}`, { redirect: "manual", headers: { cookie: `malestokk_oidc_state=${"s".repeat(43)}` } });
    expect(callback.headers.get("location")).toBe("/?innlogging=noPublicOrigin");
  });

  it("caps the unfinished sign-ins one address may start, so a flood cannot fill the database", async () => {
    const issuer = await discoveryOnly();
    const { base, connection } = await startApp({ publicOrigin: "self", identityProviders: [EnvIdentityProviderSchema.parse({ slug: "kommune", name: "Kommunen", issuer, clientId: "malestokk" })] });
    const start = () => fetch(`${base}/auth/oidc/kommune/start`, { redirect: "manual" }).then((r) => r.headers.get("location") ?? "");
    for (let i = 0; i < 20; i++) expect(await start()).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/authorize\?/);
    expect(await start()).toBe("/?innlogging=busy");
    expect(connection.sqlite.prepare("select count(*) as n from oidc_sign_ins").get()).toEqual({ n: 20 });
  });

  it("sends a refusal back to the sign-in page with the reason: unknown provider, provider down, a callback without this browser's state", async () => {
    const { base } = await startApp({ publicOrigin: "self", identityProviders: [EnvIdentityProviderSchema.parse({ slug: "nede", name: "Nede", issuer: "http://127.0.0.1:9", clientId: "m" })] });
    const unknown = await fetch(`${base}/auth/oidc/ukjent/start`, { redirect: "manual" });
    expect([unknown.status, unknown.headers.get("location")]).toEqual([303, "/?innlogging=unknownProvider"]);
    const down = await fetch(`${base}/auth/oidc/nede/start`, { redirect: "manual" });
    expect(down.headers.get("location")).toBe("/?innlogging=providerUnavailable");
    const planted = await fetch(`${base}/auth/oidc/callback?code=abc&state=${"s".repeat(43)}`, { redirect: "manual" });
    expect(planted.headers.get("location")).toBe("/?innlogging=wrongState");
    expect(planted.headers.get("set-cookie")).toMatch(/^malestokk_oidc_state=;/);
  });
});

describe("the web app's page", () => {
  it("marks the root element when the database holds demo data, so the banner is there from the first paint", async () => {
    const { base, connection } = await startApp({ webDist: true });
    expect(await (await fetch(`${base}/kommune/4601`)).text()).toContain('<html data-demo="on" lang="nb">');
    connection.sqlite.prepare("update indicator_values set is_demo = 0").run();
    connection.sqlite.prepare("update app_counters set value = value + 1 where key = 'dataVersion'").run();
    expect(await (await fetch(`${base}/kommune/4601`)).text()).toContain('<html lang="nb">');
  });

  it("carries who is signed in as a JSON block, escaped, and is never cached", async () => {
    const { base, signIn } = await startApp({ webDist: true });
    const bootstrap = (html: string) => JSON.parse(/<script type="application\/json" id="malestokk-bootstrap">(.*?)<\/script>/.exec(html)?.[1] ?? "null") as { me: { email: string; grants: { role: string }[] } | null };
    const anonymous = await fetch(`${base}/`);
    expect(anonymous.headers.get("cache-control")).toBe("no-store");
    expect(bootstrap(await anonymous.text()).me).toBeNull();
    const { cookie } = await signIn("finance.0301@demo.example");
    const page = await (await fetch(`${base}/kommune/0301`, { headers: { cookie } })).text();
    expect(bootstrap(page).me).toMatchObject({ email: "finance.0301@demo.example", grants: [{ role: "finance" }] });
    expect(withBootstrap("<head></head>", { name: "</script><script>alert(1)</script>" })).not.toContain("</script><script>");
  });
});

