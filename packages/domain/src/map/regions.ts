import { MIN_PEERS_FOR_STATISTICS } from "../statistics/peer-summary";
import { ratioOfSums } from "../statistics/ratio-of-sums";

/** A municipality's components, as the map reads them. */
export interface RegionMember {
  readonly region: string;
  readonly numerator: number | null;
  readonly denominator: number | null;
}

export interface RegionFigure {
  readonly region: string;
  /** The ratio of sums of its members with a value, times the indicator's scale; null when none or hidden. */
  readonly value: number | null;
  /** Members with a value. */
  readonly n: number;
  /** Fewer than MIN_PEERS_FOR_STATISTICS members with a value: the figure is not shown (docs/indicators.md#minimum-n). */
  readonly isHidden: boolean;
}

/**
 * A county's figure on the map: the ratio of sums over its municipalities with a value (docs/indicators.md#ratio-of-sums),
 * so a county is weighted by its people, not by its number of municipalities; hidden below three members with a value.
 */
export function regionFigures(members: readonly RegionMember[], scale: number): RegionFigure[] {
  const byRegion = new Map<string, { numerator: number; denominator: number }[]>();
  for (const m of members) {
    const list = byRegion.get(m.region) ?? [];
    if (m.numerator !== null && m.denominator !== null && m.denominator > 0)
      list.push({ numerator: m.numerator, denominator: m.denominator });
    byRegion.set(m.region, list);
  }
  return [...byRegion].map(([region, present]) => {
    const isHidden = present.length > 0 && present.length < MIN_PEERS_FOR_STATISTICS;
    const ratio = isHidden ? null : ratioOfSums(present);
    return { region, value: ratio === null ? null : ratio * scale, n: present.length, isHidden };
  });
}
