import { parseArgs } from "node:util";

import { AppError, COMMAND_LINE_ACTOR, FileReader, importCostFile, readLocalFile } from "@malestokk/api";
import { getCostReport, getReportingUnitByNumber } from "@malestokk/db";
import {
  describeCostFileChanges,
  describeCostFileIssue,
  describeCostFileNote,
  describeCostFileProblems,
  describeCostFileRead,
  describeCostImportDone,
  describeCostImportRefusal,
  isCostImportReportRefusal,
  MAX_COST_FILE_BYTES,
} from "@malestokk/domain";

import { loadCliLanguage } from "../env";
import { withDatabase } from "./database";
import { USAGE } from "./usage";

/**
 * `import:costs`: a dry run first, then (without --dry-run) the import. Every refusal is one sentence
 * in the user's language (LANG), from the same texts as the web (ADR 011); row problems come one per
 * line, then a summary. Exit code 1 on any refusal, of a preview too.
 */
export async function importCostsCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { org: { type: "string" }, year: { type: "string" }, "dry-run": { type: "boolean", default: false } },
  });
  const file = positionals[0];
  if (!file) throw new Error(`Name a CSV or XLSX file.\n\n${USAGE}`);
  if (!/^(\d{4}|\d{9})$/.test(values.org ?? ""))
    throw new Error("--org: a municipality number (4 digits) or an IT cooperative's organisation number (9)");
  const year = Number(values.year);
  if (!Number.isInteger(year)) throw new Error("--year: the reporting year, e.g. 2025");
  const lang = loadCliLanguage();
  const context = { fileName: file, year };
  // A file over the limit is refused from its size: only its first bytes are read (issue 18). A
  // smaller one is read once, for both runs.
  const { bytes, size } = await readLocalFile(file, MAX_COST_FILE_BYTES);
  if (size > MAX_COST_FILE_BYTES) {
    console.log(
      describeCostImportRefusal({ code: "FILE_TOO_LARGE", params: { bytes: size, maxBytes: MAX_COST_FILE_BYTES } }, context, lang),
    );
    process.exitCode = 1;
    return;
  }
  const fileReader = new FileReader();
  let ok: boolean;
  try {
    ok = await withDatabase(async (db) => {
      const municipality = getReportingUnitByNumber(db, values.org ?? "");
      if (!municipality) throw new Error(`--org: no municipality or IT cooperative ${values.org}`);
      const version = getCostReport(db, municipality.id, year)?.version ?? null;
      const run = async (dryRun: boolean) => {
        try {
          return await importCostFile(
            db,
            municipality,
            { year, expectedVersion: version, bytes, size, fileName: file, dryRun },
            { now: new Date(), actor: COMMAND_LINE_ACTOR, fileReader },
          );
        } catch (error) {
          // The report cannot take the lines (its status, a closed year, a change meanwhile): said as the web says it.
          if (!(error instanceof AppError) || !isCostImportReportRefusal(error.appCode)) throw error;
          console.log(describeCostImportRefusal({ code: error.appCode, params: error.params }, context, lang));
          return null;
        }
      };
      const report = await run(true);
      if (!report) return false;
      if (report.fileError) {
        console.log(describeCostImportRefusal(report.fileError, context, lang));
        return false;
      }
      if (report.ok)
        console.log(
          describeCostFileRead({ fileName: file, format: report.format, encoding: report.encoding, delimiter: report.delimiter }, lang),
        );
      for (const warning of report.warnings) console.log(`  ${describeCostFileNote(warning, lang)}`);
      if (!report.ok) {
        for (const issue of report.issues) console.log(`  ${describeCostFileIssue(issue, lang)}`);
        console.log(describeCostFileProblems(file, report.issues, lang));
        return false;
      }
      const changes = report.changes ?? { added: [], changed: [], removed: [] };
      console.log(
        `  ${describeCostFileChanges({ lineCount: report.lineCount, total: report.total.after ?? 0, before: report.total.before, added: changes.added.length, changed: changes.changed.length, removed: changes.removed.length }, lang)}`,
      );
      if (values["dry-run"]) {
        console.log(describeCostImportDone({ dryRun: true }, lang));
        return true;
      }
      const done = await run(false);
      if (!done) return false;
      console.log(
        describeCostImportDone({ dryRun: false, written: done.written, year, name: municipality.name, version: done.version }, lang),
      );
      return true;
    });
  } finally {
    await fileReader.close();
  }
  if (!ok) process.exitCode = 1;
}
