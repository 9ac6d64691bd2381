import { and, eq } from "drizzle-orm";
import {
  createCrosswalk,
  type Crosswalk,
  type ImportMeasure,
  type ImportPlan,
  type KostraPlan,
  type RegionChange,
  type RegisterNamePlan,
} from "@malestokk/domain";

import type { DbOrTx } from "../client";
import { organisations, populations, publishedFigureTables, regionChanges } from "../schema/index";
import { bumpRegisterVersion } from "./counters";
import { recomputeIndicatorValues } from "./indicators";

export interface ImportChange {
  readonly number: string;
  readonly name: string;
  readonly year: number;
  readonly before: number | null;
  readonly after: number;
}

export interface ImportPreview {
  /** Values that are new or different from what is stored; only these are written. */
  readonly changes: readonly ImportChange[];
  readonly unchanged: number;
}

function unitsByNumber(db: DbOrTx): Map<string, { id: number; name: string }> {
  return new Map(
    db
      .select({ id: organisations.id, number: organisations.number, name: organisations.name })
      .from(organisations)
      .where(eq(organisations.kind, "municipality"))
      .all()
      .map((o) => [o.number, { id: o.id, name: o.name }] as const),
  );
}

export function listMunicipalityNumbers(db: DbOrTx): Set<string> {
  return new Set(unitsByNumber(db).keys());
}

/** The table each importable measure is stored in (measure codes are component codes). */
function tableOf(measure: ImportMeasure) {
  return publishedFigureTables[measure];
}

/** What an import of one measure would change, compared with what is stored now. */
export function previewMeasureImport(db: DbOrTx, plan: ImportPlan, source: string): ImportPreview {
  const units = unitsByNumber(db);
  const table = tableOf(plan.measure);
  const stored = new Map(
    db
      .select({ organisationId: table.organisationId, year: table.year, value: table.value, source: table.source })
      .from(table)
      .all()
      .map((p) => [`${p.organisationId}:${p.year}`, p] as const),
  );
  const changes: ImportChange[] = [];
  let unchanged = 0;
  for (const row of plan.rows) {
    const unit = units.get(row.number);
    if (!unit) continue;
    const current = stored.get(`${unit.id}:${row.year}`);
    if (current && current.value === row.value && current.source === source) unchanged += 1;
    else changes.push({ number: row.number, name: unit.name, year: row.year, before: current?.value ?? null, after: row.value });
  }
  return { changes, unchanged };
}

/**
 * Writes the changed figures of one measure (no longer demo) and recomputes the indicators that
 * use them. Call inside one transaction with the audit entry: the import is whole or absent.
 */
export function applyMeasureImport(
  db: DbOrTx,
  measure: ImportMeasure,
  preview: ImportPreview,
  args: { source: string; now: string },
): number {
  const units = unitsByNumber(db);
  const table = tableOf(measure);
  // Populations choose size classes.
  if (preview.changes.length > 0) bumpRegisterVersion(db);
  for (const change of preview.changes) {
    const unit = units.get(change.number);
    if (!unit) continue;
    const values = { value: change.after, source: args.source, isDemo: false, updatedAt: args.now };
    db.insert(table)
      .values({ organisationId: unit.id, year: change.year, ...values })
      .onConflictDoUpdate({ target: [table.organisationId, table.year], set: values })
      .run();
    recomputeIndicatorValues(db, { scope: { organisationId: unit.id, year: change.year }, now: args.now });
  }
  return preview.changes.length;
}

export function getPopulationRow(db: DbOrTx, organisationId: number, year: number) {
  return (
    db
      .select()
      .from(populations)
      .where(and(eq(populations.organisationId, organisationId), eq(populations.year, year)))
      .get() ?? null
  );
}

export interface KostraChange {
  readonly number: string;
  readonly name: string;
  readonly before: string | null;
  readonly after: string;
  readonly afterName: string;
}

/** Which municipalities a KOSTRA-group plan would move, and how many stay as they are. */
export function previewKostraGroups(db: DbOrTx, plan: KostraPlan, source: string): { changes: KostraChange[]; unchanged: number } {
  const current = new Map(
    db
      .select({
        number: organisations.number,
        name: organisations.name,
        group: organisations.kostraGroup,
        source: organisations.kostraGroupSource,
      })
      .from(organisations)
      .where(eq(organisations.kind, "municipality"))
      .all()
      .map((o) => [o.number, o] as const),
  );
  const changes: KostraChange[] = [];
  let unchanged = 0;
  for (const a of plan.assignments) {
    const unit = current.get(a.number);
    if (!unit) continue;
    if (unit.group === a.group && unit.source === source) unchanged += 1;
    else changes.push({ number: a.number, name: unit.name, before: unit.group, after: a.group, afterName: a.groupName });
  }
  return { changes, unchanged };
}

