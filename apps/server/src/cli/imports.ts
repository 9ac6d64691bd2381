import { parseArgs } from "node:util";
import { readFile } from "node:fs/promises";

import {
  COMMAND_LINE_ACTOR,
  importJsonStat,
  importKostraGroups,
  importRegisterNames,
  importRegionChanges,
  type ImportReport,
} from "@malestokk/api";
import { IMPORT_MEASURE_CODES, type ImportMeasure } from "@malestokk/domain";

import { withDatabase } from "./database";
import { USAGE } from "./usage";

// Statistics and register imports: SSB's JSON-stat tables and KLASS classifications.

function printReport(report: ImportReport): void {
  const { totals } = report;
  const line = (label: string, t: { count: number; sum: number }) =>
    console.log(`  ${label.padEnd(18)} ${String(t.count).padStart(7)} values  sum ${t.sum}`);
  console.log(`${report.dryRun ? "DRY RUN (nothing written)" : "Imported"}: ${report.measure} from table ${report.tableId ?? "?"}`);
  line("in the file", totals.file);
  line("imported", totals.imported);
  line("skipped", totals.skipped);
  line("not allocatable", totals.notAllocatable);
  console.log(`  ${report.preview.changes.length} new or changed, ${report.preview.unchanged} unchanged, ${report.written} written`);
  const reasons = new Map<string, number>();
  for (const s of report.skipped) reasons.set(s.reason, (reasons.get(s.reason) ?? 0) + 1);
  for (const [reason, count] of reasons) console.log(`  skipped ${count} × ${reason}`);
  for (const n of report.notAllocatable) console.log(`  not allocatable: ${n.code} ${n.label} ${n.year} (split into ${n.into.join(", ")})`);
  const balanced = totals.imported.count + totals.skipped.count + totals.notAllocatable.count === totals.file.count;
  console.log(`  every value accounted for: ${balanced ? "yes" : "NO"}`);
}

async function readSource(source: string): Promise<string> {
  if (/^https?:\/\//.test(source)) {
    const response = await fetch(source, { signal: AbortSignal.timeout(60_000) });
    if (!response.ok) throw new Error(`${source} answered ${response.status}`);
    return response.text();
  }
  return readFile(source, "utf8");
}

export async function importKlassCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      "kostra-groups": { type: "boolean", default: false },
      names: { type: "boolean", default: false },
      changes: { type: "boolean", default: false },
      year: { type: "string" },
      "dry-run": { type: "boolean", default: false },
    },
  });
  const source = positionals[0];
  const kinds = [values["kostra-groups"], values.names, values.changes].filter(Boolean).length;
  if (!source || kinds !== 1) throw new Error(`Name a file or URL and one of --kostra-groups, --names or --changes.\n\n${USAGE}`);
  if (values.changes) {
    const text = await readSource(source);
    const report = await withDatabase((db) =>
      importRegionChanges(db, { text, dryRun: values["dry-run"] }, { now: new Date(), actor: COMMAND_LINE_ACTOR }),
    );
    const { summary, preview } = report;
    console.log(
      `${report.dryRun ? "DRY RUN (nothing written)" : "Imported"}: changes of municipality numbers ${summary.firstDate ?? ""} – ${summary.lastDate ?? ""}`,
    );
    console.log(`  ${summary.renumbered} renumbered, ${summary.merges} merges, ${summary.splits.length} splits`);
    console.log(`  ${preview.added.length} added, ${preview.removed.length} removed, ${preview.unchanged} unchanged`);
    for (const split of summary.splits)
      console.log(`  split ${split.occurred}: ${split.from} → ${split.into.join(", ")} (its figures cannot be allocated)`);
    console.log(`  data years mapped from ${report.firstMappedYear.after} (was ${report.firstMappedYear.before})`);
    return;
  }
  if (values.names) {
    const text = await readSource(source);
    const report = await withDatabase((db) =>
      importRegisterNames(db, { text, dryRun: values["dry-run"] }, { now: new Date(), actor: COMMAND_LINE_ACTOR }),
    );
    console.log(`${report.dryRun ? "DRY RUN (nothing written)" : "Imported"}: register names`);
    console.log(`  ${report.changes.length} changed, ${report.unchanged} unchanged, ${report.written} written`);
    for (const c of report.changes)
      console.log(`  ${c.number}: ${c.before.name} (${c.before.altName ?? "–"}) → ${c.after.name} (${c.after.altName ?? "–"})`);
    if (report.unknown.length > 0) console.log(`  not in the 2024 division, ignored: ${report.unknown.join(", ")}`);
    if (report.missing.length > 0) console.log(`  ${report.missing.length} municipalities not in the file`);
    return;
  }
  const year = Number(values.year);
  if (!Number.isInteger(year) || year < 2020 || year > 2100) throw new Error("--year: the year the groups apply to, 2020 or later");
  const text = await readSource(source);
  const report = await withDatabase((db) =>
    importKostraGroups(db, { text, year, dryRun: values["dry-run"] }, { now: new Date(), actor: COMMAND_LINE_ACTOR }),
  );
  console.log(`${report.dryRun ? "DRY RUN (nothing written)" : "Imported"}: KOSTRA groups ${report.year}`);
  console.log(`  ${report.changes.length} new or changed, ${report.unchanged} unchanged, ${report.written} written`);
  for (const s of report.skipped) console.log(`  skipped ${s.code} ${s.name}: ${s.reason}`);
  if (report.unassigned.length > 0) console.log(`  ${report.unassigned.length} municipalities got no group from this file`);
}

export async function importCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { measure: { type: "string" }, "dry-run": { type: "boolean", default: false } },
  });
  const source = positionals[0];
  if (!source) throw new Error(`Name a file or URL.\n\n${USAGE}`);
  if (!IMPORT_MEASURE_CODES.includes(values.measure as ImportMeasure)) {
    throw new Error(`--measure: one of ${IMPORT_MEASURE_CODES.join(", ")}`);
  }
  const text = await readSource(source);
  const report = await withDatabase((db) =>
    importJsonStat(
      db,
      {
        text,
        measure: values.measure as ImportMeasure,
        dryRun: values["dry-run"],
        fileName: source,
      },
      { now: new Date(), actor: COMMAND_LINE_ACTOR },
    ),
  );
  printReport(report);
}
