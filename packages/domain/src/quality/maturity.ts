import type { LocalizedText } from "../text/localized";

/** The eight areas of the KS/Rambøll IT maturity assessment (docs/indicators.md#maturity). */
export const MATURITY_AREAS = [
  "userCentred",
  "innovation",
  "competence",
  "effectiveDigitalization",
  "securityPrivacy",
  "healthWelfare",
  "educationChildhood",
  "planBuildingGeodata",
] as const;
export type MaturityArea = (typeof MATURITY_AREAS)[number];

export const MATURITY_LEVELS = [1, 2, 3, 4, 5] as const;
export type MaturityLevel = (typeof MATURITY_LEVELS)[number];

export interface MaturityAreaDefinition {
  readonly name: LocalizedText;
  /** What each level 1–5 looks like, so two assessors score the same way. */
  readonly levels: readonly [LocalizedText, LocalizedText, LocalizedText, LocalizedText, LocalizedText];
}

export const MATURITY_AREA_DEFINITIONS: Readonly<Record<MaturityArea, MaturityAreaDefinition>> = {
  userCentred: {
    name: { nb: "Brukeren i sentrum", nn: "Brukaren i sentrum", en: "The user at the centre" },
    levels: [
      {
        nb: "Tjenestene utformes ut fra egen organisering; brukerne blir ikke spurt.",
        nn: "Tenestene blir utforma ut frå eigen organisering; brukarane blir ikkje spurde.",
        en: "Services are shaped by our own organisation; users are not asked.",
      },
      {
        nb: "Brukerinnsikt hentes inn av og til, i enkeltprosjekter.",
        nn: "Brukarinnsikt blir henta inn av og til, i enkeltprosjekt.",
        en: "User insight is gathered now and then, in single projects.",
      },
      {
        nb: "Brukerinnsikt og testing er fast del av nye digitale tjenester.",
        nn: "Brukarinnsikt og testing er fast del av nye digitale tenester.",
        en: "User insight and testing are a standing part of new digital services.",
      },
      {
        nb: "Tjenester henger sammen på tvers av enheter; brukeren møter én kommune.",
        nn: "Tenester heng saman på tvers av einingar; brukaren møter éin kommune.",
        en: "Services connect across units; the user meets one municipality.",
      },
      {
        nb: "Tjenestene bygges rundt livshendelser, sammen med brukere og andre etater.",
        nn: "Tenestene blir bygde rundt livshendingar, saman med brukarar og andre etatar.",
        en: "Services are built around life events, with users and other agencies.",
      },
    ],
  },
  innovation: {
    name: {
      nb: "IKT for innovasjon og produktivitet",
      nn: "IKT for innovasjon og produktivitet",
      en: "IT for innovation and productivity",
    },
    levels: [
      {
        nb: "IKT ses som drift og kostnad, ikke som virkemiddel.",
        nn: "IKT blir sett på som drift og kostnad, ikkje som verkemiddel.",
        en: "IT is seen as operations and cost, not as a means.",
      },
      {
        nb: "Enkelte ledere bruker IKT til å forbedre arbeidsprosesser.",
        nn: "Enkelte leiarar brukar IKT til å forbetre arbeidsprosessar.",
        en: "Some managers use IT to improve work processes.",
      },
      {
        nb: "Digitalisering er forankret i planer, med gevinster som følges opp.",
        nn: "Digitalisering er forankra i planar, med gevinstar som blir følgde opp.",
        en: "Digitalization is anchored in plans, with benefits followed up.",
      },
      {
        nb: "Ledelsen styrer porteføljen av digitaliseringstiltak etter gevinster.",
        nn: "Leiinga styrer porteføljen av digitaliseringstiltak etter gevinstar.",
        en: "Management steers the portfolio of digitalization projects by benefits.",
      },
      {
        nb: "Innovasjon er systematisk, med utprøving, deling og gjenbruk i sektoren.",
        nn: "Innovasjon er systematisk, med utprøving, deling og gjenbruk i sektoren.",
        en: "Innovation is systematic, with trials, sharing and reuse across the sector.",
      },
    ],
  },
  competence: {
    name: { nb: "Digital kompetanse og deltakelse", nn: "Digital kompetanse og deltaking", en: "Digital competence and participation" },
    levels: [
      {
        nb: "Ingen oversikt over ansattes digitale kompetanse.",
        nn: "Inga oversikt over den digitale kompetansen til dei tilsette.",
        en: "No overview of staff's digital competence.",
      },
      {
        nb: "Opplæring gis når nye systemer tas i bruk.",
        nn: "Opplæring blir gitt når nye system blir tekne i bruk.",
        en: "Training is given when new systems are introduced.",
      },
      {
        nb: "Kompetansebehov kartlegges og følges opp i en plan.",
        nn: "Kompetansebehov blir kartlagde og følgde opp i ein plan.",
        en: "Competence needs are mapped and followed up in a plan.",
      },
      {
        nb: "Innbyggere får hjelp til å bruke digitale tjenester (digihjelp).",
        nn: "Innbyggjarar får hjelp til å bruke digitale tenester (digihjelp).",
        en: "Citizens get help to use digital services (digital help).",
      },
      {
        nb: "Kompetanse bygges løpende for ansatte og innbyggere, og måles.",
        nn: "Kompetanse blir bygd opp løpande for tilsette og innbyggjarar, og blir målt.",
        en: "Competence is built continuously for staff and citizens, and measured.",
      },
    ],
  },
  effectiveDigitalization: {
    name: { nb: "Effektiv digitalisering", nn: "Effektiv digitalisering", en: "Effective digitalization" },
    levels: [
      {
        nb: "Systemer anskaffes enkeltvis, uten felles arkitektur.",
        nn: "System blir kjøpte inn kvar for seg, utan felles arkitektur.",
        en: "Systems are procured one by one, without a common architecture.",
      },
      {
        nb: "Det finnes en oversikt over systemer og avtaler.",
        nn: "Det finst ei oversikt over system og avtalar.",
        en: "There is an overview of systems and contracts.",
      },
      {
        nb: "Felles løsninger (ID-porten, SvarUt, Altinn) brukes der de finnes.",
        nn: "Felles løysingar (ID-porten, SvarUt, Altinn) blir brukte der dei finst.",
        en: "Common solutions (ID-porten, SvarUt, Altinn) are used where they exist.",
      },
      {
        nb: "Systemer er integrert; data registreres én gang og gjenbrukes.",
        nn: "Systema er integrerte; data blir registrerte éin gong og brukte om att.",
        en: "Systems are integrated; data is entered once and reused.",
      },
      {
        nb: "Arkitektur og anskaffelser samordnes i regionen eller nasjonalt.",
        nn: "Arkitektur og anskaffingar blir samordna i regionen eller nasjonalt.",
        en: "Architecture and procurement are coordinated regionally or nationally.",
      },
    ],
  },
  securityPrivacy: {
    name: {
      nb: "Informasjonssikkerhet, personvern og dokumentforvaltning",
      nn: "Informasjonstryggleik, personvern og dokumentforvaltning",
      en: "Information security, privacy and records management",
    },
    levels: [
      {
        nb: "Ingen samlet styring av informasjonssikkerhet.",
        nn: "Inga samla styring av informasjonstryggleiken.",
        en: "No overall management of information security.",
      },
      {
        nb: "Rutiner finnes, men følges ikke opp systematisk.",
        nn: "Rutinar finst, men blir ikkje følgde opp systematisk.",
        en: "Procedures exist but are not followed up systematically.",
      },
      {
        nb: "Styringssystem for informasjonssikkerhet med risikovurderinger.",
        nn: "Styringssystem for informasjonstryggleik med risikovurderingar.",
        en: "An information security management system with risk assessments.",
      },
      {
        nb: "Avvik, personvern (DPIA) og arkiv følges opp og rapporteres til ledelsen.",
        nn: "Avvik, personvern (DPIA) og arkiv blir følgde opp og rapporterte til leiinga.",
        en: "Incidents, privacy (DPIA) and records are followed up and reported to management.",
      },
      {
        nb: "Sikkerhet og personvern er innebygd i alle tjenester og revideres jevnlig.",
        nn: "Tryggleik og personvern er bygde inn i alle tenester og blir reviderte jamleg.",
        en: "Security and privacy are built into every service and audited regularly.",
      },
    ],
  },
  healthWelfare: {
    name: { nb: "Helse og velferd", nn: "Helse og velferd", en: "Health and welfare" },
    levels: [
      {
        nb: "Papirbaserte rutiner og lite samhandling.",
        nn: "Papirbaserte rutinar og lite samhandling.",
        en: "Paper-based routines and little collaboration.",
      },
      {
        nb: "Elektronisk journal, men lite elektronisk samhandling.",
        nn: "Elektronisk journal, men lite elektronisk samhandling.",
        en: "Electronic records, but little electronic collaboration.",
      },
      {
        nb: "Elektroniske meldinger med fastleger og sykehus er i vanlig bruk.",
        nn: "Elektroniske meldingar med fastlegar og sjukehus er i vanleg bruk.",
        en: "Electronic messages with GPs and hospitals are in common use.",
      },
      {
        nb: "Velferdsteknologi er tatt i bruk i tjenestene.",
        nn: "Velferdsteknologi er teken i bruk i tenestene.",
        en: "Welfare technology is in use in the services.",
      },
      {
        nb: "Tjenestene er digitalt samordnet med innbygger og spesialisthelsetjeneste.",
        nn: "Tenestene er digitalt samordna med innbyggjaren og spesialisthelsetenesta.",
        en: "Services are digitally coordinated with the citizen and specialist health services.",
      },
    ],
  },
  educationChildhood: {
    name: { nb: "Oppvekst og utdanning", nn: "Oppvekst og utdanning", en: "Childhood and education" },
    levels: [
      {
        nb: "Lite digitale verktøy i skole og barnehage.",
        nn: "Lite digitale verktøy i skule og barnehage.",
        en: "Few digital tools in schools and kindergartens.",
      },
      {
        nb: "Digitale verktøy finnes, men brukes ujevnt.",
        nn: "Digitale verktøy finst, men blir brukte ujamt.",
        en: "Digital tools exist but are used unevenly.",
      },
      {
        nb: "Felles plattform for læring og kommunikasjon med foresatte.",
        nn: "Felles plattform for læring og kommunikasjon med føresette.",
        en: "A common platform for learning and communication with parents.",
      },
      {
        nb: "Opptak, søknader og kommunikasjon er helt digitale.",
        nn: "Opptak, søknader og kommunikasjon er heilt digitale.",
        en: "Admissions, applications and communication are fully digital.",
      },
      {
        nb: "Digital praksis er en del av pedagogikken og utvikles systematisk.",
        nn: "Digital praksis er ein del av pedagogikken og blir utvikla systematisk.",
        en: "Digital practice is part of pedagogy and developed systematically.",
      },
    ],
  },
  planBuildingGeodata: {
    name: { nb: "Plan, bygg og geodata", nn: "Plan, bygg og geodata", en: "Planning, building and geodata" },
    levels: [
      {
        nb: "Planer og saker på papir; kartdata er ikke oppdatert.",
        nn: "Planar og saker på papir; kartdata er ikkje oppdaterte.",
        en: "Plans and cases on paper; map data is not up to date.",
      },
      {
        nb: "Kartdata og planer finnes digitalt, men ikke samlet.",
        nn: "Kartdata og planar finst digitalt, men ikkje samla.",
        en: "Map data and plans exist digitally, but not together.",
      },
      {
        nb: "Byggesøknader tas imot digitalt (for eksempel via Fellestjenester BYGG).",
        nn: "Byggjesøknader blir tekne imot digitalt (til dømes via Fellestjenester BYGG).",
        en: "Building applications are received digitally (for example via Fellestjenester BYGG).",
      },
      {
        nb: "Digitale planer og geodata er åpne og brukes i saksbehandlingen.",
        nn: "Digitale planar og geodata er opne og blir brukte i saksbehandlinga.",
        en: "Digital plans and geodata are open and used in case handling.",
      },
      {
        nb: "Saksbehandlingen er delvis automatisert og bygger på deling av data.",
        nn: "Saksbehandlinga er delvis automatisert og byggjer på deling av data.",
        en: "Case handling is partly automated and builds on shared data.",
      },
    ],
  },
};

