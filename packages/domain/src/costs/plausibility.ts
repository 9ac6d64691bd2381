import type { SystemClass } from "./catalogue";
import { reportIndicatorValues, type CostLine } from "./report";

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
export function unexplainedWarnings(
  warnings: readonly PlausibilityWarning[],
  comments: Readonly<Record<string, string>>,
): PlausibilityWarning[] {
  return warnings.filter((w) => (comments[w.key] ?? "").trim().length === 0);
}

/** What a cost report's indicators are checked against: the peer median and the own value the year before. */
export interface CheckBasis {
  readonly code: string;
  readonly peerMedian: number | null;
  readonly peerCount: number;
  readonly lastYear: number | null;
}

/** The figures of a report a plausibility check reads, as entered (the form) or stored (the server). */
export interface CheckedReport {
  readonly lines: readonly Pick<CostLine, "service" | "costType" | "systemId" | "amount">[];
  readonly itUserAccounts: number | null;
  readonly populationOverride: { readonly value: number } | null;
  readonly grossOperatingExpenditureOverride: { readonly value: number } | null;
}

/**
 * The plausibility warnings of a cost report: its indicators, with the unit's share of its
 * cooperatives' approved costs counted as its own and the published figures where no override
 * replaces them, each compared with its basis. The form shows them as the user types; the server
 * asks the same question before a submit.
 */
export function costReportWarnings(
  report: CheckedReport,
  context: {
    readonly allocatedLines: readonly Pick<CostLine, "service" | "costType" | "systemId" | "amount">[];
    readonly published: { readonly population: number | null; readonly grossOperatingExpenditure: number | null };
    readonly classOfSystem: ReadonlyMap<number, SystemClass>;
    readonly basis: readonly CheckBasis[];
  },
): PlausibilityWarning[] {
  const values = reportIndicatorValues(
    {
      lines: [...report.lines, ...context.allocatedLines],
      itUserAccounts: report.itUserAccounts,
      population: report.populationOverride?.value ?? context.published.population,
      grossOperatingExpenditure: report.grossOperatingExpenditureOverride?.value ?? context.published.grossOperatingExpenditure,
    },
    context.classOfSystem,
  );
  const byCode = new Map(context.basis.map((b) => [b.code, b]));
  return checkPlausibility(
    values.map((v) => {
      const b = byCode.get(v.code);
      return {
        code: v.code,
        value: v.value,
        peerMedian: b?.peerMedian ?? null,
        peerCount: b?.peerCount ?? 0,
        lastYear: b?.lastYear ?? null,
      };
    }),
  );
}
