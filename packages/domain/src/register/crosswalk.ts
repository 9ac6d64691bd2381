import { RENUMBERED_2024 } from "./renumbered-2024";

/** The first data year whose region codes the built-in crosswalk maps (the 2020 division). */
export const FIRST_MAPPED_YEAR = 2020;
/** From this data year on, region codes are the 2024 division's own numbers. */
export const DIVISION_2024 = 2024;

/** Units that were split on 1 January 2024: a figure for the old unit cannot be allocated. */
export const SPLIT_2024: Readonly<Record<string, readonly string[]>> = {
  // Ålesund (2020–2023) became Ålesund and Haram again.
  "1507": ["1508", "1580"],
};

/**
 * One line of SSB's change list for municipality numbers (KLASS 131 `changes`): on `occurred`
 * (YYYY-MM-DD) the unit `oldCode` became, wholly or in part, `newCode`. Several lines with one
 * old code are a split; several with one new code are a merge.
 */
export interface RegionChange {
  readonly oldCode: string;
  readonly newCode: string;
  readonly occurred: string;
}

/** The 2024 reform, shipped with the product (verified against KLASS 131 for 2023 → 2024). */
export const BUILT_IN_CHANGES: readonly RegionChange[] = [
  ...RENUMBERED_2024.map(([oldCode, newCode]) => ({ oldCode, newCode, occurred: "2024-01-01" })),
  ...Object.entries(SPLIT_2024).flatMap(([oldCode, into]) => into.map((newCode) => ({ oldCode, newCode, occurred: "2024-01-01" }))),
];

export interface Crosswalk {
  /** Data years from this one on are mapped; older codes are refused, never guessed. */
  readonly firstMappedYear: number;
  /** Units of the 2024 division that a code of `dataYear` became (several: a split). */
  targetsOf(code: string, dataYear: number, known: ReadonlySet<string>): readonly string[];
}

function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

/**
 * A crosswalk over the built-in 2024 changes and any imported from KLASS. Imported changes
 * extend the mapped years back to the year before the earliest change they hold, which is right
 * only for a change list fetched as one unbroken period up to 2024 (as KLASS returns it).
 */
export function createCrosswalk(imported: readonly RegionChange[] = []): Crosswalk {
  const byKey = new Map<string, RegionChange>();
  for (const change of [...BUILT_IN_CHANGES, ...imported]) {
    if (change.oldCode === change.newCode) continue; // a change of name only
    byKey.set(`${change.oldCode}>${change.newCode}@${change.occurred}`, change);
  }
  const changes = [...byKey.values()].sort((a, b) => a.occurred.localeCompare(b.occurred));
  const dates = [...new Set(changes.map((c) => c.occurred))];
  const outgoing = new Map<string, string[]>();
  for (const c of changes) {
    const key = `${c.occurred}|${c.oldCode}`;
    outgoing.set(key, [...(outgoing.get(key) ?? []), c.newCode]);
  }
  const earliestImported = imported.length === 0 ? FIRST_MAPPED_YEAR : Math.min(...imported.map((c) => yearOf(c.occurred))) - 1;
  return {
    firstMappedYear: Math.min(FIRST_MAPPED_YEAR, earliestImported),
    targetsOf(code, dataYear, known) {
      let current = new Set([code]);
      for (const date of dates) {
        if (yearOf(date) <= dataYear) continue;
        const next = new Set<string>();
        for (const unit of current) {
          const into = outgoing.get(`${date}|${unit}`);
          if (!into) {
            next.add(unit);
            continue;
          }
          for (const target of into) next.add(target);
          // A unit that still exists after giving away a part (a border change) is split too.
          if (known.has(unit)) next.add(unit);
        }
        current = next;
      }
      return [...current].sort();
    },
  };
}

const DEFAULT_CROSSWALK = createCrosswalk();

export type NonMunicipalReason = "SVALBARD_JAN_MAYEN" | "CONTINENTAL_SHELF" | "UNALLOCATED" | "NOT_A_MUNICIPALITY";

