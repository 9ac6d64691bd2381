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

/** One dimension of a JSON-stat cube: its id, label and categories in order (their labels, and units where there are). */
interface CubeDimension {
  readonly id: string;
  readonly label: string;
  readonly ids: readonly string[];
  readonly labelOf: (id: string) => string;
  readonly unit?: Record<string, unknown>;
}

/** One cell: its category in each dimension, in the dimensions' order; a status where one is said. */
interface CubeCell {
  readonly at: readonly string[];
  readonly value: number | null;
  readonly status?: string | null;
}

/**
 * The one JSON-stat 2.0 dataset builder: the dimensions in order (their sizes follow), the cells row-major
 * (null where there is none), a status per cell where one is said. Gives each cell's index too, for the extensions.
 */
function cube(args: { label: string; dimensions: readonly CubeDimension[]; role: Record<string, string[]>; cells: readonly CubeCell[] }): {
  dataset: OpenDataTable["jsonStat"];
  indices: number[];
} {
  const positions = args.dimensions.map((d) => new Map(d.ids.map((id, i) => [id, i])));
  const size = args.dimensions.map((d) => d.ids.length);
  const value = new Array<number | null>(size.reduce((a, b) => a * b, 1)).fill(null);
  const status: Record<string, string> = {};
  const indices = args.cells.map((cell) => {
    const index = cell.at.reduce((acc, id, d) => acc * (size[d] ?? 0) + (positions[d]?.get(id) ?? 0), 0);
    value[index] = cell.value;
    if (cell.status) status[index] = cell.status;
    return index;
  });
  return {
    dataset: {
      class: "dataset",
      label: args.label,
      source: "Målestokk",
      id: args.dimensions.map((d) => d.id),
      size,
      role: args.role,
      dimension: Object.fromEntries(
        args.dimensions.map((d) => [
          d.id,
          { label: d.label, category: { ...category(d.ids, d.labelOf), ...(d.unit ? { unit: d.unit } : {}) } },
        ]),
      ),
      value,
      ...(Object.keys(status).length > 0 ? { status } : {}),
    },
    indices,
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
  const names = new Map(values.map((v) => [v.unit, v.unitName]));
  const { dataset, indices } = cube({
    label: { nb: "Målestokk: indikatorverdier", nn: "Målestokk: indikatorverdiar", en: "Målestokk: indicator values" }[lang],
    dimensions: [
      {
        id: "indicator",
        label: { nb: "indikator", nn: "indikator", en: "indicator" }[lang],
        ids: indicators,
        labelOf: (c) => indicatorLabel(c, lang),
        unit: indicatorUnits(indicators),
      },
      {
        id: "unit",
        label: { nb: "kommune", nn: "kommune", en: "municipality" }[lang],
        ids: unique(values.map((v) => v.unit)).sort(),
        labelOf: (n) => names.get(n) ?? n,
      },
      { id: "year", label: { nb: "år", nn: "år", en: "year" }[lang], ids: yearIds(values.map((v) => v.year)), labelOf: (y) => y },
    ],
    role: { metric: ["indicator"], geo: ["unit"], time: ["year"] },
    cells: values.map((v) => ({
      at: [v.indicator, v.unit, String(v.year)],
      value: v.value,
      status: v.status === "approved" ? null : v.status,
    })),
  });
  const revised: Record<string, string> = {};
  const demoCells: number[] = [];
  values.forEach((v, i) => {
    if (v.revisedOn) revised[indices[i] ?? 0] = v.revisedOn;
    if (v.isDemo) demoCells.push(indices[i] ?? 0);
  });
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
    jsonStat: { ...dataset, extension: { revisedOn: revised, demoCells } },
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
    jsonStat: {
      ...cube({
        label: { nb: "Målestokk: statistikk for grupper", nn: "Målestokk: statistikk for grupper", en: "Målestokk: group statistics" }[
          lang
        ],
        dimensions: [
          {
            id: "indicator",
            label: { nb: "indikator", nn: "indikator", en: "indicator" }[lang],
            ids: indicators,
            labelOf: (c) => indicatorLabel(c, lang),
          },
          { id: "group", label: { nb: "gruppe", nn: "gruppe", en: "group" }[lang], ids: groups.map((g) => g.id), labelOf: groupName },
          { id: "year", label: { nb: "år", nn: "år", en: "year" }[lang], ids: yearIds(statistics.map((s) => s.year)), labelOf: (y) => y },
          {
            id: "measure",
            label: { nb: "mål", nn: "mål", en: "measure" }[lang],
            ids: MEASURES,
            labelOf: (m) => pick(MEASURE_LABELS[m as (typeof MEASURES)[number]], lang),
          },
        ],
        role: { time: ["year"], metric: ["measure"] },
        cells: statistics.flatMap((s) =>
          MEASURES.map((m) => ({
            at: [s.indicator, s.group, String(s.year), m],
            value: s[m],
            status: m !== "n" && s.status === "hidden" ? "hidden" : null,
          })),
        ),
      }).dataset,
      extension: { demoCells: statistics.filter((s) => s.isDemo).map((s) => `${s.indicator}|${s.group}|${s.year}`) },
    },
  };
}
