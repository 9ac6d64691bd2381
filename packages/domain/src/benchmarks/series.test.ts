import { describe, expect, it } from "vitest";

import { K1 } from "../indicators/catalogue";
import { buildBenchmarkSeries, type ComponentRow } from "./series";

const rows: ComponentRow[] = [
  // 2024: peers 1, 2, 3 (values 1000, 2000, 3000); 4 is outside the peer group
  { organisationId: 1, year: 2024, numerator: 1_000_000, denominator: 1_000 },
  { organisationId: 2, year: 2024, numerator: 4_000_000, denominator: 2_000 },
  { organisationId: 3, year: 2024, numerator: 9_000_000, denominator: 3_000 },
  { organisationId: 4, year: 2024, numerator: 6_000_000, denominator: 4_000 },
  // 2023: only two peers have values
  { organisationId: 2, year: 2023, numerator: 4_000_000, denominator: 2_000 },
  { organisationId: 3, year: 2023, numerator: 9_000_000, denominator: 3_000 },
];

describe("buildBenchmarkSeries", () => {
  const series = buildBenchmarkSeries({
    indicator: K1,
    years: [2023, 2024, 2025],
    rows,
    organisationId: 1,
    peerIds: new Set([1, 2, 3]),
  });

  it("gives the own value, peer band and national ratio of sums per year", () => {
    expect(series[1]).toEqual({
      year: 2024,
      own: { value: 1_000, numerator: 1_000_000, denominator: 1_000 },
      peers: { status: "shown", n: 3, q1: 1_500, median: 2_000, q3: 2_500, ratioOfSums: 14_000_000 / 6_000 },
      percentile: ((0 + 0.5) / 3) * 100,
      national: { n: 4, ratioOfSums: 20_000_000 / 10_000 },
    });
  });

  it("keeps a missing own value missing and hides a thin peer group", () => {
    expect(series[0]?.own).toBeNull();
    expect(series[0]?.peers).toEqual({ status: "hidden", n: 2, reason: "TOO_FEW_MEMBERS" });
    expect(series[0]?.percentile).toBeNull();
  });

  it("returns an empty year as all missing", () => {
    expect(series[2]).toEqual({
      year: 2025,
      own: null,
      peers: { status: "hidden", n: 0, reason: "TOO_FEW_MEMBERS" },
      percentile: null,
      national: { n: 0, ratioOfSums: null },
    });
  });

  it("reads the own value from the own rows and the statistics from the approved rows only", () => {
    const withDraft = buildBenchmarkSeries({
      indicator: K1,
      years: [2024],
      rows,
      ownRows: [{ organisationId: 1, year: 2024, numerator: 5_000_000, denominator: 1_000 }],
      organisationId: 1,
      peerIds: new Set([1, 2, 3]),
    });
    expect(withDraft[0]?.own).toEqual({ value: 5_000, numerator: 5_000_000, denominator: 1_000 });
    expect(withDraft[0]?.peers).toEqual(series[1]?.peers);
    expect(withDraft[0]?.national).toEqual(series[1]?.national);
    expect(withDraft[0]?.percentile).toBe(((3 + 0) / 3) * 100);
  });
});
