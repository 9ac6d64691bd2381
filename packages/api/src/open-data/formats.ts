import { getIndicator, toCsv, type CsvCell, type IndicatorDefinition, type Language, type LocalizedText } from "@malestokk/domain";

import type { AnswerMeta, OpenGroup, OpenIndicator, OpenStatistic, OpenUnit, OpenValue } from "./open-data.service";
import type { OpenDataFormat } from "./params";

/**
 * The public API's answers in its four formats (docs/open-data.md#formats): JSON, CSV (RFC 4180,
 * comma, decimal point, no byte order mark: for programs), Norwegian CSV (semicolon, decimal comma,
 * with a byte order mark: for Excel) and JSON-stat 2.0, the format SSB's API speaks.
 */

export interface RenderedAnswer {
  readonly contentType: string;
  readonly body: string;
}

/** What one endpoint answers, in each format's terms. */
export interface OpenDataTable {
  /** The JSON answer's `data`. */
  readonly data: unknown;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly CsvCell[])[];
  /** The JSON-stat 2.0 object, without the licence and demo flag (added here). */
  readonly jsonStat: Record<string, unknown> & { extension?: Record<string, unknown> };
}

export function renderAnswer(table: OpenDataTable, meta: AnswerMeta, format: OpenDataFormat): RenderedAnswer {
  switch (format) {
    case "json":
      return {
        contentType: "application/json; charset=utf-8",
        body: JSON.stringify({ licence: meta.licence, demo: meta.demo, data: table.data }),
      };
    case "csv":
      return {
        contentType: "text/csv; charset=utf-8; header=present",
        body: toCsv([table.columns, ...table.rows], ",", { bom: false }),
      };
    case "csv-no":
      return { contentType: "text/csv; charset=utf-8; header=present", body: toCsv([table.columns, ...table.rows], ";", { bom: true }) };
    case "jsonstat":
      return {
        contentType: "application/json; charset=utf-8",
        body: JSON.stringify({
          ...table.jsonStat,
          version: "2.0",
          extension: { ...table.jsonStat.extension, licence: meta.licence, demo: meta.demo },
        }),
      };
  }
}

const pick = (text: LocalizedText, lang: Language) => text[lang];

/** A JSON-stat category: ids in order, their labels, and the index as JSON-stat 2.0 writes it (an array). */
function category(ids: readonly string[], label: (id: string) => string) {
  return { index: [...ids], label: Object.fromEntries(ids.map((id) => [id, label(id)])) };
}

export function indicatorsTable(indicators: readonly OpenIndicator[], lang: Language): OpenDataTable {
  return {
    data: indicators,
    columns: ["code", "dimension", "name", "definition", "formula", "unit", "decimals", "direction", "source", "since"],
    rows: indicators.map((i) => [
      i.code,
      i.dimension,
      pick(i.name, lang),
      pick(i.definition, lang),
      pick(i.formula, lang),
      i.unit,
      i.decimals,
      i.direction,
      pick(i.source, lang),
      i.since,
    ]),
    jsonStat: {
      class: "dimension",
      label: { nb: "Indikatorer", nn: "Indikatorar", en: "Indicators" }[lang],
      category: {
        ...category(
          indicators.map((i) => i.code),
          (code) => pick((indicators.find((i) => i.code === code) as OpenIndicator).name, lang),
        ),
        unit: Object.fromEntries(indicators.map((i) => [i.code, { label: i.unit, decimals: i.decimals }])),
      },
      extension: { indicators },
    },
  };
}

export function unitsTable(units: readonly OpenUnit[], lang: Language): OpenDataTable {
  return {
    data: units,
    columns: [
      "number",
      "name",
      "official_names",
      "county_number",
      "county_name",
      "kostra_group",
      "kostra_group_name",
      "kostra_group_source",
      "written_standard",
    ],
    rows: units.map((u) => [
      u.number,
      u.name,
      u.officialNames.map((n) => n.name).join(" – "),
      u.county.number,
      u.county.name,
      u.kostraGroup?.code ?? null,
      u.kostraGroup?.name ?? null,
      u.kostraGroup?.source ?? null,
      u.writtenStandard,
    ]),
    jsonStat: {
      class: "dimension",
      label: { nb: "Kommuner", nn: "Kommunar", en: "Municipalities" }[lang],
      category: category(
        units.map((u) => u.number),
        (number) => (units.find((u) => u.number === number) as OpenUnit).name,
      ),
      extension: { units },
    },
  };
}