export function applyKostraGroups(db: DbOrTx, changes: readonly KostraChange[], source: string): number {
  bumpRegisterVersion(db);
  for (const c of changes) {
    db.update(organisations)
      .set({ kostraGroup: c.after, kostraGroupName: c.afterName, kostraGroupSource: source })
      .where(and(eq(organisations.number, c.number), eq(organisations.kind, "municipality")))
      .run();
  }
  return changes.length;
}

export interface NameChange {
  readonly number: string;
  readonly before: { readonly name: string; readonly altName: string | null };
  readonly after: { readonly name: string; readonly altName: string | null };
}

export function currentMunicipalityNames(db: DbOrTx): Map<string, string> {
  return new Map(
    db
      .select({ number: organisations.number, name: organisations.name })
      .from(organisations)
      .where(eq(organisations.kind, "municipality"))
      .all()
      .map((o) => [o.number, o.name] as const),
  );
}

/** Name changes a KLASS names plan would make; unchanged names are left alone. */
export function previewRegisterNames(db: DbOrTx, plan: RegisterNamePlan): { changes: NameChange[]; unchanged: number } {
  const current = new Map(
    db
      .select({ number: organisations.number, name: organisations.name, altName: organisations.altName })
      .from(organisations)
      .where(eq(organisations.kind, "municipality"))
      .all()
      .map((o) => [o.number, o] as const),
  );
  const changes: NameChange[] = [];
  let unchanged = 0;
  for (const n of plan.names) {
    const unit = current.get(n.number);
    if (!unit) continue;
    if (unit.name === n.name && unit.altName === n.altName) unchanged += 1;
    else
      changes.push({ number: n.number, before: { name: unit.name, altName: unit.altName }, after: { name: n.name, altName: n.altName } });
  }
  return { changes, unchanged };
}

export function applyRegisterNames(db: DbOrTx, changes: readonly NameChange[]): number {
  // Names appear in cached comparisons (distributions, head to head).
  if (changes.length > 0) bumpRegisterVersion(db);
  for (const c of changes) {
    db.update(organisations)
      .set({ name: c.after.name, altName: c.after.altName })
      .where(and(eq(organisations.number, c.number), eq(organisations.kind, "municipality")))
      .run();
  }
  return changes.length;
}

export function listRegionChanges(db: DbOrTx): RegionChange[] {
  return db
    .select({ oldCode: regionChanges.oldCode, newCode: regionChanges.newCode, occurred: regionChanges.occurred })
    .from(regionChanges)
    .orderBy(regionChanges.occurred, regionChanges.oldCode, regionChanges.newCode)
    .all();
}

/** The crosswalk of the built-in 2024 changes and those imported from KLASS. */
export function loadCrosswalk(db: DbOrTx): Crosswalk {
  return createCrosswalk(listRegionChanges(db));
}

export interface RegionChangesPreview {
  readonly added: readonly RegionChange[];
  readonly removed: readonly RegionChange[];
  readonly unchanged: number;
}

function changeKey(c: RegionChange): string {
  return `${c.oldCode}>${c.newCode}@${c.occurred}`;
}

/** How an imported change list differs from the stored one (an import replaces the whole list). */
export function previewRegionChanges(db: DbOrTx, incoming: readonly RegionChange[]): RegionChangesPreview {
  const stored = new Map(listRegionChanges(db).map((c) => [changeKey(c), c] as const));
  const next = new Map(incoming.map((c) => [changeKey(c), c] as const));
  return {
    added: [...next.values()].filter((c) => !stored.has(changeKey(c))),
    removed: [...stored.values()].filter((c) => !next.has(changeKey(c))),
    unchanged: [...next.keys()].filter((k) => stored.has(k)).length,
  };
}

export function replaceRegionChanges(db: DbOrTx, incoming: readonly RegionChange[], args: { source: string; now: string }): number {
  const { added, removed } = previewRegionChanges(db, incoming);
  if (added.length === 0 && removed.length === 0) return 0;
  db.delete(regionChanges).run();
  const unique = new Map(incoming.map((c) => [changeKey(c), c] as const));
  for (const c of unique.values())
    db.insert(regionChanges)
      .values({ ...c, source: args.source, importedAt: args.now })
      .run();
  return added.length + removed.length;
}
