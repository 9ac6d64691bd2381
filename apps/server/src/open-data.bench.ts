import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { readPublishedIndicatorValues, setPublicationDate, DEMO_FIRST_YEAR, DEMO_LAST_YEAR } from "@malestokk/db";
import { createTestDb } from "@malestokk/db/testing";
import { osloToday } from "@malestokk/domain";
import { afterAll, bench, describe } from "vitest";

import { createApp } from "./app";
import { createLogger } from "./logger";

// Issue 23: requests per second of the public API's `values` for one indicator × 357 municipalities ×
// 11 years (docs/open-data.md#api), as a ratio to the same published-figures query run raw in process;
// each answer built anew (as before the answer cache) and kept by data version (docs/open-data.md#caching).
// Every year published; the rate limit out of the way. Report the ratio of each to the baseline.
const connection = createTestDb({ seed: true });
for (let year = DEMO_FIRST_YEAR; year <= DEMO_LAST_YEAR; year++) setPublicationDate(connection.db, year, "2020-01-01");

async function serve(answers: "kept" | "built") {
  const app = createApp({
    connection,
    logger: createLogger("silent"),
    webDistDir: mkdtempSync(join(tmpdir(), "malestokk-bench-")),
    https: false,
    openData: { rateLimit: { limit: Number.MAX_SAFE_INTEGER, windowSeconds: 60 }, ...(answers === "built" ? { answers: null } : {}) },
  });
  const server = await new Promise<Server>((resolve) => {
    const s = createServer(app).listen(0, "127.0.0.1", () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/values?indicator=K1&year=${DEMO_FIRST_YEAR}-${DEMO_LAST_YEAR}`;
  return { server, url };
}
const built = await serve("built");
const kept = await serve("kept");
const first = await fetch(kept.url);
const etag = first.headers.get("etag") ?? "";
const rows = (JSON.parse(await first.text()) as { data: unknown[] }).data.length;
if (rows < 357 * 10) throw new Error(`expected about 357 × 11 values, got ${rows}`);

afterAll(() => {
  built.server.close();
  kept.server.close();
  connection.close();
});

describe(`open data: values of K1 × 357 municipalities × ${DEMO_LAST_YEAR - DEMO_FIRST_YEAR + 1} years (${rows} rows)`, () => {
  bench("baseline: readPublishedIndicatorValues raw, in process", () => {
    readPublishedIndicatorValues(
      connection.db,
      { indicatorCodes: ["K1"], fromYear: DEMO_FIRST_YEAR, toYear: DEMO_LAST_YEAR },
      osloToday(new Date()),
    );
  });
  bench("GET /api/v1/values through the app (JSON), each answer built anew", async () => {
    await (await fetch(built.url)).text();
  });
  bench("GET /api/v1/values through the app (JSON-stat), each answer built anew", async () => {
    await (await fetch(`${built.url}&format=jsonstat`)).text();
  });
  bench("GET /api/v1/values through the app (JSON), kept by data version", async () => {
    await (await fetch(kept.url)).text();
  });
  bench("GET /api/v1/values through the app (JSON-stat), kept by data version", async () => {
    await (await fetch(`${kept.url}&format=jsonstat`)).text();
  });
  bench("GET /api/v1/values through the app, If-None-Match: 304", async () => {
    await (await fetch(kept.url, { headers: { "if-none-match": etag } })).text();
  });
});
