import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { buildTestTemplate, TEMPLATE_DIR_ENV } from "./testing";

/**
 * Vitest global setup: migrates and seeds the test database once per run and leaves it in a
 * temporary folder, so each test file copies it instead of seeding its own (seeding took 3 s per
 * file on a quiet machine and over 20 s on a busy CI runner).
 */
export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), "malestokk-test-db-"));
  for (const seed of [false, true]) writeFileSync(join(dir, templateFileName(seed)), buildTestTemplate(seed));
  process.env[TEMPLATE_DIR_ENV] = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}

export function templateFileName(seed: boolean): string {
  return seed ? "seeded.sqlite" : "empty.sqlite"; // the keys createTestDb looks for
}
