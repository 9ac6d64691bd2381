import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { toCsv, type CsvDelimiter } from "../files/csv";
import { encodeWindows1252 } from "../files/decode";
import type { XlsxWriteCell } from "../files/xlsx";
import { cleanText } from "../text/clean";
import { COST_TYPE_NAMES, COST_TYPES, IT_SERVICE_NAMES, IT_SERVICES } from "./catalogue";
import { parseCostFile, type CostFileColumn, type CostFileLine } from "./cost-file";
import { parseSheet, SYSTEMS, utf8 } from "./cost-file.test-helpers";
import { MAX_IT_COST_NOK } from "./limits";

const HEADER_NAMES: Readonly<Record<CostFileColumn | "extra", readonly string[]>> = {
  service: ["IKT-tjeneste", "Tjeneste", "IT service", "service"],
  costType: ["Kostnadstype", "Cost type", "costType"],
  amount: ["Beløp", "Beløp (kr)", "Beløp (NOK)", "Amount", "Amount (NOK)"],
  system: ["Fagsystem", "Line-of-business system", "system"],
  comment: ["Kommentar", "Comment"],
  extra: ["Avdeling", "Ansvar"],
};

type Casing = "same" | "upper" | "lower";
const casingArb = fc.constantFrom<Casing>("same", "upper", "lower");
const recase = (text: string, casing: Casing): string =>
  casing === "upper" ? text.toLocaleUpperCase("nb") : casing === "lower" ? text.toLocaleLowerCase("nb") : text;

/**
 * Text a user might write in a comment: letters a Norwegian keyboard has, quotes, delimiters,
 * newlines, formula starts; as stored, so clean (no spaces at the end of a line).
 */
const commentArb = fc
  .string({
    unit: fc.constantFrom(..."abcdefgxyzABCXYZ0123456789 .,;:\"'=+-@()/&<>\næøåÆØÅé".split("")),
    minLength: 1,
    maxLength: 30,
  })
  .filter((text) => cleanText(text) === text && text !== "" && !text.startsWith("'"));

const amountFormatArb = fc.record({
  separator: fc.constantFrom("", " ", "\u00a0", "\u202f", "\u2009", "."),
  prefix: fc.constantFrom("", "kr ", "NOK "),
  suffix: fc.constantFrom("", ",00", ",-", " kr"),
  asNumber: fc.boolean(),
});

const lineSpecArb = fc.record({
  service: fc.constantFrom(...IT_SERVICES),
  costType: fc.constantFrom(...COST_TYPES),
  systemId: fc.option(fc.constantFrom(...SYSTEMS.map((system) => system.id)), { nil: null }),
  amount: fc.oneof(fc.integer({ min: 0, max: 5_000_000 }), fc.integer({ min: 0, max: MAX_IT_COST_NOK })),
  comment: fc.option(commentArb, { nil: null }),
  serviceLabel: fc.constantFrom("code", "nb", "en"),
  costTypeLabel: fc.constantFrom("code", "nb", "en"),
  casing: casingArb,
  padding: fc.constantFrom("", " ", "  "),
  amountFormat: amountFormatArb,
  blankRowBefore: fc.boolean(),
  extra: fc.constantFrom("", "IT-avdelingen", "4100"),
});
type LineSpec = typeof lineSpecArb extends fc.Arbitrary<infer T> ? T : never;

const linesArb = fc.uniqueArray(lineSpecArb, {
  minLength: 1,
  maxLength: 20,
  selector: (line) => `${line.service}|${line.costType}|${line.systemId}`,
});

