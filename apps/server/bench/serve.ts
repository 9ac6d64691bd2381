// `pnpm bench` (issue 21): the server as users get it, from outside, with a real load generator.
// For each way of running it (the TypeScript sources through tsx, and the build, dist/main.js) on a
// copy of the same demo database: start-up time, resident memory idle and after load, /healthz at
// saturation, and benchmarks.series at a fixed 400 requests/s from 200 connections for 15 s, offered
// evenly (bench/paced-load.ts: the p99) and in autocannon's bursts of a second's requests.
// Both run in this one process, one after the other, so read the figures side by side.
// Throughput (issue 21, point 7): benchmarks.series through the build at saturation against a bare
// Express endpoint (bench/bare-server.ts) answering the same JSON, without and with compression.
import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, copyFileSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import autocannon from "autocannon";

import { pacedLoad } from "./paced-load";

const SERVER_DIR = fileURLToPath(new URL("..", import.meta.url));
const PASSWORD = "bench demo passord";
const MODES = [
  { label: "sources through tsx", args: ["--import", "tsx", "src/main.ts"] },
  // As `npm start` runs it (scripts/run.mjs): V8's young generation in 4 MB semi-spaces, swept more often, and its
  // old space grown by half its live size between full collections.
  { label: "build (npm start)", args: ["--max-semi-space-size=4", "--heap-growing-percent=50", "dist/main.js"] },
  // V8's default: semi-spaces that grow to 16 MB under load.
  { label: "build, default semi-space", args: ["dist/main.js"] },
] as const;

function residentMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN) / 1024;
}

