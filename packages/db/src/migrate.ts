import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import type Database from "better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";

import type { Db } from "./client";

// Not `new URL(rel, import.meta.url)`: bundlers (vite in the web tests) rewrite that into an asset URL.
export const MIGRATIONS_FOLDER = join(dirname(fileURLToPath(import.meta.url)), "..", "migrations");

/**
 * Applies pending migrations. Drizzle runs them inside a transaction, where SQLite ignores
 * `PRAGMA foreign_keys = OFF`, so a table rebuild could cascade-delete child rows: switch the
 * checks off on the connection around migrate(), then verify every reference (docs/style.md#database).
 */
export function runMigrations(sqlite: Database.Database, db: Db, migrationsFolder: string = MIGRATIONS_FOLDER): void {
  sqlite.pragma("foreign_keys = OFF");
  try {
    migrate(db, { migrationsFolder });
    const broken = sqlite.pragma("foreign_key_check") as unknown[];
    if (broken.length > 0) {
      throw new Error(`Migration left ${broken.length} rows with broken foreign keys: ${JSON.stringify(broken.slice(0, 5))}`);
    }
  } finally {
    sqlite.pragma("foreign_keys = ON");
  }
}