export function groupsTable(groups: readonly OpenGroup[], lang: Language): OpenDataTable {
  return {
    data: groups,
    columns: ["id", "kind", "code", "name", "members"],
    rows: groups.map((g) => [g.id, g.kind, g.code, pick(g.name, lang), g.members.join(" ")]),
    jsonStat: {
      class: "dimension",
      label: { nb: "Sammenligningsgrupper", nn: "Samanlikningsgrupper", en: "Peer groups" }[lang],
      category: {
        ...category(
          groups.map((g) => g.id),
          (id) => pick((groups.find((g) => g.id === id) as OpenGroup).name, lang),
        ),
      },
      extension: { members: Object.fromEntries(groups.map((g) => [g.id, g.members])) },
    },
  };
}

interface CubeDimension {
  readonly label: string;
  readonly category: { readonly index: readonly string[]; readonly label: Record<string, string>; readonly unit?: unknown };
}

/** A JSON-stat 2.0 dataset: the dimensions in order (their sizes follow), the cells row-major, a status per cell where one is said. */
function dataset(args: {
  label: string;
  dimensions: Record<string, CubeDimension>;
  role: Record<string, string[]>;
  value: readonly (number | null)[];
  status: Record<string, string>;
  extension: Record<string, unknown>;
}): OpenDataTable["jsonStat"] {
  const ids = Object.keys(args.dimensions);
  return {
    class: "dataset",
    label: args.label,
    source: "Målestokk",
    id: ids,
    size: ids.map((id) => args.dimensions[id]?.category.index.length ?? 0),
    role: args.role,
    dimension: args.dimensions,
    value: args.value,
    ...(Object.keys(args.status).length > 0 ? { status: args.status } : {}),
    extension: args.extension,
  };
}

const unique = <T>(items: readonly T[]) => [...new Set(items)];
const yearIds = (years: readonly number[]) => unique(years.map(String)).sort();
const indicatorLabel = (code: string, lang: Language) => pick((getIndicator(code) as IndicatorDefinition).name, lang);
const indicatorUnits = (codes: readonly string[]) =>
  Object.fromEntries(
    codes.map((code) => {
      const def = getIndicator(code) as IndicatorDefinition;
      return [code, { label: def.unit, decimals: def.decimals }];
    }),
  );

/**
 * Values as a JSON-stat cube indicator × unit × year (SSB's shape: the region and time roles), one
 * cell per combination, null where there is no figure; a cell's status says "draft" or "submitted"
 * for a token's own unapproved figure.
 */
export function valuesTable(values: readonly OpenValue[], lang: Language): OpenDataTable {
  const indicators = unique(values.map((v) => v.indicator));
  const units = unique(values.map((v) => v.unit)).sort();
  const years = yearIds(values.map((v) => v.year));
  const names = new Map(values.map((v) => [v.unit, v.unitName]));
  const cells: (number | null)[] = new Array<number | null>(indicators.length * units.length * years.length).fill(null);
  const status: Record<string, string> = {};
  const revised: Record<string, string> = {};
  const demoCells: number[] = [];
  for (const v of values) {
    const index = (indicators.indexOf(v.indicator) * units.length + units.indexOf(v.unit)) * years.length + years.indexOf(String(v.year));
    cells[index] = v.value;
    if (v.status !== "approved") status[index] = v.status;
    if (v.revisedOn) revised[index] = v.revisedOn;
    if (v.isDemo) demoCells.push(index);
  }
  return {
    data: values,
    columns: [
      "indicator",
      "unit",
      "unit_name",
      "year",
      "value",
      "numerator",
      "denominator",
      "status",
      "published_on",
      "revised_on",
      "demo",
    ],
    rows: values.map((v) => [
      v.indicator,
      v.unit,
      v.unitName,
      v.year,
      v.value,
      v.numerator,
      v.denominator,
      v.status,
      v.publishedOn,
      v.revisedOn,
      v.isDemo ? "true" : "false",
    ]),
    jsonStat: dataset({
      label: { nb: "Målestokk: indikatorverdier", nn: "Målestokk: indikatorverdiar", en: "Målestokk: indicator values" }[lang],
      dimensions: {
        indicator: {
          label: { nb: "indikator", nn: "indikator", en: "indicator" }[lang],
          category: { ...category(indicators, (c) => indicatorLabel(c, lang)), unit: indicatorUnits(indicators) },
        },
        unit: { label: { nb: "kommune", nn: "kommune", en: "municipality" }[lang], category: category(units, (n) => names.get(n) ?? n) },
        year: { label: { nb: "år", nn: "år", en: "year" }[lang], category: category(years, (y) => y) },
      },
      role: { metric: ["indicator"], geo: ["unit"], time: ["year"] },
      value: cells,
      status,
      extension: { revisedOn: revised, demoCells },
    }),
  };
}

