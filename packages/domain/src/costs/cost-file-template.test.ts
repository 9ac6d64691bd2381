import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";

import { parseCsv, toCsv } from "../files/csv";
import { aboutSheet } from "../files/export-context";
import { readXlsxFirstSheetCells } from "../files/xlsx";
import { writeXlsx, type XlsxSheetInput } from "../files/xlsx-writer";
import { LANGUAGES } from "../text/localized";
import { COST_TYPE_DESCRIPTIONS, COST_TYPE_NAMES, COST_TYPES, IT_SERVICE_DESCRIPTIONS, IT_SERVICE_NAMES, IT_SERVICES } from "./catalogue";
import { parseCostFile } from "./cost-file";
import {
  costFileRows,
  costFileTemplateGuide,
  costReportSheets,
  costFileTemplateRows,
  costFileTemplateSheets,
  type TemplateSystem,
} from "./cost-file-template";

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

const REGISTER = [
  { id: 11, name: "Visma Enterprise", systemClass: "financeHr" },
  { id: 12, name: "Elements", systemClass: "caseArchive" },
  { id: 13, name: "Gerica; hjemmetjeneste", systemClass: "healthCare" },
] as const;
const SYSTEMS: readonly TemplateSystem[] = REGISTER;

/** A template sheet with lines typed under its header, as finance staff fill it in. */
function filled(sheet: XlsxSheetInput, lines: readonly (readonly (string | number | null)[])[]): XlsxSheetInput {
  return { ...sheet, rows: [...sheet.rows, ...lines] };
}

function sheetXml(bytes: Uint8Array, index: number): string {
  return strFromU8(unzipSync(bytes)[`xl/worksheets/sheet${index + 1}.xml`] ?? new Uint8Array());
}

