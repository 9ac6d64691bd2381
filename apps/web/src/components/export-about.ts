import { getIndicator, indicatorSourceTables, type ExportFact } from "@malestokk/domain";
import type { TFunction } from "i18next";

import { formatDateTime } from "../lib/format";
import { indicatorLabel } from "./indicator-format";
import type { Language } from "../lib/i18n";
import { localized } from "../lib/localized";

/** What a chart's figures are, for the files it exports (the sheet "Om tallene", the CSV's first lines, the PNG's text). */
export interface ExportAbout {
  /** The indicator the figures are, by catalogue code (name, definition, unit and SSB tables follow from it). */
  readonly indicatorCode?: string;
  /** The unit, for figures that are not a catalogue indicator (a benefit's own measure). */
  readonly unit?: string;
  /** The year, or the years ("2015–2025"). */
  readonly year?: number | string;
  readonly group?: { readonly name: string; readonly members?: readonly string[] };
  /** Indicators whose sources the file names, when it holds several (a dashboard). */
  readonly sourceIndicators?: readonly string[];
  /** Whether the figures are demo data; by default, whether the server holds demo data. */
  readonly demo?: boolean;
  /** Whose work beside the figures the file must credit, e.g. the map's "Kartgrunnlag: Kartverket (CC BY 4.0)". */
  readonly credit?: { readonly label: string; readonly text: string };
}

/** A legend entry as the PNG draws it: a colour swatch and its label. */
export interface LegendEntry {
  readonly label: string;
  readonly color: string;
}

export interface ExportContext {
  readonly title: string;
  readonly about: ExportAbout;
  readonly language: Language;
  readonly demo: boolean;
  /** When the file is made, shown as "Hentet ut". */
  readonly now: Date;
  /** The page's address: the same view again. */
  readonly address: string;
}

/** The years a series covers, as "2015–2025" (or one year). */
export function yearSpan(years: readonly number[]): string | undefined {
  const first = years[0];
  const last = years.at(-1);
  if (first === undefined || last === undefined) return undefined;
  return first === last ? String(first) : `${first}–${last}`;
}

/** "Målestokk, SSB 07459": Målestokk always, and the SSB tables the indicators read. */
function sourceText(t: TFunction, about: ExportAbout): string {
  const codes = [...(about.indicatorCode === undefined ? [] : [about.indicatorCode]), ...(about.sourceIndicators ?? [])];
  const tables = new Set(
    codes.flatMap((code) => {
      const indicator = getIndicator(code);
      return indicator === null ? [] : indicatorSourceTables(indicator);
    }),
  );
  return ["Målestokk", ...[...tables].sort().map((table) => t("exports.about.ssbTable", { table }))].join(", ");
}

/**
 * What an exported table says about its figures, label and text, in the user's language: demo
 * marking first, then title, indicator, definition, unit, year, group and members, source,
 * extraction time, licence and the page's address. Facts the chart does not have are left out.
 */
export function exportFacts(t: TFunction, context: ExportContext): ExportFact[] {
  const { about, language } = context;
  const indicator = about.indicatorCode === undefined ? null : getIndicator(about.indicatorCode);
  const facts: (ExportFact | null)[] = [
    context.demo ? [t("exports.about.demo"), t("exports.about.demoText")] : null,
    [t("exports.about.title"), context.title],
    indicator && [t("exports.about.indicator"), indicatorLabel(indicator.code, language)],
    indicator && [t("exports.about.definition"), localized(indicator.description, language)],
    indicator
      ? [t("exports.about.unit"), t(`exports.about.units.${indicator.unit}`)]
      : about.unit
        ? [t("exports.about.unit"), about.unit]
        : null,
    about.year === undefined ? null : [t("exports.about.year"), String(about.year)],
    about.group ? [t("exports.about.group"), about.group.name] : null,
    about.group?.members && about.group.members.length > 0
      ? [
          t("exports.about.members"),
          t("exports.about.membersText", { count: about.group.members.length, names: about.group.members.join(", ") }),
        ]
      : null,
    [t("exports.about.source"), sourceText(t, about)],
    [t("exports.about.extracted"), formatDateTime(context.now.toISOString())],
    [t("exports.about.licence"), t("exports.about.licenceText")],
    about.credit ? [about.credit.label, about.credit.text] : null,
    [t("exports.about.address"), context.address],
  ];
  return facts.filter((fact): fact is ExportFact => fact !== null);
}

/** The text a chart's PNG carries around the chart itself. */
export interface ChartPicture {
  readonly title: string;
  /** Unit, year and peer group, as one line. */
  readonly subtitle: string;
  /** The demo marking, or null for real figures. */
  readonly demo: string | null;
  readonly legend: readonly LegendEntry[];
  /** "Kilde: Målestokk, SSB 07459. Hentet ut …" */
  readonly source: string;
}

export function chartPicture(t: TFunction, context: ExportContext, legend: readonly LegendEntry[]): ChartPicture {
  const { about } = context;
  const indicator = about.indicatorCode === undefined ? null : getIndicator(about.indicatorCode);
  const subtitle = [
    indicator ? t(`exports.about.units.${indicator.unit}`) : (about.unit ?? null),
    about.year === undefined ? null : String(about.year),
    about.group ? about.group.name : null,
  ].filter((part): part is string => part !== null);
  return {
    title: context.title,
    subtitle: subtitle.join(" · "),
    demo: context.demo ? t("exports.about.demoMark") : null,
    legend,
    source: [
      t("exports.about.sourceLine", { source: sourceText(t, about), time: formatDateTime(context.now.toISOString()) }),
      about.credit ? `${about.credit.label}: ${about.credit.text}.` : null,
    ]
      .filter((part): part is string => part !== null)
      .join(" "),
  };
}
