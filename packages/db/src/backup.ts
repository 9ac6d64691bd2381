import { existsSync, readFileSync, renameSync, copyFileSync, statSync, readdirSync, rmSync } from "node:fs";
import { basename, join } from "node:path";

import Database from "better-sqlite3";

import { MIGRATIONS_FOLDER } from "./migrate";

interface JournalEntry {
  readonly tag: string;
  readonly when: number;
}

function journal(migrationsFolder: string): JournalEntry[] {
  return (JSON.parse(readFileSync(join(migrationsFolder, "meta", "_journal.json"), "utf8")) as { entries: JournalEntry[] }).entries;
}

export interface MigrationState {
  /** Migrations of this version of the app applied to the database. */
  readonly applied: number;
  /** Migrations this version of the app has. */
  readonly known: number;
  /** The newest migration applied, by name; null for an empty database. */
  readonly latest: string | null;
  /** The database has migrations this version of the app does not know (made by a newer version). */
  readonly newer: boolean;
}

/** Which of the app's migrations a database has: the schema version, for /readyz and restore. */
export function migrationState(sqlite: Database.Database, migrationsFolder: string = MIGRATIONS_FOLDER): MigrationState {
  const entries = journal(migrationsFolder);
  const hasTable = sqlite.prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'").get() !== undefined;
  const stamps = hasTable
    ? (sqlite.prepare("select created_at as at from __drizzle_migrations").all() as { at: number }[]).map((r) => Number(r.at))
    : [];
  const known = new Map(entries.map((e) => [e.when, e.tag]));
  const applied = stamps.filter((s) => known.has(s)).length;
  const newest = Math.max(...stamps, Number.NEGATIVE_INFINITY);
  return {
    applied,
    known: entries.length,
    latest: stamps.length === 0 ? null : (known.get(newest) ?? `unknown (${newest})`),
    newer: stamps.some((s) => !known.has(s)) || newest > Math.max(...entries.map((e) => e.when)),
  };
}

/**
 * A consistent copy of a live database through SQLite's online backup API: readers and writers go
 * on while it runs, and the copy is the database as of one moment. Refuses to overwrite a file.
 */
export async function backupDatabase(sqlite: Database.Database, destination: string): Promise<{ bytes: number; pages: number }> {
  if (existsSync(destination)) throw new BackupError("EXISTS", `${destination} exists already: choose a new name`);
  const result = await sqlite.backup(destination);
  return { bytes: statSync(destination).size, pages: result.totalPages };
}

export class BackupError extends Error {
  constructor(
    readonly code: "EXISTS" | "NOT_FOUND" | "NOT_A_DATABASE" | "INTEGRITY" | "NOT_MALESTOKK" | "NEWER_SCHEMA" | "IN_USE",
    message: string,
  ) {
    super(message);
    this.name = "BackupError";
  }
}

/** Opens a backup read-only and checks it: a SQLite file, intact, made by this app, not by a newer version. */
export function checkBackup(path: string, migrationsFolder: string = MIGRATIONS_FOLDER): MigrationState {
  if (!existsSync(path)) throw new BackupError("NOT_FOUND", `${path} does not exist`);
  let sqlite: Database.Database | null = null;
  try {
    try {
      sqlite = new Database(path, { readonly: true, fileMustExist: true });
      sqlite.pragma("schema_version");
    } catch (error) {
      throw new BackupError("NOT_A_DATABASE", `${path} is not a SQLite database (${(error as Error).message})`);
    }
    const integrity = sqlite.pragma("integrity_check") as { integrity_check: string }[];
    if (integrity.length !== 1 || integrity[0]?.integrity_check !== "ok") {
      throw new BackupError(
        "INTEGRITY",
        `${path} fails the integrity check: ${integrity
          .slice(0, 3)
          .map((r) => r.integrity_check)
          .join("; ")}`,
      );
    }
    const state = migrationState(sqlite, migrationsFolder);
    if (state.applied === 0) throw new BackupError("NOT_MALESTOKK", `${path} is not a Målestokk database (no migrations applied)`);
    if (state.newer)
      throw new BackupError(
        "NEWER_SCHEMA",
        `${path} was made by a newer version of Målestokk (${state.latest}); upgrade before restoring it`,
      );
    return state;
  } finally {
    sqlite?.close();
  }
}

/**
 * Replaces the database at `target` with a checked backup. The server must be stopped (a live
 * database has a -wal file). The replaced file is kept beside it, so a wrong restore can be undone.
 */
export function restoreDatabase(
  backup: string,
  target: string,
  now: Date,
  migrationsFolder: string = MIGRATIONS_FOLDER,
): { state: MigrationState; keptAs: string | null } {
  const state = checkBackup(backup, migrationsFolder);
  if (existsSync(`${target}-wal`) && statSync(`${target}-wal`).size > 0) {
    throw new BackupError("IN_USE", `${target} is in use (it has a write-ahead log): stop the server, then restore`);
  }
  const staging = `${target}.restoring`;
  copyFileSync(backup, staging);
  let keptAs: string | null = null;
  if (existsSync(target)) {
    keptAs = `${target}.before-restore-${now.toISOString().replace(/[:.]/g, "-")}`;
    renameSync(target, keptAs);
  }
  for (const suffix of ["-wal", "-shm"]) rmSync(`${target}${suffix}`, { force: true });
  renameSync(staging, target);
  return { state, keptAs };
}

/** Keeps the newest `keep` backups with the given prefix in `dir`, deleting older ones; returns what it deleted. */
export function pruneBackups(dir: string, prefix: string, keep: number): string[] {
  const files = readdirSync(dir)
    .filter((f) => f.startsWith(prefix) && f.endsWith(".db"))
    .sort();
  const old = files.slice(0, Math.max(0, files.length - keep));
  for (const f of old) rmSync(join(dir, f));
  return old;
}

/** The file name of a scheduled backup: sortable by time. */
export function backupFileName(target: string, now: Date): string {
  return `${basename(target, ".db")}-${now.toISOString().replace(/[:.]/g, "-")}.db`;
}
