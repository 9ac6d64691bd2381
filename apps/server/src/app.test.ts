import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { createTestDb, type DbConnection } from "@malestokk/db/testing";
import { afterEach, describe, expect, it } from "vitest";

import { createApp, MAX_BATCH_SIZE } from "./app";
import { createLogger } from "./logger";

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const fn of cleanups.splice(0).reverse()) fn();
});

async function startApp(options: { webDist?: boolean } = {}): Promise<{ base: string; connection: DbConnection }> {
  const connection = createTestDb({ seed: true });
  const dir = mkdtempSync(join(tmpdir(), "malestokk-web-"));
  if (options.webDist) writeFileSync(join(dir, "index.html"), "<!doctype html><title>Målestokk</title>");
  const app = createApp({ connection, logger: createLogger("silent"), webDistDir: dir });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  cleanups.push(() => {
    server.close();
    connection.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, connection };
}

describe("GET /healthz", () => {
  it("answers 200 when the database answers", async () => {
    const { base } = await startApp();
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", database: "ok" });
  });

  it("answers 503 when the database is gone", async () => {
    const { base, connection } = await startApp();
    connection.close();
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(503);
  });
});

describe("/trpc over HTTP", () => {
  it("returns 357 municipalities from municipalities.list", async () => {
    const { base } = await startApp();
    const res = await fetch(`${base}/trpc/municipalities.list`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const body = (await res.json()) as { result: { data: unknown[] } };
    expect(body.result.data).toHaveLength(357);
  });

  it("sends validation errors as codes with field paths", async () => {
    const { base } = await startApp();
    const res = await fetch(`${base}/trpc/costs.saveTotal`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ municipalityNumber: "0301", year: 2024, totalItCost: -5, expectedVersion: 1 }),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { data: { appError: unknown; stack?: unknown } } };
    expect(body.error.data.appError).toEqual({
      code: "VALIDATION_FAILED",
      params: {},
      issues: [{ path: ["totalItCost"], code: "too_small", params: { minimum: 0, origin: "number", inclusive: true } }],
    });
    expect(body.error.data.stack).toBeUndefined();
  });

  it("sends domain errors with their HTTP status", async () => {
    const { base } = await startApp();
    const res = await fetch(`${base}/trpc/costs.saveTotal`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ municipalityNumber: "0301", year: 2024, totalItCost: 5, expectedVersion: 99 }),
    });
    expect(res.status).toBe(409);
    const body = (await res.json()) as { error: { data: { appError: { code: string } } } };
    expect(body.error.data.appError.code).toBe("VERSION_CONFLICT");
  });

  it("hides unexpected errors behind a generic message with an id", async () => {
    const { base, connection } = await startApp();
    connection.close();
    const res = await fetch(`${base}/trpc/municipalities.list`);
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
    const res = await fetch(`${base}/trpc/costs.saveTotal`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ padding: "x".repeat(2_000_000) }),
    });
    expect(res.status).toBe(413);
  });

  it("refuses an oversized batch", async () => {
    const { base } = await startApp();
    const paths = Array.from({ length: MAX_BATCH_SIZE + 180 }, () => "system.info").join(",");
    const res = await fetch(`${base}/trpc/${paths}?batch=1`);
    expect(res.status).toBe(400);
  });
});

describe("web app hosting", () => {
  it("serves index.html for client-side routes", async () => {
    const { base } = await startApp({ webDist: true });
    const res = await fetch(`${base}/kommune/0301?year=2024`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("<title>Målestokk</title>");
    expect(res.headers.get("content-security-policy")).toContain("object-src 'none'");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("explains how to build when the web app is missing", async () => {
    const { base } = await startApp();
    const res = await fetch(`${base}/`);
    expect(res.status).toBe(503);
    expect(await res.text()).toMatch(/pnpm build/);
  });
});
