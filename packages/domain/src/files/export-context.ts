import { IMPORT_MEASURES } from "../imports/measure-import";
import type { ComponentCode, IndicatorDefinition } from "../indicators/catalogue";
import type { XlsxSheetInput } from "./xlsx-writer";

/**
 * One line of what an exported file says about its figures ("Om tallene"): a label and its text,
 * both already in the reader's language, e.g. ["Kilde", "Målestokk, SSB 07459"].
 */
export type ExportFact = readonly [label: string, text: string];

/**
 * The SSB tables an indicator's components are read from (K1, per inhabitant: 07459, population
 * on 1 January; K2, share of budget: 12362), numerator first. The rest is reported in Målestokk.
 */
export function indicatorSourceTables(indicator: Pick<IndicatorDefinition, "numerator" | "denominator">): string[] {
  const tableOf = (component: ComponentCode): string | null =>
    component in IMPORT_MEASURES ? IMPORT_MEASURES[component as keyof typeof IMPORT_MEASURES].table : null;
  return [tableOf(indicator.numerator), tableOf(indicator.denominator)].filter((table): table is string => table !== null);
}

/** The facts as a sheet of their own: labels in a bold column, the texts wrapped beside them. */
export function aboutSheet(name: string, facts: readonly ExportFact[]): XlsxSheetInput {
  return {
    name,
    rows: facts.map(([label, text]) => [label, text]),
    columns: [
      { width: 24, bold: true },
      { width: 90, wrap: true },
    ],
  };
}
