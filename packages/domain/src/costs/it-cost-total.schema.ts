import { z } from "zod";

import { MAX_YEAR, MIN_YEAR } from "../reporting/years";

/** No municipality's IT cost comes near this; a bigger figure is a typing error (an extra digit or øre). */
export const MAX_IT_COST_NOK = 20_000_000_000;
/** IT cost per inhabitant above this is treated as implausible (about 10× the highest real figures). */
export const MAX_IT_COST_PER_INHABITANT_NOK = 50_000;

/** Total IT cost for one organisation and year, in whole kroner. */
export const ItCostTotalInputSchema = z.object({
  municipalityNumber: z.string().regex(/^\d{4}$/),
  year: z.number().int().min(MIN_YEAR).max(MAX_YEAR),
  totalItCost: z.number().int().min(0).max(MAX_IT_COST_NOK),
  /** The version the user read; null when creating a new value. */
  expectedVersion: z.number().int().min(0).nullable(),
});

export type ItCostTotalInput = z.infer<typeof ItCostTotalInputSchema>;

/** A perInhabitant figure when the amount is implausibly large for the population, else null. */
export function checkItCostPlausibility(totalItCost: number, population: number | null): number | null {
  if (population === null || population <= 0) return null;
  const perInhabitant = totalItCost / population;
  return perInhabitant > MAX_IT_COST_PER_INHABITANT_NOK ? Math.round(perInhabitant) : null;
}