describe("the XLSX template", () => {
  it.each(LANGUAGES)("imports untouched as «no data rows», not as its examples (%s)", (language) => {
    const bytes = writeXlsx(costFileTemplateSheets({ language, systems: SYSTEMS }));
    expect(parseCostFile({ bytes, fileName: "ikt-kostnader-mal.xlsx", systems: REGISTER })).toEqual({
      ok: false,
      format: "xlsx",
      fileError: { code: "NO_DATA_ROWS", params: {} },
      issues: [],
      warnings: [],
    });
  });

  it("reads back exactly what is typed into its cost sheet, amounts as numbers, without a warning", () => {
    const [costs, ...rest] = costFileTemplateSheets({ language: "nb", systems: SYSTEMS });
    if (costs === undefined) throw new Error("no cost sheet");
    const bytes = writeXlsx([
      filled(costs, [
        ["Brukerstøtte", "Egne ansatte", 1_250_000, null, "Servicedesk"],
        ["Drift og forvaltning", "Lisenser og programvare", 400_000, "Gerica; hjemmetjeneste", null],
        ["Utvikling", "Eksterne tjenester", 0, "Elements", "=ikke en formel"],
      ]),
      ...rest,
    ]);
    const cells = readXlsxFirstSheetCells(bytes);
    expect(cells.ok && cells.rows[1]).toEqual(["Brukerstøtte", "Egne ansatte", 1_250_000, "", "Servicedesk"]);
    const result = parseCostFile({ bytes, fileName: "utfylt.xlsx", systems: REGISTER });
    expect(result.ok && result.warnings).toEqual([]);
    expect(result.ok && result.lines).toEqual([
      { row: 2, service: "userSupport", costType: "ownStaff", amount: 1_250_000, systemId: null, comment: "Servicedesk" },
      { row: 3, service: "operations", costType: "licences", amount: 400_000, systemId: 13, comment: null },
      { row: 4, service: "development", costType: "externalServices", amount: 0, systemId: 12, comment: "=ikke en formel" },
    ]);
  });

  it("filled in nynorsk imports the same lines as filled in bokmål or English, through the header and every name", () => {
    const typed = [
      ["userSupport", "ownStaff", 1_250_000, null, "Servicedesk"],
      ["management", "other", 60_000, null, null],
      ["infrastructure", "equipment", 950_000, null, "Utskifting av PC-ar"],
      ["operations", "licences", 400_000, "Gerica; hjemmetjeneste", null],
      ["development", "externalServices", 0, "Elements", null],
    ] as const;
    const parsedIn = (language: (typeof LANGUAGES)[number]) => {
      const [costs, ...rest] = costFileTemplateSheets({ language, systems: SYSTEMS });
      if (costs === undefined) throw new Error("no cost sheet");
      const lines = typed.map(([service, costType, ...more]) => [
        IT_SERVICE_NAMES[service][language],
        COST_TYPE_NAMES[costType][language],
        ...more,
      ]);
      const xlsx = parseCostFile({ bytes: writeXlsx([filled(costs, lines), ...rest]), fileName: "utfylt.xlsx", systems: REGISTER });
      const csv = parseCostFile({
        bytes: utf8(toCsv([...costFileTemplateRows(language), ...lines])),
        fileName: "utfylt.csv",
        systems: REGISTER,
      });
      expect(xlsx.ok && xlsx.warnings).toEqual([]);
      expect(csv.ok && csv.warnings).toEqual([]);
      expect(csv.ok && csv.lines).toEqual(xlsx.ok && xlsx.lines);
      return xlsx.ok ? xlsx.lines : [];
    };
    const bokmal = parsedIn("nb");
    expect(bokmal.map((line) => line.service)).toEqual(typed.map(([service]) => service));
    expect(IT_SERVICE_NAMES.management.nn).not.toBe(IT_SERVICE_NAMES.management.nb);
    expect(costFileTemplateRows("nn")[0]?.[0]).toBe("IKT-teneste");
    expect(parsedIn("nn")).toEqual(bokmal);
    expect(parsedIn("en")).toEqual(bokmal);
  });

  it.each(LANGUAGES)(
    "has a catalogue sheet that lists and explains every IT service and cost type and the register's systems (%s)",
    (language) => {
      const [costs, catalogue, example] = costFileTemplateSheets({ language, systems: SYSTEMS });
      expect([costs?.name, catalogue?.name, example?.name]).toEqual(
        { nb: ["Kostnader", "Katalog", "Eksempel"], nn: ["Kostnader", "Katalog", "Døme"], en: ["Costs", "Catalogue", "Example"] }[language],
      );
      const rows = catalogue?.rows ?? [];
      expect(rows.slice(1, 1 + IT_SERVICES.length).map((row) => row.slice(0, 2))).toEqual(
        IT_SERVICES.map((s) => [IT_SERVICE_NAMES[s][language], IT_SERVICE_DESCRIPTIONS[s][language]]),
      );
      expect(rows.slice(1, 1 + COST_TYPES.length).map((row) => row.slice(3, 5))).toEqual(
        COST_TYPES.map((c) => [COST_TYPE_NAMES[c][language], COST_TYPE_DESCRIPTIONS[c][language]]),
      );
      expect(rows.slice(1, 1 + SYSTEMS.length).map((row) => row[6])).toEqual(SYSTEMS.map((s) => s.name));
    },
  );

  it("offers drop-down lists from the catalogue for IT service, cost type and fagsystem, and a number rule for the amount", () => {
    const sheetsWith = costFileTemplateSheets({ language: "nb", systems: SYSTEMS });
    const xml = sheetXml(writeXlsx(sheetsWith), 0);
    expect(xml).toContain(`sqref="A2:A2001"><formula1>'Katalog'!$A$2:$A$6</formula1>`);
    expect(xml).toContain(`sqref="B2:B2001"><formula1>'Katalog'!$D$2:$D$6</formula1>`);
    expect(xml).toMatch(
      /type="decimal" operator="between" errorStyle="stop"[^>]*sqref="C2:C2001"><formula1>0<\/formula1><formula2>20000000000<\/formula2>/,
    );
    expect(xml).toMatch(/errorStyle="warning"[^>]*sqref="D2:D2001"><formula1>'Katalog'!\$G\$2:\$G\$4<\/formula1>/);
    // Without fagsystemer in the register there is no list to choose from, and the catalogue says so.
    const none = costFileTemplateSheets({ language: "nb", systems: [] });
    expect(sheetXml(writeXlsx(none), 0)).not.toContain("$G$");
    expect(none[1]?.rows[1]?.[6]).toMatch(/ingen fagsystemer/);
  });

  it("keeps its examples on their own sheet, where they would import as valid lines", () => {
    const [, , example] = costFileTemplateSheets({ language: "nb", systems: SYSTEMS });
    if (example === undefined) throw new Error("no example sheet");
    const result = parseCostFile({ bytes: writeXlsx([example]), fileName: "eksempel.xlsx", systems: REGISTER });
    expect(result.ok && result.lines.map((line) => line.service)).toEqual([...IT_SERVICES]);
    expect(result.ok && result.lines.find((line) => line.costType === "licences")?.systemId).toBe(11);
  });
});

