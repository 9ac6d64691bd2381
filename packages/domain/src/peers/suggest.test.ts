import { describe, expect, it } from "vitest";

import { suggestPeers, type SuggestUnit } from "./suggest";

const unit = (id: number, countyNumber: string, population: number | null, costPerInhabitant: number | null = null): SuggestUnit => ({
  id,
  number: String(1000 + id),
  countyNumber,
  population,
  costPerInhabitant,
});

describe("suggestPeers", () => {
  const self = unit(1, "46", 10_000, 3_000);
  const units = [
    self,
    unit(2, "46", 11_000, 3_100),
    unit(3, "11", 10_500, 6_000),
    unit(4, "11", 100_000, 3_000),
    unit(5, "46", 2_000),
    unit(6, "11", null),
  ];

  it("ranks by size, county and cost, never itself or units without population", () => {
    const ids = suggestPeers(units, self).map((s) => s.id);
    expect(ids[0]).toBe(2);
    expect(ids).not.toContain(1);
    expect(ids).not.toContain(6);
    expect(ids.indexOf(3)).toBeLessThan(ids.indexOf(4));
  });

  it("says why in reason codes", () => {
    const best = suggestPeers(units, self)[0];
    expect(best?.reasons).toEqual([
      { code: "SIMILAR_POPULATION", params: { population: 11_000, ownPopulation: 10_000 } },
      { code: "SAME_COUNTY", params: {} },
      { code: "SIMILAR_COST", params: { value: 3_100, ownValue: 3_000 } },
    ]);
  });

  it("suggests at most the asked number, and nothing without an own population", () => {
    expect(suggestPeers(units, self, 2)).toHaveLength(2);
    expect(suggestPeers(units, unit(9, "46", null))).toEqual([]);
  });
});
