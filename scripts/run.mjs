#!/usr/bin/env node
// The README's commands in one place, runnable with only Node.js and npm on the machine:
//   npm start  → install dependencies, build the web app, start the server (demo data on first start)
//   npm test   → install dependencies (and Chromium when missing), then every test
//   npm run bench → benchmarks
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, openSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const PNPM_VERSION = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).packageManager.split("@")[1];
const CHROMIUM = "/usr/bin/chromium";
// Headless LibreOffice reads the public API's CSV back in the e2e tests (e2e/specs/csv-libreoffice.e2e.ts).
const SOFFICE = "/usr/bin/soffice";
const BAD_INPUT = "reliability/bad-input.test.ts";

const env = { ...process.env, TURBO_TELEMETRY_DISABLED: "1", CI: process.env.CI ?? "" };
// better-sqlite3 compiles from source here; node-gyp finds Node's headers only through this.
if (existsSync("/usr/include/node") && !env.npm_config_nodedir) env.npm_config_nodedir = "/usr";

function log(message) {
  console.log(`\n▶ ${message}`);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: ROOT, env, stdio: "inherit", ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

function must(command, args, what) {
  const status = run(command, args);
  if (status !== 0) {
    console.error(`\n✖ ${what} failed (exit code ${status}).`);
    process.exit(status);
  }
}

function output(command, args) {
  const result = spawnSync(command, args, { cwd: ROOT, env, encoding: "utf8" });
  return result.status === 0 ? result.stdout.trim() : null;
}

/** The pinned pnpm: the global one if it matches, else installed globally, else through npx. */
function resolvePnpm() {
  const installed = output("pnpm", ["--version"]);
  if (installed === PNPM_VERSION) return ["pnpm"];
  if (installed === null) {
    log(`Installing pnpm ${PNPM_VERSION} (npm install -g)`);
    if (run("npm", ["install", "-g", `pnpm@${PNPM_VERSION}`]) === 0 && output("pnpm", ["--version"]) === PNPM_VERSION) {
      return ["pnpm"];
    }
  }
  // Another pnpm is installed (or a global install is not allowed): leave it alone.
  return ["npx", "--yes", `pnpm@${PNPM_VERSION}`];
}

function installDependencies(pnpm) {
  log("Installing dependencies (pnpm install --frozen-lockfile)");
  must(pnpm[0], [...pnpm.slice(1), "install", "--frozen-lockfile"], "Installing dependencies");
}

function canInstallPackages() {
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  return isRoot && output("which", ["apt-get"]) !== null;
}

function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  if (canInstallPackages()) {
    log("Installing Chromium from Debian's packages for the end-to-end tests");
    must("apt-get", ["update", "-qq"], "apt-get update");
    must("apt-get", ["install", "-y", "-qq", "chromium"], "Installing Chromium");
    return;
  }
  console.error(`\n✖ The end-to-end tests need Chromium at ${CHROMIUM}. Install it with:\n    sudo apt-get install -y chromium\n`);
  process.exit(1);
}

/**
 * Installs what only the end-to-end tests need (Chromium, LibreOffice) in the background, so the download and
 * unpacking (about 100 MB for LibreOffice beside Chromium) overlap the unit stage; `wait()` is called before the
 * e2e stage. Without root (or apt-get) a missing Chromium stops the run at once, as before; a missing LibreOffice
 * is left to its spec, which fails saying how to install it.
 */
function installE2eToolsInBackground() {
  const missing = [
    [CHROMIUM, "chromium"],
    [SOFFICE, "libreoffice-calc-nogui"],
  ].filter(([file]) => !existsSync(file));
  if (missing.length === 0) return { wait: async () => {} };
  if (!canInstallPackages()) {
    if (!existsSync(CHROMIUM)) ensureChromium(); // exits with the instructions
    console.warn(`\n! ${SOFFICE} is missing and cannot be installed here (not root): the LibreOffice e2e step will fail.`);
    return { wait: async () => {} };
  }
  const packages = missing.map(([, name]) => name);
  log(`Installing ${packages.join(" and ")} from Debian's packages in the background, for the end-to-end tests`);
  const aptLog = join(mkdtempSync(join(tmpdir(), "malestokk-apt-")), "apt.log");
  const out = openSync(aptLog, "w");
  const started = Date.now();
  const child = spawn("sh", ["-c", `apt-get update -qq && apt-get install -y -qq ${packages.join(" ")}`], {
    cwd: ROOT,
    env: { ...env, DEBIAN_FRONTEND: "noninteractive" },
    stdio: ["ignore", out, out],
  });
  const done = new Promise((resolve) => child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0))));
  return {
    async wait() {
      const status = await done;
      if (status !== 0) {
        process.stdout.write(readFileSync(aptLog, "utf8"));
        console.error(`\n✖ Installing ${packages.join(" and ")} failed (exit code ${status}).`);
        process.exit(status);
      }
      log(`${packages.join(" and ")} installed in the background in ${Math.round((Date.now() - started) / 1000)} s`);
    },
  };
}

