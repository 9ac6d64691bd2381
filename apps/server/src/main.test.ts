import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { checkBackup, createDb, setSetting } from "@malestokk/db";
import { afterEach, describe, expect, it } from "vitest";

const SERVER_DIR = fileURLToPath(new URL("..", import.meta.url));
const dirs: string[] = [];
const children: ChildProcess[] = [];
afterEach(() => {
  // A test that failed half-way leaves no server behind.
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const KEY = "a long random server key for the tests 0123456789";

function run(env: Record<string, string>) {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: SERVER_DIR,
    env: { PATH: process.env.PATH ?? "", LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const waitFor = async (pattern: RegExp, ms = 30_000) => {
    const until = Date.now() + ms;
    while (!pattern.test(output)) {
      if (Date.now() > until) throw new Error(`timed out waiting for ${pattern}; output:\n${output}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    return output.match(pattern);
  };
  return { child, exited, waitFor, output: () => output };
}

describe("server process", () => {
  it("migrates, seeds demo data on first start, serves, and stops cleanly on SIGTERM", async () => {
    const dir = mkdtempSync(join(tmpdir(), "malestokk-main-"));
    dirs.push(dir);
    const databasePath = join(dir, "nested", "malestokk.db");
    const server = run({ PORT: "0", DATABASE_PATH: databasePath, DEMO_PASSWORD: "demo password for test" });
    const match = await server.waitFor(/running at http:\/\/localhost:(\d+)/);
    expect(server.output()).toMatch(/DEMO data/);
    // The demo may run without SECRET_KEY, but says so at every start.
    expect(server.output()).toMatch(/SECRET_KEY is not set: TOTP keys and identity providers' client secrets are stored in plain text/);
    expect(server.output()).toMatch(/admin@demo\.example/);
    expect(server.output()).toMatch(/finance\.0301@demo\.example/);
    expect(server.output()).toMatch(/manager\.5001@demo\.example/);
    expect(server.output()).toMatch(/Password for all of them: demo password for test/);
    const base = `http://127.0.0.1:${match?.[1]}`;
    const health = await fetch(`${base}/healthz`);
    // Idle connections outlive a client's and a proxy's (main.ts): the server does not close one under a request.
    expect(health.headers.get("keep-alive")).toBe("timeout=65");
    expect(health.status).toBe(200);
    const signIn = await fetch(`${base}/trpc/auth.signIn`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-malestokk-csrf": "1" },
      body: JSON.stringify({ email: "board@demo.example", password: "demo password for test" }),
    });
    expect(signIn.status).toBe(200);
    const cookie = (signIn.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    const list = (await (await fetch(`${base}/trpc/municipalities.list`, { headers: { cookie } })).json()) as {
      result: { data: unknown[] };
    };
    expect(list.result.data).toHaveLength(357);
    server.child.kill("SIGTERM");
    expect(await server.exited).toBe(0);
    expect(existsSync(databasePath)).toBe(true);

    // Second start: same file, no second seed; a random demo password is printed when none is set.
    const again = run({ PORT: "0", DATABASE_PATH: databasePath });
    await again.waitFor(/running at/);
    expect(again.output()).not.toMatch(/DEMO data/);
    expect(again.output()).toMatch(/SECRET_KEY is not set/);
    expect(again.output()).toMatch(/Password for all of them: [A-Za-z0-9_-]{16} \(random/);
    again.child.kill("SIGINT");
    expect(await again.exited).toBe(0);

    // DEMO=off: no demo user is left.
    const off = run({ PORT: "0", DATABASE_PATH: databasePath, DEMO: "off", SECRET_KEY: KEY });
    const offMatch = await off.waitFor(/running at http:\/\/localhost:(\d+)/);
    expect(off.output()).toMatch(/removed the demo users/);
    expect(off.output()).not.toMatch(/SECRET_KEY is not set/);
    const demo = await fetch(`http://127.0.0.1:${offMatch?.[1]}/trpc/auth.demoAccounts`);
    expect(((await demo.json()) as { result: { data: unknown[] } }).result.data).toEqual([]);
    off.child.kill("SIGTERM");
    expect(await off.exited).toBe(0);
  }, 60_000);

  it("refuses to start with DEMO=off and no SECRET_KEY, and says how to make one", async () => {
    const dir = mkdtempSync(join(tmpdir(), "malestokk-main-"));
    dirs.push(dir);
    const databasePath = join(dir, "malestokk.db");
    const server = run({ PORT: "0", DATABASE_PATH: databasePath, DEMO: "off" });
    expect(await server.exited).toBe(1);
    expect(server.output()).toMatch(/Cannot start: SECRET_KEY is not set[\s\S]*openssl rand -base64 32/);
    // Refused before anything was written.
    expect(existsSync(databasePath)).toBe(false);
  }, 30_000);

  it("refuses to start with a wrong setting and names it", async () => {
    const server = run({ PORT: "not-a-port" });
    expect(await server.exited).toBe(1);
    expect(server.output()).toMatch(/PORT="not-a-port"/);
  }, 30_000);

  it("says at start that provider sign-in is refused while PUBLIC_ORIGIN is unset, and when password sign-in is off with no provider for administrators", async () => {
    const dir = mkdtempSync(join(tmpdir(), "malestokk-main-"));
    dirs.push(dir);
    const settings = {
      PORT: "0",
      DATABASE_PATH: join(dir, "malestokk.db"),
      DEMO: "off",
      SECRET_KEY: KEY,
      OIDC_PROVIDERS: JSON.stringify([
        { slug: "kommune", name: "Kommunen", issuer: "https://login.kommune.example", clientId: "malestokk" },
      ]),
    };
    const unset = run(settings);
    await unset.waitFor(/running at/);
    expect(unset.output()).toMatch(/PUBLIC_ORIGIN is not set: sign-in through identity providers is refused/);
    expect(unset.output()).not.toMatch(/may sign in national roles/);
    unset.child.kill("SIGTERM");
    expect(await unset.exited).toBe(0);
    // As after `pnpm cli local-sign-in off`, with the one provider not marked for national roles.
    const connection = createDb(settings.DATABASE_PATH);
    setSetting(connection.db, "localSignIn", false, new Date().toISOString());
    connection.close();
    const set = run({ ...settings, PUBLIC_ORIGIN: "https://malestokk.kommune.example" });
    await set.waitFor(/running at/);
    expect(set.output()).not.toMatch(/PUBLIC_ORIGIN is not set/);
    expect(set.output()).toMatch(
      /password sign-in is off and no enabled identity provider may sign in national roles: administrators cannot sign in/,
    );
    set.child.kill("SIGTERM");
    expect(await set.exited).toBe(0);
  }, 40_000);

  it("writes scheduled backups to BACKUP_DIR while serving, keeping the newest BACKUP_KEEP", async () => {
    const dir = mkdtempSync(join(tmpdir(), "malestokk-main-"));
    dirs.push(dir);
    const backups = join(dir, "backups");
    // 0.0004 hours: about every 1.4 s.
    const server = run({
      PORT: "0",
      DATABASE_PATH: join(dir, "malestokk.db"),
      DEMO: "off",
      SECRET_KEY: KEY,
      BACKUP_DIR: backups,
      BACKUP_KEEP: "2",
      BACKUP_INTERVAL_HOURS: "0.0004",
    });
    await server.waitFor(/running at/);
    await server.waitFor(/(scheduled backup written[\s\S]*){3}/, 20_000);
    server.child.kill("SIGTERM");
    expect(await server.exited).toBe(0);
    const files = readdirSync(backups);
    expect(files).toHaveLength(2);
    expect(files.every((f) => /^malestokk-\d{4}-\d{2}-\d{2}T.*\.db$/.test(f))).toBe(true);
    const newest = join(backups, files[1] ?? "");
    expect(checkBackup(newest).newer).toBe(false);
    const copy = createDb(newest);
    expect((copy.sqlite.prepare("select count(*) as n from organisations").get() as { n: number }).n).toBeGreaterThan(357);
    copy.close();
  }, 40_000);

  it("seals stored secrets when SECRET_KEY is set, and will not start without it afterwards", async () => {
    const dir = mkdtempSync(join(tmpdir(), "malestokk-main-"));
    dirs.push(dir);
    const databasePath = join(dir, "malestokk.db");
    // A database that has a secret stored as given, from before a key was set.
    const first = run({ PORT: "0", DATABASE_PATH: databasePath, DEMO: "off", SECRET_KEY: KEY });
    await first.waitFor(/running at/);
    first.child.kill("SIGTERM");
    await first.exited;
    const connection = createDb(databasePath);
    connection.sqlite
      .prepare(
        "insert into identity_providers (slug, name, issuer, client_id, client_secret, created_at, updated_at) values ('k', 'K', 'https://idp.example', 'c', 'plain secret', 'x', 'x')",
      )
      .run();
    connection.close();

    const sealing = run({ PORT: "0", DATABASE_PATH: databasePath, DEMO: "off", SECRET_KEY: KEY });
    await sealing.waitFor(/running at/);
    expect(sealing.output()).toMatch(/"sealed":1/);
    sealing.child.kill("SIGTERM");
    await sealing.exited;
    const check = createDb(databasePath);
    expect((check.sqlite.prepare("select client_secret from identity_providers").get() as { client_secret: string }).client_secret).toMatch(
      /^sealed:v1:/,
    );
    check.close();

    // Even the demo, which may run without a key, will not start on a database sealed with one.
    const keyless = run({ PORT: "0", DATABASE_PATH: databasePath });
    expect(await keyless.exited).toBe(1);
    expect(keyless.output()).toMatch(/Cannot start: The database holds sealed secrets: set the SECRET_KEY/);
  });
});
