import {
  appendAudit,
  applyKostraGroups,
  applyRegisterNames,
  loadCrosswalk,
  previewRegionChanges,
  replaceRegionChanges,
  type RegionChangesPreview,
  currentMunicipalityNames,
  previewRegisterNames,
  type NameChange,
  applyMeasureImport,
  previewKostraGroups,
  type KostraChange,
  listMunicipalityNumbers,
  previewMeasureImport,
  type Db,
  type DbOrTx,
  type ImportPreview,
} from "@malestokk/db";
import {
  IMPORT_MEASURES,
  JsonStatError,
  parseJsonStat,
  parseKlassCodes,
  parseKlassCorrespondence,
  parseKlassChanges,
  createCrosswalk,
  summarizeChanges,
  type ChangeSummary,
  planKostraGroups,
  planRegisterNames,
  type KostraPlan,
  planMeasureImport,
  type ImportMeasure,
  type ImportPlan,
} from "@malestokk/domain";

import { auditBy, type ChangeOptions } from "../../context";
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

/**
 * The commit half of every import: in one BEGIN IMMEDIATE transaction, compare with what is
 * stored, and unless it is a dry run write the changes and the audit entry. Whole or nothing.
 */
function runImport<P, R>(
  db: Db,
  args: { dryRun: boolean; entity: string; entityId: string | null },
  options: ChangeOptions,
  steps: {
    preview: (tx: DbOrTx) => P;
    apply: (tx: DbOrTx, preview: P) => number;
    auditDetails: (preview: P, written: number) => unknown;
    report: (preview: P, written: number) => R;
  },
): R {
  return db.transaction(
    (tx) => {
      const preview = steps.preview(tx);
      const written = args.dryRun ? 0 : steps.apply(tx, preview);
      if (!args.dryRun) {
        appendAudit(tx, {
          at: options.now.toISOString(),
          ...auditBy(options.actor),
          action: "reference.imported",
          entity: args.entity,
          entityId: args.entityId,
          details: steps.auditDetails(preview, written),
        });
      }
      return steps.report(preview, written);
    },
    { behavior: "immediate" },
  );
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
    fileName?: string | null;
  },
  options: ChangeOptions,
): ImportReport {
  const { plan, tableId } = readFile(() => {
    const dataset = parseJsonStat(args.text);
    const expected = IMPORT_MEASURES[args.measure].table;
    if (dataset.tableId !== null && dataset.tableId !== expected) {
      throw new JsonStatError("BAD_STRUCTURE", { detail: "wrong table", expected, actual: dataset.tableId });
    }
    return {
      tableId: dataset.tableId,
      plan: planMeasureImport({ dataset, measure: args.measure, knownNumbers: listMunicipalityNumbers(db), crosswalk: loadCrosswalk(db) }),
    };
  });
  const source = `ssb:${IMPORT_MEASURES[args.measure].table}`;
  return runImport(db, { dryRun: args.dryRun, entity: "jsonstat", entityId: tableId }, options, {
    preview: (tx) => previewMeasureImport(tx, plan, source),
    apply: (tx, preview) => applyMeasureImport(tx, args.measure, preview, { source, now: options.now.toISOString() }),
    auditDetails: (preview, written) => ({
      measure: args.measure,
      fileName: args.fileName ?? null,
      written,
      unchanged: preview.unchanged,
      totals: plan.totals,
    }),
    report: (preview, written) => ({
      measure: args.measure,
      tableId,
      dryRun: args.dryRun,
      written,
      preview,
      skipped: plan.skipped,
      notAllocatable: plan.notAllocatable,
      totals: plan.totals,
    }),
  });
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
  args: { text: string; year: number; dryRun: boolean },
  options: ChangeOptions,
): KostraImportReport {
  const plan = readFile(() =>
    planKostraGroups({
      items: parseKlassCorrespondence(args.text),
      year: args.year,
      knownNumbers: listMunicipalityNumbers(db),
      crosswalk: loadCrosswalk(db),
    }),
  );
  const source = `klass:112 ${args.year}`;
  return runImport(db, { dryRun: args.dryRun, entity: "klass", entityId: "112" }, options, {
    preview: (tx) => previewKostraGroups(tx, plan, source),
    apply: (tx, preview) => applyKostraGroups(tx, preview.changes, source),
    auditDetails: (preview, written) => ({
      year: args.year,
      written,
      unchanged: preview.unchanged,
      skipped: plan.skipped.length,
      unassigned: plan.unassigned.length,
    }),
    report: (preview, written) => ({
      dryRun: args.dryRun,
      year: args.year,
      written,
      changes: preview.changes,
      unchanged: preview.unchanged,
      skipped: plan.skipped,
      unassigned: plan.unassigned,
    }),
  });
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
export function importRegisterNames(db: Db, args: { text: string; dryRun: boolean }, options: ChangeOptions): RegisterNamesReport {
  const codes = readFile(() => parseKlassCodes(args.text));
  return runImport(db, { dryRun: args.dryRun, entity: "klass", entityId: "131" }, options, {
    preview: (tx) => {
      const plan = planRegisterNames(codes, currentMunicipalityNames(tx));
      return { plan, ...previewRegisterNames(tx, plan) };
    },
    apply: (tx, preview) => applyRegisterNames(tx, preview.changes),
    auditDetails: (preview, written) => ({
      written,
      changes: preview.changes,
      unknown: preview.plan.unknown,
      missing: preview.plan.missing,
    }),
    report: (preview, written) => ({
      dryRun: args.dryRun,
      written,
      changes: preview.changes,
      unchanged: preview.unchanged,
      unknown: preview.plan.unknown,
      missing: preview.plan.missing,
    }),
  });
}

export interface RegionChangesReport {
  readonly dryRun: boolean;
  readonly written: number;
  readonly preview: RegionChangesPreview;
  readonly summary: ChangeSummary;
  /** The first data year the crosswalk maps, before and after this import. */
  readonly firstMappedYear: { readonly before: number; readonly after: number };
}

/**
 * The change list of municipality numbers from KLASS 131 (`changes`), which lets statistics from
 * before the 2020 division be mapped onto the 2024 units. Replaces the imported list whole.
 */
export function importRegionChanges(db: Db, args: { text: string; dryRun: boolean }, options: ChangeOptions): RegionChangesReport {
  const changes = readFile(() => parseKlassChanges(args.text));
  const summary = summarizeChanges(changes);
  return runImport(db, { dryRun: args.dryRun, entity: "klass", entityId: "131-changes" }, options, {
    preview: (tx) => ({ preview: previewRegionChanges(tx, changes), before: loadCrosswalk(tx).firstMappedYear }),
    apply: (tx) => replaceRegionChanges(tx, changes, { source: "klass:131 changes", now: options.now.toISOString() }),
    auditDetails: ({ preview }, written) => ({
      written,
      added: preview.added.length,
      removed: preview.removed.length,
      unchanged: preview.unchanged,
      summary: { ...summary, splits: summary.splits.length },
    }),
    report: ({ preview, before }, written) => ({
      dryRun: args.dryRun,
      written,
      preview,
      summary,
      firstMappedYear: { before, after: createCrosswalk(changes).firstMappedYear },
    }),
  });
}