const layoutArb = fc.record({
  order: fc.shuffledSubarray(["service", "costType", "amount", "system", "comment", "extra"] as const, {
    minLength: 6,
    maxLength: 6,
  }),
  headers: fc.record({
    service: fc.constantFrom(...HEADER_NAMES.service),
    costType: fc.constantFrom(...HEADER_NAMES.costType),
    amount: fc.constantFrom(...HEADER_NAMES.amount),
    system: fc.constantFrom(...HEADER_NAMES.system),
    comment: fc.constantFrom(...HEADER_NAMES.comment),
    extra: fc.constantFrom(...HEADER_NAMES.extra),
  }),
  withSystem: fc.boolean(),
  withComment: fc.boolean(),
  withExtra: fc.boolean(),
  blankRowsOnTop: fc.nat(2),
});
type Layout = typeof layoutArb extends fc.Arbitrary<infer T> ? T : never;

function label(kind: "code" | "nb" | "en", code: string, names: { nb: string; en: string }): string {
  return kind === "code" ? code : names[kind];
}

function formatAmount(amount: number, format: LineSpec["amountFormat"], asText: boolean): string | number {
  if (format.asNumber && !asText) return amount;
  return `${format.prefix}${String(amount).replace(/\B(?=(\d{3})+$)/g, format.separator)}${format.suffix}`;
}

/** Lays the lines out as a sheet; returns the rows and the line each data row should come back as. */
function buildSheet(specs: readonly LineSpec[], layout: Layout, asText: boolean): { rows: XlsxWriteCell[][]; lines: CostFileLine[] } {
  const columns = layout.order.filter(
    (column) =>
      (column !== "system" || layout.withSystem || specs.some((spec) => spec.systemId !== null)) &&
      (column !== "comment" || layout.withComment || specs.some((spec) => spec.comment !== null)) &&
      (column !== "extra" || layout.withExtra),
  );
  const rows: XlsxWriteCell[][] = Array.from({ length: layout.blankRowsOnTop }, () => []);
  rows.push(columns.map((column) => layout.headers[column]));
  const lines: CostFileLine[] = [];
  for (const spec of specs) {
    if (spec.blankRowBefore) rows.push(columns.map(() => null));
    const cells: Record<(typeof columns)[number], XlsxWriteCell> = {
      service: spec.padding + recase(label(spec.serviceLabel, spec.service, IT_SERVICE_NAMES[spec.service]), spec.casing),
      costType: recase(label(spec.costTypeLabel, spec.costType, COST_TYPE_NAMES[spec.costType]), spec.casing) + spec.padding,
      amount: formatAmount(spec.amount, spec.amountFormat, asText),
      system: recase(SYSTEMS.find((system) => system.id === spec.systemId)?.name ?? "", spec.casing),
      comment: spec.comment,
      extra: spec.extra,
    };
    rows.push(columns.map((column) => cells[column]));
    const { service, costType, amount, systemId, comment } = spec;
    lines.push({ row: rows.length, service, costType, amount, systemId, comment });
  }
  return { rows, lines };
}

const csvFormatArb = fc.record({
  delimiter: fc.constantFrom<CsvDelimiter>(";", ","),
  bom: fc.boolean(),
  crlf: fc.boolean(),
  windows1252: fc.boolean(),
});

function csvBytes(
  rows: readonly XlsxWriteCell[][],
  format: typeof csvFormatArb extends fc.Arbitrary<infer T> ? T : never,
): { bytes: Uint8Array; encoding: string } {
  const text = toCsv(rows, format.delimiter, { bom: format.bom && !format.windows1252 });
  const lineEnds = format.crlf ? text : text.replace(/\r\n/g, "\n");
  const latin = format.windows1252 ? encodeWindows1252(lineEnds) : null;
  // Pure ASCII is the same bytes in both, and is reported as UTF-8.
  if (latin !== null && /[^\x20-\x7e\r\n\t]/.test(lineEnds)) return { bytes: latin, encoding: "windows-1252" };
  return { bytes: utf8(lineEnds), encoding: "utf-8" };
}

