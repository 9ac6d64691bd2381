import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { Client, openForEditing, preparedDatabase, reportBody, startServer, type ReportView, type RunningServer } from "./harness";

// Two people save the same report from the same version at the same moment: one wins, the other
// is told, and nothing is silently overwritten (docs/quality-targets.md#r-6).
const dir = mkdtempSync(join(tmpdir(), "malestokk-lost-update-"));
let server: RunningServer;
beforeAll(async () => {
  await preparedDatabase(join(dir, "db.sqlite"));
  server = await startServer(join(dir, "db.sqlite"));
});
afterAll(async () => {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe("lost updates", () => {
  it("lets exactly one of two concurrent saves from the same version win, 20 times over, and keeps the winner's content", async () => {
    const finance = await Client.signIn(server.base, "finance.0301@demo.example");
    const admin = await Client.signIn(server.base, "admin@demo.example");
    let version: number | null = await openForEditing(admin, "0301", 2025);
    const outcomes = { financeWon: 0, adminWon: 0 };
    for (let round = 0; round < 20; round += 1) {
      // Who sends first alternates, so each side wins sometimes.
      const send = [
        () => finance.mutate("costs.save", reportBody("0301", 2025, version, 1_000_000 + round)),
        () => admin.mutate("costs.save", reportBody("0301", 2025, version, 2_000_000 + round)),
      ];
      const [first, second] = round % 2 === 0 ? send : [...send].reverse();
      const replies = await Promise.all([first?.(), second?.()]);
      const [a, b] = round % 2 === 0 ? replies : [...replies].reverse();
      if (!a || !b) throw new Error("no reply");
      const statuses = [a.status, b.status].sort();
      expect(statuses).toEqual([200, 409]);
      const loser = a.status === 409 ? a : b;
      expect(loser.body?.error?.data?.appError?.code).toBe("VERSION_CONFLICT");
      const winner = a.status === 200 ? 1_000_000 + round : 2_000_000 + round;
      if (a.status === 200) outcomes.financeWon += 1;
      else outcomes.adminWon += 1;
      const view = Client.data<ReportView>(await finance.query("costs.report", { municipalityNumber: "0301", year: 2025 }), "report");
      expect(view.report?.totalItCost).toBe(winner);
      version = view.report?.version ?? null;
    }
    console.log(`lost updates: 20 rounds, finance won ${outcomes.financeWon}, admin won ${outcomes.adminWon}, 0 overwritten`);
  });
});
