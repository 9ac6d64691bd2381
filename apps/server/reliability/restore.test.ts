import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { createDb, getMunicipalityByNumber } from "@malestokk/db";
import { afterAll, describe, expect, it } from "vitest";

import { Client, openForEditing, preparedDatabase, reportBody, SERVER_DIR, startServer } from "./harness";

// A backup taken while reports are being written restores to a database that passes the integrity
// check and holds every report saved before the backup began (docs/quality-targets.md#r-5).
const dir = mkdtempSync(join(tmpdir(), "malestokk-restore-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(args: string[], databasePath: string) {
  return spawnSync(process.execPath, ["--import", "tsx", "src/cli.ts", ...args], {
    cwd: SERVER_DIR,
    env: { PATH: process.env.PATH ?? "", DATABASE_PATH: databasePath },
    encoding: "utf8",
  });
}

describe("backup under load, and restore", () => {
  it("restores a backup taken under write load: intact, with every report committed before it", async () => {
    const live = join(dir, "live.db");
    await preparedDatabase(live);
    const server = await startServer(live);
    const admin = await Client.signIn(server.base, "admin@demo.example");
    const municipalities = ["0301", "4601", "5001", "1103", "3301", "3201", "1506", "1804"];
    const versions = new Map<string, number | null>();
    for (const number of municipalities) versions.set(number, (await openForEditing(admin, number, 2025)) || null);
    // Every acknowledged save: municipality, version, total, and when the answer came.
    const committed: { number: string; version: number; total: number; at: number }[] = [];
    let writing = true;
    const writer = async (number: string) => {
      let n = 0;
      while (writing) {
        n += 1;
        const total = 1_000_000 + n;
        const reply = await admin.mutate("costs.save", reportBody(number, 2025, versions.get(number) ?? null, total));
        const data = Client.data<{ version: number }>(reply, `save ${number}`);
        versions.set(number, data.version);
        committed.push({ number, version: data.version, total, at: Date.now() });
      }
    };
    const writers = municipalities.map((m) => writer(m));
    await new Promise((r) => setTimeout(r, 1_000));
    const backupStarted = Date.now();
    // Asynchronously, so the writers go on while the backup runs.
    const backup = await new Promise<{ status: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, ["--import", "tsx", "src/cli.ts", "backup", join(dir, "under-load.db")], {
        cwd: SERVER_DIR,
        env: { PATH: process.env.PATH ?? "", DATABASE_PATH: live },
      });
      let stderr = "";
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      child.on("exit", (status) => resolve({ status, stderr }));
    });
    const duringBackup = committed.filter((c) => c.at >= backupStarted).length;
    await new Promise((r) => setTimeout(r, 500));
    writing = false;
    await Promise.all(writers);
    await server.stop();
    expect(backup.status, backup.stderr).toBe(0);

    // Restore into a fresh place, as an operator would on a new machine.
    const restored = join(dir, "restored.db");
    const result = cli(["restore", join(dir, "under-load.db")], restored);
    expect(result.status, result.stderr).toBe(0);
    const db = createDb(restored);
    expect(db.sqlite.pragma("integrity_check", { simple: true })).toBe("ok");
    const before = committed.filter((c) => c.at < backupStarted);
    const after = committed.filter((c) => c.at >= backupStarted);
    expect(before.length).toBeGreaterThan(20);
    for (const number of municipalities) {
      const id = getMunicipalityByNumber(db.db, number)?.id;
      const row = db.sqlite
        .prepare("select version, total_it_cost as total from cost_reports where organisation_id = ? and year = 2025")
        .get(id) as { version: number; total: number };
      const lastBefore = before.filter((c) => c.number === number).at(-1);
      // At least the last save acknowledged before the backup began, and a state that really was.
      expect(row.version).toBeGreaterThanOrEqual(lastBefore?.version ?? 0);
      const known = committed.find((c) => c.number === number && c.version === row.version);
      if (known) expect(row.total).toBe(known.total);
    }
    db.close();
    console.log(
      `restore: backup taken under ${municipalities.length} writers (${committed.length} saves: ${before.length} before the backup began, ${duringBackup} while it ran, ${after.length - duringBackup} after); restored intact with every save from before it`,
    );
  });
});
