/** Stored components that indicators are computed from (numerators and denominators, never ratios). */
export const COMPONENT_CODES = ["itCostTotal", "population", "grossOperatingExpenditure"] as const;
export type ComponentCode = (typeof COMPONENT_CODES)[number];

export type Dimension = "cost" | "quality" | "scope";
export type Direction = "neutral" | "lower" | "higher";
export type IndicatorUnit = "NOK" | "percent" | "score";

export interface LocalizedText {
  readonly nb: string;
  readonly en: string;
}

export interface IndicatorDefinition {
  readonly code: string;
  readonly dimension: Dimension;
  readonly name: LocalizedText;
  readonly description: LocalizedText;
  readonly unit: IndicatorUnit;
  readonly decimals: number;
  readonly direction: Direction;
  readonly numerator: ComponentCode;
  readonly denominator: ComponentCode;
  /** Multiplier applied to numerator / denominator, e.g. 100 for a percentage. */
  readonly scale: number;
}

/**
 * K1 — IT cost per inhabitant (DESIGN.md §3): total IT cost in NOK / population on 1 January
 * (SSB table 07459). Neutral direction: judge it against the peer band, not as "lower is better".
 */
export const K1 = {
  code: "K1",
  dimension: "cost",
  name: { nb: "IKT-kostnad per innbygger", en: "IT cost per inhabitant" },
  description: {
    nb: "Samlede IKT-kostnader i kroner delt på folketallet 1. januar.",
    en: "Total IT cost in NOK divided by the population on 1 January.",
  },
  unit: "NOK",
  decimals: 0,
  direction: "neutral",
  numerator: "itCostTotal",
  denominator: "population",
  scale: 1,
} as const satisfies IndicatorDefinition;

/**
 * K2 — IT cost as share of budget (DESIGN.md §3): total IT cost in NOK / (gross operating
 * expenditure in NOK 1000 × 1000), in percent (KOSTRA, SSB table 12362). The scale 0.1 is
 * 100 (percent) / 1000 (the expenditure is stored in thousands, as SSB publishes it).
 */
export const K2 = {
  code: "K2",
  dimension: "cost",
  name: { nb: "IKT-kostnad som andel av budsjettet", en: "IT cost as share of budget" },
  description: {
    nb: "Samlede IKT-kostnader som prosent av brutto driftsutgifter (KOSTRA).",
    en: "Total IT cost as a percentage of gross operating expenditure (KOSTRA).",
  },
  unit: "percent",
  decimals: 2,
  direction: "neutral",
  numerator: "itCostTotal",
  denominator: "grossOperatingExpenditure",
  scale: 0.1,
} as const satisfies IndicatorDefinition;

export const INDICATORS = [K1, K2] as const;
export type IndicatorCode = (typeof INDICATORS)[number]["code"];
export const INDICATOR_CODES = INDICATORS.map((i) => i.code) as [IndicatorCode, ...IndicatorCode[]];

export function getIndicator(code: string): IndicatorDefinition | null {
  return (INDICATORS as readonly IndicatorDefinition[]).find((i) => i.code === code) ?? null;
}

/**
 * The value of a ratio indicator from its components; null (missing, never 0) when either
 * component is missing or the denominator is not positive.
 */
export function computeIndicatorValue(
  indicator: IndicatorDefinition,
  numerator: number | null,
  denominator: number | null,
): number | null {
  if (numerator === null || denominator === null || !(denominator > 0)) return null;
  return (numerator / denominator) * indicator.scale;
}
