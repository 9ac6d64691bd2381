export interface SuggestUnit {
  readonly id: number;
  readonly number: string;
  readonly countyNumber: string;
  readonly population: number | null;
  /** The latest approved IT cost per inhabitant, when reported. */
  readonly costPerInhabitant: number | null;
}

export type SuggestReason =
  | { readonly code: "SIMILAR_POPULATION"; readonly params: { readonly population: number; readonly ownPopulation: number } }
  | { readonly code: "SAME_COUNTY"; readonly params: Record<string, never> }
  | { readonly code: "SIMILAR_COST"; readonly params: { readonly value: number; readonly ownValue: number } };

export interface PeerSuggestion {
  readonly id: number;
  readonly number: string;
  readonly score: number;
  readonly reasons: readonly SuggestReason[];
}

const COUNTY_BONUS = 0.3;
const COST_WEIGHT = 0.5;
/** Within about ±15 % counts as "similar" in the reasons. */
const SIMILAR = Math.log(1.15);

/**
 * The municipalities most like `self`: distance in log-population (a town of 10 000 is as far
 * from 20 000 as 50 000 from 100 000), closer when in the same county, and closer when IT cost
 * per inhabitant is alike (when both have reported). Each suggestion says why in reason codes.
 */
export function suggestPeers(units: readonly SuggestUnit[], self: SuggestUnit, count = 10): PeerSuggestion[] {
  if (self.population === null || self.population <= 0) return [];
  const ownPopulation = self.population;
  const scored: PeerSuggestion[] = [];
  for (const unit of units) {
    if (unit.id === self.id || unit.population === null || unit.population <= 0) continue;
    const populationDistance = Math.abs(Math.log(unit.population / ownPopulation));
    const sameCounty = unit.countyNumber === self.countyNumber;
    const costDistance =
      unit.costPerInhabitant !== null && self.costPerInhabitant !== null && unit.costPerInhabitant > 0 && self.costPerInhabitant > 0
        ? Math.abs(Math.log(unit.costPerInhabitant / self.costPerInhabitant))
        : null;
    const score = populationDistance - (sameCounty ? COUNTY_BONUS : 0) + (costDistance === null ? 0 : COST_WEIGHT * costDistance);
    const reasons: SuggestReason[] = [];
    if (populationDistance <= Math.log(2)) {
      reasons.push({ code: "SIMILAR_POPULATION", params: { population: unit.population, ownPopulation } });
    }
    if (sameCounty) reasons.push({ code: "SAME_COUNTY", params: {} });
    if (costDistance !== null && costDistance <= SIMILAR && unit.costPerInhabitant !== null && self.costPerInhabitant !== null) {
      reasons.push({
        code: "SIMILAR_COST",
        params: { value: Math.round(unit.costPerInhabitant), ownValue: Math.round(self.costPerInhabitant) },
      });
    }
    scored.push({ id: unit.id, number: unit.number, score, reasons });
  }
  return scored.sort((a, b) => a.score - b.score || a.number.localeCompare(b.number)).slice(0, count);
}
