import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { writeFileSync } from "node:fs";

import { createDb, findUserByEmail, getSetting, getMunicipalityByNumber, getPopulationRow, listAudit, listGrants } from "@malestokk/db";
import { createSecretBox } from "@malestokk/api";
import { populationFixture2022 } from "@malestokk/domain";
import { afterEach, describe, expect, it } from "vitest";

const SERVER_DIR = fileURLToPath(new URL("..", import.meta.url));
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function cli(args: string[], databasePath: string, stdin: string, env: Record<string, string> = {}) {
  return spawnSync(process.execPath, ["--import", "tsx", "src/cli.ts", ...args], {
    cwd: SERVER_DIR,
    env: { PATH: process.env.PATH ?? "", DATABASE_PATH: databasePath, ...env },
    input: stdin,
    encoding: "utf8",
  });
}

describe("pnpm cli user:create", () => {
  it("creates the first admin of a real deployment with a password from stdin", () => {
    const dir = mkdtempSync(join(tmpdir(), "malestokk-cli-"));
    dirs.push(dir);
    const path = join(dir, "prod.db");
    const result = cli(["user:create", "--email", "It.Sjef@Kommune.no", "--role", "admin", "--name", "\u202eIT-sjef\u200b"], path, "a strong first password\n");
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Created user it\.sjef@kommune\.no/);
    const connection = createDb(path);
    const user = findUserByEmail(connection.db, "it.sjef@kommune.no");
    expect(user?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user?.name).toBe("IT-sjef");
    expect(listGrants(connection.db, user?.id ?? 0).map((g) => g.role)).toEqual(["admin"]);
    expect(listAudit(connection.db, { limit: 5 })[0]).toMatchObject({ action: "admin.userCreated", actorEmail: "cli" });
    connection.close();

    const finance = cli(["user:create", "--email", "okonomi@oslo.kommune.no", "--role", "finance", "--municipality", "0301"], path, "a strong first password\n");
    expect(finance.status).toBe(0);

    const again = cli(["user:create", "--email", "it.sjef@kommune.no", "--role", "admin"], path, "a strong first password\n");
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/already in use/);
  }, 120_000);

  it("explains a bad role or a short password and creates nothing", () => {
    const dir = mkdtempSync(join(tmpdir(), "malestokk-cli-"));
    dirs.push(dir);
    const path = join(dir, "prod.db");
    const badRole = cli(["user:create", "--email", "a@b.no", "--role", "king"], path, "a strong first password\n");
    expect(badRole.status).toBe(1);
    expect(badRole.stderr).toMatch(/--role: one of admin/);
    const short = cli(["user:create", "--email", "a@b.no", "--role", "admin"], path, "short\n");
    expect(short.status).toBe(1);
    expect(short.stderr).toMatch(/12 to 128 characters/);
    const invisible = cli(["user:create", "--email", "a@b.no", "--role", "admin", "--name", "\u200b \u202e"], path, "a strong first password\n");
    expect(invisible.status).toBe(1);
    expect(invisible.stderr).toMatch(/--name: /);
    const common = cli(["user:create", "--email", "a@b.no", "--role", "admin"], path, "Password1234\n");
    expect(common.status).toBe(1);
    expect(common.stderr).toMatch(/list of common or leaked passwords/);
    // Refused before the database is even opened.
    expect(existsSync(path)).toBe(false);
    // Words from the register need the database: refused once it is open, with no user made.
    const guessable = cli(["user:create", "--email", "a@b.no", "--role", "admin"], path, "Trondheim2026!!\n");
    expect(guessable.status).toBe(1);
    expect(guessable.stderr).toMatch(/easy to guess here/);
    const db = createDb(path);
    expect(findUserByEmail(db.db, "a@b.no")).toBeNull();
    db.close();
  }, 120_000);
});

describe("pnpm cli import:jsonstat", () => {
  it("previews with --dry-run, then imports a 07459 file all at once, accounting for every value", () => {
    const dir = mkdtempSync(join(tmpdir(), "malestokk-cli-"));
    dirs.push(dir);
    const path = join(dir, "prod.db");
    const file = join(dir, "07459.json");
    writeFileSync(file, populationFixture2022());
    const dry = cli(["import:jsonstat", file, "--measure", "population", "--dry-run"], path, "");
    expect(dry.stderr).toBe("");
    expect(dry.stdout).toMatch(/DRY RUN/);
    expect(dry.stdout).toMatch(/not allocatable: K-1507 Ålesund 2022 \(split into 1508, 1580\)/);
    expect(dry.stdout).toMatch(/every value accounted for: yes/);
    const check = createDb(path);
    const halden = getMunicipalityByNumber(check.db, "3101");
    expect(getPopulationRow(check.db, halden?.id ?? 0, 2022)).toBeNull();
    check.close();

    const real = cli(["import:jsonstat", file, "--measure", "population"], path, "");
    expect(real.status).toBe(0);
    expect(real.stdout).toMatch(/5 new or changed, 0 unchanged, 5 written/);
    const after = createDb(path);
    expect(getPopulationRow(after.db, halden?.id ?? 0, 2022)).toMatchObject({ value: 31444, source: "ssb:07459" });
    after.close();

    writeFileSync(file, "{ broken");
    const bad = cli(["import:jsonstat", file, "--measure", "population"], path, "");
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/BAD_JSON/);
  }, 60_000);
});

