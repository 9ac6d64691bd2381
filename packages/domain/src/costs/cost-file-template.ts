import { toCsv } from "../files/csv";
import type { XlsxColumn, XlsxSheetInput, XlsxValidation } from "../files/xlsx-writer";
import type { LocalizedText } from "../text/localized";
import {
  COST_TYPE_DESCRIPTIONS,
  COST_TYPE_NAMES,
  COST_TYPES,
  IT_SERVICE_DESCRIPTIONS,
  IT_SERVICE_NAMES,
  IT_SERVICES,
  SYSTEM_CLASS_NAMES,
  type CostType,
  type ItService,
  type SystemClass,
} from "./catalogue";
import { MAX_COST_COMMENT_LENGTH, MAX_COST_FILE_ROWS, TEMPLATE_HEADERS, type CostFileLine } from "./cost-file";
import { MAX_IT_COST_NOK } from "./limits";

type Language = "nb" | "en";

/** A fagsystem in the organisation's register, as the template lists it. */
export interface TemplateSystem {
  readonly name: string;
  readonly systemClass: SystemClass;
}

export interface CostFileTemplateInput {
  readonly language: Language;
  /** The organisation's fagsystemer when the template is downloaded: a file names them, the import matches the names. */
  readonly systems: readonly TemplateSystem[];
}

/** Example lines for the template, one per IT service, with plausible amounts for a mid-sized municipality. */
const TEMPLATE_EXAMPLES: readonly (readonly [ItService, CostType, number, LocalizedText])[] = [
  ["userSupport", "ownStaff", 1_250_000, { nb: "Servicedesk, 2,5 årsverk", en: "Service desk, 2.5 full-time equivalents" }],
  ["operations", "externalServices", 2_400_000, { nb: "Driftsavtale med leverandør", en: "Operations contract with a supplier" }],
  ["development", "licences", 800_000, { nb: "", en: "" }],
  ["infrastructure", "equipment", 950_000, { nb: "Utskifting av PC-er", en: "Replacing PCs" }],
  ["management", "ownStaff", 600_000, { nb: "", en: "" }],
];

const TEXT = {
  costSheet: { nb: "Kostnader", en: "Costs" },
  catalogueSheet: { nb: "Katalog", en: "Catalogue" },
  exampleSheet: { nb: "Eksempel", en: "Example" },
  explanation: { nb: "Forklaring", en: "Explanation" },
  systemClass: { nb: "Klasse", en: "Class" },
  noSystems: {
    nb: "(Registeret hadde ingen fagsystemer da malen ble lastet ned.)",
    en: "(The register had no line-of-business systems when the template was downloaded.)",
  },
  exampleNote: {
    nb: "Eksempel: slik kan utfylte linjer se ut. Dette arket importeres ikke; fyll ut arket «Kostnader».",
    en: "Example: what filled-in lines can look like. This sheet is not imported; fill in the sheet «Costs».",
  },
  servicePrompt: { nb: "Velg IKT-tjeneste fra listen. Arket «Katalog» forklarer hver av dem.", en: "Choose the IT service from the list. The sheet «Catalogue» explains each one." },
  serviceError: { nb: "Velg en av IKT-tjenestene i listen (arket «Katalog»).", en: "Choose one of the IT services in the list (sheet «Catalogue»)." },
  costTypePrompt: { nb: "Velg kostnadstype fra listen. Arket «Katalog» forklarer hver av dem.", en: "Choose the cost type from the list. The sheet «Catalogue» explains each one." },
  costTypeError: { nb: "Velg en av kostnadstypene i listen (arket «Katalog»).", en: "Choose one of the cost types in the list (sheet «Catalogue»)." },
  amountPrompt: { nb: "Kroner; øre rundes til hele kroner, 50 øre og mer opp. Tomme linjer hoppes over.", en: "Kroner; øre are rounded to whole kroner, 50 øre and more up. Empty lines are skipped." },
  amountError: { nb: "Beløpet må være et tall fra 0 kroner og oppover.", en: "The amount must be a number of 0 kroner or more." },
  systemPrompt: { nb: "Valgfritt: fagsystemet kostnaden gjelder, fra kommunens register.", en: "Optional: the line-of-business system the cost is for, from the register." },
  systemError: {
    nb: "Fagsystemet står ikke i registeret slik det var da malen ble lastet ned. Legg det inn i registeret før import.",
    en: "The system is not in the register as it was when the template was downloaded. Add it to the register before importing.",
  },
} as const satisfies Record<string, LocalizedText>;

/** The CSV template: our column headers alone, so that the untouched file holds no line to import. */
export function costFileTemplateRows(language: Language): string[][] {
  return [[...TEMPLATE_HEADERS[language]]];
}

