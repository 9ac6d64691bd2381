import { IT_SERVICE_NAMES, IT_SERVICES, SYSTEM_CLASS_NAMES, SYSTEM_CLASSES, type ItService, type SystemClass } from "../costs/catalogue";
import type { LocalizedText } from "../text/localized";

/** Components of the quality and scope indicators (sums and counts, whole numbers). */
export const QUALITY_COMPONENT_CODES = [
  "maturityWeightedSum",
  "maturityWeightSum",
  "staffSatisfactionSum",
  "staffRespondents",
  "citizenSatisfactionSum",
  "citizenRespondents",
  "servicesDigitalFirst",
  "servicesAssessed",
  "serviceStepSum",
  "mailDigital",
  "mailTotal",
] as const;
export type QualityComponentCode = (typeof QUALITY_COMPONENT_CODES)[number];

/** Stored components that indicators are computed from (numerators and denominators, never ratios). */
export const COMPONENT_CODES = [
  "itCostTotal",
  "population",
  "grossOperatingExpenditure",
  "itUserAccounts",
  ...IT_SERVICES.map((s) => `serviceCost.${s}` as const),
  ...SYSTEM_CLASSES.map((c) => `classCost.${c}` as const),
  ...QUALITY_COMPONENT_CODES,
] as const;
export type ComponentCode =
  | "itCostTotal"
  | "population"
  | "grossOperatingExpenditure"
  | "itUserAccounts"
  | `serviceCost.${ItService}`
  | `classCost.${SystemClass}`
  | QualityComponentCode;

