import { describe, expect, it } from "vitest";

import { MAX_BATCH_SIZE } from "./app";
import { CSRF, JSON_CSRF, startApp } from "./test-helpers";

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
    const crossSite = await fetch(`${base}/trpc/auth.signOut`, {
      method: "POST",
      headers: { ...CSRF, cookie, "sec-fetch-site": "cross-site" },
    });
    expect(crossSite.status).toBe(403);
    const foreignOrigin = await fetch(`${base}/trpc/auth.signOut`, {
      method: "POST",
      headers: { ...CSRF, cookie, origin: "https://evil.example" },
    });
    expect(foreignOrigin.status).toBe(403);
  });

  it("compares the Origin's scheme, host and port, not the host alone", async () => {
    const { base, signIn } = await startApp();
    const { cookie } = await signIn();
    const post = (origin: string) =>
      fetch(`${base}/trpc/auth.me`, { method: "POST", headers: { ...JSON_CSRF, cookie, origin }, body: "{}" }).then((r) => r.status);
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
    const post = (origin: string) =>
      fetch(`${base}/trpc/auth.me`, { method: "POST", headers: { ...JSON_CSRF, cookie, origin }, body: "{}" }).then((r) => r.status);
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
