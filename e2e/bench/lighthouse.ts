import { writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";

import * as chromeLauncher from "chrome-launcher";
import lighthouse, { type Flags } from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { E2E_PASSWORD } from "../support/global-setup";

// Lighthouse 12.8 in Debian's Chromium against the built app on a fresh demo database (issue 21):
// every main page, mobile and desktop presets, with Lighthouse's own (simulated) throttling.
// Printed when the run ends; LIGHTHOUSE_JSON=<file> also writes the figures as JSON, LIGHTHOUSE_REPORTS=<dir> each
// full report. LIGHTHOUSE_COMPARE=<url> audits a second server (an earlier build) beside this one, page by page
// in turn, so before and after meet the same load on a shared machine; LIGHTHOUSE_URL=<url> audits a running server
// (with the demo data and the e2e password) instead of starting one; LIGHTHOUSE_PAGES=<text> keeps the pages
// whose label contains it, LIGHTHOUSE_PRESET=mobile|desktop one preset, LIGHTHOUSE_RUNS=<n> repeats each audit.
const CHROMIUM = "/usr/bin/chromium";
const FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const PAGES: readonly { label: string; path: string; signedIn: boolean }[] = [
  { label: "sign-in page", path: "/", signedIn: false },
  { label: "municipality list (/)", path: "/", signedIn: true },
  { label: "municipality (/kommune/5001)", path: "/kommune/5001", signedIn: true },
  { label: "profile (/kommune/5001/profil)", path: "/kommune/5001/profil", signedIn: true },
  { label: "indicator (/kommune/5001/indikator/K1)", path: "/kommune/5001/indikator/K1", signedIn: true },
  { label: "sector (/sektor)", path: "/sektor", signedIn: true },
];
const PRESETS = ["mobile", "desktop"] as const;

interface Figures {
  server: string;
  page: string;
  preset: (typeof PRESETS)[number];
  performance: number;
  accessibility: number;
  fcp: number;
  lcp: number;
  tbt: number;
  cls: number;
  /**
   * Lighthouse's measure of how fast this machine ran a fixed piece of work during the audit. Its simulated phone
   * is this machine slowed four times, so a sitting at 1 600 scores lower than one at 2 800 with the same build:
   * these machines have ranged that far within an hour
   * (docs/quality-targets.md#lighthouse-the-lists-first-rows-the-take-over-in-slices-issue-21-the-session-after-that).
   */
  benchmarkIndex: number;
}

const env = process.env;
const servers = [
  { name: "this build", url: env.LIGHTHOUSE_URL ?? inject("baseUrl"), cookie: "" },
  ...(env.LIGHTHOUSE_COMPARE ? [{ name: "compared", url: env.LIGHTHOUSE_COMPARE, cookie: "" }] : []),
];
const pages = PAGES.filter((page) => page.label.includes(env.LIGHTHOUSE_PAGES ?? ""));
const presets = PRESETS.filter((preset) => preset === (env.LIGHTHOUSE_PRESET ?? preset));
const runs = Number(env.LIGHTHOUSE_RUNS ?? 1);
let chrome: chromeLauncher.LaunchedChrome;
const results: Figures[] = [];

beforeAll(async () => {
  for (const server of servers) {
    const res = await fetch(`${server.url}/trpc/auth.signIn`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-malestokk-csrf": "1" },
      body: JSON.stringify({ email: "board@demo.example", password: E2E_PASSWORD }),
    });
    server.cookie = (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    expect(server.cookie).not.toBe("");
  }
  chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: FLAGS });
});

