import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import { populationFixture2022 } from "@malestokk/domain";
import { afterEach, describe, expect, it } from "vitest";

import { AppError } from "../../errors";
import { fetchStatisticsFile } from "./fetch-file";

const servers: Server[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
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
  it("refuses hosts other than Statistics Norway's, and plain HTTP", async () => {
    expect((await rejection(fetchStatisticsFile("https://evil.example/07459.json"))).issues[0]?.code).toBe("HOST_NOT_ALLOWED");
    expect((await rejection(fetchStatisticsFile("http://data.ssb.no/api/v0/no/table/07459"))).issues[0]?.code).toBe("HOST_NOT_ALLOWED");
    expect((await rejection(fetchStatisticsFile("http://169.254.169.254/latest"))).issues[0]?.code).toBe("HOST_NOT_ALLOWED");
    expect((await rejection(fetchStatisticsFile("not a url"))).issues[0]?.code).toBe("invalid_format");
  });

  it("fetches a file from an allowed host", async () => {
    const base = await serve((_req, res) => res.end(populationFixture2022()));
    const text = await fetchStatisticsFile(`${base}/07459.json`, { allowedHosts: ["127.0.0.1"], allowHttp: true });
    expect(JSON.parse(text)).toMatchObject({ class: "dataset" });
  });

  it("refuses a redirect and an error status", async () => {
    const base = await serve((req, res) => {
      if (req.url === "/moved") {
        res.writeHead(302, { location: "https://evil.example/" }).end();
      } else res.writeHead(404).end();
    });
    expect((await rejection(fetchStatisticsFile(`${base}/moved`, { allowedHosts: ["127.0.0.1"], allowHttp: true }))).params.reason).toBe("FETCH_FAILED");
    expect((await rejection(fetchStatisticsFile(`${base}/missing`, { allowedHosts: ["127.0.0.1"], allowHttp: true }))).params).toMatchObject({ reason: "FETCH_FAILED", status: 404 });
  });
});
