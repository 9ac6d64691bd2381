import { resolve as resolvePath } from "node:path";
import { parseArgs } from "node:util";

import { backupDatabase, checkBackup, createDb, restoreDatabase, runMigrations, seedReferenceData } from "@malestokk/db";

import { loadEnv } from "../env";

/** Opens the configured database, migrated and with its reference data, for one command. */
export async function withDatabase<T>(fn: (db: ReturnType<typeof createDb>["db"]) => T | Promise<T>): Promise<T> {
  const env = loadEnv();
  const connection = createDb(env.DATABASE_PATH);
  try {
    runMigrations(connection.sqlite, connection.db);
    seedReferenceData(connection.db);
    return await fn(connection.db);
  } finally {
    connection.close();
  }
}

/** `backup <file>`: SQLite's online backup, consistent while the server runs. */
export async function backupCommand(args: string[]): Promise<void> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  const [file] = positionals;
  if (!file) throw new Error("Name the backup file: pnpm cli backup <file>");
  const env = loadEnv();
  const connection = createDb(env.DATABASE_PATH);
  try {
    const result = await backupDatabase(connection.sqlite, resolvePath(file));
    const state = checkBackup(resolvePath(file));
    console.log(`Backed up ${env.DATABASE_PATH} to ${resolvePath(file)}: ${result.bytes} bytes, integrity ok, schema ${state.latest}.`);
  } finally {
    connection.close();
  }
}

/** `restore <file>`: checks the backup first, then replaces the database and keeps the replaced file. */
export function restoreCommand(args: string[]): void {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  const [file] = positionals;
  if (!file) throw new Error("Name the backup to restore: pnpm cli restore <file> (stop the server first)");
  const env = loadEnv();
  const { state, keptAs } = restoreDatabase(resolvePath(file), env.DATABASE_PATH, new Date());
  console.log(
    `Restored ${env.DATABASE_PATH} from ${resolvePath(file)} (integrity ok, schema ${state.latest}, ${state.known - state.applied} migrations to apply at start).`,
  );
  console.log(keptAs ? `The replaced database is kept as ${keptAs}.` : "There was no database to replace.");
}
