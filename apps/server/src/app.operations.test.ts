import { pino } from "pino";
import { describe, expect, it } from "vitest";

import { startApp } from "./test-helpers";

describe("GET /healthz and /readyz", () => {
  it("says the process is alive, and ready when the database answers with every migration applied", async () => {
    const { base } = await startApp();
    const alive = await fetch(`${base}/healthz`);
    expect(alive.status).toBe(200);
    expect(await alive.json()).toEqual({ status: "ok" });
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({
      status: "ready",
      database: "ok",
      migrations: { latest: expect.stringMatching(/^\d{4}_/) as unknown },
    });
  });

  it("is not ready with a migration missing, nor when the database is gone; still alive", async () => {
    const { base, connection } = await startApp();
    connection.sqlite
      .prepare("delete from __drizzle_migrations where created_at = (select max(created_at) from __drizzle_migrations)")
      .run();
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
      expect.objectContaining({
        level: 40,
        path: "costs.report",
        email: "finance.0301@demo.example",
        ip: "127.0.0.1",
        requestId: res.headers.get("x-request-id"),
      }),
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
    expect((await fetch(`${base}/healthz`, { headers: { "x-request-id": "proxy-1234-abcd" } })).headers.get("x-request-id")).toBe(
      "proxy-1234-abcd",
    );
    // A forged id (spaces, quotes) is replaced by a fresh one.
    expect((await fetch(`${base}/healthz`, { headers: { "x-request-id": 'bad "id" here' } })).headers.get("x-request-id")).toMatch(
      /^[0-9a-f-]{36}$/,
    );
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
    const call = (name: string, i: number) =>
      fetch(
        `${base}/trpc/${[name, `${name},${name}z`, `municipalities.list,${name}`][i % 3]}${i % 3 === 0 ? "" : "?batch=1&input=%7B%7D"}`,
      );
    for (let i = 0; i < 3; i++) await call("x".repeat(80), i);
    await fetch(`${base}/metrics`);
    const first = await metricsOnce(
      base,
      'malestokk_http_request_duration_seconds_count{procedure="trpc.unknown"} 3\n',
      'malestokk_http_request_duration_seconds_count{procedure="metrics"}',
    );
    for (let i = 0; i < 200; i++) await call(`${Math.random().toString(36).slice(2)}.${"y".repeat(i % 70)}`, i);
    const after = await metricsOnce(base, 'malestokk_http_request_duration_seconds_count{procedure="trpc.unknown"} 203\n');
    expect(series(after)).toEqual(series(first));
    expect(after.length).toBeLessThan(first.length + 500);
    expect(new Set([...after.matchAll(/procedure="([^"]*)"/g)].map((m) => m[1]))).toEqual(
      new Set(["municipalities.list", "trpc.unknown", "metrics"]),
    );
    expect(after).toMatch(/malestokk_http_request_duration_seconds_count\{procedure="trpc.unknown"\} 203\n/);
  });
});
