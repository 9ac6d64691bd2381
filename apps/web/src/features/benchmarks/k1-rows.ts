import type { RouterOutputs } from "@malestokk/api";

export type BenchmarkSeries = RouterOutputs["benchmarks"]["series"];

export interface ChartRow {
  readonly year: number;
  readonly own: number | null;
  readonly band: [number, number] | null;
  readonly median: number | null;
  readonly national: number | null;
}

/** Flattens the series for recharts: a missing value stays null, so the line shows a gap. */
export function toChartRows(series: BenchmarkSeries): ChartRow[] {
  return series.points.map((p) => ({
    year: p.year,
    own: p.own?.value ?? null,
    band: p.peers.status === "shown" ? [p.peers.q1, p.peers.q3] : null,
    median: p.peers.status === "shown" ? p.peers.median : null,
    national: p.national.ratioOfSums,
  }));
}
