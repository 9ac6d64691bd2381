import type { LocalizedText } from "../indicators/catalogue";
import { nameKey } from "../text/clean";

/** IT services a cost line belongs to (docs/glossary.md, "IKT-tjeneste"). */
export const IT_SERVICES = ["userSupport", "operations", "development", "infrastructure", "management"] as const;
export type ItService = (typeof IT_SERVICES)[number];

/** What the money was spent on. */
export const COST_TYPES = ["ownStaff", "externalServices", "licences", "equipment", "other"] as const;
export type CostType = (typeof COST_TYPES)[number];

/** Classes of line-of-business systems (fagsystemer); K5.x is computed per class. */
export const SYSTEM_CLASSES = [
  "caseArchive",
  "financeHr",
  "healthCare",
  "schoolChildhood",
  "planBuildingGeodata",
  "other",
] as const;
export type SystemClass = (typeof SYSTEM_CLASSES)[number];

export const IT_SERVICE_NAMES: Readonly<Record<ItService, LocalizedText>> = {
  userSupport: { nb: "Brukerstøtte", en: "User support" },
  operations: { nb: "Drift og forvaltning", en: "Operations and application management" },
  development: { nb: "Utvikling", en: "Development" },
  infrastructure: { nb: "Infrastruktur og utstyr", en: "Infrastructure and equipment" },
  management: { nb: "IKT-ledelse og administrasjon", en: "IT management and administration" },
};

export const COST_TYPE_NAMES: Readonly<Record<CostType, LocalizedText>> = {
  ownStaff: { nb: "Egne ansatte", en: "Own staff" },
  externalServices: { nb: "Eksterne tjenester", en: "External services" },
  licences: { nb: "Lisenser og programvare", en: "Licences and software" },
  equipment: { nb: "Utstyr", en: "Equipment" },
  other: { nb: "Annet", en: "Other" },
};

export const SYSTEM_CLASS_NAMES: Readonly<Record<SystemClass, LocalizedText>> = {
  caseArchive: { nb: "Sak/arkiv", en: "Case management and archive" },
  financeHr: { nb: "Økonomi/HR/lønn", en: "Finance, HR and payroll" },
  healthCare: { nb: "Helse og omsorg", en: "Health and care" },
  schoolChildhood: { nb: "Skole og oppvekst", en: "School and childhood" },
  planBuildingGeodata: { nb: "Plan/bygg/geodata", en: "Planning, building and geodata" },
  other: { nb: "Annet", en: "Other" },
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
    map.set(normalizeLabel(name.en), code);
  }
  return map;
}

const SERVICE_BY_LABEL = labelLookup(IT_SERVICE_NAMES);
const COST_TYPE_BY_LABEL = labelLookup(COST_TYPE_NAMES);
const SYSTEM_CLASS_BY_LABEL = labelLookup(SYSTEM_CLASS_NAMES);

/** The IT service named by its code or its bokmål or English name (any case), else null. */
export function itServiceFromLabel(text: string): ItService | null {
  return SERVICE_BY_LABEL.get(normalizeLabel(text)) ?? null;
}

/** The cost type named by its code or its bokmål or English name (any case), else null. */
export function costTypeFromLabel(text: string): CostType | null {
  return COST_TYPE_BY_LABEL.get(normalizeLabel(text)) ?? null;
}

/** The fagsystem class named by its code or its bokmål or English name (any case), else null. */
export function systemClassFromLabel(text: string): SystemClass | null {
  return SYSTEM_CLASS_BY_LABEL.get(normalizeLabel(text)) ?? null;
}
