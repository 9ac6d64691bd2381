export interface RatioComponents {
  readonly numerator: number;
  readonly denominator: number;
}

/**
 * Aggregate of a ratio indicator over a group: sum of numerators / sum of denominators, as SSB
 * computes KOSTRA group figures (docs/indicators.md#ratio-of-sums). Members without a positive denominator are left
 * out; returns null when nothing is left.
 */
export function ratioOfSums(members: readonly RatioComponents[]): number | null {
  let numerator = 0;
  let denominator = 0;
  for (const member of members) {
    if (!(member.denominator > 0)) continue;
    numerator += member.numerator;
    denominator += member.denominator;
  }
  return denominator > 0 ? numerator / denominator : null;
}