describe("pnpm cli import:klass", () => {
  it("imports KOSTRA groups from a KLASS correspondence", () => {
    const dir = mkdtempSync(join(tmpdir(), "malestokk-cli-"));
    dirs.push(dir);
    const path = join(dir, "prod.db");
    const file = join(dir, "kostra.json");
    writeFileSync(file, JSON.stringify({ correspondenceItems: [{ sourceCode: "0301", sourceName: "Oslo", targetCode: "EKG16", targetName: "Oslo kommune" }] }));
    const result = cli(["import:klass", file, "--kostra-groups", "--year", "2024"], path, "");
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatch(/1 new or changed, 0 unchanged, 1 written/);
    const check = createDb(path);
    expect(getMunicipalityByNumber(check.db, "0301")).toMatchObject({ kostraGroup: "EKG16", kostraGroupSource: "klass:112 2024" });
    check.close();
  }, 120_000);

  it("imports the change list of municipality numbers, with a dry run first", () => {
    const dir = mkdtempSync(join(tmpdir(), "malestokk-cli-"));
    dirs.push(dir);
    const path = join(dir, "prod.db");
    const file = join(dir, "changes.json");
    writeFileSync(
      file,
      JSON.stringify({
        codeChanges: [
          { oldCode: "0704", newCode: "3803", changeOccurred: "2020-01-01" },
          { oldCode: "0716", newCode: "3803", changeOccurred: "2020-01-01" },
        ],
      }),
    );
    const dry = cli(["import:klass", file, "--changes", "--dry-run"], path, "");
    expect(dry.stdout).toMatch(/DRY RUN \(nothing written\)/);
    expect(dry.stdout).toMatch(/0 renumbered, 1 merges, 0 splits/);
    expect(dry.stdout).toMatch(/data years mapped from 2019 \(was 2020\)/);
    const real = cli(["import:klass", file, "--changes"], path, "");
    expect(real.stdout).toMatch(/2 added, 0 removed, 0 unchanged/);
    const both = cli(["import:klass", file, "--changes", "--names"], path, "");
    expect(both.status).not.toBe(0);
    expect(both.stderr).toMatch(/one of --kostra-groups, --names or --changes/);
  }, 120_000);
});

describe("pnpm cli import:costs", () => {
  it("prints every problem by row and exits non-zero, then imports a good file once", () => {
    const dir = mkdtempSync(join(tmpdir(), "malestokk-cli-"));
    dirs.push(dir);
    const path = join(dir, "prod.db");
    const bad = join(dir, "bad.csv");
    writeFileSync(bad, "IKT-tjeneste;Kostnadstype;Beløp (kr)\r\nBrukerstøtte;Egne ansatte;1 200 000\r\nKaffe;Egne ansatte;12,5 kr\r\n");
    const refused = cli(["import:costs", bad, "--org", "4601", "--year", "2024"], path, "");
    expect(refused.status).toBe(1);
    expect(refused.stdout).toContain('row 3, service, "Kaffe": not an IT service of the catalogue');
    expect(refused.stdout).toContain("Nothing was written.");

    const good = join(dir, "good.csv");
    // Windows-1252, as an older ERP export writes it.
    writeFileSync(good, Buffer.from("IKT-tjeneste;Kostnadstype;Beløp (kr)\r\nBrukerstøtte;Egne ansatte;1 200 000\r\nDrift og forvaltning;Lisenser og programvare;800 000,00\r\n", "latin1"));
    const dry = cli(["import:costs", good, "--org", "4601", "--year", "2024", "--dry-run"], path, "");
    expect(dry.status).toBe(0);
    expect(dry.stdout).toMatch(/CSV, windows-1252, separated by ";"/);
    expect(dry.stdout).toContain("2 lines, total 2000000 kr (now no report)");
    expect(dry.stdout).toContain("DRY RUN: nothing written.");
    const done = cli(["import:costs", good, "--org", "4601", "--year", "2024"], path, "");
    expect(done.stdout).toContain("Imported: the 2024 report of Bergen is now version 1 (draft).");
    const again = cli(["import:costs", good, "--org", "4601", "--year", "2024"], path, "");
    expect(again.stdout).toContain("Nothing to change");
    const check = createDb(path);
    const bergen = getMunicipalityByNumber(check.db, "4601");
    expect(check.sqlite.prepare("select total_it_cost as t, source from cost_reports where organisation_id = ?").get(bergen?.id)).toEqual({ t: 2_000_000, source: "import" });
    check.close();
  }, 60_000);
});