describe("parseCostFile properties", () => {
  it("reads back exactly the lines written as CSV, in any delimiter, encoding, BOM and line end", () => {
    fc.assert(
      fc.property(linesArb, layoutArb, csvFormatArb, (specs, layout, format) => {
        const { rows, lines } = buildSheet(specs, layout, true);
        const { bytes, encoding } = csvBytes(rows, format);
        const result = parseCostFile({ bytes, fileName: "kostnader.csv", systems: SYSTEMS });
        expect(result).toMatchObject({ ok: true, format: "csv", delimiter: format.delimiter, encoding });
        expect(result.ok && result.lines).toEqual(lines);
        expect(result.ok && result.warnings.map((warning) => warning.code)).toEqual(
          rows.some((row) => row.includes(layout.headers.extra)) ? ["UNKNOWN_COLUMN"] : [],
        );
      }),
      { numRuns: 150 },
    );
  });

  it("reads back exactly the lines written as XLSX, amounts as numbers or as text", () => {
    fc.assert(
      fc.property(linesArb, layoutArb, (specs, layout) => {
        const { rows, lines } = buildSheet(specs, layout, false);
        const result = parseSheet(rows);
        expect(result).toMatchObject({ ok: true, format: "xlsx" });
        expect(result.ok && result.lines).toEqual(lines);
      }),
      { numRuns: 100 },
    );
  });

  const corruptionArb = fc.oneof(
    fc.record({
      kind: fc.constant("amount" as const),
      text: fc.constantFrom("12x3", "abc", "1e5", "-500", "(1 234)", "25 000 000 000", ""),
    }),
    fc.record({ kind: fc.constant("service" as const), text: fc.constantFrom("Kaffe", "IT", "Brukerstøtte og drift") }),
    fc.record({ kind: fc.constant("duplicate" as const), text: fc.constant("") }),
  );
  const AMOUNT_CODES: Readonly<Record<string, string>> = {
    "": "EMPTY",
    "-500": "NEGATIVE",
    "(1 234)": "NEGATIVE",
    "25 000 000 000": "TOO_LARGE",
  };

  it("names exactly the row and column of a corrupted amount, an unknown service or a duplicate line", () => {
    fc.assert(
      fc.property(linesArb, layoutArb, corruptionArb, fc.nat(), fc.nat(), fc.boolean(), (specs, layout, corruption, at, from, xlsx) => {
        fc.pre(corruption.kind !== "duplicate" || specs.length >= 2);
        const { rows, lines } = buildSheet(specs, layout, true);
        const header = rows[layout.blankRowsOnTop] ?? [];
        const columnOf = (column: CostFileColumn): number => header.indexOf(layout.headers[column]);
        const target = corruption.kind === "duplicate" ? 1 + (at % (lines.length - 1)) : at % lines.length;
        const targetRow = lines[target]?.row ?? 0;
        const cells = rows[targetRow - 1] ?? [];
        let expected: [number, CostFileColumn, string, unknown];
        if (corruption.kind === "amount") {
          cells[columnOf("amount")] = corruption.text;
          expected = [targetRow, "amount", AMOUNT_CODES[corruption.text] ?? "NOT_A_NUMBER", {}];
        } else if (corruption.kind === "service") {
          cells[columnOf("service")] = corruption.text;
          expected = [targetRow, "service", "UNKNOWN_SERVICE", {}];
        } else {
          const source = lines[from % target];
          const sourceCells = rows[(source?.row ?? 0) - 1] ?? [];
          for (const column of ["service", "costType", "system"] as const) {
            if (columnOf(column) >= 0) cells[columnOf(column)] = sourceCells[columnOf(column)] ?? null;
          }
          expected = [targetRow, "service", "DUPLICATE_LINE", { firstRow: source?.row }];
        }
        const result = xlsx ? parseSheet(rows) : parseCostFile({ bytes: utf8(toCsv(rows)), fileName: "kostnader.csv", systems: SYSTEMS });
        expect(result.ok).toBe(false);
        expect(!result.ok && result.issues.map((issue) => [issue.row, issue.column, issue.code, issue.params])).toEqual([expected]);
      }),
      { numRuns: 200 },
    );
  });
});
