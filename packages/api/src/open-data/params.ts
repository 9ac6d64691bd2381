import { getIndicator, LANGUAGES, PEER_GROUP_KINDS, type Language, type LocalizedText, type PeerGroupKind } from "@malestokk/domain";

/** The formats every endpoint answers in (docs/open-data.md#formats). */
export const OPEN_DATA_FORMATS = ["json", "csv", "csv-no", "jsonstat"] as const;
export type OpenDataFormat = (typeof OPEN_DATA_FORMATS)[number];

/** The oldest and newest year a request may name; a wider range is a mistake, not a question. */
const YEAR_MIN = 2000;
const YEAR_MAX = 2100;
/** At most this many codes in one list parameter. */
const MAX_LIST = 400;

/** A parameter the API refuses: which one, and why, in the three languages. */
export class ParameterError extends Error {
  constructor(
    readonly parameter: string,
    readonly text: LocalizedText,
  ) {
    super(text.en);
  }
}

const refuse = (parameter: string, text: LocalizedText): never => {
  throw new ParameterError(parameter, text);
};

export interface CommonParams {
  readonly format: OpenDataFormat;
  readonly lang: Language;
}

export interface YearRange {
  readonly fromYear: number;
  readonly toYear: number;
  /** The years named, when a list ("2020,2022") rather than a range. */
  readonly only: readonly number[] | null;
}

export interface ValuesParams extends CommonParams {
  readonly indicators: readonly string[] | null;
  readonly units: readonly string[] | null;
  readonly years: YearRange | null;
}

export interface GroupSelector {
  readonly kind: PeerGroupKind;
  /** One group of the kind (a KOSTRA group's code, a county's number, a size class); null for every group of the kind. */
  readonly id: string | null;
}

export interface StatisticsParams extends CommonParams {
  readonly indicators: readonly string[];
  readonly group: GroupSelector;
  readonly years: YearRange | null;
}

type Query = Readonly<Record<string, unknown>>;

function single(query: Query, name: string): string | null {
  const value = query[name];
  if (value === undefined) return null;
  if (typeof value !== "string")
    return refuse(name, {
      nb: `Parameteren «${name}» kan bare gis én gang.`,
      nn: `Parameteren «${name}» kan berre givast éin gong.`,
      en: `The parameter "${name}" may be given only once.`,
    });
  return value.trim();
}

function list(query: Query, name: string): string[] | null {
  const value = single(query, name);
  if (value === null) return null;
  const items = value
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
  if (items.length === 0)
    refuse(name, {
      nb: `Parameteren «${name}» er tom.`,
      nn: `Parameteren «${name}» er tom.`,
      en: `The parameter "${name}" is empty.`,
    });
  if (items.length > MAX_LIST)
    refuse(name, {
      nb: `Parameteren «${name}» har mer enn ${MAX_LIST} verdier.`,
      nn: `Parameteren «${name}» har meir enn ${MAX_LIST} verdiar.`,
      en: `The parameter "${name}" has more than ${MAX_LIST} values.`,
    });
  return [...new Set(items)];
}

/** Refuses a parameter the endpoint does not know, so a misspelt filter ("indikator") is not silently ignored. */
function refuseUnknown(query: Query, known: readonly string[]): void {
  for (const name of Object.keys(query)) {
    if (!known.includes(name))
      refuse(name, {
        nb: `Ukjent parameter «${name}». Gyldige parametere her: ${known.join(", ")}.`,
        nn: `Ukjend parameter «${name}». Gyldige parametrar her: ${known.join(", ")}.`,
        en: `Unknown parameter "${name}". Valid parameters here: ${known.join(", ")}.`,
      });
  }
}

export function parseCommon(query: Query, known: readonly string[]): CommonParams {
  refuseUnknown(query, [...known, "format", "lang"]);
  const format = single(query, "format") ?? "json";
  if (!(OPEN_DATA_FORMATS as readonly string[]).includes(format))
    refuse("format", {
      nb: `Ukjent format «${format}». Velg ett av: ${OPEN_DATA_FORMATS.join(", ")}.`,
      nn: `Ukjent format «${format}». Vel eitt av: ${OPEN_DATA_FORMATS.join(", ")}.`,
      en: `Unknown format "${format}". Choose one of: ${OPEN_DATA_FORMATS.join(", ")}.`,
    });
  const lang = single(query, "lang") ?? "nb";
  if (!(LANGUAGES as readonly string[]).includes(lang))
    refuse("lang", {
      nb: `Ukjent språk «${lang}». Velg ett av: ${LANGUAGES.join(", ")}.`,
      nn: `Ukjent språk «${lang}». Vel eitt av: ${LANGUAGES.join(", ")}.`,
      en: `Unknown language "${lang}". Choose one of: ${LANGUAGES.join(", ")}.`,
    });
  return { format: format as OpenDataFormat, lang: lang as Language };
}

