import { computeIndicatorValue, type IndicatorDefinition } from "../indicators/catalogue";
import { summarizePeers, type PeerSummary } from "../statistics/peer-summary";
import { percentileRank } from "../statistics/percentile-rank";
import { ratioOfSums } from "../statistics/ratio-of-sums";

export interface ComponentRow {
  readonly organisationId: number;
  readonly year: number;
  readonly numerator: number;
  readonly denominator: number;
}

export interface SeriesPoint {
  readonly year: number;
  readonly own: { readonly value: number; readonly numerator: number; readonly denominator: number } | null;
  readonly peers: PeerSummary;
  /** Percentile rank (0–100) of the own value among the peers; null without an own value or peers. */
  readonly percentile: number | null;
  readonly national: { readonly n: number; readonly ratioOfSums: number | null };
}

/**
 * One organisation's indicator over the years, against its peer group (median, quartiles, ratio
 * of sums) and the national ratio of sums (docs/indicators.md#peer-summary). Pure: the caller supplies every row.
 * The statistics come from `rows` (approved figures, the same for every reader); the own value from
 * `ownRows` where given (the reader's own draft beside them), else from `rows`.
 */
export function buildBenchmarkSeries(args: {
  readonly indicator: IndicatorDefinition;
  readonly years: readonly number[];
  readonly rows: readonly ComponentRow[];
  readonly ownRows?: readonly ComponentRow[];
  readonly organisationId: number;
  readonly peerIds: ReadonlySet<number>;
}): SeriesPoint[] {
  const { indicator, years, rows, organisationId, peerIds } = args;
  const ownRows = args.ownRows ?? rows;
  const byYear = new Map<number, ComponentRow[]>();
  for (const row of rows) {
    const list = byYear.get(row.year);
    if (list) list.push(row);
    else byYear.set(row.year, [row]);
  }
  return years.map((year) => {
    const all = (byYear.get(year) ?? []).filter((r) => r.denominator > 0);
    const peers = all.filter((r) => peerIds.has(r.organisationId));
    const ownRow = ownRows.find((r) => r.year === year && r.organisationId === organisationId && r.denominator > 0) ?? null;
    const scaled = (r: ComponentRow) => ({ numerator: r.numerator * indicator.scale, denominator: r.denominator });
    const ownValue = ownRow ? computeIndicatorValue(indicator, ownRow.numerator, ownRow.denominator) : null;
    const peerSummary = summarizePeers(peers.map(scaled));
    return {
      year,
      own: ownRow && ownValue !== null ? { value: ownValue, numerator: ownRow.numerator, denominator: ownRow.denominator } : null,
      peers: peerSummary,
      percentile:
        ownValue !== null && peerSummary.status === "shown"
          ? percentileRank(
              peers.map((r) => (r.numerator / r.denominator) * indicator.scale),
              ownValue,
            )
          : null,
      national: { n: all.length, ratioOfSums: ratioOfSums(all.map(scaled)) },
    };
  });
}