const MEASURES = ["n", "q1", "median", "q3", "ratioOfSums"] as const;
const MEASURE_LABELS: Record<(typeof MEASURES)[number], LocalizedText> = {
  n: { nb: "antall med verdi", nn: "talet med verdi", en: "members with a value" },
  q1: { nb: "nedre kvartil", nn: "nedre kvartil", en: "lower quartile" },
  median: { nb: "median", nn: "median", en: "median" },
  q3: { nb: "øvre kvartil", nn: "øvre kvartil", en: "upper quartile" },
  ratioOfSums: { nb: "sum av tellere delt på sum av nevnere", nn: "sum av teljarar delt på sum av nemnarar", en: "ratio of sums" },
};

/** Statistics as a JSON-stat cube indicator × group × year × measure; a hidden group's measures are null with status "hidden". */
export function statisticsTable(statistics: readonly OpenStatistic[], groups: readonly OpenGroup[], lang: Language): OpenDataTable {
  const indicators = unique(statistics.map((s) => s.indicator));
  const groupIds = groups.map((g) => g.id);
  const years = yearIds(statistics.map((s) => s.year));
  const cells = new Array<number | null>(indicators.length * groupIds.length * years.length * MEASURES.length).fill(null);
  const status: Record<string, string> = {};
  for (const s of statistics) {
    const base =
      ((indicators.indexOf(s.indicator) * groupIds.length + groupIds.indexOf(s.group)) * years.length + years.indexOf(String(s.year))) *
      MEASURES.length;
    MEASURES.forEach((m, i) => {
      cells[base + i] = s[m];
      if (m !== "n" && s.status === "hidden") status[base + i] = "hidden";
    });
  }
  const groupName = (id: string) => pick((groups.find((g) => g.id === id) as OpenGroup).name, lang);
  return {
    data: statistics,
    columns: ["indicator", "group", "group_name", "year", "n", "status", "q1", "median", "q3", "ratio_of_sums", "demo"],
    rows: statistics.map((s) => [
      s.indicator,
      s.group,
      groupName(s.group),
      s.year,
      s.n,
      s.status,
      s.q1,
      s.median,
      s.q3,
      s.ratioOfSums,
      s.isDemo ? "true" : "false",
    ]),
    jsonStat: dataset({
      label: { nb: "Målestokk: statistikk for grupper", nn: "Målestokk: statistikk for grupper", en: "Målestokk: group statistics" }[lang],
      dimensions: {
        indicator: {
          label: { nb: "indikator", nn: "indikator", en: "indicator" }[lang],
          category: category(indicators, (c) => indicatorLabel(c, lang)),
        },
        group: { label: { nb: "gruppe", nn: "gruppe", en: "group" }[lang], category: category(groupIds, groupName) },
        year: { label: { nb: "år", nn: "år", en: "year" }[lang], category: category(years, (y) => y) },
        measure: {
          label: { nb: "mål", nn: "mål", en: "measure" }[lang],
          category: category(MEASURES, (m) => pick(MEASURE_LABELS[m as (typeof MEASURES)[number]], lang)),
        },
      },
      role: { time: ["year"], metric: ["measure"] },
      value: cells,
      status,
      extension: { demoCells: statistics.filter((s) => s.isDemo).map((s) => `${s.indicator}|${s.group}|${s.year}`) },
    }),
  };
}
