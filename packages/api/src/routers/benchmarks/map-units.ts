import { listMunicipalities, type Db } from "@malestokk/db";
import { computeIndicatorValue, type IndicatorDefinition } from "@malestokk/domain";

import { cached } from "./cache";

/**
 * Every municipality of the register as the map draws it (issue 24), with its figure from `byId` (organisation id
 * to components) or none, and the counties: for benchmarks.map (what the reader may see) and open.map (what is
 * published). `row` is the figure's own row, for what a caller adds.
 */
export function mapUnitsOf<R extends { readonly numerator: number; readonly denominator: number }>(
  db: Db,
  indicator: IndicatorDefinition,
  byId: ReadonlyMap<number, R>,
) {
  const municipalities = cached(db, "municipalities", () => listMunicipalities(db), ["registerVersion"]);
  const counties = new Map(municipalities.map((m) => [m.countyNumber, m.countyName]));
  return {
    municipalities,
    counties: [...counties].map(([number, name]) => ({ number, name })).sort((a, b) => a.number.localeCompare(b.number)),
    units: municipalities.map((m) => {
      const row = byId.get(m.id);
      const value = row === undefined ? null : computeIndicatorValue(indicator, row.numerator, row.denominator);
      return {
        number: m.number,
        name: m.name,
        countyNumber: m.countyNumber,
        value,
        numerator: value === null ? null : (row?.numerator ?? null),
        denominator: value === null ? null : (row?.denominator ?? null),
        row,
      };
    }),
  };
}
