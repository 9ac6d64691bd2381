// Reports the gzip size of the JavaScript a first visit loads: the entry chunk and every chunk it
// imports statically (lazy routes and charts excluded). Fails above the budget in docs/quality-targets.md#p-4.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const BUDGET_BYTES = 150 * 1024;
const dist = process.argv[2] ?? "apps/web/dist";
const manifest = JSON.parse(readFileSync(join(dist, ".vite", "manifest.json"), "utf8"));

const seen = new Set();
function walk(key) {
  if (seen.has(key)) return;
  seen.add(key);
  for (const imported of manifest[key].imports ?? []) walk(imported);
}
const entries = Object.entries(manifest).filter(([, chunk]) => chunk.isEntry);
for (const [key] of entries) walk(key);

let total = 0;
for (const key of seen) {
  const file = manifest[key].file;
  const size = gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
  total += size;
  console.log(`${(size / 1024).toFixed(1).padStart(7)} kB  ${file}`);
}
const verdict = total <= BUDGET_BYTES ? "within" : "OVER";
console.log(`${(total / 1024).toFixed(1).padStart(7)} kB  initial JavaScript, gzip (${verdict} the ${BUDGET_BYTES / 1024} kB budget)`);
// Server code must never reach the browser (docs/style.md#boundaries): a stray value import of the api or db
// package would drag in the database driver.
const SERVER_MARKERS = ["Cannot open database because the directory does not exist", "better_sqlite3.node", "$argon2id$"];
const leaks = readdirSync(join(dist, "assets"))
  .filter((file) => file.endsWith(".js"))
  .filter((file) => {
    const text = readFileSync(join(dist, "assets", file), "utf8");
    return SERVER_MARKERS.some((marker) => text.includes(marker));
  });
if (leaks.length > 0) console.log(`Server code found in the web bundle: ${leaks.join(", ")}`);

// The reading pages load neither recharts (it comes with the first chart near the screen) nor zod (the forms'
// rules): either one, pulled into a shared chunk, was evaluated on every page's load (issue 21, P-3).
const READING_PAGES = ["home", "municipality-list", "municipality", "profile", "indicator", "sector"];
const HEAVY = [
  { name: "recharts", marker: "recharts-wrapper" },
  { name: "zod", marker: "ZodError" },
];
const heavyLoads = [];
for (const page of READING_PAGES) {
  const key = `src/app/routes/${page}.route.tsx`;
  if (!manifest[key]) {
    heavyLoads.push(`${key} is not in the build's manifest`);
    continue;
  }
  const loaded = new Set();
  const visit = (k) => {
    if (loaded.has(k)) return;
    loaded.add(k);
    for (const imported of manifest[k].imports ?? []) visit(imported);
  };
  visit(key);
  for (const k of loaded) {
    const text = readFileSync(join(dist, manifest[k].file), "utf8");
    for (const heavy of HEAVY) if (text.includes(heavy.marker)) heavyLoads.push(`${page} loads ${heavy.name} (${manifest[k].file})`);
  }
}
if (heavyLoads.length > 0) console.log(`A reading page loads what it does not need at once:\n  ${heavyLoads.join("\n  ")}`);
if (total > BUDGET_BYTES || leaks.length > 0 || heavyLoads.length > 0) process.exit(1);
