import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";

import { BackupError, backupDatabase, checkBackup, migrationState, pruneBackups, restoreDatabase } from "./backup";
import { createDb, type DbConnection } from "./client";
import { runMigrations } from "./migrate";

const open: DbConnection[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const c of open.splice(0)) c.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "malestokk-backup-"));
  dirs.push(dir);
  return dir;
}

function migratedFile(path: string): DbConnection {
  const connection = createDb(path);
  open.push(connection);
  runMigrations(connection.sqlite, connection.db);
  return connection;
}

const errorCode = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error instanceof BackupError ? error.code : String(error);
  }
  return "no error";
};

describe("backup and restore", () => {
  it("says which migrations a database has", () => {
    const dir = tempDir();
    const live = migratedFile(join(dir, "live.db"));
    const state = migrationState(live.sqlite);
    expect(state.applied).toBe(state.known);
    expect(state.newer).toBe(false);
    expect(state.latest).toMatch(/^\d{4}_/);
  });

  it("copies a live database consistently while it is written to, and restores it, keeping the replaced file", async () => {
    const dir = tempDir();
    const live = migratedFile(join(dir, "live.db"));
    const insert = live.sqlite.prepare("insert into app_counters (key, value) values (?, ?)");
    for (let i = 0; i < 200; i += 1) insert.run(`before-${i}`, i);
    // Writes go on during the backup; the copy is the database at one moment, whole.
    const backingUp = backupDatabase(live.sqlite, join(dir, "copy.db"));
    for (let i = 0; i < 50; i += 1) insert.run(`during-${i}`, i);
    const result = await backingUp;
    expect(result.bytes).toBeGreaterThan(0);
    const state = checkBackup(join(dir, "copy.db"));
    expect(state.newer).toBe(false);
    const copy = new Database(join(dir, "copy.db"), { readonly: true });
    const counted = (copy.prepare("select count(*) as n from app_counters where key like 'before-%'").get() as { n: number }).n;
    copy.close();
    expect(counted).toBe(200);
    await expect(backupDatabase(live.sqlite, join(dir, "copy.db"))).rejects.toMatchObject({ code: "EXISTS" });

    // Restore needs the server stopped: a live database has a write-ahead log.
    expect(errorCode(() => restoreDatabase(join(dir, "copy.db"), join(dir, "live.db"), new Date("2026-11-28T10:00:00Z")))).toBe("IN_USE");
    live.close();
    const restored = restoreDatabase(join(dir, "copy.db"), join(dir, "live.db"), new Date("2026-11-28T10:00:00Z"));
    expect(restored.keptAs).toBe(join(dir, "live.db.before-restore-2026-11-28T10-00-00-000Z"));
    expect(existsSync(restored.keptAs ?? "")).toBe(true);
    const back = new Database(join(dir, "live.db"), { readonly: true });
    expect((back.prepare("select count(*) as n from app_counters where key like 'before-%'").get() as { n: number }).n).toBe(200);
    back.close();
  });

  it("refuses what is not a sound Målestokk backup of this version or older, and replaces nothing", () => {
    const dir = tempDir();
    const target = join(dir, "live.db");
    writeFileSync(target, "the current database");
    writeFileSync(join(dir, "text.db"), "not a database at all, just some text that is long enough to be read as a header");
    expect(errorCode(() => restoreDatabase(join(dir, "text.db"), target, new Date()))).toBe("NOT_A_DATABASE");
    expect(errorCode(() => restoreDatabase(join(dir, "missing.db"), target, new Date()))).toBe("NOT_FOUND");
    const other = new Database(join(dir, "other.db"));
    other.exec("create table t (x)");
    other.close();
    expect(errorCode(() => restoreDatabase(join(dir, "other.db"), target, new Date()))).toBe("NOT_MALESTOKK");
    const newer = migratedFile(join(dir, "newer.db"));
    newer.sqlite.prepare("insert into __drizzle_migrations (hash, created_at) values ('future', ?)").run(Date.now() + 1e12);
    newer.close();
    expect(errorCode(() => restoreDatabase(join(dir, "newer.db"), target, new Date()))).toBe("NEWER_SCHEMA");
    // A corrupted page fails the integrity check.
    const corrupt = migratedFile(join(dir, "corrupt.db"));
    corrupt.sqlite.pragma("journal_mode = DELETE");
    corrupt.close();
    const bytes = readFileSync(join(dir, "corrupt.db"));
    bytes.fill(0xff, 4096 * 3, 4096 * 3 + 2000);
    writeFileSync(join(dir, "corrupt.db"), bytes);
    expect(["INTEGRITY", "NOT_A_DATABASE"]).toContain(errorCode(() => restoreDatabase(join(dir, "corrupt.db"), target, new Date())));
    expect(readFileSync(target, "utf8")).toBe("the current database");
    expect(readdirSync(dir).filter((f) => f.includes("before-restore"))).toEqual([]);
  });

  it("keeps the newest scheduled backups", () => {
    const dir = tempDir();
    for (const stamp of ["2026-01-01", "2026-01-02", "2026-01-03", "2026-01-04"]) writeFileSync(join(dir, `malestokk-${stamp}.db`), "x");
    writeFileSync(join(dir, "other.txt"), "x");
    expect(pruneBackups(dir, "malestokk-", 2)).toEqual(["malestokk-2026-01-01.db", "malestokk-2026-01-02.db"]);
    expect(readdirSync(dir).sort()).toEqual(["malestokk-2026-01-03.db", "malestokk-2026-01-04.db", "other.txt"]);
  });
});