export type RegionMapping =
  | { readonly kind: "municipality"; readonly number: string; readonly renumberedFrom: string | null }
  | { readonly kind: "split"; readonly from: string; readonly into: readonly string[] }
  | { readonly kind: "nonMunicipal"; readonly reason: NonMunicipalReason }
  | { readonly kind: "unmappedYear"; readonly firstMappedYear: number }
  | { readonly kind: "unknown" };

/** "K-0301" and "0301" are the same region; SSB prefixes municipality codes with "K-". */
export function stripRegionPrefix(code: string): string {
  return code.replace(/^K-/, "");
}

/**
 * Maps a statistics region code for a data year onto a unit of the 2024 division (docs/glossary.md, "kommunereform").
 * Renumberings and merges map silently (several old codes may reach one unit: the caller sums
 * them); a split unit, a non-municipal region or a code older than the crosswalk is reported.
 */
export function mapRegion(
  code: string,
  dataYear: number,
  known: ReadonlySet<string>,
  crosswalk: Crosswalk = DEFAULT_CROSSWALK,
): RegionMapping {
  const bare = stripRegionPrefix(code.trim());
  if (bare === "21-22" || bare === "2100" || bare === "2111" || bare === "2121") {
    return { kind: "nonMunicipal", reason: "SVALBARD_JAN_MAYEN" };
  }
  if (bare === "23" || bare === "2311") return { kind: "nonMunicipal", reason: "CONTINENTAL_SHELF" };
  if (/^rest$/i.test(bare) || bare === "9999" || bare === "9900") return { kind: "nonMunicipal", reason: "UNALLOCATED" };
  if (!/^\d{4}$/.test(bare)) return { kind: "nonMunicipal", reason: "NOT_A_MUNICIPALITY" };
  if (dataYear < crosswalk.firstMappedYear) return { kind: "unmappedYear", firstMappedYear: crosswalk.firstMappedYear };
  const targets = crosswalk.targetsOf(bare, dataYear, known);
  if (targets.length > 1) return { kind: "split", from: bare, into: targets };
  const [target] = targets;
  if (target === undefined || !known.has(target)) return { kind: "unknown" };
  return { kind: "municipality", number: target, renumberedFrom: target === bare ? null : bare };
}

export interface ChangeSummary {
  /** Old units that became exactly one new unit alone (a new number only). */
  readonly renumbered: number;
  /** New units made from two or more old ones. */
  readonly merges: number;
  /** Old units divided between two or more new ones (their figures cannot be allocated). */
  readonly splits: readonly { readonly from: string; readonly into: readonly string[]; readonly occurred: string }[];
  readonly firstDate: string | null;
  readonly lastDate: string | null;
}

/** What a change list holds, in the terms an administrator checks before importing it. */
export function summarizeChanges(changes: readonly RegionChange[]): ChangeSummary {
  const real = changes.filter((c) => c.oldCode !== c.newCode);
  const intoByOld = new Map<string, RegionChange[]>();
  const fromByNew = new Map<string, RegionChange[]>();
  for (const c of real) {
    intoByOld.set(`${c.occurred}|${c.oldCode}`, [...(intoByOld.get(`${c.occurred}|${c.oldCode}`) ?? []), c]);
    fromByNew.set(`${c.occurred}|${c.newCode}`, [...(fromByNew.get(`${c.occurred}|${c.newCode}`) ?? []), c]);
  }
  const splits = [...intoByOld.entries()]
    .filter(([, cs]) => cs.length > 1)
    .map(([key, cs]) => {
      const [occurred = "", from = ""] = key.split("|");
      return { from, into: cs.map((c) => c.newCode).sort(), occurred };
    });
  const merges = [...fromByNew.values()].filter((cs) => cs.length > 1).length;
  const renumbered = real.filter(
    (c) => intoByOld.get(`${c.occurred}|${c.oldCode}`)?.length === 1 && fromByNew.get(`${c.occurred}|${c.newCode}`)?.length === 1,
  ).length;
  const dates = real.map((c) => c.occurred).sort();
  return { renumbered, merges, splits, firstDate: dates[0] ?? null, lastDate: dates.at(-1) ?? null };
}
