import { createDb, createDbFromBuffer, type DbConnection } from "./client";
import { runMigrations } from "./migrate";
import { seedDemoData } from "./seed/demo";

export type { DbConnection };

export const TEST_NOW = "2026-01-15T10:00:00.000Z";

const templates = new Map<string, Buffer>();

function buildTemplate(seed: boolean): Buffer {
  const connection = createDb(":memory:");
  runMigrations(connection.sqlite, connection.db);
  if (seed) seedDemoData(connection.db, { now: TEST_NOW });
  const buffer = connection.sqlite.serialize();
  connection.close();
  return buffer;
}

/**
 * A migrated in-memory database for one test, copied from a template built once per test file
 * (migrating and seeding per test would dominate the run time).
 */
export function createTestDb(options: { seed?: boolean } = {}): DbConnection {
  const key = options.seed ? "seeded" : "empty";
  let template = templates.get(key);
  if (!template) {
    template = buildTemplate(options.seed ?? false);
    templates.set(key, template);
  }
  return createDbFromBuffer(template);
}