export type Dimension = "cost" | "quality" | "scope";
export type Direction = "neutral" | "lower" | "higher";
export type IndicatorUnit = "NOK" | "percent" | "score";

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
 * K1 — IT cost per inhabitant (docs/indicators.md#k1): total IT cost in NOK / population on 1 January
 * (SSB table 07459). Neutral direction: judge it against the peer band, not as "lower is better".
 */
export const K1 = {
  code: "K1",
  dimension: "cost",
  name: { nb: "IKT-kostnad per innbygger", nn: "IKT-kostnad per innbyggjar", en: "IT cost per inhabitant" },
  description: {
    nb: "Samlede IKT-kostnader i kroner delt på folketallet 1. januar.",
    nn: "Samla IKT-kostnader i kroner delt på folketalet 1. januar.",
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
 * K2 — IT cost as share of budget (docs/indicators.md#k2): total IT cost in NOK / (gross operating
 * expenditure in NOK 1000 × 1000), in percent (KOSTRA, SSB table 12362). The scale 0.1 is
 * 100 (percent) / 1000 (the expenditure is stored in thousands, as SSB publishes it).
 */
export const K2 = {
  code: "K2",
  dimension: "cost",
  name: { nb: "IKT-kostnad som andel av budsjettet", nn: "IKT-kostnad som del av budsjettet", en: "IT cost as share of budget" },
  description: {
    nb: "Samlede IKT-kostnader som prosent av brutto driftsutgifter (KOSTRA).",
    nn: "Samla IKT-kostnader som prosent av brutto driftsutgifter (KOSTRA).",
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
  name: { nb: "IKT-kostnad per IKT-bruker", nn: "IKT-kostnad per IKT-brukar", en: "IT cost per IT user" },
  description: {
    nb: "Samlede IKT-kostnader i kroner delt på antall IKT-brukerkontoer.",
    nn: "Samla IKT-kostnader i kroner delt på talet på IKT-brukarkontoar.",
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
    name: { nb: `${name.nb}: kostnad per IKT-bruker`, nn: `${name.nn}: kostnad per IKT-brukar`, en: `${name.en}: cost per IT user` },
    description: {
      nb: `Kostnaden til IKT-tjenesten «${name.nb}» i kroner delt på antall IKT-brukerkontoer.`,
      nn: `Kostnaden til IKT-tenesta «${name.nn}» i kroner delt på talet på IKT-brukarkontoar.`,
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
    name: {
      nb: `Fagsystemer, ${name.nb.toLocaleLowerCase("nb")}: kostnad per innbygger`,
      nn: `Fagsystem, ${name.nn.toLocaleLowerCase("nn")}: kostnad per innbyggjar`,
      en: `Systems, ${name.en.toLowerCase()}: cost per inhabitant`,
    },
    description: {
      nb: `Kostnadene ført på fagsystemer i klassen «${name.nb}» i kroner delt på folketallet 1. januar.`,
      nn: `Kostnadene førte på fagsystem i klassen «${name.nn}» i kroner delt på folketalet 1. januar.`,
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
  name: {
    nb: "Andel til IKT-ledelse og administrasjon",
    nn: "Delen til IKT-leiing og administrasjon",
    en: "Share of IT management and administration",
  },
  description: {
    nb: "Kostnaden til IKT-ledelse og administrasjon som prosent av de samlede IKT-kostnadene.",
    nn: "Kostnaden til IKT-leiing og administrasjon som prosent av dei samla IKT-kostnadene.",
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

/** Q1 — IT maturity index: the weighted mean of the eight area scores (docs/indicators.md#maturity). */
export const Q1 = {
  code: "Q1",
  dimension: "quality",
  name: { nb: "IKT-modenhet", nn: "IKT-modenheit", en: "IT maturity" },
  description: {
    nb: "Vektet gjennomsnitt av egenvurderingen på de åtte områdene, fra 1 (lav) til 5 (høy).",
    nn: "Vekta gjennomsnitt av eigenvurderinga på dei åtte områda, frå 1 (låg) til 5 (høg).",
    en: "Weighted mean of the self-assessment on the eight areas, from 1 (low) to 5 (high).",
  },
  unit: "score",
  decimals: 2,
  direction: "higher",
  numerator: "maturityWeightedSum",
  denominator: "maturityWeightSum",
  scale: 1,
} as const satisfies IndicatorDefinition;

/** Q2 — IT users' (staff) satisfaction on the 1–6 scale; surveys on other scales are kept apart, not compared. */
export const Q2 = {
  code: "Q2",
  dimension: "quality",
  name: {
    nb: "Brukertilfredshet, ansatte (IKT-brukere)",
    nn: "Brukartilfredsheit, tilsette (IKT-brukarar)",
    en: "User satisfaction, staff (IT users)",
  },
  description: {
    nb: "Gjennomsnitt i de ansattes brukerundersøkelse om IKT, skala 1–6, med antall svar.",
    nn: "Gjennomsnitt i brukarundersøkinga om IKT blant dei tilsette, skala 1–6, med talet på svar.",
    en: "Mean of the staff's IT user survey, scale 1–6, with the number of respondents.",
  },
  unit: "score",
  decimals: 2,
  direction: "higher",
  numerator: "staffSatisfactionSum",
  denominator: "staffRespondents",
  scale: 0.01,
} as const satisfies IndicatorDefinition;

/** Q3 — citizen satisfaction from bedrekommune.no (1–6), over the survey types the unit has run. */
export const Q3 = {
  code: "Q3",
  dimension: "quality",
  name: {
    nb: "Innbyggertilfredshet (bedrekommune.no)",
    nn: "Innbyggjartilfredsheit (bedrekommune.no)",
    en: "Citizen satisfaction (bedrekommune.no)",
  },
  description: {
    nb: "Samlet skår i innbyggerundersøkelsene på bedrekommune.no, skala 1–6, vektet med antall svar.",
    nn: "Samla skår i innbyggjarundersøkingane på bedrekommune.no, skala 1–6, vekta med talet på svar.",
    en: "Overall score of the citizen surveys on bedrekommune.no, scale 1–6, weighted by respondents.",
  },
  unit: "score",
  decimals: 2,
  direction: "higher",
  numerator: "citizenSatisfactionSum",
  denominator: "citizenRespondents",
  scale: 0.01,
} as const satisfies IndicatorDefinition;

/** S1 — digital first choice: services of the basket at staircase step 4 or higher. */
export const S1 = {
  code: "S1",
  dimension: "scope",
  name: {
    nb: "Tjenester der digitalt er førstevalg",
    nn: "Tenester der digitalt er førsteval",
    en: "Services that are digital first choice",
  },
  description: {
    nb: "Andel av tjenestene i kurven som kommunen tilbyr, der tjenesten står på trinn 4 eller 5 i den digitale trappen.",
    nn: "Del av tenestene i korga som kommunen tilbyr, der tenesta står på trinn 4 eller 5 i den digitale trappa.",
    en: "Share of the basket's services the municipality offers that stand on step 4 or 5 of the digital staircase.",
  },
  unit: "percent",
  decimals: 0,
  direction: "higher",
  numerator: "servicesDigitalFirst",
  denominator: "servicesAssessed",
  scale: 100,
} as const satisfies IndicatorDefinition;

/** S2 — the mean step on the digital staircase over the basket's offered services. */
export const S2 = {
  code: "S2",
  dimension: "scope",
  name: {
    nb: "Gjennomsnittlig trinn i den digitale trappen",
    nn: "Gjennomsnittleg trinn i den digitale trappa",
    en: "Mean step on the digital staircase",
  },
  description: {
    nb: "Gjennomsnittlig trinn (1–5) for tjenestene i kurven som kommunen tilbyr.",
    nn: "Gjennomsnittleg trinn (1–5) for tenestene i korga som kommunen tilbyr.",
    en: "Mean step (1–5) of the basket's services the municipality offers.",
  },
  unit: "score",
  decimals: 2,
  direction: "higher",
  numerator: "serviceStepSum",
  denominator: "servicesAssessed",
  scale: 1,
} as const satisfies IndicatorDefinition;

/** S3 — outgoing mail sent digitally through SvarUt, as a share of all shipments. */
export const S3 = {
  code: "S3",
  dimension: "scope",
  name: { nb: "Digital post (SvarUt)", nn: "Digital post (SvarUt)", en: "Digital mail (SvarUt)" },
  description: {
    nb: "Andel av utgående forsendelser gjennom SvarUt som ble levert digitalt, ikke på papir.",
    nn: "Del av utgåande forsendingar gjennom SvarUt som vart leverte digitalt, ikkje på papir.",
    en: "Share of outgoing SvarUt shipments delivered digitally rather than on paper.",
  },
  unit: "percent",
  decimals: 0,
  direction: "higher",
  numerator: "mailDigital",
  denominator: "mailTotal",
  scale: 100,
} as const satisfies IndicatorDefinition;

export const INDICATORS = [K1, K2, K3, ...K4, ...K5, K6, Q1, Q2, Q3, S1, S2, S3] as const;
export type IndicatorCode = "K1" | "K2" | "K3" | `K4.${ItService}` | `K5.${SystemClass}` | "K6" | "Q1" | "Q2" | "Q3" | "S1" | "S2" | "S3";
export const INDICATOR_CODES = INDICATORS.map((i) => i.code) as [IndicatorCode, ...IndicatorCode[]];

const COMPONENT_NAMES: Readonly<Record<Exclude<ComponentCode, `serviceCost.${string}` | `classCost.${string}`>, LocalizedText>> = {
  itCostTotal: { nb: "samlede IKT-kostnader", nn: "samla IKT-kostnader", en: "total IT cost" },
  population: { nb: "folketall 1. januar (SSB 07459)", nn: "folketal 1. januar (SSB 07459)", en: "population on 1 January (SSB 07459)" },
  grossOperatingExpenditure: {
    nb: "brutto driftsutgifter × 1000 (SSB 12362)",
    nn: "brutto driftsutgifter × 1000 (SSB 12362)",
    en: "gross operating expenditure × 1000 (SSB 12362)",
  },
  itUserAccounts: { nb: "antall IKT-brukerkontoer", nn: "talet på IKT-brukarkontoar", en: "number of IT user accounts" },
  maturityWeightedSum: { nb: "vektet sum av områdeskårene", nn: "vekta sum av områdeskårane", en: "weighted sum of the area scores" },
  maturityWeightSum: { nb: "summen av vektene", nn: "summen av vektene", en: "the sum of the weights" },
  staffSatisfactionSum: { nb: "sum av ansattes svar", nn: "sum av svara frå dei tilsette", en: "sum of the staff's answers" },
  staffRespondents: { nb: "antall svar", nn: "talet på svar", en: "respondents" },
  citizenSatisfactionSum: { nb: "sum av innbyggernes svar", nn: "sum av svara frå innbyggjarane", en: "sum of the citizens' answers" },
  citizenRespondents: { nb: "antall svar", nn: "talet på svar", en: "respondents" },
  servicesDigitalFirst: { nb: "tjenester på trinn 4–5", nn: "tenester på trinn 4–5", en: "services on step 4–5" },
  servicesAssessed: { nb: "tjenester som tilbys", nn: "tenester som kommunen tilbyr", en: "services offered" },
  serviceStepSum: { nb: "sum av trinn", nn: "summen av trinna", en: "sum of steps" },
  mailDigital: { nb: "digitale forsendelser", nn: "digitale forsendingar", en: "digital shipments" },
  mailTotal: { nb: "alle forsendelser", nn: "alle forsendingar", en: "all shipments" },
};

/** What a stored component is, in words: a formula never shows "serviceCost.userSupport". */
export function componentName(code: ComponentCode): LocalizedText {
  const [kind, key] = code.split(".") as [string, string | undefined];
  if (kind === "serviceCost" && key) {
    const name = IT_SERVICE_NAMES[key as ItService];
    return {
      nb: `kostnaden til IKT-tjenesten «${name.nb}»`,
      nn: `kostnaden til IKT-tenesta «${name.nn}»`,
      en: `the cost of the IT service "${name.en}"`,
    };
  }
  if (kind === "classCost" && key) {
    const name = SYSTEM_CLASS_NAMES[key as SystemClass];
    return {
      nb: `kostnadene til fagsystemer i klassen «${name.nb}»`,
      nn: `kostnadene til fagsystem i klassen «${name.nn}»`,
      en: `the costs of systems of the class "${name.en}"`,
    };
  }
  return COMPONENT_NAMES[code as keyof typeof COMPONENT_NAMES];
}

/** The code users read: "K4" for every K4.x (the part after the dot is the service, named beside it). */
export function displayCode(code: string): string {
  return code.split(".")[0] ?? code;
}

/** The figures a reader looks at first: the sector's tiles and the first of what stands out. */
export const HEADLINE_INDICATOR_CODES: readonly IndicatorCode[] = ["K1", "K2", "Q1", "S1", "S3"];

export function getIndicator(code: string): IndicatorDefinition | null {
  return (INDICATORS as readonly IndicatorDefinition[]).find((i) => i.code === code) ?? null;
}

/**
 * The value of a ratio indicator from its components; null (missing, never 0) when either
 * component is missing or the denominator is not positive.
 */
export function computeIndicatorValue(indicator: IndicatorDefinition, numerator: number | null, denominator: number | null): number | null {
  if (numerator === null || denominator === null || !(denominator > 0)) return null;
  return (numerator / denominator) * indicator.scale;
}
