import {
  appendAudit,
  applyKostraGroups,
  applyRegisterNames,
  currentMunicipalityNames,
  previewRegisterNames,
  type NameChange,
  applyPopulationImport,
  previewKostraGroups,
  type KostraChange,
  listMunicipalityNumbers,
  previewPopulationImport,
  type Db,
  type ImportPreview,
} from "@malestokk/db";
import {
  IMPORT_MEASURES,
  JsonStatError,
  parseJsonStat,
  parseKlassCodes,
  parseKlassCorrespondence,
  planKostraGroups,
  planRegisterNames,
  type KostraPlan,
  planMeasureImport,
  type ImportMeasure,
  type ImportPlan,
} from "@malestokk/domain";

import { AppError } from "../../errors";

/** Runs a parse or plan step; a format error in the file becomes IMPORT_REJECTED with its reason. */
function readFile<T>(step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (error instanceof JsonStatError) {
      throw new AppError("IMPORT_REJECTED", { message: error.message, params: { ...error.params, reason: error.code } });
    }
    throw error;
  }
}

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
  const { plan, tableId } = readFile(() => {
    const dataset = parseJsonStat(args.text);
    const expected = IMPORT_MEASURES[args.measure].table;
    if (dataset.tableId !== null && dataset.tableId !== expected) {
      throw new JsonStatError("BAD_STRUCTURE", { detail: "wrong table", expected, actual: dataset.tableId });
    }
    return {
      tableId: dataset.tableId,
      plan: planMeasureImport({ dataset, measure: args.measure, knownNumbers: listMunicipalityNumbers(db) }),
    };
  });
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

export interface KostraImportReport {
  readonly dryRun: boolean;
  readonly year: number;
  readonly written: number;
  readonly changes: readonly KostraChange[];
  readonly unchanged: number;
  readonly skipped: KostraPlan["skipped"];
  readonly unassigned: readonly string[];
}

/**
 * KOSTRA groups from a KLASS correspondence (municipalities 131 ↔ KOSTRA groups 112) for a year;
 * replaces the groups of the units it names, whole or not at all.
 */
export function importKostraGroups(
  db: Db,
  args: { text: string; year: number; dryRun: boolean; now: Date; actor: { userId: number | null; email: string; ip: string | null } },
): KostraImportReport {
  const plan = readFile(() =>
    planKostraGroups({ items: parseKlassCorrespondence(args.text), year: args.year, knownNumbers: listMunicipalityNumbers(db) }),
  );
  const source = `klass:112 ${args.year}`;
  return db.transaction(
    (tx) => {
      const preview = previewKostraGroups(tx, plan, source);
      const written = args.dryRun ? 0 : applyKostraGroups(tx, preview.changes, source);
      if (!args.dryRun) {
        appendAudit(tx, {
          at: args.now.toISOString(),
          actorUserId: args.actor.userId,
          actorEmail: args.actor.email,
          ip: args.actor.ip,
          action: "reference.imported",
          entity: "klass",
          entityId: "112",
          details: { year: args.year, written, unchanged: preview.unchanged, skipped: plan.skipped.length, unassigned: plan.unassigned.length },
        });
      }
      return { dryRun: args.dryRun, year: args.year, written, changes: preview.changes, unchanged: preview.unchanged, skipped: plan.skipped, unassigned: plan.unassigned };
    },
    { behavior: "immediate" },
  );
}

export interface RegisterNamesReport {
  readonly dryRun: boolean;
  readonly written: number;
  readonly changes: readonly NameChange[];
  readonly unchanged: number;
  readonly unknown: readonly string[];
  readonly missing: readonly string[];
}

/** Refreshes municipality names (and Sámi/Kven parallel names) from KLASS 131 codes. */
export function importRegisterNames(
  db: Db,
  args: { text: string; dryRun: boolean; now: Date; actor: { userId: number | null; email: string; ip: string | null } },
): RegisterNamesReport {
  const codes = readFile(() => parseKlassCodes(args.text));
  return db.transaction(
    (tx) => {
      const plan = planRegisterNames(codes, currentMunicipalityNames(tx));
      const preview = previewRegisterNames(tx, plan);
      const written = args.dryRun ? 0 : applyRegisterNames(tx, preview.changes);
      if (!args.dryRun) {
        appendAudit(tx, {
          at: args.now.toISOString(),
          actorUserId: args.actor.userId,
          actorEmail: args.actor.email,
          ip: args.actor.ip,
          action: "reference.imported",
          entity: "klass",
          entityId: "131",
          details: { written, changes: preview.changes, unknown: plan.unknown, missing: plan.missing },
        });
      }
      return { dryRun: args.dryRun, written, changes: preview.changes, unchanged: preview.unchanged, unknown: plan.unknown, missing: plan.missing };
    },
    { behavior: "immediate" },
  );
}
