import { IT_SERVICE_NAMES, IT_SERVICES, SYSTEM_CLASS_NAMES, SYSTEM_CLASSES, type ItService, type SystemClass } from "../costs/catalogue";

/** Stored components that indicators are computed from (numerators and denominators, never ratios). */
export const COMPONENT_CODES = [
  "itCostTotal",
  "population",
  "grossOperatingExpenditure",
  "itUserAccounts",
  ...IT_SERVICES.map((s) => `serviceCost.${s}` as const),
  ...SYSTEM_CLASSES.map((c) => `classCost.${c}` as const),
] as const;
export type ComponentCode =
  | "itCostTotal"
  | "population"
  | "grossOperatingExpenditure"
  | "itUserAccounts"
  | `serviceCost.${ItService}`
  | `classCost.${SystemClass}`;

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

/** K3 — IT cost per IT user account: total IT cost / IT user accounts (both from the cost report). */
export const K3 = {
  code: "K3",
  dimension: "cost",
  name: { nb: "IKT-kostnad per IKT-bruker", en: "IT cost per IT user" },
  description: {
    nb: "Samlede IKT-kostnader i kroner delt på antall IKT-brukerkontoer.",
    en: "Total IT cost in NOK divided by the number of IT user accounts.",
  },
  unit: "NOK",
  decimals: 0,
  direction: "neutral",
  numerator: "itCostTotal",
  denominator: "itUserAccounts",
  scale: 1,
} as const satisfies IndicatorDefinition;

/** K4.x — cost of one IT service per IT user: lower is better at equal quality. */
function serviceIndicator(service: ItService) {
  const name = IT_SERVICE_NAMES[service];
  return {
    code: `K4.${service}`,
    dimension: "cost",
    name: { nb: `${name.nb}: kostnad per IKT-bruker`, en: `${name.en}: cost per IT user` },
    description: {
      nb: `Kostnaden til IKT-tjenesten «${name.nb}» i kroner delt på antall IKT-brukerkontoer.`,
      en: `The cost of the IT service "${name.en}" in NOK divided by the number of IT user accounts.`,
    },
    unit: "NOK",
    decimals: 0,
    direction: "lower",
    numerator: `serviceCost.${service}`,
    denominator: "itUserAccounts",
    scale: 1,
  } as const satisfies IndicatorDefinition;
}

/** K5.x — cost of one class of fagsystemer per inhabitant. */
function systemClassIndicator(systemClass: SystemClass) {
  const name = SYSTEM_CLASS_NAMES[systemClass];
  return {
    code: `K5.${systemClass}`,
    dimension: "cost",
    name: { nb: `Fagsystemer, ${name.nb.toLocaleLowerCase("nb")}: kostnad per innbygger`, en: `Systems, ${name.en.toLowerCase()}: cost per inhabitant` },
    description: {
      nb: `Kostnadene ført på fagsystemer i klassen «${name.nb}» i kroner delt på folketallet 1. januar.`,
      en: `The costs recorded on line-of-business systems of the class "${name.en}" in NOK divided by the population on 1 January.`,
    },
    unit: "NOK",
    decimals: 0,
    direction: "lower",
    numerator: `classCost.${systemClass}`,
    denominator: "population",
    scale: 1,
  } as const satisfies IndicatorDefinition;
}

/** K6 — IT management and administration as a share of total IT cost, in percent. */
export const K6 = {
  code: "K6",
  dimension: "cost",
  name: { nb: "Andel til IKT-ledelse og administrasjon", en: "Share of IT management and administration" },
  description: {
    nb: "Kostnaden til IKT-ledelse og administrasjon som prosent av de samlede IKT-kostnadene.",
    en: "The cost of IT management and administration as a percentage of total IT cost.",
  },
  unit: "percent",
  decimals: 1,
  direction: "lower",
  numerator: "serviceCost.management",
  denominator: "itCostTotal",
  scale: 100,
} as const satisfies IndicatorDefinition;

export const K4 = IT_SERVICES.map(serviceIndicator);
export const K5 = SYSTEM_CLASSES.map(systemClassIndicator);

export const INDICATORS = [K1, K2, K3, ...K4, ...K5, K6] as const;
export type IndicatorCode = "K1" | "K2" | "K3" | `K4.${ItService}` | `K5.${SystemClass}` | "K6";
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
