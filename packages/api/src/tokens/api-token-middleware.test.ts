import type { AddressInfo } from "node:net";

// The middleware is written for Express without importing it; its test runs it in a tiny Express app, as
// the /api/v1 router will (docs/security.md#api-tokens). Only this test imports Express in this package.
// eslint-disable-next-line @typescript-eslint/no-restricted-imports
import express from "express";
import { afterEach, describe, expect, it } from "vitest";

import { FIXED_NOW, setupApi } from "../test-helpers";
import { apiTokenMiddleware } from "./api-token-middleware";

const servers: { close(): void }[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

/** A tiny app as `/api/v1` will use it: the middleware, then a route that says who reads. */
async function start() {
  const api = setupApi();
  const app = express();
  app.use(apiTokenMiddleware(api.db, { now: () => FIXED_NOW }));
  app.get("/who", (_req, res) => {
    const viewer: unknown = res.locals["apiViewer"];
    res.json({ viewer: viewer ?? null });
  });
  const server = app.listen(0, "127.0.0.1");
  servers.push(server);
  await new Promise<void>((resolve) => server.once("listening", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const get = (authorization?: string) => fetch(`${base}/who`, authorization === undefined ? {} : { headers: { authorization } });
  return { api, get };
}

describe("the API token middleware (issue 23, point 3)", () => {
  it("passes a request without a header on with no viewer, and sets the viewer for a valid token", async () => {
    const { api, get } = await start();
    const anonymous = await get();
    expect(anonymous.status).toBe(200);
    expect(await anonymous.json()).toEqual({ viewer: null });
    const { token, item } = await api
      .as("manager.0301@demo.example")
      .apiTokens.create({ municipalityNumber: "0301", name: "R", expiresInDays: 30 });
    const res = await get(`Bearer ${token}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ viewer: { tokenId: item.id, organisationId: item.organisationId, scope: "read-own" } });
  });

  it("answers 401 with WWW-Authenticate: Bearer error=invalid_token for malformed, unknown, revoked and expired tokens", async () => {
    const { api, get } = await start();
    const manager = api.as("manager.0301@demo.example");
    const revoked = await manager.apiTokens.create({ municipalityNumber: "0301", name: "Revoked", expiresInDays: 30 });
    await manager.apiTokens.revoke({ municipalityNumber: "0301", tokenId: revoked.item.id });
    // Its expiry moved to now: expired.
    const expiredRow = await manager.apiTokens.create({ municipalityNumber: "0301", name: "Expired", expiresInDays: 1 });
    api.sqlite.prepare("update api_tokens set expires_at = ? where id = ?").run(FIXED_NOW.toISOString(), expiredRow.item.id);

    const cases: Record<string, string> = {
      malformed: "Token abc",
      unknown: `Bearer mlst_aaaaaaaa_${"x".repeat(43)}`,
      revoked: `Bearer ${revoked.token}`,
      expired: `Bearer ${expiredRow.token}`,
    };
    for (const [reason, header] of Object.entries(cases)) {
      const res = await get(header);
      expect(res.status, reason).toBe(401);
      expect(res.headers.get("www-authenticate"), reason).toMatch(/^Bearer error="invalid_token", error_description="[^"]+"$/);
      expect(res.headers.get("cache-control"), reason).toBe("no-store");
      const body = (await res.json()) as { error: string; error_description: string };
      expect(body.error, reason).toBe("invalid_token");
      expect(body.error_description.toLowerCase(), reason).toContain(
        reason === "malformed" ? "bearer" : reason === "unknown" ? "not known" : reason,
      );
    }
  });
});
