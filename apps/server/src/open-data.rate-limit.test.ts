import { describe, expect, it } from "vitest";

import { startApp } from "./test-helpers";

// The open pages' anonymous tRPC reads draw on the public API's budget per address (docs/open-data.md#api).

interface TrpcError {
  error: { code: number; data: { httpStatus: number; path: string; appError: { code: string; params: { retryAfterSeconds: number } } } };
}

async function limited(limit: number) {
  const app = await startApp({ openData: { rateLimit: { limit, windowSeconds: 60 } } });
  const input = (value: unknown) => encodeURIComponent(JSON.stringify(value));
  const read = (path: string, headers: Record<string, string> = {}) => fetch(`${app.base}/trpc/${path}`, { headers });
  return { ...app, input, read };
}

describe("open pages' tRPC reads: the rate limit per address", () => {
  it("refuses an anonymous caller's open.* reads over the budget with 429, Retry-After and RATE_LIMITED, a batch's call by call", async () => {
    const { read, input, base } = await limited(3);
    expect((await read("open.licence")).status).toBe(200);
    const indicator = await read(`open.indicator?input=${input({ indicatorCode: "K1" })}`);
    expect(indicator.status).toBe(200);
    expect(indicator.headers.get("ratelimit-limit")).toBe("3");
    expect(indicator.headers.get("ratelimit-remaining")).toBe("1");
    expect((await read("open.licence")).status).toBe(200);

    const refused = await read(`open.municipality?input=${input({ municipalityNumber: "0301" })}`);
    expect(refused.status).toBe(429);
    const wait = Number(refused.headers.get("retry-after"));
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60);
    expect(refused.headers.get("cache-control")).toBe("no-store");
    const body = (await refused.json()) as TrpcError;
    expect(body.error.data).toMatchObject({
      httpStatus: 429,
      path: "open.municipality",
      appError: { code: "RATE_LIMITED", params: { retryAfterSeconds: wait } },
    });

    // A batch (what the web's client sends) gets one error per call, as tRPC answers a batch.
    const batch = await read(`open.licence,open.indicator?batch=1&input=${input({ "1": { indicatorCode: "K1" } })}`);
    expect(batch.status).toBe(429);
    const answers = (await batch.json()) as TrpcError[];
    expect(answers.map((a) => [a.error.data.path, a.error.data.appError.code])).toEqual([
      ["open.licence", "RATE_LIMITED"],
      ["open.indicator", "RATE_LIMITED"],
    ]);

    // One budget with the HTTP API: the address has spent it there too.
    expect((await fetch(`${base}/api/v1/indicators`)).status).toBe(429);
  });

  it("counts each call of a batch, on the budget the API draws on too", async () => {
    const { read, input, base } = await limited(3);
    expect((await fetch(`${base}/api/v1/indicators`)).status).toBe(200);
    const twoCalls = await read(`open.licence,open.indicator?batch=1&input=${input({ "1": { indicatorCode: "K1" } })}`);
    expect(twoCalls.status).toBe(200);
    expect(twoCalls.headers.get("ratelimit-remaining")).toBe("0");
    expect((await read("open.licence")).status).toBe(429);
  });

  it("leaves signed-in users' calls and anonymous calls outside open.* uncounted", async () => {
    const { read, signIn } = await limited(1);
    for (let i = 0; i < 3; i++) expect((await read("auth.me")).status).toBe(200);
    const { cookie } = await signIn("finance.0301@demo.example");
    for (let i = 0; i < 3; i++) {
      const own = await read("open.licence", { cookie });
      expect(own.status).toBe(200);
      expect(own.headers.get("ratelimit-limit")).toBeNull();
    }
    expect((await read("open.licence")).status).toBe(200);
    expect((await read("open.licence")).status).toBe(429);
    expect((await read("open.licence", { cookie })).status).toBe(200);
  });
});
