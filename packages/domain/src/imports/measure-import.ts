import { mapRegion, stripRegionPrefix, type Crosswalk, type NonMunicipalReason } from "../register/crosswalk";
import { JsonStatError, missingKindOf, observationsOf, type JsonStatDataset, type MissingKind } from "./jsonstat";

/** What a statistics file can bring in, with the stored unit. */
export const IMPORT_MEASURES = {
  /** SSB table 07459: population on 1 January, persons. */
  population: { table: "07459", unit: "persons" },
  /** SSB table 12362 (KOSTRA): gross operating expenditure, NOK 1000. */
  grossOperatingExpenditure: { table: "12362", unit: "NOK 1000" },
} as const;
export type ImportMeasure = keyof typeof IMPORT_MEASURES;
export const IMPORT_MEASURE_CODES = Object.keys(IMPORT_MEASURES) as [ImportMeasure, ...ImportMeasure[]];

export type SkipReason =
  | NonMunicipalReason
  | "UNKNOWN_REGION"
  | "YEAR_BEFORE_CROSSWALK"
  /** The file also has a value under the unit's current number for that year, which is used. */
  | "CURRENT_NUMBER_PREFERRED"
  | MissingKind;

export interface ImportRow {
  readonly number: string;
  readonly year: number;
  readonly value: number;
  /** The file's region code; several joined by "+" when older units were merged into this one. */
  readonly sourceCode: string;
}

export interface SkippedValue {
  readonly code: string;
  readonly label: string;
  readonly year: number;
  readonly value: number | null;
  readonly reason: SkipReason;
}

export interface UnallocatableValue {
  readonly code: string;
  readonly label: string;
  readonly year: number;
  readonly value: number | null;
  readonly into: readonly string[];
  /**
   * SPLIT: the unit became several; INCOMPLETE_MERGE: the unit it was merged into also takes a
   * part of a split unit or a unit without a value, so no sum would be the whole.
   */
  readonly reason: "SPLIT" | "INCOMPLETE_MERGE";
}

export interface Tally {
  readonly count: number;
  readonly sum: number;
}

export interface ImportPlan {
  readonly measure: ImportMeasure;
  readonly rows: readonly ImportRow[];
  readonly skipped: readonly SkippedValue[];
  readonly notAllocatable: readonly UnallocatableValue[];
  /** Every value of the file is in exactly one of imported, skipped and notAllocatable. */
  readonly totals: { readonly file: Tally; readonly imported: Tally; readonly skipped: Tally; readonly notAllocatable: Tally };
}

function tally(values: readonly (number | null)[]): Tally {
  return { count: values.length, sum: values.reduce<number>((s, v) => s + (v ?? 0), 0) };
}

interface Contribution {
  readonly code: string;
  readonly label: string;
  readonly value: number | null;
  readonly status: string | null;
}

/**
 * Plans an import of one measure from a JSON-stat dataset onto the 2024 units: which values are
 * written, which are skipped and why, which cannot be allocated (split units, incomplete merges).
 * Older units merged into one are summed, but only when every part has a value. Pure: the caller
 * shows it as a preview, then writes `rows` in one transaction.
 */
