import type { Dimension, Direction } from "../indicators/catalogue";
import { median } from "../statistics/descriptive";
import { MIN_PEERS_FOR_STATISTICS } from "../statistics/peer-summary";

// "What it means, in words" (issue 24): one or two plain sentences from the figures, e.g. "Trondheim bruker
// 3 512 kr; 7 av 10 kommuner i gruppen bruker mindre. Medianen i gruppen er 2 851 kr." The domain says what
// to say; the web writes it in the reader's language with the numbers formatted.

/** Where a figure stands in its group: how many of the others lie on the side that is named, of how many. */
export interface GroupStanding {
  /** The others whose value is strictly lower (`side` "lower") or strictly higher ("higher"). */
  readonly count: number;
  /** The others in the group with a value (the unit itself not counted). */
  readonly n: number;
  /** The group's median, the unit included, as the charts and the profile show it. */
  readonly median: number;
}

export type FigureSentence =
  | {
      readonly kind: "compared";
      readonly value: number;
      /** Costs are "spent" ("bruker mindre"); other figures "have" a lower or higher value. */
      readonly verb: "spend" | "have";
      /** The side counted: lower where lower is better or there is no better, higher where higher is better. */
      readonly side: "lower" | "higher";
      readonly count: number;
      readonly n: number;
      readonly median: number;
    }
  | { readonly kind: "noValue"; readonly median: number | null }
  | { readonly kind: "suppressed"; readonly reason: "TOO_FEW_MEMBERS"; readonly n: number; readonly minimum: number };

/** The side a sentence counts: the better one where there is one, else the lower. */
export function sideOf(direction: Direction): "lower" | "higher" {
  return direction === "higher" ? "higher" : "lower";
}

/** How `value` stands among the other members' values; null when fewer than three others have one to compare with. */
export function standingIn(value: number, others: readonly number[], direction: Direction): GroupStanding | null {
  if (others.length < MIN_PEERS_FOR_STATISTICS) return null;
  const side = sideOf(direction);
  const count = others.filter((v) => (side === "lower" ? v < value : v > value)).length;
  return { count, n: others.length, median: median([...others, value]) as number };
}

/**
 * The sentence for a figure in its group. `group` is the standing (standingIn, or the rank the server gives),
 * or the group's size with values when it is hidden (fewer than three): then no comparison is made, and
 * the reason says why.
 */
export function describeFigure(input: {
  readonly value: number | null;
  readonly direction: Direction;
  readonly dimension: Dimension;
  readonly group: GroupStanding | { readonly hidden: true; readonly n: number };
}): FigureSentence {
  const { group } = input;
  if ("hidden" in group) return { kind: "suppressed", reason: "TOO_FEW_MEMBERS", n: group.n, minimum: MIN_PEERS_FOR_STATISTICS };
  if (input.value === null) return { kind: "noValue", median: group.median };
  return {
    kind: "compared",
    value: input.value,
    verb: input.dimension === "cost" ? "spend" : "have",
    side: sideOf(input.direction),
    count: group.count,
    n: group.n,
    median: group.median,
  };
}
