import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";

import * as schema from "./schema/index";

export type Db = BetterSQLite3Database<typeof schema>;
/** A database handle or a transaction on one; query functions accept either. */
export type DbOrTx = Db | Parameters<Parameters<Db["transaction"]>[0]>[0];

export interface DbConnection {
  readonly sqlite: Database.Database;
  readonly db: Db;
  close(): void;
}

/**
 * Opens the SQLite database at `path` (":memory:" for tests) with the pragmas every connection
 * needs: SQLite leaves foreign keys off per connection, and only the connection that switched on
 * WAL keeps synchronous=FULL unless it is set again (measured, docs/quality-targets.md#r-1).
 */
export function createDb(path: string): DbConnection {
  const sqlite = new Database(path);
  return wrap(sqlite, path !== ":memory:");
}

/** Opens an in-memory copy of a serialized database (fast per-test copies of a template). */
export function createDbFromBuffer(buffer: Buffer): DbConnection {
  return wrap(new Database(buffer), false);
}

function wrap(sqlite: Database.Database, isFile: boolean): DbConnection {
  if (isFile) sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  const db = drizzle({ client: sqlite, schema, casing: "snake_case" });
  return {
    sqlite,
    db,
    close: () => {
      if (sqlite.open) sqlite.close();
    },
  };
}

/** Cheap liveness probe for /healthz. */
export function checkDatabase(sqlite: Database.Database): boolean {
  try {
    const row = sqlite.prepare("select 1 as ok").get() as { ok: number } | undefined;
    return row?.ok === 1;
  } catch {
    return false;
  }
}
