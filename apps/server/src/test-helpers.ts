import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

import type { EnvIdentityProvider } from "@malestokk/domain";
import { createTestDb, TEST_PASSWORD, type DbConnection } from "@malestokk/db/testing";
import { afterEach, expect } from "vitest";

import { createApp, type AppOptions } from "./app";
import { createLogger, type Logger } from "./logger";

// What the app's HTTP tests share: the whole Express app on a free port over a copied database,
// an optional web build beside it, a sign-in, and everything closed after each test.

export const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const fn of cleanups.splice(0).reverse()) fn();
});

export const CSRF = { "x-malestokk-csrf": "1" };
export const JSON_CSRF = { "content-type": "application/json", ...CSRF };

export interface StartOptions {
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
  /** The web build's route map (`.vite/routes.json`), written before the app starts. */
  routes?: { path: string; source: string; public: boolean }[];
  /** The built index.html, instead of the minimal one. */
  indexHtml?: string;
  /** The public API's request budget and token viewer. */
  openData?: AppOptions["openData"];
}

export async function startApp(options: StartOptions = {}) {
  const connection: DbConnection = createTestDb({ seed: true });
  const dir = mkdtempSync(join(tmpdir(), "malestokk-web-"));
  if (options.webDist) {
    writeFileSync(
      join(dir, "index.html"),
      options.indexHtml ?? '<!doctype html><html lang="nb"><head><title>Målestokk</title></head></html>',
    );
    mkdirSync(join(dir, "assets"));
    writeFileSync(join(dir, "assets", "index-B5x3qL9a.js"), "export {};");
    writeFileSync(join(dir, "favicon.svg"), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  }
  if (options.manifest) {
    mkdirSync(join(dir, ".vite"), { recursive: true });
    writeFileSync(join(dir, ".vite", "manifest.json"), JSON.stringify(options.manifest));
  }
  if (options.routes) {
    mkdirSync(join(dir, ".vite"), { recursive: true });
    writeFileSync(join(dir, ".vite", "routes.json"), JSON.stringify(options.routes));
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
    ...(options.openData ? { openData: options.openData } : {}),
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

/** Oslo's 2024 cost report returned by its manager and saved again by its finance user as a draft of one line of `amount` kroner. */
export async function saveDraftCostReport(base: string, cookies: { finance: string; manager: string }, amount: number): Promise<void> {
  const common = { municipalityNumber: "0301", year: 2024 };
  const reportUrl = `${base}/trpc/costs.report?input=${encodeURIComponent(JSON.stringify(common))}`;
  const report = async () =>
    (
      (await (await fetch(reportUrl, { headers: { cookie: cookies.finance } })).json()) as {
        result: { data: { report: { version: number; status: string } } };
      }
    ).result.data.report;
  const post = (path: string, cookie: string, body: object) =>
    fetch(`${base}/trpc/${path}`, { method: "POST", headers: { ...JSON_CSRF, cookie }, body: JSON.stringify(body) });
  const returned = await post("costs.return", cookies.manager, {
    ...common,
    expectedVersion: (await report()).version,
    comment: "Rett tallene",
  });
  expect(returned.status).toBe(200);
  const saved = await post("costs.save", cookies.finance, {
    ...common,
    expectedVersion: (await report()).version,
    lines: [{ service: "operations", costType: "ownStaff", systemId: null, amount, comment: null }],
    itUserAccounts: null,
    employeesFte: null,
    populationOverride: null,
    grossOperatingExpenditureOverride: null,
    warningComments: {},
  });
  expect(saved.status).toBe(200);
}