function parseYear(text: string): number {
  const year = /^\d{4}$/.test(text) ? Number(text) : NaN;
  if (!(year >= YEAR_MIN && year <= YEAR_MAX))
    refuse("year", {
      nb: `«${text}» er ikke et årstall mellom ${YEAR_MIN} og ${YEAR_MAX}. Skriv for eksempel year=2025, year=2020-2025 eller year=2020,2022.`,
      nn: `«${text}» er ikkje eit årstal mellom ${YEAR_MIN} og ${YEAR_MAX}. Skriv til dømes year=2025, year=2020-2025 eller year=2020,2022.`,
      en: `"${text}" is not a year between ${YEAR_MIN} and ${YEAR_MAX}. Write for example year=2025, year=2020-2025 or year=2020,2022.`,
    });
  return year;
}

/** `year=2025`, `year=2020-2025` or `year=2020,2022`. */
export function parseYears(query: Query): YearRange | null {
  const value = single(query, "year");
  if (value === null) return null;
  const range = /^(\d+)\s*-\s*(\d+)$/.exec(value);
  if (range) {
    const fromYear = parseYear(range[1] ?? "");
    const toYear = parseYear(range[2] ?? "");
    if (fromYear > toYear)
      refuse("year", {
        nb: `Årsintervallet «${value}» går baklengs: skriv det eldste året først.`,
        nn: `Årsintervallet «${value}» går baklengs: skriv det eldste året først.`,
        en: `The year range "${value}" runs backwards: write the earliest year first.`,
      });
    return { fromYear, toYear, only: null };
  }
  const years = (list(query, "year") ?? []).map(parseYear).sort((a, b) => a - b);
  return { fromYear: years[0] ?? YEAR_MIN, toYear: years[years.length - 1] ?? YEAR_MAX, only: years.length > 1 ? years : null };
}

function parseIndicators(query: Query): string[] | null {
  const codes = list(query, "indicator");
  for (const code of codes ?? []) {
    if (!getIndicator(code))
      refuse("indicator", {
        nb: `Ukjent indikator «${code}» i parameteren «indicator». Se /api/v1/indicators for kodene.`,
        nn: `Ukjend indikator «${code}» i parameteren «indicator». Sjå /api/v1/indicators for kodane.`,
        en: `Unknown indicator "${code}" in the parameter "indicator". See /api/v1/indicators for the codes.`,
      });
  }
  return codes;
}

/** Unit numbers are checked against the register by the caller, which knows it. */
function parseUnits(query: Query): string[] | null {
  const numbers = list(query, "unit");
  for (const number of numbers ?? []) {
    if (!/^\d{4}$/.test(number))
      refuse("unit", {
        nb: `«${number}» i parameteren «unit» er ikke et kommunenummer (fire sifre, som 5001).`,
        nn: `«${number}» i parameteren «unit» er ikkje eit kommunenummer (fire siffer, som 5001).`,
        en: `"${number}" in the parameter "unit" is not a municipality number (four digits, such as 5001).`,
      });
  }
  return numbers;
}

export function parseValuesParams(query: Query): ValuesParams {
  const common = parseCommon(query, ["indicator", "unit", "year"]);
  return { ...common, indicators: parseIndicators(query), units: parseUnits(query), years: parseYears(query) };
}

export function parseStatisticsParams(query: Query): StatisticsParams {
  const common = parseCommon(query, ["indicator", "group", "year"]);
  const indicators = parseIndicators(query);
  if (!indicators)
    refuse("indicator", {
      nb: "Parameteren «indicator» mangler: skriv for eksempel indicator=K1.",
      nn: "Parameteren «indicator» manglar: skriv til dømes indicator=K1.",
      en: 'The parameter "indicator" is missing: write for example indicator=K1.',
    });
  const text = single(query, "group") ?? "kostra";
  const [kind = "", id = null] = text.split(":", 2);
  if (!(PEER_GROUP_KINDS as readonly string[]).includes(kind) || id === "")
    refuse("group", {
      nb: `Ukjent gruppe «${text}». Skriv en av ${PEER_GROUP_KINDS.join(", ")}, eller én gruppe som kostra:13 eller county:50 (se /api/v1/groups).`,
      nn: `Ukjend gruppe «${text}». Skriv ein av ${PEER_GROUP_KINDS.join(", ")}, eller éi gruppe som kostra:13 eller county:50 (sjå /api/v1/groups).`,
      en: `Unknown group "${text}". Write one of ${PEER_GROUP_KINDS.join(", ")}, or one group such as kostra:13 or county:50 (see /api/v1/groups).`,
    });
  return { ...common, indicators: indicators ?? [], group: { kind: kind as PeerGroupKind, id }, years: parseYears(query) };
}

export function unknownUnit(number: string): ParameterError {
  return new ParameterError("unit", {
    nb: `Fant ingen kommune med nummer «${number}» i parameteren «unit». Se /api/v1/units for numrene.`,
    nn: `Fann ingen kommune med nummer «${number}» i parameteren «unit». Sjå /api/v1/units for numra.`,
    en: `No municipality has the number "${number}" in the parameter "unit". See /api/v1/units for the numbers.`,
  });
}

export function unknownGroup(text: string): ParameterError {
  return new ParameterError("group", {
    nb: `Fant ingen gruppe «${text}». Se /api/v1/groups for gruppene.`,
    nn: `Fann inga gruppe «${text}». Sjå /api/v1/groups for gruppene.`,
    en: `No group "${text}" exists. See /api/v1/groups for the groups.`,
  });
}
