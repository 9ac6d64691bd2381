import { describe, expect, it } from "vitest";

import { OTHER_COUNTY_PENALTY, suggestPeers, type SuggestUnit } from "./suggest";

const unit = (id: number, countyNumber: string, population: number | null, areaKm2: number | null = null): SuggestUnit => ({
  id,
  number: String(1000 + id),
  countyNumber,
  population,
  areaKm2,
});

describe("suggestPeers", () => {
  const self = unit(1, "46", 10_000, 500);
  const units = [
    self,
    unit(2, "46", 11_000, 520),
    unit(3, "11", 10_500, 5_000),
    unit(4, "11", 100_000, 500),
    unit(5, "46", 2_000, 100),
    unit(6, "11", null, 300),
    unit(7, "11", 10_000, null),
  ];

  it("ranks by size, density and county, never itself or units without population", () => {
    const ids = suggestPeers(units, self).map((s) => s.id);
    expect(ids[0]).toBe(2);
    expect(ids).not.toContain(1);
    expect(ids).not.toContain(6);
    expect(ids.indexOf(3)).toBeLessThan(ids.indexOf(4));
  });

  it("says why in reason codes, with the figures on both sides", () => {
    const best = suggestPeers(units, self)[0];
    expect(best?.reasons).toEqual([
      { code: "SIMILAR_POPULATION", params: { population: 11_000, ownPopulation: 10_000 } },
      { code: "SAME_COUNTY", params: {} },
      { code: "SIMILAR_DENSITY", params: { density: 21.2, ownDensity: 20 } },
    ]);
    expect(best).toMatchObject({ population: 11_000, density: 21.2 });
  });

  it("gives the distance: zero for an equal unit in the county, the penalty alone for one in another", () => {
    const twin = unit(8, "46", 10_000, 500);
    const farTwin = unit(9, "11", 10_000, 500);
    const [a, b] = suggestPeers([self, twin, farTwin, unit(10, "03", 700_000, 450)], self);
    expect(a).toMatchObject({ id: 8, distance: 0 });
    expect(b).toMatchObject({ id: 9, distance: OTHER_COUNTY_PENALTY });
  });

  it("weighs density: of two alike in size, the one alike in density is closer", () => {
    const dense = unit(11, "11", 10_000, 50);
    const alike = unit(12, "11", 10_000, 480);
    const ids = suggestPeers([self, dense, alike, unit(13, "03", 700_000, 450), unit(14, "50", 1_000, 2_000)], self).map((s) => s.id);
    expect(ids.indexOf(12)).toBeLessThan(ids.indexOf(11));
  });

  it("leaves density out, without a reason, when an area is unknown", () => {
    const noArea = suggestPeers(units, self).find((s) => s.id === 7);
    expect(noArea?.density).toBeNull();
    expect(noArea?.reasons.map((r) => r.code)).toEqual(["SIMILAR_POPULATION"]);
  });

  it("suggests at most the asked number, and nothing without an own population", () => {
    expect(suggestPeers(units, self, 2)).toHaveLength(2);
    expect(suggestPeers(units, unit(9, "46", null))).toEqual([]);
  });

  it("breaks ties by number, so the order is stable", () => {
    const ties = [self, unit(20, "11", 10_000, 500), unit(15, "11", 10_000, 500)];
    expect(suggestPeers(ties, self).map((s) => s.number)).toEqual(["1015", "1020"]);
  });
});
