import type { LocalizedText } from "../text/localized";
import { nameKey } from "../text/clean";

/** IT services a cost line belongs to (docs/glossary.md, "IKT-tjeneste"). */
export const IT_SERVICES = ["userSupport", "operations", "development", "infrastructure", "management"] as const;
export type ItService = (typeof IT_SERVICES)[number];

/** What the money was spent on. */
export const COST_TYPES = ["ownStaff", "externalServices", "licences", "equipment", "other"] as const;
export type CostType = (typeof COST_TYPES)[number];

/** Classes of line-of-business systems (fagsystemer); K5.x is computed per class. */
export const SYSTEM_CLASSES = ["caseArchive", "financeHr", "healthCare", "schoolChildhood", "planBuildingGeodata", "other"] as const;
export type SystemClass = (typeof SYSTEM_CLASSES)[number];

export const IT_SERVICE_NAMES: Readonly<Record<ItService, LocalizedText>> = {
  userSupport: { nb: "Brukerstøtte", nn: "Brukarstøtte", en: "User support" },
  operations: { nb: "Drift og forvaltning", nn: "Drift og forvaltning", en: "Operations and application management" },
  development: { nb: "Utvikling", nn: "Utvikling", en: "Development" },
  infrastructure: { nb: "Infrastruktur og utstyr", nn: "Infrastruktur og utstyr", en: "Infrastructure and equipment" },
  management: { nb: "IKT-ledelse og administrasjon", nn: "IKT-leiing og administrasjon", en: "IT management and administration" },
};

export const COST_TYPE_NAMES: Readonly<Record<CostType, LocalizedText>> = {
  ownStaff: { nb: "Egne ansatte", nn: "Eigne tilsette", en: "Own staff" },
  externalServices: { nb: "Eksterne tjenester", nn: "Eksterne tenester", en: "External services" },
  licences: { nb: "Lisenser og programvare", nn: "Lisensar og programvare", en: "Licences and software" },
  equipment: { nb: "Utstyr", nn: "Utstyr", en: "Equipment" },
  other: { nb: "Annet", nn: "Anna", en: "Other" },
};

/** What belongs to each IT service, as the template's catalogue explains it. */
export const IT_SERVICE_DESCRIPTIONS: Readonly<Record<ItService, LocalizedText>> = {
  userSupport: {
    nb: "Hjelp til brukerne: brukerstøtte og servicedesk, opplæring i verktøyene, klargjøring av PC-er og mobiler.",
    nn: "Hjelp til brukarane: brukarstøtte og servicedesk, opplæring i verktøya, klargjering av PC-ar og mobilar.",
    en: "Help for the users: service desk, training in the tools, setting up PCs and phones.",
  },
  operations: {
    nb: "Daglig drift av systemer og tjenester og forvaltning av fagsystemene: oppdateringer, overvåking, tilganger, oppfølging av leverandører.",
    nn: "Dagleg drift av system og tenester og forvaltning av fagsystema: oppdateringar, overvaking, tilgangar, oppfølging av leverandørar.",
    en: "Day-to-day running of systems and services and management of the line-of-business systems: updates, monitoring, access, supplier follow-up.",
  },
  development: {
    nb: "Nye løsninger og vesentlige endringer: prosjekter, anskaffelser, integrasjoner og utvikling av digitale tjenester.",
    nn: "Nye løysingar og vesentlege endringar: prosjekt, anskaffingar, integrasjonar og utvikling av digitale tenester.",
    en: "New solutions and substantial changes: projects, procurement, integrations and the development of digital services.",
  },
  infrastructure: {
    nb: "Nett, servere, lagring, datasenter- og skykapasitet, sikkerhetsløsninger og utstyr til brukerne.",
    nn: "Nett, serverar, lagring, datasenter- og skykapasitet, tryggleiksløysingar og utstyr til brukarane.",
    en: "Networks, servers, storage, data centre and cloud capacity, security solutions and the users' equipment.",
  },
  management: {
    nb: "Ledelse av IKT-funksjonen: strategi, arkitektur, informasjonssikkerhet, innkjøp og administrasjon.",
    nn: "Leiing av IKT-funksjonen: strategi, arkitektur, informasjonstryggleik, innkjøp og administrasjon.",
    en: "Running the IT function: strategy, architecture, information security, purchasing and administration.",
  },
};

