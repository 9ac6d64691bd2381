import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { createTestDb, TEST_PASSWORD } from "@malestokk/db/testing";
import { strToU8, zipSync } from "fflate";
import { afterEach, describe, expect, it } from "vitest";

import { createApp } from "./app";
import { createLogger } from "./logger";

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const fn of cleanups.splice(0).reverse()) fn();
});

const JSON_CSRF = { "content-type": "application/json", "x-malestokk-csrf": "1" };
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

function workbook(sheetData: string): Uint8Array {
  return zipSync(
    {
      "xl/workbook.xml": strToU8(`<workbook xmlns:r="${REL}"><sheets><sheet name="Ark1" r:id="rId1"/></sheets></workbook>`),
      "xl/_rels/workbook.xml.rels": strToU8(
        `<Relationships><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      ),
      "xl/worksheets/sheet1.xml": strToU8(`<worksheet><sheetData>${sheetData}</sheetData></worksheet>`),
    },
    { level: 9 },
  );
}

async function startSignedIn() {
  const connection = createTestDb({ seed: true });
  const dir = mkdtempSync(join(tmpdir(), "malestokk-web-"));
  const app = createApp({ connection, logger: createLogger("silent"), webDistDir: dir, identityProviders: [] });
  const server: Server = await new Promise((resolve) => {
    const s = createServer(app).listen(0, "127.0.0.1", () => resolve(s));
  });
  cleanups.push(() => {
    server.close();
    connection.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const res = await fetch(`${base}/trpc/auth.signIn`, {
    method: "POST",
    headers: JSON_CSRF,
    body: JSON.stringify({ email: "finance.0301@demo.example", password: TEST_PASSWORD }),
  });
  const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  // 0301's 2025 report back with finance as a draft, so a dry run gets as far as reading the file
  // (it refuses an approved report first, as the import would).
  const report = connection.sqlite
    .prepare(
      "UPDATE cost_reports SET status = 'returned' WHERE year = 2025 AND organisation_id = (SELECT id FROM organisations WHERE number = '0301') RETURNING version",
    )
    .get() as { version: number };
  return { base, cookie, version: report.version };
}

/** Polls /healthz until `work` settles; returns the slowest answer in milliseconds. */
async function slowestHealthCheck(base: string, work: Promise<unknown>): Promise<{ slowest: number; checks: number }> {
  let done = false;
  void work.finally(() => (done = true));
  let slowest = 0;
  let checks = 0;
  while (!done) {
    const started = performance.now();
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    slowest = Math.max(slowest, performance.now() - started);
    checks++;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return { slowest, checks };
}

describe("uploads are read off the event loop", () => {
  it.each([
    ["160 000 unclosed rows (2 kB)", "<row>".repeat(160_000), "DAMAGED"],
    [
      "40 000 well-formed rows (85 kB)",
      `<row>${'<c t="inlineStr"><is><t>Drift og forvaltning</t></is></c>'.repeat(8)}</row>`.repeat(40_000),
      "MISSING_COLUMN",
    ],
  ])("/healthz answers within 100 ms while %s are read", { timeout: 120_000 }, async (_, sheetData, refusal) => {
    const { base, cookie, version } = await startSignedIn();
    const contentBase64 = Buffer.from(workbook(sheetData)).toString("base64");
    // A first file starts the reader's worker, which is not what this measures.
    const warmUp = Buffer.from(workbook("")).toString("base64");
    const upload = (content: string) =>
      fetch(`${base}/trpc/costs.importFile`, {
        method: "POST",
        headers: { ...JSON_CSRF, cookie },
        body: JSON.stringify({
          municipalityNumber: "0301",
          year: 2025,
          expectedVersion: version,
          fileName: "kostnader.xlsx",
          contentBase64: content,
          dryRun: true,
        }),
      }).then(async (res) => ({
        status: res.status,
        body: (await res.json()) as { result?: { data?: { fileError?: { code: string } } } },
      }));
    expect((await upload(warmUp)).status).toBe(200);

    // The same polling with nothing being read: what a busy machine adds on its own, so that the
    // bound is 100 ms beyond it (a blocked loop stalled 2.4 s and 24 s on these files).
    const idle = await slowestHealthCheck(base, new Promise((resolve) => setTimeout(resolve, 1_000)));
    const reading = upload(contentBase64);
    const { slowest, checks } = await slowestHealthCheck(base, reading);
    const reply = await reading;
    expect(reply.body.result?.data?.fileError?.code).toBe(refusal);
    expect(checks).toBeGreaterThan(0);
    expect(slowest).toBeLessThan(100 + idle.slowest);
  });
});
