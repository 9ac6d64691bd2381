import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const SERVER_DIR = fileURLToPath(new URL("..", import.meta.url));
export const PASSWORD = "reliability demo passord";

export interface RunningServer {
  readonly base: string;
  readonly child: ChildProcess;
  readonly output: () => string;
  /** SIGTERM and wait for a clean exit. */
  stop(): Promise<number | null>;
  /** SIGKILL: no chance to finish anything. */
  kill(): Promise<void>;
}

/** Starts the real server (the build, dist/main.js) on a database file, the way an operator runs it. */
export async function startServer(databasePath: string, env: Record<string, string> = {}): Promise<RunningServer> {
  // PROFILE_DIR=… writes a CPU profile of the server, to see where the time goes under load.
  const profile = process.env.PROFILE_DIR ? ["--cpu-prof", `--cpu-prof-dir=${process.env.PROFILE_DIR}`] : [];
  if (!existsSync(join(SERVER_DIR, "dist/main.js"))) throw new Error("The server is not built: run `pnpm build` first.");
  const child = spawn(process.execPath, [...profile, "dist/main.js"], {
    cwd: SERVER_DIR,
    env: { PATH: process.env.PATH ?? "", PORT: "0", DATABASE_PATH: databasePath, LOG_LEVEL: "info", DEMO_PASSWORD: PASSWORD, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  // Every request logs a line: keep only the tail, for the error message.
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-100_000);
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const until = Date.now() + 60_000;
  let port: string | undefined;
  while (!(port = /running at http:\/\/localhost:(\d+)/.exec(output)?.[1])) {
    if (Date.now() > until || child.exitCode !== null) throw new Error(`the server did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  return {
    base: `http://127.0.0.1:${port}`,
    child,
    output: () => output,
    stop: async () => {
      child.kill("SIGTERM");
      return exited;
    },
    kill: async () => {
      child.kill("SIGKILL");
      await exited;
    },
  };
}

export interface Reply {
  readonly status: number;
  readonly body: {
    result?: { data?: unknown };
    error?: { data?: { appError?: { code: string; params: Record<string, unknown>; issues: unknown[] } } };
  } | null;
}

/** A tRPC client over plain HTTP, as the browser talks to the server (session cookie, CSRF header). */
export class Client {
  constructor(
    readonly base: string,
    readonly cookie: string,
  ) {}

  static async signIn(base: string, email: string): Promise<Client> {
    const res = await fetch(`${base}/trpc/auth.signIn`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-malestokk-csrf": "1" },
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    if (res.status !== 200) throw new Error(`sign-in as ${email} failed: ${res.status} ${await res.text()}`);
    return new Client(base, (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "");
  }

  async query(path: string, input: unknown): Promise<Reply> {
    const res = await fetch(`${this.base}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, {
      headers: { cookie: this.cookie },
    });
    return { status: res.status, body: (await res.json().catch(() => null)) as Reply["body"] };
  }

  async mutate(path: string, input: unknown, raw?: string): Promise<Reply> {
    const res = await fetch(`${this.base}/trpc/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-malestokk-csrf": "1", cookie: this.cookie },
      body: raw ?? JSON.stringify(input),
    });
    return { status: res.status, body: (await res.json().catch(() => null)) as Reply["body"] };
  }

  /** The data of a successful call, or an error naming the call and its answer. */
  static data<T>(reply: Reply, what: string): T {
    if (reply.status !== 200) throw new Error(`${what}: ${reply.status} ${JSON.stringify(reply.body)}`);
    return reply.body?.result?.data as T;
  }
}

/** The p-th percentile (0–100) of durations in ms. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
}

/** A small seeded generator, so a failing run can be repeated (print the seed). */
export function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export interface ReportView {
  readonly report: { readonly version: number; readonly status: string; readonly totalItCost: number | null } | null;
}

/** A cost report body of one line, for `costs.save`. */
export function reportBody(
  municipalityNumber: string,
  year: number,
  expectedVersion: number | null,
  amount: number,
  comment: string | null = null,
) {
  return {
    municipalityNumber,
    year,
    expectedVersion,
    lines: [{ service: "operations", costType: "ownStaff", systemId: null, amount, comment }],
    itUserAccounts: null,
    employeesFte: null,
    populationOverride: null,
    grossOperatingExpenditureOverride: null,
    warningComments: {},
  };
}

/** Makes a (demo, approved) report editable again, as an administrator does for a correction. */
export async function openForEditing(admin: Client, municipalityNumber: string, year: number): Promise<number> {
  const view = Client.data<ReportView>(await admin.query("costs.report", { municipalityNumber, year }), `report ${municipalityNumber}`);
  if (!view.report) return 0;
  if (view.report.status === "approved" || view.report.status === "submitted") {
    return Client.data<{ version: number }>(
      await admin.mutate("costs.return", { municipalityNumber, year, expectedVersion: view.report.version, comment: "Åpnet for test" }),
      `return ${municipalityNumber}`,
    ).version;
  }
  return view.report.version;
}

/** A database file with the demo data and users, made by starting the server once. */
export async function preparedDatabase(path: string): Promise<void> {
  const server = await startServer(path);
  const code = await server.stop();
  if (code !== 0) throw new Error(`the server did not stop cleanly (${code}):\n${server.output()}`);
}