export function planMeasureImport(args: {
  readonly dataset: JsonStatDataset;
  readonly measure: ImportMeasure;
  readonly knownNumbers: ReadonlySet<string>;
  readonly crosswalk?: Crosswalk;
}): ImportPlan {
  const observations = observationsOf(args.dataset);
  const metricIds = args.dataset.dimensions.filter(
    (d) => d.id !== (args.dataset.roles.geo ?? "Region") && d.id !== (args.dataset.roles.time ?? "Tid"),
  );
  for (const dim of metricIds) {
    if (dim.categories.length !== 1) {
      throw new JsonStatError("BAD_STRUCTURE", { dimension: dim.id, detail: "more than one category: export one measure per file" });
    }
  }
  const skipped: SkippedValue[] = [];
  const notAllocatable: UnallocatableValue[] = [];
  /** Per "unit:year": the file's values that make up the unit, and whether a split unit feeds it too. */
  const parts = new Map<string, { number: string; year: number; whole: Contribution[]; fedBySplit: boolean }>();
  const partsOf = (number: string, year: number) => {
    const key = `${number}:${year}`;
    let entry = parts.get(key);
    if (!entry) {
      entry = { number, year, whole: [], fedBySplit: false };
      parts.set(key, entry);
    }
    return entry;
  };
  for (const o of observations) {
    if (!/^\d{4}$/.test(o.time)) throw new JsonStatError("BAD_STRUCTURE", { dimension: "time", value: o.time });
    const year = Number(o.time);
    const mapping = mapRegion(o.region.code, year, args.knownNumbers, args.crosswalk);
    const base = { code: o.region.code, label: o.region.label, year, value: o.value };
    if (mapping.kind === "nonMunicipal") skipped.push({ ...base, reason: mapping.reason });
    else if (mapping.kind === "unknown") skipped.push({ ...base, reason: "UNKNOWN_REGION" });
    else if (mapping.kind === "unmappedYear") skipped.push({ ...base, reason: "YEAR_BEFORE_CROSSWALK" });
    else if (mapping.kind === "split") {
      notAllocatable.push({ ...base, into: mapping.into, reason: "SPLIT" });
      // A split unit without a value in this year did not exist then; it takes nothing from its successors.
      if (o.value !== null) for (const target of mapping.into) partsOf(target, year).fedBySplit = true;
    } else {
      if (o.value !== null && (!Number.isInteger(o.value) || o.value < 0)) {
        throw new JsonStatError("BAD_VALUE", { region: o.region.code, value: o.value });
      }
      partsOf(mapping.number, year).whole.push({ code: o.region.code, label: o.region.label, value: o.value, status: o.status });
    }
  }
  const rows: ImportRow[] = [];
  const importedValues: number[] = [];
  for (const { number, year, whole, fedBySplit } of parts.values()) {
    // SSB often back-computes a figure under the current number for earlier years; it is the
    // unit as it is now, so it wins over the sum of the older units.
    const current = whole.find((p) => stripRegionPrefix(p.code) === number && p.value !== null);
    if (current?.value != null) {
      importedValues.push(current.value);
      rows.push({ number, year, value: current.value, sourceCode: current.code });
      for (const p of whole) {
        if (p === current) continue;
        skipped.push({
          code: p.code,
          label: p.label,
          year,
          value: p.value,
          reason: p.value === null ? missingKindOf(p.status) : "CURRENT_NUMBER_PREFERRED",
        });
      }
      continue;
    }
    // "." (not applicable) marks a code that did not exist that year: it is no part of the sum.
    const existing = whole.filter((p) => p.value !== null || p.status !== ".");
    const withValue = existing.filter((p): p is Contribution & { value: number } => p.value !== null);
    const complete = withValue.length > 0 && withValue.length === existing.length && !fedBySplit;
    for (const p of whole) {
      const entry = { code: p.code, label: p.label, year, value: p.value };
      if (complete && p.value !== null) continue;
      if (p.value === null) skipped.push({ ...entry, reason: missingKindOf(p.status) });
      else notAllocatable.push({ ...entry, into: [number], reason: "INCOMPLETE_MERGE" });
    }
    if (complete) {
      importedValues.push(...withValue.map((p) => p.value));
      rows.push({
        number,
        year,
        value: withValue.reduce((sum, p) => sum + p.value, 0),
        sourceCode: withValue.map((p) => p.code).join("+"),
      });
    }
  }
  rows.sort((a, b) => a.number.localeCompare(b.number) || a.year - b.year);
  return {
    measure: args.measure,
    rows,
    skipped,
    notAllocatable,
    totals: {
      file: tally(observations.map((o) => o.value)),
      // Counted per file value, so that a merge of three values counts three.
      imported: tally(importedValues),
      skipped: tally(skipped.map((s) => s.value)),
      notAllocatable: tally(notAllocatable.map((n) => n.value)),
    },
  };
}
