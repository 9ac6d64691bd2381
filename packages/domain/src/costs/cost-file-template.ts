import { toCsv } from "../files/csv";
import type { XlsxColumn, XlsxSheetInput, XlsxValidation } from "../files/xlsx-writer";
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
import en from "./cost-file-template.en.json";
import nb from "./cost-file-template.nb.json";
import nn from "./cost-file-template.nn.json";
import { MAX_IT_COST_NOK } from "./limits";
import type { Language } from "../text/localized";

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
const TEMPLATE_EXAMPLES: readonly (readonly [ItService, CostType, number])[] = [
  ["userSupport", "ownStaff", 1_250_000],
  ["operations", "externalServices", 2_400_000],
  ["development", "licences", 800_000],
  ["infrastructure", "equipment", 950_000],
  ["management", "ownStaff", 600_000],
];

type TemplateTexts = typeof nb;

/** The template's sheet names, prompts and guide, bokmål, nynorsk and English, as files (like the file messages). */
const TEXTS: Readonly<Record<Language, TemplateTexts>> = { nb, nn, en };

/** The CSV template: our column headers alone, so that the untouched file holds no line to import. */
export function costFileTemplateRows(language: Language): string[][] {
  return [[...TEMPLATE_HEADERS[language]]];
}

function exampleRows(input: CostFileTemplateInput): (string | number)[][] {
  const { language, systems } = input;
  const licenceSystem = systems[0]?.name ?? "";
  return TEMPLATE_EXAMPLES.map(([service, costType, amount]) => [
    IT_SERVICE_NAMES[service][language],
    COST_TYPE_NAMES[costType][language],
    amount,
    costType === "licences" ? licenceSystem : "",
    TEXTS[language].exampleComments[service],
  ]);
}

/** The cost sheet's columns: service, cost type, amount in kroner, fagsystem, comment. */
const COST_COLUMNS: readonly XlsxColumn[] = [
  { width: 32 },
  { width: 26 },
  { width: 16, format: "kroner" },
  { width: 32 },
  { width: 48, wrap: true },
];

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
  const texts = TEXTS[language];
  const text = (key: Exclude<keyof TemplateTexts, "exampleComments" | "guide">): string => texts[key];
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
      columns: [
        { width: 32 },
        { width: 60, wrap: true },
        { width: 3 },
        { width: 26 },
        { width: 60, wrap: true },
        { width: 3 },
        { width: 32 },
        { width: 30 },
      ],
    },
    { name: text("exampleSheet"), rows: [[text("exampleNote")], [], [...headers], ...exampleRows(input)], columns },
  ];
}

/**
 * The CSV template's companion text (plain text, one line per entry): how to fill it in, the
 * catalogue with explanations, the organisation's fagsystemer and example lines, which the CSV
 * itself does not carry so that they cannot be imported by mistake.
 */
export function costFileTemplateGuide(input: CostFileTemplateInput): string {
  const { language, systems } = input;
  const guide = TEXTS[language].guide;
  const headers = TEMPLATE_HEADERS[language];
  const lines: string[] = [guide.title, ""];
  lines.push(...guide.intro.map((line) => line.replace("{{max}}", String(MAX_COST_COMMENT_LENGTH))), "");
  lines.push(`${guide.columns}: ${headers.join(";")}`, "");
  lines.push(
    `${guide.services}:`,
    ...IT_SERVICES.map((s) => `- ${IT_SERVICE_NAMES[s][language]}: ${IT_SERVICE_DESCRIPTIONS[s][language]}`),
    "",
  );
  lines.push(
    `${guide.costTypes}:`,
    ...COST_TYPES.map((c) => `- ${COST_TYPE_NAMES[c][language]}: ${COST_TYPE_DESCRIPTIONS[c][language]}`),
    "",
  );
  lines.push(
    `${guide.systems}:`,
    ...(systems.length === 0
      ? [TEXTS[language].noSystems]
      : systems.map((s) => `- ${s.name} (${SYSTEM_CLASS_NAMES[s.systemClass][language]})`)),
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
  return `${TEXTS[language].costSheet} ${year}`;
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
