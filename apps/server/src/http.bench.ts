import { createServer, type RequestListener, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { createTestDb, TEST_PASSWORD } from "@malestokk/db/testing";
import express from "express";
import { afterAll, bench, describe } from "vitest";

import { createApp } from "./app";
import { createLogger } from "./logger";

// Issue 7: HTTP throughput of a benchmark read through the whole stack (Express, security
// middleware, session, tRPC, SQLite) against a bare Express endpoint that returns the same JSON.
// Report the ratio of the two; both run in the same process on the same machine.
const connection = createTestDb({ seed: true });
const app = createApp({
  connection,
  logger: createLogger("silent"),
  webDistDir: mkdtempSync(join(tmpdir(), "malestokk-bench-")),
  https: false,
});
const listen = (handler: RequestListener | express.Express) =>
  new Promise<Server>((resolve) => {
    const s = createServer(handler).listen(0, "127.0.0.1", () => resolve(s));
  });
const server = await listen(app);
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const signIn = await fetch(`${base}/trpc/auth.signIn`, {
  method: "POST",
  headers: { "content-type": "application/json", "x-malestokk-csrf": "1" },
  body: JSON.stringify({ email: "board@demo.example", password: TEST_PASSWORD }),
});
const cookie = (signIn.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
const input = encodeURIComponent(JSON.stringify({ indicatorCode: "K1", municipalityNumber: "1103", peerGroup: "kostra" }));
const seriesUrl = `${base}/trpc/benchmarks.series?input=${input}`;
const body = await (await fetch(seriesUrl, { headers: { cookie } })).text();

const bare = express();
bare.get("/series", (_req, res) => {
  res.type("application/json").send(body);
});
const bareServer = await listen(bare);
const bareUrl = `http://127.0.0.1:${(bareServer.address() as AddressInfo).port}/series`;

afterAll(() => {
  server.close();
  bareServer.close();
  connection.close();
});

describe("HTTP: K1 series for one municipality (same JSON)", () => {
  bench("baseline: bare Express endpoint", async () => {
    await (await fetch(bareUrl)).text();
  });
  bench("auth.me through the app (session and tRPC only)", async () => {
    await (await fetch(`${base}/trpc/auth.me`, { headers: { cookie } })).text();
  });
  bench("benchmarks.series through the app (session, tRPC, SQLite)", async () => {
    await (await fetch(seriesUrl, { headers: { cookie } })).text();
  });
});
