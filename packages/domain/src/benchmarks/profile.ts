import { HEADLINE_INDICATOR_CODES, type Direction } from "../indicators/catalogue";
import type { PeerSummary } from "../statistics/peer-summary";

/** Where the own value lies against the peer group's quartile band. */
export type BandPosition = "below" | "within" | "above";

/**
 * How the position reads for the indicator's direction: costs are "neutral" and judged against
 * the band (above it is worth a look, not "bad"); for "higher is better" above is better, for
 * "lower is better" below is better.
 */
export type Assessment = "better" | "worse" | "aboveBand" | "belowBand" | "withinBand";

export function bandPosition(value: number, peers: PeerSummary): BandPosition | null {
  if (peers.status !== "shown") return null;
  if (value < peers.q1) return "below";
  if (value > peers.q3) return "above";
  return "within";
}

export function assess(direction: Direction, position: BandPosition): Assessment {
  if (position === "within") return "withinBand";
  if (direction === "neutral") return position === "above" ? "aboveBand" : "belowBand";
  const good = direction === "higher" ? position === "above" : position === "below";
  return good ? "better" : "worse";
}

/** Which side of the group's median a value is on, read with the indicator's direction. */
export type MedianSide = "good" | "bad" | "neutral";

/**
 * "good" when the value is on the better side of the median ("lower is better": below it; "higher is
 * better": above it), "bad" on the other side, and "neutral" on the median or when the indicator has
 * no direction (costs are judged against the band, not as good or bad).
 */
export function medianSide(direction: Direction, value: number, median: number): MedianSide {
  if (direction === "neutral" || value === median) return "neutral";
  return (direction === "higher") === value > median ? "good" : "bad";
}

/**
 * How far outside the band a value lies, in band widths (interquartile ranges): 0 inside it. A
 * band of zero width counts distance in units of the median instead, so a flat group still ranks.
 */
export function distanceOutsideBand(value: number, peers: PeerSummary): number {
  if (peers.status !== "shown") return 0;
  const width = peers.q3 - peers.q1 || Math.abs(peers.median) || 1;
  if (value > peers.q3) return (value - peers.q3) / width;
  if (value < peers.q1) return (peers.q1 - value) / width;
  return 0;
}

export interface ProfileItem {
  readonly code: string;
  readonly value: number | null;
  readonly peers: PeerSummary;
}

const isHeadline = (code: string) => (HEADLINE_INDICATOR_CODES as readonly string[]).includes(code);

/**
 * "What stands out": the indicators outside the peer band, the headline ones first (a manager
 * looks for K1 before a single service's cost), then furthest first; at most `limit`.
 */
export function standOut<T extends ProfileItem>(items: readonly T[], limit = 3): { item: T; distance: number; position: BandPosition }[] {
  return items
    .flatMap((item) => {
      if (item.value === null) return [];
      const position = bandPosition(item.value, item.peers);
      const distance = distanceOutsideBand(item.value, item.peers);
      return position && position !== "within" && distance > 0 ? [{ item, distance, position }] : [];
    })
    .sort(
      (a, b) =>
        Number(isHeadline(b.item.code)) - Number(isHeadline(a.item.code)) ||
        b.distance - a.distance ||
        a.item.code.localeCompare(b.item.code),
    )
    .slice(0, limit);
}
