import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

import { populationFixture2022 } from "@malestokk/domain";
import { afterEach, describe, expect, it } from "vitest";

import { AppError } from "../../errors";
import { fetchStatisticsFile, MAX_FETCH_BYTES, type AllowedOrigin } from "./fetch-file";

const servers: Server[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

/** A local server over plain HTTP, and the only origin the fetch may reach in the test. */
async function serve(handler: Parameters<typeof createServer>[1]): Promise<{ base: string; origin: AllowedOrigin }> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return { base: `http://127.0.0.1:${port}`, origin: { protocol: "http:", hosts: ["127.0.0.1"], port } };
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error("expected a rejection");
}

describe("fetchStatisticsFile", () => {
  it("refuses hosts other than Statistics Norway's, any scheme but https, and any port but 443", async () => {
    const refusal = async (url: string) => (await rejection(fetchStatisticsFile(url))).issues[0];
    expect((await refusal("https://evil.example/07459.json"))?.code).toBe("HOST_NOT_ALLOWED");
    expect((await refusal("http://169.254.169.254/latest"))?.code).toBe("HOST_NOT_ALLOWED");
    expect((await refusal("file:///etc/passwd"))?.code).toBe("HOST_NOT_ALLOWED");
    expect((await refusal("not a url"))?.code).toBe("invalid_format");
    expect(await refusal("http://data.ssb.no/api/v0/no/table/07459")).toEqual({
      path: ["url"],
      code: "SCHEME_NOT_ALLOWED",
      params: { allowed: "https" },
    });
    expect(await refusal("ftp://data.ssb.no/07459")).toMatchObject({ code: "SCHEME_NOT_ALLOWED" });
    expect(await refusal("https://data.ssb.no:8443/api/v0/no/table/07459")).toEqual({
      path: ["url"],
      code: "PORT_NOT_ALLOWED",
      params: { port: "8443", allowed: "443" },
    });
    expect(await refusal("https://data.ssb.no:22/")).toMatchObject({ code: "PORT_NOT_ALLOWED" });
  });

  it("fetches a file from an allowed origin, and from no other port of that host", async () => {
    const { base, origin } = await serve((_req, res) => res.end(populationFixture2022()));
    const text = await fetchStatisticsFile(`${base}/07459.json`, { origin });
    expect(JSON.parse(text)).toMatchObject({ class: "dataset" });
    const otherPort = await rejection(fetchStatisticsFile(`${base}/07459.json`, { origin: { ...origin, port: origin.port + 1 } }));
    expect(otherPort.issues[0]).toMatchObject({ code: "PORT_NOT_ALLOWED", params: { port: String(origin.port) } });
  });

  it("stops reading a chunked answer as soon as it passes the size limit, and refuses it as too large", async () => {
    let sent = 0;
    const { base, origin } = await serve((_req, res) => {
      // Chunked (no Content-Length): 200 MB, written only as fast as the client reads.
      res.writeHead(200, { "content-type": "application/json" });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const pump = () => {
        while (sent < 200_000_000) {
          if (res.destroyed) return;
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once("drain", pump);
        }
        res.end();
      };
      pump();
    });
    const error = await rejection(fetchStatisticsFile(`${base}/07459.json`, { origin }));
    expect(error.params).toEqual({ reason: "TOO_LARGE", limit: MAX_FETCH_BYTES });
    // What was read is the limit and what the sockets held, not the 200 MB sent.
    expect(sent).toBeLessThan(MAX_FETCH_BYTES + 16_000_000);
  });

  it("gives up on an answer that stalls halfway, within the timeout, even when garbage collection runs meanwhile", async () => {
    // A busy server collects garbage while a download waits; a timeout held only weakly (as
    // AbortSignal.any holds AbortSignal.timeout on Node 20) was collected and never fired.
    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as () => void;
    const { base, origin } = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"class":');
      const collecting = setInterval(gc, 20);
      res.on("close", () => clearInterval(collecting));
    });
    const started = performance.now();
    const outcome = await Promise.race([
      rejection(fetchStatisticsFile(`${base}/07459.json`, { origin, timeoutMs: 300 })),
      new Promise<null>((resolve) => setTimeout(() => resolve(null), 3_000)),
    ]);
    expect(outcome?.params).toEqual({ reason: "FETCH_FAILED" });
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it("refuses a redirect and an error status", async () => {
    const { base, origin } = await serve((req, res) => {
      if (req.url === "/moved") {
        res.writeHead(302, { location: "https://evil.example/" }).end();
      } else res.writeHead(404).end();
    });
    expect((await rejection(fetchStatisticsFile(`${base}/moved`, { origin }))).params.reason).toBe("FETCH_FAILED");
    expect((await rejection(fetchStatisticsFile(`${base}/missing`, { origin }))).params).toMatchObject({
      reason: "FETCH_FAILED",
      status: 404,
    });
  });
});