export type MaturityBand = "low" | "middle" | "high";

/** Traffic-light bands (docs/indicators.md#maturity): below 2.5 low, 2.5–3.5 middle, above 3.5 high. */
export function maturityBand(index: number): MaturityBand {
  if (index < 2.5) return "low";
  if (index > 3.5) return "high";
  return "middle";
}

export interface MaturityIndex {
  /** The weighted mean of the answered areas, 1–5; null when none is answered. */
  readonly value: number | null;
  /** Weighted sum and sum of weights, the stored components (whole numbers). */
  readonly numerator: number;
  readonly denominator: number;
  readonly answered: number;
  /** True when every area with a weight above 0 has a score. */
  readonly complete: boolean;
}

/**
 * Q1: the weighted mean of the area scores (weights are whole numbers, equal by default). An area
 * without a score is left out and said so (`complete: false`); it never counts as 0.
 */
export function maturityIndex(
  scores: Readonly<Partial<Record<MaturityArea, number | null>>>,
  weights: Readonly<Partial<Record<MaturityArea, number>>> = {},
): MaturityIndex {
  let numerator = 0;
  let denominator = 0;
  let answered = 0;
  let complete = true;
  for (const area of MATURITY_AREAS) {
    const weight = weights[area] ?? 1;
    const score = scores[area] ?? null;
    if (weight <= 0) continue;
    if (score === null) {
      complete = false;
      continue;
    }
    numerator += weight * score;
    denominator += weight;
    answered += 1;
  }
  return { value: denominator > 0 ? numerator / denominator : null, numerator, denominator, answered, complete };
}
