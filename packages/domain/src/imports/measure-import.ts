import { mapRegion, type NonMunicipalReason } from "../register/crosswalk";
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

export type SkipReason = NonMunicipalReason | "UNKNOWN_REGION" | "YEAR_BEFORE_2020_DIVISION" | MissingKind;

export interface ImportRow {
  readonly number: string;
  readonly year: number;
  readonly value: number;
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

/**
 * Plans an import of one measure from a JSON-stat dataset onto the 2024 units: which values are
 * written, which are skipped and why, which cannot be allocated (split units). Pure: the caller
 * shows it as a preview, then writes `rows` in one transaction.
 */
export function planMeasureImport(args: {
  readonly dataset: JsonStatDataset;
  readonly measure: ImportMeasure;
  readonly knownNumbers: ReadonlySet<string>;
}): ImportPlan {
  const observations = observationsOf(args.dataset);
  const metricIds = args.dataset.dimensions.filter((d) => d.id !== (args.dataset.roles.geo ?? "Region") && d.id !== (args.dataset.roles.time ?? "Tid"));
  for (const dim of metricIds) {
    if (dim.categories.length !== 1) {
      throw new JsonStatError("BAD_STRUCTURE", { dimension: dim.id, detail: "more than one category: export one measure per file" });
    }
  }
  const rows: ImportRow[] = [];
  const skipped: SkippedValue[] = [];
  const notAllocatable: UnallocatableValue[] = [];
  const seen = new Map<string, string>();
  for (const o of observations) {
    const year = Number(o.time);
    if (!/^\d{4}$/.test(o.time)) throw new JsonStatError("BAD_STRUCTURE", { dimension: "time", value: o.time });
    const mapping = mapRegion(o.region.code, year, args.knownNumbers);
    const base = { code: o.region.code, label: o.region.label, year, value: o.value };
    if (mapping.kind === "nonMunicipal") skipped.push({ ...base, reason: mapping.reason });
    else if (mapping.kind === "unknown") skipped.push({ ...base, reason: "UNKNOWN_REGION" });
    else if (mapping.kind === "unmappedYear") skipped.push({ ...base, reason: "YEAR_BEFORE_2020_DIVISION" });
    else if (mapping.kind === "split") notAllocatable.push({ ...base, into: mapping.into });
    else if (o.value === null) skipped.push({ ...base, reason: missingKindOf(o.status) });
    else {
      if (!Number.isInteger(o.value) || o.value < 0) throw new JsonStatError("BAD_VALUE", { region: o.region.code, value: o.value });
      const key = `${mapping.number}:${year}`;
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        throw new JsonStatError("BAD_STRUCTURE", { detail: "two regions map to one unit", region: o.region.code, other: earlier });
      }
      seen.set(key, o.region.code);
      rows.push({ number: mapping.number, year, value: o.value, sourceCode: o.region.code });
    }
  }
  return {
    measure: args.measure,
    rows,
    skipped,
    notAllocatable,
    totals: {
      file: tally(observations.map((o) => o.value)),
      imported: tally(rows.map((r) => r.value)),
      skipped: tally(skipped.map((s) => s.value)),
      notAllocatable: tally(notAllocatable.map((n) => n.value)),
    },
  };
}
