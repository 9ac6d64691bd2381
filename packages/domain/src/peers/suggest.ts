/**
 * Similar municipalities, suggested on structure alone (issue 20, point 15): population, density
 * (population per km² of land) and county. No indicator goes in, so the suggestion is the same
 * whatever figure is then compared with it: choosing peers by the very figure being compared would
 * make every comparison look alike. SSB's centrality index (sentralitetsindeks) is not in the
 * register and is therefore not used.
 */
export interface SuggestUnit {
  readonly id: number;
  readonly number: string;
  readonly countyNumber: string;
  readonly population: number | null;
  /** Land area in km², where known. */
  readonly areaKm2: number | null;
}

export type SuggestReason =
  | { readonly code: "SIMILAR_POPULATION"; readonly params: { readonly population: number; readonly ownPopulation: number } }
  | { readonly code: "SIMILAR_DENSITY"; readonly params: { readonly density: number; readonly ownDensity: number } }
  | { readonly code: "SAME_COUNTY"; readonly params: Record<string, never> };

export interface PeerSuggestion {
  readonly id: number;
  readonly number: string;
  /** Weighted distance in standard deviations of the logs (0: alike in every respect); smaller is closer. */
  readonly distance: number;
  readonly population: number;
  /** Inhabitants per km², rounded to one decimal; null without an area. */
  readonly density: number | null;
  readonly reasons: readonly SuggestReason[];
}

/** Weights of the standardized differences: size counts most, density (partly a matter of size) half as much. */
export const SUGGEST_WEIGHTS = { population: 1, density: 0.5 } as const;
/** Added to the distance of a municipality in another county: a same-county neighbour wins a near tie. */
export const OTHER_COUNTY_PENALTY = 0.25;
/** Within a factor of 1.5 either way counts as "similar" in the reasons. */
const SIMILAR = Math.log(1.5);

interface Logs {
  readonly unit: SuggestUnit;
  readonly population: number;
  readonly logPopulation: number;
  readonly density: number | null;
  readonly logDensity: number | null;
}

function standardDeviation(values: readonly number[]): number {
  if (values.length < 2) return 1;
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1);
  return variance > 0 ? Math.sqrt(variance) : 1;
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * The `count` municipalities most like `self`, closest first: the weighted Euclidean distance of
 * log(population) and log(density), each divided by its standard deviation over all units (so a
 * town of 10 000 is as far from 20 000 as 50 000 from 100 000, and the two measures weigh alike),
 * plus `OTHER_COUNTY_PENALTY` outside the county. Density counts only when both areas are known.
 * Units without a population are left out, and so is everything when `self` has none. Ties go by number.
 */
export function suggestPeers(units: readonly SuggestUnit[], self: SuggestUnit, count = 10): PeerSuggestion[] {
  const logs = (unit: SuggestUnit): Logs | null => {
    if (unit.population === null || unit.population <= 0) return null;
    const density = unit.areaKm2 !== null && unit.areaKm2 > 0 ? unit.population / unit.areaKm2 : null;
    return {
      unit,
      population: unit.population,
      logPopulation: Math.log(unit.population),
      density,
      logDensity: density === null ? null : Math.log(density),
    };
  };
  const own = logs(self);
  if (!own) return [];
  const all = units.flatMap((u) => logs(u) ?? []);
  const sdPopulation = standardDeviation(all.map((l) => l.logPopulation));
  const sdDensity = standardDeviation(all.flatMap((l) => (l.logDensity === null ? [] : [l.logDensity])));
  const suggestions: PeerSuggestion[] = [];
  for (const other of all) {
    if (other.unit.id === self.id) continue;
    const populationGap = other.logPopulation - own.logPopulation;
    const densityGap = other.logDensity !== null && own.logDensity !== null ? other.logDensity - own.logDensity : null;
    const sameCounty = other.unit.countyNumber === self.countyNumber;
    const squared =
      SUGGEST_WEIGHTS.population * (populationGap / sdPopulation) ** 2 +
      (densityGap === null ? 0 : SUGGEST_WEIGHTS.density * (densityGap / sdDensity) ** 2);
    const distance = Math.sqrt(squared) + (sameCounty ? 0 : OTHER_COUNTY_PENALTY);
    const reasons: SuggestReason[] = [];
    if (Math.abs(populationGap) <= SIMILAR) {
      reasons.push({ code: "SIMILAR_POPULATION", params: { population: other.population, ownPopulation: own.population } });
    }
    if (sameCounty) reasons.push({ code: "SAME_COUNTY", params: {} });
    if (densityGap !== null && Math.abs(densityGap) <= SIMILAR && other.density !== null && own.density !== null) {
      reasons.push({ code: "SIMILAR_DENSITY", params: { density: round(other.density, 1), ownDensity: round(own.density, 1) } });
    }
    suggestions.push({
      id: other.unit.id,
      number: other.unit.number,
      distance: round(distance, 3),
      population: other.population,
      density: other.density === null ? null : round(other.density, 1),
      reasons,
    });
  }
  return suggestions.sort((a, b) => a.distance - b.distance || a.number.localeCompare(b.number)).slice(0, count);
}