function start(pnpm) {
  installDependencies(pnpm);
  log("Building the web app and the server");
  must(pnpm[0], [...pnpm.slice(1), "exec", "turbo", "run", "build", "--output-logs=errors-only"], "Building the web app and the server");
  log("Starting Målestokk");
  // The built server: plain JavaScript, no TypeScript loader in production (pnpm dev runs the sources).
  // V8's young generation in 4 MB halves instead of up to 16 MB: 30 MB less resident after a load run; and its old
  // space grown by half its live size before the next full collection, not up to four times: a burst of requests
  // otherwise leaves 220+ MB resident that no collection gives back (docs/quality-targets.md#p-11; apps/server/bench/serve.ts).
  const child = spawn(process.execPath, ["--max-semi-space-size=4", "--heap-growing-percent=50", "dist/main.js"], {
    cwd: join(ROOT, "apps/server"),
    env,
    stdio: "inherit",
  });
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

async function test(pnpm) {
  const e2eTools = installE2eToolsInBackground();
  installDependencies(pnpm);
  const exec = (args, what) => must(pnpm[0], [...pnpm.slice(1), "exec", ...args], what);
  log("Format (Prettier, docs/decisions/024-prettier.md)");
  exec(["prettier", "--check", "--log-level", "warn", "."], "Format check (run pnpm format to fix)");
  log("Typecheck, lint, unit/router/component tests and build");
  exec(["turbo", "run", "typecheck", "lint", "test", "build", "--output-logs=errors-only", "--continue"], "Checks and tests");
  exec(["tsc", "-p", "tsconfig.json"], "Typecheck of the root files");
  exec(["eslint", "eslint.config.js", "vitest.config.ts", "scripts", "tooling"], "Lint of the root files");
  exec(["vitest", "run", "--project", "tooling"], "Test of the lint rules (a cycle and a cross-feature import fail)");
  log("Initial JavaScript budget (docs/quality-targets.md#p-4)");
  must(process.execPath, ["scripts/bundle-size.mjs"], "Bundle budget");
  // The reliability tests run beside the end-to-end tests: both mostly wait (on processes they kill, on the
  // browser), and one after the other they took the whole run past 20 minutes. Their output follows the e2e's.
  // The bad-input test compares event-loop stalls with a baseline, so it runs alone afterwards.
  await e2eTools.wait();
  log("End-to-end tests (Playwright + Chromium + axe-core), with the reliability tests beside them");
  const reliabilityLog = join(mkdtempSync(join(tmpdir(), "malestokk-reliability-")), "reliability.log");
  const reliabilityOut = openSync(reliabilityLog, "w");
  const reliability = spawn(pnpm[0], [...pnpm.slice(1), "--filter", "@malestokk/server", "test:reliability", "--exclude", BAD_INPUT], {
    cwd: ROOT,
    env,
    stdio: ["ignore", reliabilityOut, reliabilityOut],
  });
  const reliabilityDone = new Promise((resolve) => reliability.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0))));
  const e2e = run(pnpm[0], [...pnpm.slice(1), "exec", "turbo", "run", "test:e2e", "--output-logs=full"]);
  if (e2e !== 0) {
    reliability.kill("SIGTERM");
    console.error(`\n✖ End-to-end tests failed (exit code ${e2e}).`);
    process.exit(e2e);
  }
  log("Reliability: crashes, load, lost updates, backup and restore");
  const status = await reliabilityDone;
  process.stdout.write(readFileSync(reliabilityLog, "utf8"));
  if (status !== 0) {
    console.error(`\n✖ Reliability tests failed (exit code ${status}).`);
    process.exit(status);
  }
  log("Reliability: bad input, alone (it measures event-loop stalls)");
  must(pnpm[0], [...pnpm.slice(1), "--filter", "@malestokk/server", "test:reliability", BAD_INPUT], "Reliability test of bad input");
  log("All tests passed.");
}

function bench(pnpm) {
  installDependencies(pnpm);
  // The page-load benchmark (e2e) drives Chromium.
  ensureChromium();
  // One package at a time: benchmarks running side by side on two cores would measure each other.
  must(pnpm[0], [...pnpm.slice(1), "exec", "turbo", "run", "bench", "--output-logs=full", "--concurrency=1"], "Benchmarks");
}

const command = process.argv[2];
const pnpm = resolvePnpm();
if (command === "start") start(pnpm);
else if (command === "test") await test(pnpm);
else if (command === "bench") bench(pnpm);
else {
  console.error("usage: node scripts/run.mjs start|test|bench");
  process.exit(2);
}
