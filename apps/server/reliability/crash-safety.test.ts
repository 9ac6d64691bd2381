import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { createDb } from "@malestokk/db";
import { COST_TYPES, costFileRows, IT_SERVICES, toCsv } from "@malestokk/domain";
import { afterAll, describe, expect, it } from "vitest";

import { Client, openForEditing, preparedDatabase, random, startServer, type ReportView } from "./harness";

// The server is killed with SIGKILL at random moments during a large import, 20 times; after each
// restart the database passes its integrity check and the import is whole or absent (docs/quality-targets.md#r-2).
const dir = mkdtempSync(join(tmpdir(), "malestokk-crash-"));
const path = join(dir, "db.sqlite");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ROUNDS = 20;
const SYSTEMS = 60;

function linesOf(report: { lines?: { amount: number }[] } | null) {
  return { count: report?.lines?.length ?? 0, sum: (report?.lines ?? []).reduce((s, l) => s + l.amount, 0) };
}

describe("crash safety", () => {
  it(`keeps the database intact and an import whole or absent across ${ROUNDS} SIGKILLs during a large import`, async () => {
    await preparedDatabase(path);
    let server = await startServer(path);
    let admin = await Client.signIn(server.base, "admin@demo.example");
    await openForEditing(admin, "0301", 2025);
    // Enough fagsystemer for a file of 5 services × 5 cost types × (1 + every system) lines: about 1 600.
    for (let i = 0; i < SYSTEMS; i += 1) {
      Client.data(
        await admin.mutate("systems.save", {
          municipalityNumber: "0301",
          id: null,
          expectedVersion: null,
          name: `Krasj-system ${i}`,
          vendor: null,
          systemClass: "other",
          svarUt: false,
          inUseFrom: null,
          inUseTo: null,
        }),
        "system",
      );
    }
    const view = Client.data<ReportView & { systems: { id: number; name: string }[] }>(
      await admin.query("costs.report", { municipalityNumber: "0301", year: 2025 }),
      "report",
    );
    const systemIds = [null, ...view.systems.map((s) => s.id)];
    const file = (base: number) => {
      const lines = systemIds.flatMap((systemId, s) =>
        IT_SERVICES.flatMap((service, i) =>
          COST_TYPES.map((costType, j) => ({
            service,
            costType,
            systemId,
            amount: base + s * 100 + i * 10 + j,
            comment: `linje ${s}-${i}-${j}`,
          })),
        ),
      );
      return {
        base64: Buffer.from(toCsv(costFileRows(lines, view.systems, "nb"))).toString("base64"),
        count: lines.length,
        sum: lines.reduce((a, l) => a + l.amount, 0),
      };
    };
    const files = [file(1_000), file(2_000)];

    // How long one import takes, to kill within it.
    const started = performance.now();
    const timed = Client.data<ReportView>(await admin.query("costs.report", { municipalityNumber: "0301", year: 2025 }), "report");
    Client.data(
      await admin.mutate("costs.importFile", {
        municipalityNumber: "0301",
        year: 2025,
        expectedVersion: timed.report?.version ?? null,
        fileName: "stor.csv",
        contentBase64: files[0]?.base64,
        dryRun: false,
      }),
      "import",
    );
    const importMs = performance.now() - started;

    const seed = Date.now();
    const next = random(seed);
    const outcomes = { whole: 0, absent: 0 };
    for (let round = 0; round < ROUNDS; round += 1) {
      const before = Client.data<ReportView & { report: { lines: { amount: number }[] } | null }>(
        await admin.query("costs.report", { municipalityNumber: "0301", year: 2025 }),
        "report",
      );
      const previous = linesOf(before.report);
      const target = files[(round + 1) % 2] ?? files[0];
      if (!target) throw new Error("no file");
      const sending = admin
        .mutate("costs.importFile", {
          municipalityNumber: "0301",
          year: 2025,
          expectedVersion: before.report?.version ?? null,
          fileName: "stor.csv",
          contentBase64: target.base64,
          dryRun: false,
        })
        .catch(() => null);
      await new Promise((r) => setTimeout(r, next() * importMs * 1.2));
      await server.kill();
      await sending;

      const check = createDb(path);
      expect(check.sqlite.pragma("integrity_check", { simple: true }), `round ${round} (seed ${seed})`).toBe("ok");
      expect(check.sqlite.pragma("foreign_key_check")).toEqual([]);
      check.close();

      server = await startServer(path);
      admin = await Client.signIn(server.base, "admin@demo.example");
      const after = linesOf(
        Client.data<ReportView & { report: { lines: { amount: number }[] } | null }>(
          await admin.query("costs.report", { municipalityNumber: "0301", year: 2025 }),
          "report",
        ).report,
      );
      const whole = after.count === target.count && after.sum === target.sum;
      const absent = after.count === previous.count && after.sum === previous.sum;
      expect(
        whole || absent,
        `round ${round} (seed ${seed}): ${JSON.stringify({ after, previous, target: { count: target.count, sum: target.sum } })}`,
      ).toBe(true);
      if (whole) outcomes.whole += 1;
      else outcomes.absent += 1;
    }
    await server.stop();
    console.log(
      `crash safety: ${ROUNDS} SIGKILLs within a ${Math.round(importMs)} ms import of ${files[0]?.count} lines: ${outcomes.whole} whole, ${outcomes.absent} absent, 0 partial, integrity ok every time (seed ${seed})`,
    );
  });
});
