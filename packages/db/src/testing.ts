import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

import { createDb, createDbFromBuffer, type DbConnection } from "./client";
import { runMigrations } from "./migrate";
import { seedDemoData, seedDemoToolbox } from "./seed/demo";
import { seedDemoBenefits } from "./seed/demo-benefits";
import { seedDemoUsers } from "./seed/demo-users";

export type { DbConnection };

export const TEST_NOW = "2026-01-15T10:00:00.000Z";

/** The demo users' password in test databases, and its argon2id hash (made once, offline). */
export const TEST_PASSWORD = "demo-passord-for-tester";
export const TEST_PASSWORD_HASH = "$argon2id$v=19$m=19456,p=1,t=2$VdniSjzOtGuZC53H9ePLFQ$SPj2tObBue0n+tTX6JZZm5ehMqWWjiCFGC3rvj5gZ6M";

/** Where the global setup (testing-global-setup.ts) left the templates it built for this run. */
export const TEMPLATE_DIR_ENV = "MALESTOKK_TEST_DB_TEMPLATES";

const templates = new Map<string, Buffer>();

export function buildTestTemplate(seed: boolean): Buffer {
  const connection = createDb(":memory:");
  runMigrations(connection.sqlite, connection.db);
  if (seed) {
    seedDemoData(connection.db, { now: TEST_NOW });
    seedDemoUsers(connection.db, { passwordHash: TEST_PASSWORD_HASH, now: TEST_NOW });
    seedDemoBenefits(connection.db, { now: TEST_NOW });
    seedDemoToolbox(connection.db, { now: TEST_NOW });
  }
  const buffer = connection.sqlite.serialize();
  connection.close();
  return buffer;
}

/**
 * A migrated in-memory database for one test, copied from a template built once per run by the
 * global setup, or else once per test file (migrating and seeding per test would dominate the run time). `seed` adds the demo data and
 * the demo users, whose password is TEST_PASSWORD.
 */
export function createTestDb(options: { seed?: boolean } = {}): DbConnection {
  const key = options.seed ? "seeded" : "empty";
  let template = templates.get(key);
  if (!template) {
    const dir = process.env[TEMPLATE_DIR_ENV];
    const file = dir ? join(dir, `${key}.sqlite`) : null;
    template = file && existsSync(file) ? readFileSync(file) : buildTestTemplate(options.seed ?? false);
    templates.set(key, template);
  }
  return createDbFromBuffer(template);
}