describe("pnpm cli backup and restore", () => {
  it("backs up, refuses to overwrite or restore a bad file, and restores a good one keeping the replaced database", () => {
    const dir = mkdtempSync(join(tmpdir(), "malestokk-cli-"));
    dirs.push(dir);
    const path = join(dir, "prod.db");
    const good = join(dir, "good.csv");
    writeFileSync(good, "IKT-tjeneste;Kostnadstype;Beløp (kr)\r\nBrukerstøtte;Egne ansatte;1 200 000\r\n");
    expect(cli(["import:costs", good, "--org", "4601", "--year", "2024"], path, "").status).toBe(0);
    const backup = cli(["backup", join(dir, "backup.db")], path, "");
    expect(backup.stdout).toMatch(/Backed up .* integrity ok, schema \d{4}_/);
    const again = cli(["backup", join(dir, "backup.db")], path, "");
    expect(again.status).toBe(1);
    expect(again.stderr).toContain("Error (EXISTS)");

    // A change after the backup is undone by the restore; the changed database is kept.
    writeFileSync(good, "IKT-tjeneste;Kostnadstype;Beløp (kr)\r\nBrukerstøtte;Egne ansatte;9 999 999\r\n");
    expect(cli(["import:costs", good, "--org", "4601", "--year", "2024"], path, "").status).toBe(0);
    writeFileSync(join(dir, "junk.db"), "junk, not a database, long enough to be read as a header by SQLite");
    const refused = cli(["restore", join(dir, "junk.db")], path, "");
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("Error (NOT_A_DATABASE)");
    const restored = cli(["restore", join(dir, "backup.db")], path, "");
    expect(restored.status).toBe(0);
    expect(restored.stdout).toMatch(/The replaced database is kept as .*prod\.db\.before-restore-/);
    const check = createDb(path);
    expect(check.sqlite.prepare("select total_it_cost as t from cost_reports").get()).toEqual({ t: 1_200_000 });
    expect(check.sqlite.pragma("integrity_check", { simple: true })).toBe("ok");
    check.close();
  }, 60_000);
});

describe("pnpm cli local-sign-in", () => {
  it("switches password sign-in back on from the server, audited, when no provider lets anyone in", () => {
    const dir = mkdtempSync(join(tmpdir(), "malestokk-cli-"));
    dirs.push(dir);
    const path = join(dir, "prod.db");
    expect(cli(["local-sign-in", "off"], path, "").stdout).toMatch(/Password sign-in is now off/);
    const on = cli(["local-sign-in", "on"], path, "");
    expect([on.status, on.stdout.trim()]).toEqual([0, "Password sign-in is now on."]);
    const wrong = cli(["local-sign-in", "maybe"], path, "");
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toMatch(/Say on or off/);
    const connection = createDb(path);
    expect(getSetting(connection.db, "localSignIn", null)).toBe(true);
    expect(listAudit(connection.db, { action: "admin.localSignInChanged", limit: 5 }).map((a) => a.actorEmail)).toEqual(["cli", "cli"]);
    connection.close();
  });
});

describe("pnpm cli secrets:rotate", () => {
  it("re-seals stored secrets from the old key to SECRET_KEY, and changes nothing when the old key is wrong", () => {
    const dir = mkdtempSync(join(tmpdir(), "malestokk-cli-"));
    dirs.push(dir);
    const path = join(dir, "prod.db");
    cli(["local-sign-in", "on"], path, "");
    const oldKey = "the old key of at least thirty-two characters";
    const newKey = "the new key of at least thirty-two characters";
    const connection = createDb(path);
    const sealed = createSecretBox(oldKey).seal("client secret");
    connection.sqlite.prepare("insert into identity_providers (slug, name, issuer, client_id, client_secret, created_at, updated_at) values ('k', 'K', 'https://idp.example', 'c', ?, 'x', 'x')").run(sealed);
    connection.close();
    const stored = () => {
      const c = createDb(path);
      const value = (c.sqlite.prepare("select client_secret from identity_providers").get() as { client_secret: string }).client_secret;
      c.close();
      return value;
    };

    const wrong = cli(["secrets:rotate"], path, "not the old key at all, but long enough\n", { SECRET_KEY: newKey });
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toMatch(/does not open/);
    expect(stored()).toBe(sealed);

    const done = cli(["secrets:rotate"], path, `${oldKey}\n`, { SECRET_KEY: newKey });
    expect([done.status, done.stdout.trim()]).toEqual([0, "Re-sealed 1 stored secrets with the new SECRET_KEY. Start the server with it."]);
    expect(createSecretBox(newKey).open(stored())).toBe("client secret");
  });
});

