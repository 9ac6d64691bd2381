import { quartiles } from "./descriptive";
import { ratioOfSums, type RatioComponents } from "./ratio-of-sums";

/** Below this many members with values, peer statistics are hidden (docs/indicators.md#minimum-n). */
export const MIN_PEERS_FOR_STATISTICS = 3;

export type PeerSummary =
  | {
      readonly status: "shown";
      readonly n: number;
      readonly q1: number;
      readonly median: number;
      readonly q3: number;
      readonly ratioOfSums: number;
    }
  | { readonly status: "hidden"; readonly n: number; readonly reason: "TOO_FEW_MEMBERS" };

/**
 * Median, quartiles and ratio of sums of a ratio indicator over a group. Members without a
 * positive denominator count as missing, never as zero.
 */
export function summarizePeers(members: readonly RatioComponents[]): PeerSummary {
  const present = members.filter((m) => m.denominator > 0);
  const n = present.length;
  if (n < MIN_PEERS_FOR_STATISTICS) return { status: "hidden", n, reason: "TOO_FEW_MEMBERS" };
  const q = quartiles(present.map((m) => m.numerator / m.denominator)) as NonNullable<ReturnType<typeof quartiles>>;
  return { status: "shown", n, ...q, ratioOfSums: ratioOfSums(present) as number };
}
