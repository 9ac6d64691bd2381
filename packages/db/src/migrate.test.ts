import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterEach, describe, expect, it } from "vitest";

import { createDb } from "./client";
import { MIGRATIONS_FOLDER, runMigrations } from "./migrate";
import { seedDemoData, seedReferenceData } from "./seed/demo";
import { TEST_NOW } from "./testing";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const TABLES = ["organisations", "reporting_years", "populations", "cost_reports", "indicator_values"];

/** The migrations folder as it was after its first `count` migrations. */
function migrationsUpTo(count: number): string {
  const dir = mkdtempSync(join(tmpdir(), "malestokk-migrations-"));
  dirs.push(dir);
  cpSync(MIGRATIONS_FOLDER, dir, { recursive: true });
  const journalPath = join(dir, "meta", "_journal.json");
  const journal = JSON.parse(readFileSync(journalPath, "utf8")) as { entries: unknown[] };
  journal.entries = journal.entries.slice(0, count);
  writeFileSync(journalPath, JSON.stringify(journal));
  return dir;
}

/**
 * Seed through the current code does not fit an older schema (the first had no indicator status),
 * so seed a current database and copy its rows column by column into the old one: the demo data,
 * or with `registerOnly` the register and the reporting years alone.
 */
function seedOldSchema(old: ReturnType<typeof createDb>, registerOnly = false): void {
  const current = createDb(":memory:");
  runMigrations(current.sqlite, current.db);
  if (registerOnly) seedReferenceData(current.db);
  else seedDemoData(current.db, { now: TEST_NOW });
  for (const table of registerOnly ? TABLES.slice(0, 2) : TABLES) {
    const oldColumns = (old.sqlite.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name);
    const rows = current.sqlite.prepare(`select ${oldColumns.join(", ")} from ${table}`).all() as Record<string, unknown>[];
    const insert = old.sqlite.prepare(
      `insert into ${table} (${oldColumns.join(", ")}) values (${oldColumns.map((c) => `@${c}`).join(", ")})`,
    );
    old.sqlite.transaction(() => {
      for (const row of rows) insert.run(row);
    })();
  }
  current.close();
}

