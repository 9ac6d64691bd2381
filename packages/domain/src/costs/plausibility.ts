/** More than this many times the peer median (or less than its inverse) is worth a second look. */
export const PEER_OUTLIER_FACTOR = 3;
/** A change from last year of more than this share is worth a second look. */
export const YEAR_CHANGE_LIMIT = 0.5;

export interface IndicatorCheckInput {
  readonly code: string;
  /** The report's own value as entered now; null when a component is missing. */
  readonly value: number | null;
  /** Median of the peer group's values for the year; null when too few peers have values. */
  readonly peerMedian: number | null;
  readonly peerCount: number;
  /** The organisation's approved value the year before. */
  readonly lastYear: number | null;
}

export interface PlausibilityWarning {
  /** Stable key ("K1:peer", "K3:year"): the explanation the user writes is stored under it. */
  readonly key: string;
  readonly code: string;
  readonly kind: "peerHigh" | "peerLow" | "yearChange";
  readonly value: number;
  /** The peer median or last year's value the value is compared with. */
  readonly reference: number;
  /** value / reference, so the screen can say "3.4 × the peer median" or "+62 %". */
  readonly ratio: number;
  readonly peerCount: number;
}

/**
 * Warnings, never blocks: each derived indicator compared with the peer median and the own
 * previous year (issue 5). A zero reference gives no ratio and so no warning.
 */
export function checkPlausibility(inputs: readonly IndicatorCheckInput[]): PlausibilityWarning[] {
  const warnings: PlausibilityWarning[] = [];
  for (const input of inputs) {
    if (input.value === null) continue;
    if (input.peerMedian !== null && input.peerMedian > 0) {
      const ratio = input.value / input.peerMedian;
      if (ratio > PEER_OUTLIER_FACTOR || ratio < 1 / PEER_OUTLIER_FACTOR) {
        warnings.push({
          key: `${input.code}:peer`,
          code: input.code,
          kind: ratio > 1 ? "peerHigh" : "peerLow",
          value: input.value,
          reference: input.peerMedian,
          ratio,
          peerCount: input.peerCount,
        });
      }
    }
    if (input.lastYear !== null && input.lastYear > 0) {
      const ratio = input.value / input.lastYear;
      if (Math.abs(ratio - 1) > YEAR_CHANGE_LIMIT) {
        warnings.push({
          key: `${input.code}:year`,
          code: input.code,
          kind: "yearChange",
          value: input.value,
          reference: input.lastYear,
          ratio,
          peerCount: input.peerCount,
        });
      }
    }
  }
  return warnings;
}

/** The warnings that still need an explanation before the report can be submitted. */
export function unexplainedWarnings(warnings: readonly PlausibilityWarning[], comments: Readonly<Record<string, string>>): PlausibilityWarning[] {
  return warnings.filter((w) => (comments[w.key] ?? "").trim().length === 0);
}