function exampleRows(input: CostFileTemplateInput): (string | number)[][] {
  const { language, systems } = input;
  const licenceSystem = systems[0]?.name ?? "";
  return TEMPLATE_EXAMPLES.map(([service, costType, amount, comment]) => [
    IT_SERVICE_NAMES[service][language],
    COST_TYPE_NAMES[costType][language],
    amount,
    costType === "licences" ? licenceSystem : "",
    comment[language],
  ]);
}

/** The cost sheet's columns: service, cost type, amount in kroner, fagsystem, comment. */
const COST_COLUMNS: readonly XlsxColumn[] = [{ width: 32 }, { width: 26 }, { width: 16, format: "kroner" }, { width: 32 }, { width: 48, wrap: true }];

/** Columns of the catalogue sheet: each list starts in row 2 of its column. */
const CATALOGUE = { service: 0, costType: 3, system: 6 } as const;

/**
 * The XLSX template, three sheets:
 * 1. the cost sheet to fill in (our headers, a bold header row kept in view, drop-down lists for
 *    IT service, cost type and fagsystem, a rule and the kroner format for the amount). It is the
 *    first sheet, the one an import reads, and holds no line, so the untouched template imports
 *    as "no data rows";
 * 2. the catalogue: every IT service and cost type with what belongs to it, and the organisation's
 *    fagsystemer at download time (the lists' source);
 * 3. example lines, on their own sheet so that nobody imports them by mistake.
 */
export function costFileTemplateSheets(input: CostFileTemplateInput): XlsxSheetInput[] {
  const { language, systems } = input;
  const text = (key: keyof typeof TEXT): string => TEXT[key][language];
  const headers = TEMPLATE_HEADERS[language];
  const lastRow = MAX_COST_FILE_ROWS + 1;
  const list = (column: number, source: number, count: number, strict: boolean, prompt: string, error: string): XlsxValidation => ({
    kind: "list",
    column,
    rows: [2, lastRow],
    source: { sheet: 1, column: source, rows: [2, count + 1] },
    strict,
    prompt: { title: headers[column] ?? "", text: prompt },
    error: { title: headers[column] ?? "", text: error },
  });
  const validations: XlsxValidation[] = [
    list(0, CATALOGUE.service, IT_SERVICES.length, true, text("servicePrompt"), text("serviceError")),
    list(1, CATALOGUE.costType, COST_TYPES.length, true, text("costTypePrompt"), text("costTypeError")),
    {
      kind: "number",
      column: 2,
      rows: [2, lastRow],
      min: 0,
      max: MAX_IT_COST_NOK,
      strict: true,
      prompt: { title: headers[2] ?? "", text: text("amountPrompt") },
      error: { title: headers[2] ?? "", text: text("amountError") },
    },
    // A warning only: the system may have been added to the register after the download.
    ...(systems.length === 0 ? [] : [list(3, CATALOGUE.system, systems.length, false, text("systemPrompt"), text("systemError"))]),
  ];

  const catalogueRows: (string | null)[][] = [
    [headers[0] ?? "", text("explanation"), null, headers[1] ?? "", text("explanation"), null, headers[3] ?? "", text("systemClass")],
  ];
  const rowCount = Math.max(IT_SERVICES.length, COST_TYPES.length, systems.length, 1);
  for (let i = 0; i < rowCount; i++) {
    const service = IT_SERVICES[i];
    const costType = COST_TYPES[i];
    const system = systems[i];
    catalogueRows.push([
      service === undefined ? null : IT_SERVICE_NAMES[service][language],
      service === undefined ? null : IT_SERVICE_DESCRIPTIONS[service][language],
      null,
      costType === undefined ? null : COST_TYPE_NAMES[costType][language],
      costType === undefined ? null : COST_TYPE_DESCRIPTIONS[costType][language],
      null,
      system === undefined ? (i === 0 ? text("noSystems") : null) : system.name,
      system === undefined ? null : SYSTEM_CLASS_NAMES[system.systemClass][language],
    ]);
  }

  const columns = COST_COLUMNS;
  return [
    { name: text("costSheet"), rows: [[...headers]], headerRows: 1, columns, validations },
    {
      name: text("catalogueSheet"),
      rows: catalogueRows,
      headerRows: 1,
      columns: [{ width: 32 }, { width: 60, wrap: true }, { width: 3 }, { width: 26 }, { width: 60, wrap: true }, { width: 3 }, { width: 32 }, { width: 30 }],
    },
    { name: text("exampleSheet"), rows: [[text("exampleNote")], [], [...headers], ...exampleRows(input)], columns },
  ];
}