async function start(
  args: readonly string[],
  databasePath: string,
  extraEnv: Record<string, string> = {},
): Promise<{ child: ChildProcess; base: string; ms: number }> {
  const started = performance.now();
  // The log goes to a file, as to a journal in production: through a pipe to this process, busy
  // generating load, the server's synchronous log writes would wait for it to read (and measure that).
  const logFile = `${databasePath}.log`;
  const log = openSync(logFile, "w");
  const child = spawn(process.execPath, args, {
    cwd: SERVER_DIR,
    env: {
      PATH: process.env.PATH ?? "",
      PORT: "0",
      DATABASE_PATH: databasePath,
      LOG_LEVEL: "info",
      DEMO_PASSWORD: PASSWORD,
      NODE_ENV: "production",
      ...extraEnv,
    },
    stdio: ["ignore", log, log],
  });
  closeSync(log);
  for (;;) {
    const output = readFileSync(logFile, "utf8");
    const port = /running at http:\/\/localhost:(\d+)/.exec(output)?.[1];
    if (port) return { child, base: `http://127.0.0.1:${port}`, ms: performance.now() - started };
    if (child.exitCode !== null || performance.now() - started > 120_000)
      throw new Error(`the server did not start:\n${output.slice(-20_000)}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function stop(child: ChildProcess): Promise<void> {
  child.kill("SIGTERM");
  await new Promise((resolve) => child.once("exit", resolve));
}

function run(options: autocannon.Options, onResponse?: (ms: number) => void): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(options, (error: Error | null, result) => (error ? reject(error) : resolve(result)));
    if (onResponse) instance.on("response", (_client, _status, _bytes, ms: number) => onResponse(ms));
  });
}

/** The p-th percentile of the times (ms), as measured. */
function percentile(times: number[], p: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/** The process's CPU time so far (user and system) in ms, from /proc (clock ticks of 10 ms, Linux's USER_HZ). */
function cpuMs(pid: number): number {
  const fields = (readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1] ?? "").split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/**
 * benchmarks.series through the build at saturation beside the bare endpoint with the same JSON, one
 * after the other in turns (bare, app, bare, app) so a change in the machine's load touches both.
 * Beside the rates, each server's CPU time per answer: on a machine that others load, a rate measures
 * the share of the cores a process got as much as its own cost; the CPU time measures its cost.
 */
async function compareWithBare(series: string, cookie: string, dir: string, appPid: number): Promise<string> {
  const bodyFile = join(dir, "series.json");
  const body = await (await fetch(series, { headers: { cookie } })).text();
  writeFileSync(bodyFile, body);
  const saturate = async (url: string, headers: Record<string, string>, pid: number) => {
    const before = cpuMs(pid);
    const result = await run({ url, connections: 50, duration: 8, headers });
    return { rate: result.requests.average, cpuUs: ((cpuMs(pid) - before) * 1000) / result.requests.total };
  };
  const out: string[] = [];
  for (const compressed of [false, true]) {
    const encoding: Record<string, string> = compressed ? { "accept-encoding": "gzip, br" } : {};
    const bare = await start(["--import", "tsx", "bench/bare-server.ts"], join(dir, "unused.db"), {
      BODY_FILE: bodyFile,
      COMPRESS: compressed ? "1" : "0",
    });
    const bareRuns: { rate: number; cpuUs: number }[] = [];
    const appRuns: { rate: number; cpuUs: number }[] = [];
    for (let round = 0; round < 2; round++) {
      bareRuns.push(await saturate(`${bare.base}/series`, encoding, bare.child.pid ?? 0));
      appRuns.push(await saturate(series, { cookie, ...encoding }, appPid));
    }
    await stop(bare.child);
    const bareRate = Math.max(...bareRuns.map((r) => r.rate));
    const appRate = Math.max(...appRuns.map((r) => r.rate));
    const bareCpu = Math.min(...bareRuns.map((r) => r.cpuUs));
    const appCpu = Math.min(...appRuns.map((r) => r.cpuUs));
    out.push(
      `  ${compressed ? "gzip, br accepted" : "no compression   "}  bare Express ${bareRate.toFixed(0)} req/s, app ${appRate.toFixed(0)} req/s: ` +
        `${((appRate / bareRate) * 100).toFixed(0)} % (target ≥ 80 %); CPU per answer bare ${bareCpu.toFixed(0)} µs, app ${appCpu.toFixed(0)} µs: ` +
        `${((bareCpu / appCpu) * 100).toFixed(0)} %`,
    );
  }
  return (
    `benchmarks.series (${body.length} bytes of JSON, one reader and input: the server's kept answer after the first) through the build ` +
    `at saturation (50 connections, best of two 8 s runs each, for the CPU time the lesser) vs the same JSON from bare Express, ` +
    `load average ${loadavg()[0]?.toFixed(2)} at the end:\n${out.join("\n")}`
  );
}

if (!existsSync(join(SERVER_DIR, "dist/main.js"))) throw new Error("Build the server first: pnpm build");
const dir = mkdtempSync(join(tmpdir(), "malestokk-serve-bench-"));
try {
  // One demo database, seeded once; each mode starts on its own copy of it.
  const seed = join(dir, "seed.db");
  await stop((await start(MODES[1].args, seed)).child);
  const lines: string[] = [];
  const load = () =>
    loadavg()
      .map((n) => n.toFixed(2))
      .join(", ");
  lines.push(`  load average (1, 5, 15 min) at the start: ${load()}`);
  let ratios = "";
  for (const mode of MODES) {
    const db = join(dir, `mode-${MODES.indexOf(mode)}.db`);
    copyFileSync(seed, db);
    const { child, base, ms } = await start(mode.args, db);
    await new Promise((r) => setTimeout(r, 3_000));
    const idle = residentMb(child.pid ?? 0);
    const signIn = await fetch(`${base}/trpc/auth.signIn`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-malestokk-csrf": "1" },
      body: JSON.stringify({ email: "board@demo.example", password: PASSWORD }),
    });
    const cookie = (signIn.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    const input = encodeURIComponent(JSON.stringify({ indicatorCode: "K1", municipalityNumber: "1103", peerGroup: "kostra" }));
    const series = `${base}/trpc/benchmarks.series?input=${input}`;
    const health = await run({ url: `${base}/healthz`, connections: 200, duration: 10 });
    const offered = { url: series, headers: { cookie, "accept-encoding": "gzip, br" } };
    // 400 requests/s evenly spaced, 2 a second on each of 200 connections: what P-11 asks for.
    const loadBeforePaced = load();
    const paced = await pacedLoad({ ...offered, rate: 400, connections: 200, seconds: 15 });
    // autocannon "corrects" every answer for coordinated omission with an expected interval of
    // ceil(1 / rate) = 1 ms (its rate is per second per connection, here 2), adding a sample for every
    // millisecond each answer took; the times as measured are printed beside its figures. Its rate is
    // bursty: each connection sends its 2 requests at the start of each second, so 400 requests arrive
    // at once and wait for each other: p99 is about the time to answer a whole burst on a busy machine.
    const times: number[] = [];
    const loadBeforeBursts = load();
    const fixed = await run({ ...offered, connections: 200, duration: 15, overallRate: 400 }, (ms) => times.push(ms));
    const loaded = residentMb(child.pid ?? 0);
    if (mode === MODES[1]) ratios = await compareWithBare(series, cookie, dir, child.pid ?? 0);
    await stop(child);
    lines.push(
      `  ${mode.label.padEnd(22)} start ${(ms / 1000).toFixed(2)} s  RSS idle ${idle.toFixed(0)} MB, after load ${loaded.toFixed(0)} MB  ` +
        `/healthz ${health.requests.average.toFixed(0)} req/s\n` +
        `    series at 400/s evenly spaced (load ${loadBeforePaced}): ${paced.rate.toFixed(0)} req/s, ` +
        `p50 ${percentile([...paced.latencies], 50).toFixed(1)} ms, p99 ${percentile([...paced.latencies], 99).toFixed(1)} ms, ${paced.failed} errors\n` +
        `    series at 400/s in autocannon's bursts (load ${loadBeforeBursts}): ${fixed.requests.average.toFixed(0)} req/s, ` +
        `as measured p50 ${percentile(times, 50).toFixed(0)} ms, p99 ${percentile(times, 99).toFixed(0)} ms ` +
        `(p50 ${fixed.latency.p50} ms, p99 ${fixed.latency.p99} ms as autocannon corrects them), ` +
        `${fixed.non2xx + fixed.errors} errors (${((fixed.requests.average / health.requests.average) * 100).toFixed(0)} % of /healthz saturation)`,
    );
  }
  lines.push(`  load average at the end: ${load()}`);
  console.log(`The server from outside (autocannon 9, 200 connections):\n${lines.join("\n")}\n${ratios}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
