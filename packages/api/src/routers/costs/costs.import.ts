import { getCostReport, listCostLines, listSystems, type Db, type ReportingUnit } from "@malestokk/db";
import {
  costLineChanges,
  type CostFileIssue,
  type CostFileWarning,
  type CostFileError,
  type CostLine,
  type CostLineChanges,
} from "@malestokk/domain";

import type { ChangeOptions } from "../../context";
import { AppError } from "../../errors";
import type { FileReader } from "../../files/file-reader";
import { contentOf } from "./costs.view";
import { requireEditableReport, saveCostReportContent } from "./costs.save";

// Importing a cost file into a report: a dry run that shows every change, or the import itself.

export interface CostImportReport {
  readonly ok: boolean;
  readonly dryRun: boolean;
  readonly written: boolean;
  readonly version: number | null;
  readonly format: "csv" | "xlsx";
  readonly encoding: string | null;
  readonly delimiter: string | null;
  readonly fileError: CostFileError | null;
  /** Every problem, by row (as numbered in the spreadsheet), column, value and reason. */
  readonly issues: readonly CostFileIssue[];
  readonly warnings: readonly CostFileWarning[];
  readonly lineCount: number;
  readonly total: { readonly before: number | null; readonly after: number | null };
  /** What the import changes, line by line and per IT service (null when the file is refused). */
  readonly changes: CostLineChanges | null;
}

/**
 * Imports a report's lines from a CSV or XLSX file: the lines replace the report's lines, the
 * rest of the report (volumes, overrides, explanations) stays. A dry run (and a refused file)
 * writes nothing; a commit is all or nothing, and the same file twice changes nothing the second time.
 * A dry run is refused as the commit would be: a report that cannot take lines (its status, a closed
 * year) or that changed since the version read throws the same AppError, before the file is read.
 */
export async function importCostFile(
  db: Db,
  municipality: ReportingUnit,
  input: {
    year: number;
    expectedVersion: number | null;
    bytes: Uint8Array;
    /** The size on disk when `bytes` may be only the start of a file too large to read (see `readLocalFile`). */
    size?: number;
    fileName: string;
    dryRun: boolean;
  },
  options: ChangeOptions & { fileReader: FileReader },
): Promise<CostImportReport> {
  requireEditableReport(db, municipality, input.year, input.expectedVersion);
  const systems = listSystems(db, municipality.id).map(({ id, name }) => ({ id, name }));
  // Read in a worker thread; from here on everything is synchronous, so the report and the lines
  // compared against are read in the same turn as the write.
  const parsed = await options.fileReader.readCostFile({ bytes: input.bytes, size: input.size, fileName: input.fileName, systems });
  const current = getCostReport(db, municipality.id, input.year);
  const currentLines = current ? listCostLines(db, current.id) : [];
  const base = {
    dryRun: input.dryRun,
    format: parsed.format,
    encoding: parsed.ok ? (parsed.encoding ?? null) : null,
    delimiter: parsed.ok ? (parsed.delimiter ?? null) : null,
    warnings: parsed.warnings,
  };
  if (!parsed.ok) {
    const report: CostImportReport = {
      ...base,
      ok: false,
      written: false,
      version: current?.version ?? null,
      fileError: parsed.fileError ?? null,
      issues: parsed.issues,
      lineCount: 0,
      total: { before: current?.totalItCost ?? null, after: null },
      changes: null,
    };
    if (input.dryRun) return report;
    throw new AppError("IMPORT_REJECTED", {
      message: "The cost file has errors",
      params: { reason: parsed.fileError?.code ?? "ROW_ERRORS", count: parsed.issues.length },
      issues: parsed.issues.map((i) => ({
        path: ["rows", i.row, i.column],
        code: i.code,
        params: { ...i.params, row: i.row, value: i.value },
      })),
    });
  }
  const lines: CostLine[] = parsed.lines.map(({ row: _row, ...line }) => line);
  const changes = costLineChanges(currentLines, lines, new Map(systems.map((s) => [s.id, s.name])));
  let written = false;
  let version = current?.version ?? null;
  if (!input.dryRun) {
    const content = current ? contentOf(current, currentLines) : null;
    const result = saveCostReportContent(
      db,
      municipality,
      {
        year: input.year,
        expectedVersion: input.expectedVersion,
        lines,
        itUserAccounts: content?.itUserAccounts ?? null,
        employeesFte: content?.employeesFte ?? null,
        populationOverride: content?.populationOverride ?? null,
        grossOperatingExpenditureOverride: content?.grossOperatingExpenditureOverride ?? null,
        warningComments: content?.warningComments ?? {},
        allocation: content?.allocation ?? null,
      },
      { now: options.now, actor: options.actor, source: "import", fileName: input.fileName },
    );
    written = result.written;
    version = result.version;
  }
  return {
    ...base,
    ok: true,
    written,
    version,
    fileError: null,
    issues: [],
    lineCount: lines.length,
    total: { before: current?.totalItCost ?? null, after: parsed.totals.total },
    changes,
  };
}
