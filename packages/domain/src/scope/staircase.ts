import type { LocalizedText } from "../text/localized";

/** The digital staircase (docs/indicators.md#staircase): how far a service has come. */
export const STAIRCASE_STEPS = [1, 2, 3, 4, 5] as const;
export type StaircaseStep = (typeof STAIRCASE_STEPS)[number];
/** Step 4 and up: digital first choice. */
export const DIGITAL_FIRST_STEP = 4;

export const STAIRCASE_STEP_NAMES: Readonly<Record<StaircaseStep, LocalizedText>> = {
  1: { nb: "Informasjon på nett", nn: "Informasjon på nett", en: "Information online" },
  2: { nb: "Skjema til nedlasting", nn: "Skjema til nedlasting", en: "Form to download" },
  3: { nb: "Digital innsending", nn: "Digital innsending", en: "Digital submission" },
  4: { nb: "Helt digital behandling og svar", nn: "Heilt digital behandling og svar", en: "Fully digital handling and reply" },
  5: { nb: "Automatisert eller proaktiv", nn: "Automatisert eller proaktiv", en: "Automated or proactive" },
};

export const SCOPE_SECTORS = ["helseVelferd", "skoleOppvekst", "planByggGeodata"] as const;
export type ScopeSector = (typeof SCOPE_SECTORS)[number];

export interface BasketService {
  readonly code: string;
  readonly sector: ScopeSector;
  readonly name: LocalizedText;
}

/**
 * The service basket, versioned by the first year it applies to: a year's rates are computed over
 * that year's basket, so a change of basket does not look like progress.
 */
export const SERVICE_BASKETS: readonly { readonly fromYear: number; readonly services: readonly BasketService[] }[] = [
  {
    fromYear: 2015,
    services: [
      { code: "byggesoknad", sector: "planByggGeodata", name: { nb: "Byggesøknad", nn: "Byggjesøknad", en: "Building application" } },
      {
        code: "delingstillatelse",
        sector: "planByggGeodata",
        name: { nb: "Oppretting av grunneiendom", nn: "Oppretting av grunneigedom", en: "Subdivision of property" },
      },
      {
        code: "planinnspill",
        sector: "planByggGeodata",
        name: { nb: "Innspill til reguleringsplan", nn: "Innspel til reguleringsplan", en: "Comment on a zoning plan" },
      },
      {
        code: "eiendomsinfo",
        sector: "planByggGeodata",
        name: {
          nb: "Eiendomsinformasjon (meglerpakke)",
          nn: "Eigedomsinformasjon (meglarpakke)",
          en: "Property information for estate agents",
        },
      },
      {
        code: "kommunaleAvgifter",
        sector: "planByggGeodata",
        name: { nb: "Kommunale avgifter", nn: "Kommunale avgifter", en: "Municipal charges" },
      },
      {
        code: "avfallHenting",
        sector: "planByggGeodata",
        name: { nb: "Tømming og henting av avfall", nn: "Tømming og henting av avfall", en: "Waste collection" },
      },
      {
        code: "parkeringstillatelse",
        sector: "planByggGeodata",
        name: { nb: "Parkeringstillatelse", nn: "Parkeringsløyve", en: "Parking permit" },
      },
      { code: "barnehageplass", sector: "skoleOppvekst", name: { nb: "Barnehageplass", nn: "Barnehageplass", en: "Kindergarten place" } },
      { code: "sfo", sector: "skoleOppvekst", name: { nb: "SFO-plass", nn: "SFO-plass", en: "After-school care" } },
      { code: "skoleskyss", sector: "skoleOppvekst", name: { nb: "Skoleskyss", nn: "Skuleskyss", en: "School transport" } },
      { code: "skolebytte", sector: "skoleOppvekst", name: { nb: "Skolebytte", nn: "Skulebyte", en: "Change of school" } },
      {
        code: "foreldrebetaling",
        sector: "skoleOppvekst",
        name: { nb: "Redusert foreldrebetaling", nn: "Redusert foreldrebetaling", en: "Reduced parental fees" },
      },
      { code: "kulturskole", sector: "skoleOppvekst", name: { nb: "Kulturskoleplass", nn: "Kulturskuleplass", en: "Arts school place" } },
      {
        code: "helseOgOmsorg",
        sector: "helseVelferd",
        name: { nb: "Helse- og omsorgstjenester", nn: "Helse- og omsorgstenester", en: "Health and care services" },
      },
      { code: "startlan", sector: "helseVelferd", name: { nb: "Startlån", nn: "Startlån", en: "Starter loan" } },
      { code: "bostotte", sector: "helseVelferd", name: { nb: "Kommunal bolig", nn: "Kommunal bustad", en: "Municipal housing" } },
      {
        code: "okonomiskSosialhjelp",
        sector: "helseVelferd",
        name: { nb: "Økonomisk sosialhjelp", nn: "Økonomisk sosialhjelp", en: "Financial social assistance" },
      },
      { code: "tt-kort", sector: "helseVelferd", name: { nb: "TT-kort", nn: "TT-kort", en: "Transport for the disabled" } },
      { code: "ledsagerbevis", sector: "helseVelferd", name: { nb: "Ledsagerbevis", nn: "Ledsagarbevis", en: "Companion card" } },
      {
        code: "timeavtaleHelsestasjon",
        sector: "helseVelferd",
        name: { nb: "Time på helsestasjon", nn: "Time på helsestasjon", en: "Appointment at the health centre" },
      },
    ],
  },
];