const GUIDE = {
  nb: {
    title: "Mal for IKT-kostnader (CSV): veiledning",
    intro: [
      "Fyll ut CSV-malen med én linje per kombinasjon av IKT-tjeneste, kostnadstype og fagsystem, under overskriftslinjen.",
      "Lagre den som CSV (i Excel: «CSV UTF-8»), og importer den på siden for kostnadsrapporten.",
      "Beløp: hele kroner, for eksempel 1 250 000 eller 1250000. Øre rundes av til hele kroner, med en merknad.",
      "Fagsystem og kommentar kan stå tomme. Fagsystemet skrives slik det heter i registeret; kommentaren kan ha inntil {max} tegn.",
      "Excel-malen har de samme kolonnene, med nedtrekkslister for IKT-tjeneste, kostnadstype og fagsystem.",
    ],
    columns: "Kolonner",
    services: "IKT-tjenester",
    costTypes: "Kostnadstyper",
    systems: "Kommunens fagsystemer da malen ble lastet ned",
    example: "Eksempel (ikke en del av malen, og importeres ikke):",
  },
  en: {
    title: "Template for IT costs (CSV): guide",
    intro: [
      "Fill in the CSV template with one line per combination of IT service, cost type and line-of-business system, below the header line.",
      "Save it as CSV (in Excel: «CSV UTF-8»), and import it on the cost report's page.",
      "Amounts: whole kroner, for example 1 250 000 or 1250000. Øre are rounded to whole kroner, with a note.",
      "System and comment may be empty. Name the system as the register names it; a comment may have up to {max} characters.",
      "The Excel template has the same columns, with drop-down lists for IT service, cost type and system.",
    ],
    columns: "Columns",
    services: "IT services",
    costTypes: "Cost types",
    systems: "The organisation's line-of-business systems when the template was downloaded",
    example: "Example (not part of the template, and not imported):",
  },
} as const;

/**
 * The CSV template's companion text (plain text, one line per entry): how to fill it in, the
 * catalogue with explanations, the organisation's fagsystemer and example lines, which the CSV
 * itself does not carry so that they cannot be imported by mistake.
 */
export function costFileTemplateGuide(input: CostFileTemplateInput): string {
  const { language, systems } = input;
  const guide = GUIDE[language];
  const headers = TEMPLATE_HEADERS[language];
  const lines: string[] = [guide.title, ""];
  lines.push(...guide.intro.map((line) => line.replace("{max}", String(MAX_COST_COMMENT_LENGTH))), "");
  lines.push(`${guide.columns}: ${headers.join(";")}`, "");
  lines.push(`${guide.services}:`, ...IT_SERVICES.map((s) => `- ${IT_SERVICE_NAMES[s][language]}: ${IT_SERVICE_DESCRIPTIONS[s][language]}`), "");
  lines.push(`${guide.costTypes}:`, ...COST_TYPES.map((c) => `- ${COST_TYPE_NAMES[c][language]}: ${COST_TYPE_DESCRIPTIONS[c][language]}`), "");
  lines.push(
    `${guide.systems}:`,
    ...(systems.length === 0 ? [TEXT.noSystems[language]] : systems.map((s) => `- ${s.name} (${SYSTEM_CLASS_NAMES[s.systemClass][language]})`)),
    "",
  );
  lines.push(guide.example);
  return `${lines.join("\r\n")}\r\n${toCsv([[...headers], ...exampleRows(input)], ";", { bom: false })}`;
}

/**
 * A report's lines in the template's shape (header row first), for export: a file exported
 * from Målestokk imports back unchanged. Fagsystemer are written by name.
 */
export function costFileRows(
  lines: readonly Pick<CostFileLine, "service" | "costType" | "amount" | "systemId" | "comment">[],
  systems: readonly { readonly id: number; readonly name: string }[],
  language: Language,
): (string | number)[][] {
  const names = new Map(systems.map((s) => [s.id, s.name]));
  return [
    [...TEMPLATE_HEADERS[language]],
    ...lines.map((l) => [
      IT_SERVICE_NAMES[l.service][language],
      COST_TYPE_NAMES[l.costType][language],
      l.amount,
      l.systemId === null ? "" : (names.get(l.systemId) ?? ""),
      l.comment ?? "",
    ]),
  ];
}

export interface CostReportExportInput {
  readonly lines: readonly Pick<CostFileLine, "service" | "costType" | "amount" | "systemId" | "comment">[];
  readonly systems: readonly { readonly id: number; readonly name: string }[];
  readonly language: Language;
  readonly year: number;
  /** What the file says about the report ("Om tallene"), see `aboutSheet`. */
  readonly about: XlsxSheetInput;
}

/** The name of an exported report's sheet of lines: "Kostnader 2025". */
export function costReportSheetName(language: Language, year: number): string {
  return `${TEXT.costSheet[language]} ${year}`;
}

/**
 * A report as a workbook: its lines first, in the template's shape on a sheet named for the year,
 * and then what the file says about them. The lines come first because an import reads the first
 * sheet: the exported file imports back unchanged (decision 014).
 */
export function costReportSheets(input: CostReportExportInput): XlsxSheetInput[] {
  const { language } = input;
  return [
    {
      name: costReportSheetName(language, input.year),
      rows: costFileRows(input.lines, input.systems, language),
      headerRows: 1,
      columns: COST_COLUMNS,
    },
    input.about,
  ];
}
