import {
  appendAudit,
  applyPopulationImport,
  listMunicipalityNumbers,
  previewPopulationImport,
  type Db,
  type ImportPreview,
} from "@malestokk/db";
import {
  IMPORT_MEASURES,
  JsonStatError,
  parseJsonStat,
  planMeasureImport,
  type ImportMeasure,
  type ImportPlan,
} from "@malestokk/domain";

import { AppError } from "../../errors";

export interface ImportReport {
  readonly measure: ImportMeasure;
  readonly tableId: string | null;
  readonly dryRun: boolean;
  readonly written: number;
  readonly preview: ImportPreview;
  readonly skipped: ImportPlan["skipped"];
  readonly notAllocatable: ImportPlan["notAllocatable"];
  readonly totals: ImportPlan["totals"];
}

/**
 * Imports one measure from a JSON-stat 2.0 file (SSB's statistics bank). A dry run returns the
 * preview and the report and writes nothing; otherwise the changed values, the recomputed
 * indicators and the audit entry are written in one transaction, or nothing is.
 */
export function importJsonStat(
  db: Db,
  args: {
    text: string;
    measure: ImportMeasure;
    dryRun: boolean;
    now: Date;
    actor: { userId: number | null; email: string; ip: string | null };
    fileName?: string | null;
  },
): ImportReport {
  let plan: ImportPlan;
  let tableId: string | null;
  try {
    const dataset = parseJsonStat(args.text);
    tableId = dataset.tableId;
    const expected = IMPORT_MEASURES[args.measure].table;
    if (tableId !== null && tableId !== expected) {
      throw new JsonStatError("BAD_STRUCTURE", { detail: "wrong table", expected, actual: tableId });
    }
    plan = planMeasureImport({ dataset, measure: args.measure, knownNumbers: listMunicipalityNumbers(db) });
  } catch (error) {
    if (error instanceof JsonStatError) {
      throw new AppError("IMPORT_REJECTED", { message: error.message, params: { ...error.params, reason: error.code } });
    }
    throw error;
  }
  const source = `ssb:${IMPORT_MEASURES[args.measure].table}`;
  const at = args.now.toISOString();
  const report = db.transaction(
    (tx) => {
      const preview = previewPopulationImport(tx, plan, source);
      const written = args.dryRun ? 0 : applyPopulationImport(tx, preview, { source, now: at });
      if (!args.dryRun) {
        appendAudit(tx, {
          at,
          actorUserId: args.actor.userId,
          actorEmail: args.actor.email,
          ip: args.actor.ip,
          action: "reference.imported",
          entity: "jsonstat",
          entityId: tableId ?? undefined,
          details: { measure: args.measure, fileName: args.fileName ?? null, written, unchanged: preview.unchanged, totals: plan.totals },
        });
      }
      return { measure: args.measure, tableId, dryRun: args.dryRun, written, preview, skipped: plan.skipped, notAllocatable: plan.notAllocatable, totals: plan.totals };
    },
    { behavior: "immediate" },
  );
  return report;
}
