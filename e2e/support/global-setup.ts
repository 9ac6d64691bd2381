import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import type { TestProject } from "vitest/node";

const REPO = fileURLToPath(new URL("../..", import.meta.url));

/** The demo users' password for the server the specs run against. */
export const E2E_PASSWORD = "e2e demo passord";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** A port nobody listens on now (the operating system picks it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** A running server: its address and how to stop it (and remove its database). */
export interface RunningServer {
  readonly baseUrl: string;
  stop(): Promise<void>;
}

/**
 * Starts the real built server on a temporary database (migrated and demo-seeded at start), the way
 * a user runs it. `env` adds to its environment (the mail spec starts one with SMTP_URL of its own);
 * `webDistDir` serves another build of the web app (the map's benchmark compares a baseline's in the same run).
 */
export async function startServer(options: { env?: Record<string, string>; webDistDir?: string } = {}): Promise<RunningServer> {
  if (!existsSync(join(REPO, "apps/web/dist/index.html"))) {
    throw new Error("The web app is not built: run `pnpm build` first (turbo's test:e2e does it).");
  }
  const dir = mkdtempSync(join(tmpdir(), "malestokk-e2e-"));
  // PUBLIC_ORIGIN names the port, so it is chosen here: provider sign-in is refused without it.
  const port = await freePort();
  if (!existsSync(join(REPO, "apps/server/dist/main.js"))) {
    throw new Error("The server is not built: run `pnpm build` first (turbo's test:e2e does it).");
  }
  // The built server, as `npm start` runs it.
  const server: ChildProcess = spawn(process.execPath, ["dist/main.js"], {
    cwd: join(REPO, "apps/server"),
    env: {
      PATH: process.env.PATH ?? "",
      PORT: String(port),
      PUBLIC_ORIGIN: `http://127.0.0.1:${port}`,
      DATABASE_PATH: join(dir, "e2e.db"),
      LOG_LEVEL: "info",
      // Every spec reads the open pages and the public API from 127.0.0.1: one address, one budget. The limit
      // itself is tested against the real server in apps/server/src/open-data.rate-limit.test.ts.
      API_RATE_LIMIT: "10000/60",
      DEMO_PASSWORD: E2E_PASSWORD,
      NODE_ENV: "production",
      ...(options.webDistDir ? { WEB_DIST_DIR: options.webDistDir } : {}),
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  server.stdout?.on("data", (c: Buffer) => (output += c.toString()));
  server.stderr?.on("data", (c: Buffer) => (output += c.toString()));
  const baseUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 180 s:\n${output}`)), 180_000);
    const check = setInterval(() => {
      const match = /running at http:\/\/localhost:(\d+)/.exec(output);
      if (match) {
        clearInterval(check);
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${match[1]}`);
      }
    }, 50);
    server.on("exit", (code) => {
      clearInterval(check);
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  return {
    baseUrl,
    async stop() {
      server.kill("SIGTERM");
      await new Promise((r) => server.once("exit", r));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Starts the server every spec shares (mail off) and hands its address to the specs. */
export default async function setup(project: TestProject) {
  const server = await startServer();
  project.provide("baseUrl", server.baseUrl);
  return () => server.stop();
}
