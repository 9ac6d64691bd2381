import { RENUMBERED_2024 } from "./renumbered-2024";

/** The first data year whose region codes follow the 2020 division; older codes are not mapped. */
export const FIRST_MAPPED_YEAR = 2020;
/** From this data year on, region codes are the 2024 division's own numbers. */
export const DIVISION_2024 = 2024;

/** Units that were split on 1 January 2024: a figure for the old unit cannot be allocated. */
export const SPLIT_2024: Readonly<Record<string, readonly string[]>> = {
  // Ålesund (2020–2023) became Ålesund and Haram again.
  "1507": ["1508", "1580"],
};

const RENUMBERED = new Map(RENUMBERED_2024);

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
 * Maps a statistics region code for a data year onto a unit of the 2024 division (DESIGN.md §8).
 * One-to-one renumberings map silently; a split unit, a non-municipal region or a code from
 * before the 2020 division is reported, never guessed.
 */
export function mapRegion(code: string, dataYear: number, known: ReadonlySet<string>): RegionMapping {
  const bare = stripRegionPrefix(code.trim());
  if (bare === "21-22" || bare === "2100" || bare === "2111" || bare === "2121") {
    return { kind: "nonMunicipal", reason: "SVALBARD_JAN_MAYEN" };
  }
  if (bare === "23" || bare === "2311") return { kind: "nonMunicipal", reason: "CONTINENTAL_SHELF" };
  if (/^rest$/i.test(bare) || bare === "9999" || bare === "9900") return { kind: "nonMunicipal", reason: "UNALLOCATED" };
  if (!/^\d{4}$/.test(bare)) return { kind: "nonMunicipal", reason: "NOT_A_MUNICIPALITY" };
  if (dataYear < FIRST_MAPPED_YEAR) return { kind: "unmappedYear", firstMappedYear: FIRST_MAPPED_YEAR };
  if (dataYear < DIVISION_2024) {
    const split = SPLIT_2024[bare];
    if (split) return { kind: "split", from: bare, into: split };
    const renumbered = RENUMBERED.get(bare);
    if (renumbered) return known.has(renumbered) ? { kind: "municipality", number: renumbered, renumberedFrom: bare } : { kind: "unknown" };
  }
  return known.has(bare) ? { kind: "municipality", number: bare, renumberedFrom: null } : { kind: "unknown" };
}
