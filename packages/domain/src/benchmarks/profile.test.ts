import { describe, expect, it } from "vitest";

import type { PeerSummary } from "../statistics/peer-summary";
import { percentileRank, rankOf } from "../statistics/percentile-rank";
import { assess, bandPosition, distanceOutsideBand, medianSide, standOut } from "./profile";

const band = (q1: number, median: number, q3: number): PeerSummary => ({ status: "shown", n: 12, q1, median, q3, ratioOfSums: median });
const hidden: PeerSummary = { status: "hidden", n: 2, reason: "TOO_FEW_MEMBERS" };

describe("position against the peer band", () => {
  it("reads costs against the band, and quality by its direction", () => {
    expect(bandPosition(5_000, band(3_000, 3_500, 4_000))).toBe("above");
    expect(assess("neutral", "above")).toBe("aboveBand");
    expect(assess("neutral", "below")).toBe("belowBand");
    expect(assess("higher", "above")).toBe("better");
    expect(assess("higher", "below")).toBe("worse");
    expect(assess("lower", "below")).toBe("better");
    expect(assess("lower", "within")).toBe("withinBand");
    expect(bandPosition(1, hidden)).toBeNull();
  });

  it("measures the distance outside the band in band widths", () => {
    expect(distanceOutsideBand(5_000, band(3_000, 3_500, 4_000))).toBe(1);
    expect(distanceOutsideBand(3_500, band(3_000, 3_500, 4_000))).toBe(0);
    // A flat band: distance in medians.
    expect(distanceOutsideBand(6, band(4, 4, 4))).toBe(0.5);
  });

  it("picks the three indicators furthest outside the band (worked example)", () => {
    const items = [
      { code: "K1", value: 6_000, peers: band(3_000, 3_500, 4_000) }, // 2 widths above
      { code: "K3", value: 10_000, peers: band(9_000, 10_000, 11_000) }, // inside
      { code: "Q1", value: 1.5, peers: band(2.5, 3, 3.5) }, // 1 width below
      { code: "S1", value: 10, peers: band(40, 50, 60) }, // 1.5 widths below
      { code: "S3", value: 99, peers: band(60, 70, 80) }, // 0.95 above
      { code: "K6", value: null, peers: band(1, 2, 3) },
      { code: "Q2", value: 9, peers: hidden },
    ];
    expect(standOut(items).map((s) => [s.item.code, s.position, s.distance])).toEqual([
      ["K1", "above", 2],
      ["S1", "below", 1.5],
      ["Q1", "below", 1],
    ]);
  });

  it("puts the headline indicators first when they stand out, however far a sub-indicator lies (Trondheim)", () => {
    // Trondheim 2024: K1 and K2 are the highest in the group but just above its band, while three
    // service costs lie far outside it; the headline figures must not drop out of the three.
    const items = [
      { code: "K4.userSupport", value: 900, peers: band(100, 200, 300) }, // 3 widths above
      { code: "K4.caseArchive", value: 800, peers: band(100, 200, 300) }, // 2.5 above
      { code: "K5.health", value: 700, peers: band(100, 200, 300) }, // 2 above
      { code: "K2", value: 4.2, peers: band(3, 3.5, 4) }, // 0.2 above
      { code: "K1", value: 4_100, peers: band(3_000, 3_500, 4_000) }, // 0.1 above
    ];
    expect(standOut(items).map((s) => s.item.code)).toEqual(["K2", "K1", "K4.userSupport"]);
  });

  it("ranks with ties (competition ranking) and gives percentile ranks with ties counted half", () => {
    expect(rankOf([10, 20, 20, 30], 20)).toBe(2);
    expect(rankOf([10, 20, 20, 30], 20, "descending")).toBe(2);
    expect(rankOf([10, 20, 20, 30], 30, "descending")).toBe(1);
    expect(percentileRank([10, 20, 20, 30], 20)).toBe(50);
  });
});

describe("the side of the median (issue 20, point 20)", () => {
  it("reads the value with the indicator's direction, and has no side for a neutral indicator or on the median", () => {
    expect(medianSide("lower", 12, 10)).toBe("bad");
    expect(medianSide("lower", 8, 10)).toBe("good");
    expect(medianSide("higher", 12, 10)).toBe("good");
    expect(medianSide("higher", 8, 10)).toBe("bad");
    expect(medianSide("neutral", 12, 10)).toBe("neutral");
    expect(medianSide("lower", 10, 10)).toBe("neutral");
  });
});
