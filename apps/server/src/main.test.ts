import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { afterEach, describe, expect, it } from "vitest";

const SERVER_DIR = fileURLToPath(new URL("..", import.meta.url));
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function run(env: Record<string, string>) {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: SERVER_DIR,
    env: { PATH: process.env.PATH ?? "", LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
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
    const server = run({ PORT: "0", DATABASE_PATH: databasePath });
    const match = await server.waitFor(/running at http:\/\/localhost:(\d+)/);
    expect(server.output()).toMatch(/DEMO data/);
    const base = `http://127.0.0.1:${match?.[1]}`;
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    const list = (await (await fetch(`${base}/trpc/municipalities.list`)).json()) as { result: { data: unknown[] } };
    expect(list.result.data).toHaveLength(357);
    server.child.kill("SIGTERM");
    expect(await server.exited).toBe(0);
    expect(existsSync(databasePath)).toBe(true);

    // Second start: same file, no second seed.
    const again = run({ PORT: "0", DATABASE_PATH: databasePath });
    await again.waitFor(/running at/);
    expect(again.output()).not.toMatch(/DEMO data/);
    again.child.kill("SIGINT");
    expect(await again.exited).toBe(0);
  }, 60_000);

  it("refuses to start with a wrong setting and names it", async () => {
    const server = run({ PORT: "not-a-port" });
    expect(await server.exited).toBe(1);
    expect(server.output()).toMatch(/PORT="not-a-port"/);
  }, 30_000);
});