/** The basket that applies to a year: the newest one that starts no later than the year. */
export function basketForYear(year: number): { readonly fromYear: number; readonly services: readonly BasketService[] } | null {
  return [...SERVICE_BASKETS].sort((a, b) => b.fromYear - a.fromYear).find((b) => b.fromYear <= year) ?? null;
}

/** One service's state for an organisation and year: a step, or not offered by the organisation. */
export type ServiceState = { readonly step: StaircaseStep } | { readonly notOffered: true } | null;

export interface DigitalizationRates {
  /** S1 components: services at step ≥ 4 over services offered and assessed. */
  readonly digitalFirst: number;
  readonly assessed: number;
  /** S2 components: the sum of steps over the same services. */
  readonly stepSum: number;
  readonly notOffered: number;
  /** Services of the basket with no answer yet. */
  readonly unanswered: number;
  readonly s1: number | null;
  readonly s2: number | null;
}

/**
 * S1 and S2 over the basket's services that the organisation offers and has assessed. A service it
 * does not offer is left out of both (not counted as step 0); an unanswered one is reported.
 */
export function digitalizationRates(states: readonly ServiceState[]): DigitalizationRates {
  let digitalFirst = 0;
  let assessed = 0;
  let stepSum = 0;
  let notOffered = 0;
  let unanswered = 0;
  for (const state of states) {
    if (state === null) unanswered += 1;
    else if ("notOffered" in state) notOffered += 1;
    else {
      assessed += 1;
      stepSum += state.step;
      if (state.step >= DIGITAL_FIRST_STEP) digitalFirst += 1;
    }
  }
  return {
    digitalFirst,
    assessed,
    stepSum,
    notOffered,
    unanswered,
    s1: assessed > 0 ? (digitalFirst / assessed) * 100 : null,
    s2: assessed > 0 ? stepSum / assessed : null,
  };
}

/** SvarUt's national figure the seed quotes: 28 % of outgoing mail went digitally in 2014. */
export const SVARUT_REFERENCE = { year: 2014, percent: 28 } as const;

/** S3: digital shipments as a share of all; no shipments is missing, never 0 %. */
export function digitalMailShare(digital: number, paper: number): number | null {
  const total = digital + paper;
  return total > 0 ? (digital / total) * 100 : null;
}