describe("the CSV template", () => {
  it.each(LANGUAGES)("imports untouched as «no data rows», and filled in without a warning (%s)", (language) => {
    const template = costFileTemplateRows(language);
    expect(parseCostFile({ bytes: utf8(toCsv(template)), fileName: "mal.csv", systems: REGISTER })).toEqual({
      ok: false,
      format: "csv",
      fileError: { code: "NO_DATA_ROWS", params: {} },
      issues: [],
      warnings: [],
    });
    const lines = [
      [IT_SERVICE_NAMES.userSupport[language], COST_TYPE_NAMES.ownStaff[language], "1 250 000", "", ""],
      [IT_SERVICE_NAMES.operations[language], COST_TYPE_NAMES.licences[language], "400000", "Visma Enterprise", "Avtale; 3 år"],
    ];
    const result = parseCostFile({ bytes: utf8(toCsv([...template, ...lines])), fileName: "utfylt.csv", systems: REGISTER });
    expect(result.ok && result.warnings).toEqual([]);
    expect(result.ok && result.lines.map(({ amount, systemId }) => [amount, systemId])).toEqual([
      [1_250_000, null],
      [400_000, 11],
    ]);
  });

  it.each(LANGUAGES)("comes with a guide that explains the catalogue, lists the register's systems and shows examples (%s)", (language) => {
    const guide = costFileTemplateGuide({ language, systems: SYSTEMS });
    for (const service of IT_SERVICES)
      expect(guide).toContain(`- ${IT_SERVICE_NAMES[service][language]}: ${IT_SERVICE_DESCRIPTIONS[service][language]}`);
    for (const costType of COST_TYPES)
      expect(guide).toContain(`- ${COST_TYPE_NAMES[costType][language]}: ${COST_TYPE_DESCRIPTIONS[costType][language]}`);
    for (const system of SYSTEMS) expect(guide).toContain(`- ${system.name} (`);
    // The example lines are CSV that would import: they are examples of what to write.
    const example = guide.slice(guide.lastIndexOf(costFileTemplateRows(language)[0]?.join(";") ?? "-"));
    const parsed = parseCsv(example);
    expect(parsed.ok && parsed.rows).toHaveLength(1 + IT_SERVICES.length);
    expect(parseCostFile({ bytes: utf8(example), fileName: "eksempel.csv", systems: REGISTER }).ok).toBe(true);
  });
});

describe("costFileRows (export)", () => {
  it("writes lines that import back unchanged, as CSV and as XLSX", () => {
    const systems = [{ id: 4, name: '=Sak; arkiv "Pro"' }];
    const lines = [
      { service: "operations" as const, costType: "licences" as const, amount: 1_234_567, systemId: 4, comment: "-rabatt; 10 %" },
      { service: "management" as const, costType: "ownStaff" as const, amount: 0, systemId: null, comment: null },
    ];
    for (const language of LANGUAGES) {
      const rows = costFileRows(lines, systems, language);
      const csv = new TextEncoder().encode(toCsv(rows));
      const xlsx = writeXlsx([{ name: "Kostnader", rows }]);
      for (const bytes of [csv, xlsx]) {
        const parsed = parseCostFile({ bytes, fileName: "eksport", systems });
        expect(parsed.ok).toBe(true);
        if (parsed.ok) expect(parsed.lines.map(({ row: _row, ...l }) => l)).toEqual(lines);
      }
    }
  });

  it("as a workbook, says what the figures are on a second sheet «Om tallene» and still imports back unchanged", () => {
    const systems = [{ id: 4, name: "Elements" }];
    const lines = [
      { service: "operations" as const, costType: "licences" as const, amount: 1_234_567, systemId: 4, comment: "Avtale; 3 år" },
      { service: "userSupport" as const, costType: "ownStaff" as const, amount: 98_000, systemId: null, comment: null },
    ];
    const facts = [
      ["Demodata", "Tallene er oppdiktet."],
      ["Kommune", "Trondheim (5001)"],
      ["År", "2025"],
    ] as const;
    const sheets = costReportSheets({ lines, systems, language: "nb", year: 2025, about: aboutSheet("Om tallene", facts) });
    expect(sheets.map((sheet) => sheet.name)).toEqual(["Kostnader 2025", "Om tallene"]);
    const bytes = writeXlsx(sheets);
    const parsed = parseCostFile({ bytes, fileName: "ikt-kostnader-5001-2025.xlsx", systems });
    expect(parsed.ok && parsed.warnings).toEqual([]);
    expect(parsed.ok && parsed.lines.map(({ row: _row, ...l }) => l)).toEqual(lines);
    // The facts read back as written, had they been the sheet an import reads; which is why they come second.
    const [data, about] = sheets;
    if (data === undefined || about === undefined) throw new Error("two sheets");
    expect(readXlsxFirstSheetCells(writeXlsx([about, data]))).toEqual({ ok: true, rows: facts.map(([label, text]) => [label, text]) });
    expect(parseCostFile({ bytes: writeXlsx([about, data]), fileName: "x.xlsx", systems }).ok).toBe(false);
  });
});