describe("migrations on a database with data", () => {
  it("upgrade a seeded first-version database without losing or orphaning a row", () => {
    const dir = mkdtempSync(join(tmpdir(), "malestokk-upgrade-"));
    dirs.push(dir);
    const connection = createDb(join(dir, "old.db"));
    runMigrations(connection.sqlite, connection.db, migrationsUpTo(1));
    seedOldSchema(connection);
    const count = (table: string) => (connection.sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
    const before = Object.fromEntries(TABLES.map((t) => [t, count(t)]));
    expect(before.cost_reports).toBeGreaterThan(3_000);

    runMigrations(connection.sqlite, connection.db);

    expect(Object.fromEntries(TABLES.map((t) => [t, count(t)]))).toEqual(before);
    expect(connection.sqlite.pragma("foreign_key_check")).toEqual([]);
    expect(connection.sqlite.prepare("select distinct status from indicator_values").all()).toEqual([{ status: "approved" }]);
    expect(count("users")).toBe(0);
    connection.close();
  });

  it("keeps each approved cost report's figures as the basis its IT cooperatives divide by (migration cost_report_approved_basis), and no draft's", () => {
    const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as { entries: { tag: string }[] };
    const connection = createDb(":memory:");
    runMigrations(
      connection.sqlite,
      connection.db,
      migrationsUpTo(journal.entries.findIndex((e) => e.tag.endsWith("_cost_report_approved_basis"))),
    );
    connection.sqlite.exec(`
      insert into organisations (id, number, name, kind, county_number) values (1, '0301', 'Oslo', 'municipality', '03'), (2, '5001', 'Trondheim', 'municipality', '50');
      insert into reporting_years (year) values (2024);
      insert into cost_reports (organisation_id, year, total_it_cost, status, source, updated_at, decided_at, it_user_accounts, population_override, population_override_reason)
        values (1, 2024, 100, 'approved', 'entered', '2025-03-02T10:00:00.000Z', '2025-03-01T10:00:00.000Z', 31000, 700000, 'Telling'),
               (2, 2024, 100, 'draft', 'entered', '2025-03-02T10:00:00.000Z', null, 31337, 31337, 'Utkast');
    `);
    runMigrations(connection.sqlite, connection.db);
    expect(
      connection.sqlite
        .prepare(
          "select organisation_id, approved_at, approved_it_user_accounts, approved_population_override from cost_reports order by organisation_id",
        )
        .all(),
    ).toEqual([
      {
        organisation_id: 1,
        approved_at: "2025-03-01T10:00:00.000Z",
        approved_it_user_accounts: 31000,
        approved_population_override: 700000,
      },
      { organisation_id: 2, approved_at: null, approved_it_user_accounts: null, approved_population_override: null },
    ]);
    connection.close();
  });

  it("keeps the municipalities named in joint projects and ideas before invitations existed as taking part (ADR 008)", () => {
    const dir = mkdtempSync(join(tmpdir(), "malestokk-upgrade-"));
    dirs.push(dir);
    const all = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as { entries: { tag: string }[] };
    const joint = all.entries.findIndex((e) => e.tag.endsWith("_joint_participation_answers"));
    expect(joint).toBeGreaterThan(0);
    const connection = createDb(join(dir, "joint.db"));
    runMigrations(connection.sqlite, connection.db, migrationsUpTo(joint));
    // The register only: the read model's later columns are not there yet for the demo figures, and the
    // register's own later columns (0020's area) not yet for the seed's inserts.
    seedOldSchema(connection, true);
    const id = (number: string) =>
      (connection.sqlite.prepare("select id from organisations where number = ?").get(number) as { id: number }).id;
    const project = connection.sqlite
      .prepare(
        "insert into projects (owner_organisation_id, name, sector, phase, created_at, updated_at) values (?, 'Felles', 'common', 'concept', ?, ?) returning id",
      )
      .get(id("0301"), TEST_NOW, TEST_NOW) as { id: number };
    connection.sqlite.prepare("insert into project_participants (project_id, organisation_id) values (?, ?)").run(project.id, id("4601"));
    const idea = connection.sqlite
      .prepare(
        "insert into ideas (organisation_id, title, problem, sector, expected_benefits, rough_cost_nok, created_at, updated_at) values (?, 'Idé', 'Problem', 'helseVelferd', 'Gevinst', 1, ?, ?) returning id",
      )
      .get(id("0301"), TEST_NOW, TEST_NOW) as { id: number };
    connection.sqlite.prepare("insert into idea_participants (idea_id, organisation_id) values (?, ?)").run(idea.id, id("1103"));

    runMigrations(connection.sqlite, connection.db);

    expect(connection.sqlite.prepare("select organisation_id as organisationId, status from project_participants").all()).toEqual([
      { organisationId: id("4601"), status: "accepted" },
    ]);
    expect(connection.sqlite.prepare("select organisation_id as organisationId, status from idea_participants").all()).toEqual([
      { organisationId: id("1103"), status: "accepted" },
    ]);
    // A row written later without a status is an invitation, never a participant.
    connection.sqlite.prepare("insert into project_participants (project_id, organisation_id) values (?, ?)").run(project.id, id("1103"));
    expect(connection.sqlite.prepare("select status from project_participants where organisation_id = ?").get(id("1103"))).toEqual({
      status: "invited",
    });
    connection.close();
  });

  it("leaves the database as it was when an upgrade fails halfway (every pending migration or none)", () => {
    const dir = mkdtempSync(join(tmpdir(), "malestokk-upgrade-"));
    dirs.push(dir);
    const path = join(dir, "prod.db");
    const all = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as {
      entries: { idx: number; when: number; tag: string }[];
    };
    const older = all.entries.length - 2;
    const first = createDb(path);
    runMigrations(first.sqlite, first.db, migrationsUpTo(older));
    seedOldSchema(first);
    const before = first.sqlite.prepare("select count(*) as n from __drizzle_migrations").get() as { n: number };
    const tables = () =>
      (first.sqlite.prepare("select name from sqlite_master where type = 'table' order by name").all() as { name: string }[]).map(
        (t) => t.name,
      );
    const tablesBefore = tables();
    // A broken new migration after the real pending ones: the first of them would succeed alone.
    const broken = migrationsUpTo(all.entries.length);
    const journalPath = join(broken, "meta", "_journal.json");
    const journal = JSON.parse(readFileSync(journalPath, "utf8")) as {
      entries: { idx: number; when: number; tag: string; version: string; breakpoints: boolean }[];
    };
    journal.entries.push({ idx: all.entries.length, version: "6", when: Date.now() + 1_000, tag: "9999_broken", breakpoints: true });
    writeFileSync(journalPath, JSON.stringify(journal));
    writeFileSync(
      join(broken, "9999_broken.sql"),
      "CREATE TABLE half_done (x integer);\n--> statement-breakpoint\nINSERT INTO no_such_table VALUES (1);\n",
    );
    expect(() => runMigrations(first.sqlite, first.db, broken)).toThrow(/no_such_table/);
    expect(first.sqlite.prepare("select count(*) as n from __drizzle_migrations").get()).toEqual(before);
    expect(tables()).toEqual(tablesBefore);
    expect(first.sqlite.pragma("integrity_check", { simple: true })).toBe("ok");
    first.close();
  });
});
