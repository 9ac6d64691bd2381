import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { createDb, findUserByEmail, listAudit, listGrants } from "@malestokk/db";
import { afterEach, describe, expect, it } from "vitest";

const SERVER_DIR = fileURLToPath(new URL("..", import.meta.url));
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function cli(args: string[], databasePath: string, stdin: string) {
  return spawnSync(process.execPath, ["--import", "tsx", "src/cli.ts", ...args], {
    cwd: SERVER_DIR,
    env: { PATH: process.env.PATH ?? "", DATABASE_PATH: databasePath },
    input: stdin,
    encoding: "utf8",
  });
}

describe("pnpm cli user:create", () => {
  it("creates the first admin of a real deployment with a password from stdin", () => {
    const dir = mkdtempSync(join(tmpdir(), "malestokk-cli-"));
    dirs.push(dir);
    const path = join(dir, "prod.db");
    const result = cli(["user:create", "--email", "It.Sjef@Kommune.no", "--role", "admin", "--name", "IT-sjef"], path, "a strong first password\n");
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Created user it\.sjef@kommune\.no/);
    const connection = createDb(path);
    const user = findUserByEmail(connection.db, "it.sjef@kommune.no");
    expect(user?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(listGrants(connection.db, user?.id ?? 0).map((g) => g.role)).toEqual(["admin"]);
    expect(listAudit(connection.db, { limit: 5 })[0]).toMatchObject({ action: "admin.userCreated", actorEmail: "cli" });
    connection.close();

    const finance = cli(["user:create", "--email", "okonomi@oslo.kommune.no", "--role", "finance", "--municipality", "0301"], path, "a strong first password\n");
    expect(finance.status).toBe(0);

    const again = cli(["user:create", "--email", "it.sjef@kommune.no", "--role", "admin"], path, "a strong first password\n");
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/already in use/);
  }, 30_000);

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
  }, 30_000);
});