/** The median of each figure over the runs of one page, preset and server. */
function medians(): Figures[] {
  const groups = new Map<string, [Figures, ...Figures[]]>();
  for (const f of results) {
    const key = `${f.server}|${f.page}|${f.preset}`;
    const group = groups.get(key);
    if (group) group.push(f);
    else groups.set(key, [f]);
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
  return [...groups.values()].map((group) => ({
    ...group[0],
    performance: median(group.map((f) => f.performance)),
    accessibility: median(group.map((f) => f.accessibility)),
    fcp: median(group.map((f) => f.fcp)),
    lcp: median(group.map((f) => f.lcp)),
    tbt: median(group.map((f) => f.tbt)),
    cls: median(group.map((f) => f.cls)),
    benchmarkIndex: median(group.map((f) => f.benchmarkIndex)),
  }));
}

afterAll(() => {
  chrome?.kill();
  const target = (f: Figures) =>
    f.preset === "mobile" ? f.performance >= 90 && f.fcp <= 1800 && f.lcp <= 2500 && f.cls <= 0.1 : f.performance >= 98 && f.cls <= 0.1;
  const lines = medians().map(
    (f) =>
      `  ${servers.length > 1 ? `${f.server.padEnd(11)} ` : ""}${f.page.padEnd(40)} ${f.preset.padEnd(7)} perf ${String(f.performance).padStart(3)}  a11y ${String(f.accessibility).padStart(3)}  FCP ${(f.fcp / 1000).toFixed(2)} s  LCP ${(f.lcp / 1000).toFixed(2)} s  TBT ${f.tbt.toFixed(0).padStart(4)} ms  CLS ${f.cls.toFixed(3)}  ${target(f) ? "within" : "OVER"}  (machine ${f.benchmarkIndex.toFixed(0)})`,
  );
  const of = runs > 1 ? `, median of ${runs} runs` : "";
  console.log(
    `Lighthouse 12.8 (targets: mobile perf ≥ 90, FCP ≤ 1.8 s, LCP ≤ 2.5 s; desktop perf ≥ 98; CLS ≤ 0.1${of}; load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}; machine: Lighthouse's benchmark index, higher is faster):\n${lines.join("\n")}`,
  );
  if (env.LIGHTHOUSE_JSON) writeFileSync(env.LIGHTHOUSE_JSON, JSON.stringify(results, null, 2));
});

describe("Lighthouse", () => {
  for (const page of pages) {
    for (const preset of presets) {
      it(`${page.label}, ${preset}`, { timeout: 180_000 * runs * servers.length }, async () => {
        for (let run = 1; run <= runs; run++) {
          for (const server of servers) {
            const flags: Flags = {
              port: chrome.port,
              output: "json",
              logLevel: "error",
              onlyCategories: ["performance", "accessibility"],
              ...(page.signedIn ? { extraHeaders: { Cookie: server.cookie } } : {}),
            };
            const audit = async () =>
              (await lighthouse(`${server.url}${page.path}`, flags, preset === "desktop" ? desktopConfig : undefined))?.lhr;
            // Now and then Chromium's trace misses the navigation start (NO_NAVSTART): a second run settles it.
            let lhr = await audit();
            if (lhr?.runtimeError) lhr = await audit();
            expect(lhr?.runtimeError).toBeUndefined();
            if (env.LIGHTHOUSE_REPORTS && lhr) {
              const name = `${page.label.replace(/\W+/g, "-")}${preset}-${server.name.replace(/\W+/g, "-")}-${run}.json`;
              writeFileSync(join(env.LIGHTHOUSE_REPORTS, name), JSON.stringify(lhr));
            }
            const value = (id: string) => lhr?.audits[id]?.numericValue ?? Number.NaN;
            results.push({
              server: server.name,
              page: page.label,
              preset,
              performance: Math.round((lhr?.categories.performance?.score ?? 0) * 100),
              accessibility: Math.round((lhr?.categories.accessibility?.score ?? 0) * 100),
              fcp: value("first-contentful-paint"),
              lcp: value("largest-contentful-paint"),
              tbt: value("total-blocking-time"),
              cls: value("cumulative-layout-shift"),
              benchmarkIndex: lhr?.environment.benchmarkIndex ?? Number.NaN,
            });
          }
        }
      });
    }
  }
});