/** What belongs to each cost type, as the template's catalogue explains it. */
export const COST_TYPE_DESCRIPTIONS: Readonly<Record<CostType, LocalizedText>> = {
  ownStaff: {
    nb: "Lønn og sosiale kostnader for egne ansatte, for den delen av arbeidstiden som går til IKT.",
    nn: "Løn og sosiale kostnader for eigne tilsette, for den delen av arbeidstida som går til IKT.",
    en: "Pay and social costs of the organisation's own staff, for the share of their time spent on IT.",
  },
  externalServices: {
    nb: "Kjøpte tjenester: konsulenter, drift og støtte fra leverandører, tjenester levert fra skyen.",
    nn: "Kjøpte tenester: konsulentar, drift og støtte frå leverandørar, tenester leverte frå skyen.",
    en: "Bought services: consultants, operation and support by suppliers, services delivered from the cloud.",
  },
  licences: {
    nb: "Programvarelisenser, abonnementer og vedlikeholdsavtaler for programvare.",
    nn: "Programvarelisensar, abonnement og vedlikehaldsavtalar for programvare.",
    en: "Software licences, subscriptions and software maintenance agreements.",
  },
  equipment: {
    nb: "Kjøp og leie av maskinvare: PC-er, mobiler, skrivere, nettverks- og serverutstyr.",
    nn: "Kjøp og leige av maskinvare: PC-ar, mobilar, skrivarar, nettverks- og serverutstyr.",
    en: "Buying and leasing hardware: PCs, phones, printers, network and server equipment.",
  },
  other: {
    nb: "IKT-kostnader som ikke hører til de andre typene, for eksempel telefoni og samband.",
    nn: "IKT-kostnader som ikkje høyrer til dei andre typane, til dømes telefoni og samband.",
    en: "IT costs that belong to none of the other types, for example telephony and lines.",
  },
};

export const SYSTEM_CLASS_NAMES: Readonly<Record<SystemClass, LocalizedText>> = {
  caseArchive: { nb: "Sak/arkiv", nn: "Sak/arkiv", en: "Case management and archive" },
  financeHr: { nb: "Økonomi/HR/lønn", nn: "Økonomi/HR/løn", en: "Finance, HR and payroll" },
  healthCare: { nb: "Helse og omsorg", nn: "Helse og omsorg", en: "Health and care" },
  schoolChildhood: { nb: "Skole og oppvekst", nn: "Skule og oppvekst", en: "School and childhood" },
  planBuildingGeodata: { nb: "Plan/bygg/geodata", nn: "Plan/bygg/geodata", en: "Planning, building and geodata" },
  other: { nb: "Annet", nn: "Anna", en: "Other" },
};

/** Lower-case, single-spaced form used to match a label typed in a spreadsheet: names' own key. */
export function normalizeLabel(text: string): string {
  return nameKey(text);
}

function labelLookup<T extends string>(names: Readonly<Record<T, LocalizedText>>): ReadonlyMap<string, T> {
  const map = new Map<string, T>();
  for (const [code, name] of Object.entries(names) as [T, LocalizedText][]) {
    map.set(normalizeLabel(code), code);
    map.set(normalizeLabel(name.nb), code);
    map.set(normalizeLabel(name.nn), code);
    map.set(normalizeLabel(name.en), code);
  }
  return map;
}

const SERVICE_BY_LABEL = labelLookup(IT_SERVICE_NAMES);
const COST_TYPE_BY_LABEL = labelLookup(COST_TYPE_NAMES);
const SYSTEM_CLASS_BY_LABEL = labelLookup(SYSTEM_CLASS_NAMES);

/** The IT service named by its code or its bokmål, nynorsk or English name (any case), else null. */
export function itServiceFromLabel(text: string): ItService | null {
  return SERVICE_BY_LABEL.get(normalizeLabel(text)) ?? null;
}

/** The cost type named by its code or its bokmål, nynorsk or English name (any case), else null. */
export function costTypeFromLabel(text: string): CostType | null {
  return COST_TYPE_BY_LABEL.get(normalizeLabel(text)) ?? null;
}

/** The fagsystem class named by its code or its bokmål, nynorsk or English name (any case), else null. */
export function systemClassFromLabel(text: string): SystemClass | null {
  return SYSTEM_CLASS_BY_LABEL.get(normalizeLabel(text)) ?? null;
}
