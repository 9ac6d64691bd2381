import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { Client, openForEditing, percentile, preparedDatabase, random, reportBody, startServer, type ReportView } from "./harness";

// 200 simulated users on loopback for 60 seconds (LOAD_SECONDS to shorten it locally), mixing
// benchmark reads with report writes: no errors, and the latency printed (docs/quality-targets.md#p-2).
const USERS = 200;
const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const dir = mkdtempSync(join(tmpdir(), "malestokk-load-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("load", () => {
  it(`serves ${USERS} concurrent users for ${SECONDS} s without an error`, async () => {
    const path = join(dir, "db.sqlite");
    await preparedDatabase(path);
    const server = await startServer(path);
    const admin = await Client.signIn(server.base, "admin@demo.example");
    const readers = await Promise.all(
      ["board@demo.example", "manager.0301@demo.example", "finance.4601@demo.example", "council@demo.example"].map((e) =>
        Client.signIn(server.base, e),
      ),
    );
    const municipalities = Client.data<{ number: string }[]>(await admin.query("municipalities.list", {}), "list").map((m) => m.number);
    // Each writer keeps its own municipality's 2025 report, so writes never meet (that is the lost-update test).
    const mine = municipalities.slice(0, USERS);
    const versions = new Map<string, number | null>();
    for (const number of mine) versions.set(number, (await openForEditing(admin, number, 2025)) || null);

    const INDICATORS = ["K1", "K2", "Q1", "S3"];
    const latency = { read: [] as number[], write: [] as number[] };
    const errors: string[] = [];
    const until = Date.now() + SECONDS * 1_000;
    const user = async (index: number) => {
      const next = random(index + 1);
      const number = mine[index] ?? "0301";
      while (Date.now() < until) {
        const started = performance.now();
        if (next() < 0.2) {
          const reply = await admin.mutate(
            "costs.save",
            reportBody(number, 2025, versions.get(number) ?? null, 1_000_000 + Math.floor(next() * 1_000_000)),
          );
          latency.write.push(performance.now() - started);
          if (reply.status !== 200) errors.push(`write ${number}: ${reply.status} ${JSON.stringify(reply.body?.error?.data?.appError)}`);
          else versions.set(number, (reply.body?.result?.data as { version: number }).version);
        } else {
          const reader = readers[index % readers.length] ?? admin;
          const target = municipalities[Math.floor(next() * municipalities.length)] ?? "0301";
          const reply =
            next() < 0.5
              ? await reader.query("benchmarks.series", {
                  indicatorCode: INDICATORS[Math.floor(next() * INDICATORS.length)],
                  municipalityNumber: target,
                  peerGroup: "kostra",
                })
              : await reader.query("benchmarks.profile", { municipalityNumber: target, peerGroup: "county" });
          latency.read.push(performance.now() - started);
          if (reply.status !== 200) errors.push(`read ${target}: ${reply.status}`);
        }
      }
    };
    await Promise.all(
      Array.from({ length: USERS }, (_, i) =>
        user(i).catch((error: unknown) => errors.push(`user ${i}: ${String(error)} (${String((error as Error).cause)})`)),
      ),
    );
    await server.stop();

    const all = [...latency.read, ...latency.write];
    const line = (name: string, values: number[]) =>
      `${name} ${values.length} requests, p50 ${percentile(values, 50).toFixed(1)} ms, p99 ${percentile(values, 99).toFixed(1)} ms`;
    console.log(
      `load: ${USERS} users for ${SECONDS} s, ${(all.length / SECONDS).toFixed(0)} requests/s, ${errors.length} errors; ${line("reads", latency.read)}; ${line("writes", latency.write)}; ${line("all", all)}`,
    );
    expect(errors.slice(0, 5)).toEqual([]);
    // Every report holds its last acknowledged save.
    for (const number of mine.slice(0, 20)) {
      const view = Client.data<ReportView>(
        await (
          await Client.signIn((await startServerOnce()).base, "admin@demo.example")
        ).query("costs.report", { municipalityNumber: number, year: 2025 }),
        "report",
      );
      expect(view.report?.version).toBe(versions.get(number));
    }
    await stopServerOnce();

    async function startServerOnce() {
      reopened ??= await startServer(path);
      return reopened;
    }
  });
});

let reopened: Awaited<ReturnType<typeof startServer>> | undefined;
async function stopServerOnce() {
  await reopened?.stop();
  reopened = undefined;
}
