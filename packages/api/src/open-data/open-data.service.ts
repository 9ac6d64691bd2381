import {
  hasDemoData,
  listFirstPublishedYears,
  listMunicipalities,
  listPublicationDates,
  readOwnIndicatorValues,
  readPublishedIndicatorValues,
  type DbOrTx,
} from "@malestokk/db";
import {
  buildBenchmarkSeries,
  componentName,
  computeIndicatorValue,
  getIndicator,
  INDICATORS,
  publishedYears,
  selectPeers,
  SIZE_CLASS_BOUNDS,
  SIZE_CLASSES,
  sizeClassOf,
  type ComponentCode,
  type IndicatorDefinition,
  type LocalizedText,
  type PeerGroupKind,
  type PeerUnit,
} from "@malestokk/domain";

import { listPeerUnits } from "../routers/peers/peer-units";
import { getOpenDataLicence, type OpenDataLicence } from "./licence";
import { unknownGroup, unknownUnit, type StatisticsParams, type ValuesParams, type YearRange } from "./params";

/**
 * The public read API's data (docs/open-data.md#api): published figures only, for anyone; with a
 * token's viewer, that organisation's own figures too, drafts included and their status shown.
 */

/** Who reads through an API token; set by the token middleware (issue 23, point 3). */
export interface OpenDataViewer {
  readonly tokenId: number;
  readonly organisationId: number;
  readonly scope: "read-own";
}

/** What every answer carries beside its data. */
export interface AnswerMeta {
  readonly licence: OpenDataLicence;
  /** The database holds demo data: the figures are made up, not reported. */
  readonly demo: boolean;
}

export function describeAnswer(db: DbOrTx): AnswerMeta {
  return { licence: getOpenDataLicence(db), demo: hasDemoData(db) };
}

export interface OpenIndicator {
  readonly code: string;
  readonly dimension: IndicatorDefinition["dimension"];
  readonly name: LocalizedText;
  readonly definition: LocalizedText;
  readonly formula: LocalizedText;
  readonly numerator: ComponentCode;
  readonly denominator: ComponentCode;
  readonly scale: number;
  readonly unit: IndicatorDefinition["unit"];
  readonly decimals: number;
  /** "higher": higher is better; "lower": lower is better; "neutral": judged against the peers, not as better or worse. */
  readonly direction: IndicatorDefinition["direction"];
  readonly source: LocalizedText;
  /** The first published year with a figure, or null while none is published. */
  readonly since: number | null;
}

const REPORTED = {
  cost: {
    nb: "kommunens kostnadsrapport i Målestokk",
    nn: "kostnadsrapporten til kommunen i Målestokk",
    en: "the municipality's cost report in Målestokk",
  },
  quality: {
    nb: "kommunens kvalitetsrapport i Målestokk",
    nn: "kvalitetsrapporten til kommunen i Målestokk",
    en: "the municipality's quality report in Målestokk",
  },
} as const;

/** Where a component comes from: SSB's tables, or the municipality's own report. */
function sourceOf(code: ComponentCode): LocalizedText {
  if (code === "population") return { nb: "SSB, tabell 07459", nn: "SSB, tabell 07459", en: "Statistics Norway, table 07459" };
  if (code === "grossOperatingExpenditure")
    return { nb: "SSB, tabell 12362 (KOSTRA)", nn: "SSB, tabell 12362 (KOSTRA)", en: "Statistics Norway, table 12362 (KOSTRA)" };
  if (code.startsWith("citizen"))
    return {
      nb: "bedrekommune.no, gjennom kommunens kvalitetsrapport i Målestokk",
      nn: "bedrekommune.no, gjennom kvalitetsrapporten til kommunen i Målestokk",
      en: "bedrekommune.no, through the municipality's quality report in Målestokk",
    };
  if (code === "itCostTotal" || code === "itUserAccounts" || code.startsWith("serviceCost.") || code.startsWith("classCost."))
    return REPORTED.cost;
  return REPORTED.quality;
}

function joinTexts(a: LocalizedText, b: LocalizedText, glue: LocalizedText): LocalizedText {
  return { nb: `${a.nb}${glue.nb}${b.nb}`, nn: `${a.nn}${glue.nn}${b.nn}`, en: `${a.en}${glue.en}${b.en}` };
}

/** The formula in words, as the indicator page gives it: numerator divided by denominator, times the scale. */
function formulaOf(def: IndicatorDefinition): LocalizedText {
  const quotient = joinTexts(componentName(def.numerator), componentName(def.denominator), {
    nb: " delt på ",
    nn: " delt på ",
    en: " divided by ",
  });
  if (def.scale === 1) return quotient;
  const scale = String(def.scale);
  return {
    nb: `(${quotient.nb}) × ${scale.replace(".", ",")}`,
    nn: `(${quotient.nn}) × ${scale.replace(".", ",")}`,
    en: `(${quotient.en}) × ${scale}`,
  };
}

export function listOpenIndicators(db: DbOrTx, today: string): OpenIndicator[] {
  const since = listFirstPublishedYears(db, today);
  return (INDICATORS as readonly IndicatorDefinition[]).map((def) => {
    const numeratorSource = sourceOf(def.numerator);
    const denominatorSource = sourceOf(def.denominator);
    return {
      code: def.code,
      dimension: def.dimension,
      name: def.name,
      definition: def.description,
      formula: formulaOf(def),
      numerator: def.numerator,
      denominator: def.denominator,
      scale: def.scale,
      unit: def.unit,
      decimals: def.decimals,
      direction: def.direction,
      source:
        numeratorSource.nb === denominatorSource.nb
          ? numeratorSource
          : joinTexts(numeratorSource, denominatorSource, { nb: "; ", nn: "; ", en: "; " }),
      since: since.get(def.code) ?? null,
    };
  });
}

export interface OpenUnit {
  readonly number: string;
  readonly name: string;
  readonly officialNames: readonly { readonly name: string; readonly language: string }[];
  readonly county: { readonly number: string; readonly name: string };
  readonly kostraGroup: {
    readonly code: string;
    readonly name: string | null;
    readonly source: string | null;
    readonly approximate: boolean;
  } | null;
  readonly writtenStandard: "bokmal" | "nynorsk" | "neutral" | null;
}

export function listOpenUnits(db: DbOrTx): OpenUnit[] {
  return listMunicipalities(db).map((m) => ({
    number: m.number,
    name: m.name,
    officialNames: m.officialNames,
    county: { number: m.countyNumber, name: m.countyName },
    kostraGroup:
      m.kostraGroup === null
        ? null
        : { code: m.kostraGroup, name: m.kostraGroupName, source: m.kostraGroupSource, approximate: m.kostraGroupApproximate },
    writtenStandard: m.writtenStandard,
  }));
}

export interface OpenGroup {
  /** `kind` or `kind:code`, as the statistics endpoint's `group` parameter takes it. */
  readonly id: string;
  readonly kind: PeerGroupKind;
  readonly code: string | null;
  readonly name: LocalizedText;
  /** The members' municipality numbers, ascending. */
  readonly members: readonly string[];
}

function sizeClassName(sizeClass: (typeof SIZE_CLASSES)[number]): LocalizedText {
  const { min, max } = SIZE_CLASS_BOUNDS[sizeClass];
  const nb = (n: number) => n.toLocaleString("nb-NO").replace(/\s/g, " ");
  const en = (n: number) => n.toLocaleString("en-GB");
  if (max === null)
    return { nb: `Over ${nb(min - 1)} innbyggere`, nn: `Over ${nb(min - 1)} innbyggjarar`, en: `Over ${en(min - 1)} inhabitants` };
  return { nb: `${nb(min)}–${nb(max)} innbyggere`, nn: `${nb(min)}–${nb(max)} innbyggjarar`, en: `${en(min)}–${en(max)} inhabitants` };
}

/** Every peer group of every kind, built by the same domain function the comparison pages use (`selectPeers`). */
export function listOpenGroups(db: DbOrTx): OpenGroup[] {
  const units = listPeerUnits(db);
  const municipalities = listMunicipalities(db);
  const numberOf = new Map(units.map((u) => [u.id, u.number]));
  const groups: OpenGroup[] = [];
  const add = (kind: PeerGroupKind, code: string | null, name: LocalizedText, self: PeerUnit | undefined) => {
    if (!self) return;
    const members = [...selectPeers(units, self, kind).members].map((id) => numberOf.get(id) ?? "").sort();
    groups.push({ id: code === null ? kind : `${kind}:${code}`, kind, code, name, members });
  };
  const kostraNames = new Map<string, string | null>();
  for (const m of municipalities)
    if (m.kostraGroup !== null && !kostraNames.has(m.kostraGroup)) kostraNames.set(m.kostraGroup, m.kostraGroupName);
  for (const [code, groupName] of [...kostraNames].sort(([a], [b]) => a.localeCompare(b, "nb", { numeric: true }))) {
    const label = groupName ? `: ${groupName}` : "";
    add(
      "kostra",
      code,
      { nb: `KOSTRA-gruppe ${code}${label}`, nn: `KOSTRA-gruppe ${code}${label}`, en: `KOSTRA group ${code}${label}` },
      units.find((u) => u.kostraGroup === code),
    );
  }
  for (const sizeClass of SIZE_CLASSES)
    add(
      "sizeClass",
      sizeClass,
      sizeClassName(sizeClass),
      units.find((u) => u.population !== null && sizeClassOf(u.population) === sizeClass),
    );
  const counties = new Map(municipalities.map((m) => [m.countyNumber, m.countyName]));
  for (const [number, name] of [...counties].sort(([a], [b]) => a.localeCompare(b)))
    add(
      "county",
      number,
      { nb: name, nn: name, en: name },
      units.find((u) => u.countyNumber === number),
    );
  add(
    "asss",
    null,
    { nb: "ASSS-nettverket (de ti største)", nn: "ASSS-nettverket (dei ti største)", en: "The ASSS network (the ten largest)" },
    units[0],
  );
  add("all", null, { nb: "Alle kommuner", nn: "Alle kommunar", en: "All municipalities" }, units[0]);
  return groups;
}

export interface OpenValue {
  readonly indicator: string;
  readonly unit: string;
  readonly unitName: string;
  readonly year: number;
  readonly value: number | null;
  readonly numerator: number;
  readonly denominator: number;
  /** "approved" in every public answer; a token's own figures may be "draft" or "submitted". */
  readonly status: "draft" | "submitted" | "approved";
  /** The year's publication date; null for a token's own figure of a year not yet published. */
  readonly publishedOn: string | null;
  /** When a correction approved after publication changed the value; null when it never was. */
  readonly revisedOn: string | null;
  readonly isDemo: boolean;
}

function inYears(years: YearRange | null, year: number): boolean {
  return years === null || (year >= years.fromYear && year <= years.toYear && (years.only === null || years.only.includes(year)));
}

/** The published figures asked for (and a token's own, drafts included), ordered by indicator, unit and year. */
export function readOpenValues(db: DbOrTx, params: ValuesParams, today: string, viewer: OpenDataViewer | null): OpenValue[] {
  const municipalities = listMunicipalities(db);
  const byNumber = new Map(municipalities.map((m) => [m.number, m]));
  const byId = new Map(municipalities.map((m) => [m.id, m]));
  const organisationIds = params.units?.map((number) => {
    const unit = byNumber.get(number);
    if (!unit) throw unknownUnit(number);
    return unit.id;
  });
  const filter = {
    ...(params.indicators ? { indicatorCodes: params.indicators } : {}),
    ...(params.years ? { fromYear: params.years.fromYear, toYear: params.years.toYear } : {}),
  };
  const published = readPublishedIndicatorValues(db, { ...filter, ...(organisationIds ? { organisationIds } : {}) }, today);
  const ownAsked =
    viewer !== null && byId.has(viewer.organisationId) && (!organisationIds || organisationIds.includes(viewer.organisationId));
  const own = ownAsked ? readOwnIndicatorValues(db, viewer.organisationId, filter) : [];
  const rows = [
    ...published
      .filter((r) => !ownAsked || r.organisationId !== viewer.organisationId)
      .map((r) => ({ ...r, status: "approved" as const, revisedOn: (r as { revisedOn?: string | null }).revisedOn ?? null })),
    ...own.map((r) => ({ ...r, revisedOn: null })),
  ];
  const values: OpenValue[] = [];
  for (const r of rows) {
    const unit = byId.get(r.organisationId);
    const def = getIndicator(r.indicatorCode);
    if (!unit || !def || !inYears(params.years, r.year)) continue;
    values.push({
      indicator: r.indicatorCode,
      unit: unit.number,
      unitName: unit.name,
      year: r.year,
      value: computeIndicatorValue(def, r.numerator, r.denominator),
      numerator: r.numerator,
      denominator: r.denominator,
      status: r.status,
      publishedOn: r.publishedOn,
      revisedOn: r.revisedOn,
      isDemo: r.isDemo,
    });
  }
  const order = new Map((INDICATORS as readonly IndicatorDefinition[]).map((d, i) => [d.code, i]));
  return values.sort(
    (a, b) => (order.get(a.indicator) ?? 0) - (order.get(b.indicator) ?? 0) || a.unit.localeCompare(b.unit) || a.year - b.year,
  );
}

export interface OpenStatistic {
  readonly indicator: string;
  readonly group: string;
  readonly year: number;
  /** Members with a figure. */
  readonly n: number;
  /** "hidden" when fewer than three members have a figure (docs/indicators.md#minimum-n): then no statistic is given. */
  readonly status: "shown" | "hidden";
  readonly q1: number | null;
  readonly median: number | null;
  readonly q3: number | null;
  readonly ratioOfSums: number | null;
  readonly isDemo: boolean;
}

/**
 * Peer statistics of published, approved figures, computed by the comparison pages' own function
 * (`buildBenchmarkSeries`), so a figure here equals the one on screen.
 */
export function readOpenStatistics(
  db: DbOrTx,
  params: StatisticsParams,
  today: string,
): { groups: OpenGroup[]; statistics: OpenStatistic[] } {
  const all = listOpenGroups(db);
  const groups = all.filter((g) => g.kind === params.group.kind && (params.group.id === null || g.code === params.group.id));
  if (groups.length === 0) throw unknownGroup(`${params.group.kind}:${params.group.id ?? ""}`);
  const years = publishedYears(listPublicationDates(db), today).filter((y) => inYears(params.years, y));
  const idOf = new Map(listMunicipalities(db).map((m) => [m.number, m.id]));
  const statistics: OpenStatistic[] = [];
  for (const code of params.indicators) {
    const indicator = getIndicator(code) as IndicatorDefinition;
    const rows = readPublishedIndicatorValues(
      db,
      { indicatorCodes: [code], fromYear: years[0] ?? 0, toYear: years[years.length - 1] ?? 0 },
      today,
    );
    for (const group of groups) {
      const peerIds = new Set(group.members.map((n) => idOf.get(n) ?? -1));
      const members = rows.filter((r) => peerIds.has(r.organisationId));
      const series = buildBenchmarkSeries({ indicator, years, rows, organisationId: -1, peerIds });
      for (const point of series) {
        const shown = point.peers.status === "shown" ? point.peers : null;
        statistics.push({
          indicator: code,
          group: group.id,
          year: point.year,
          n: point.peers.n,
          status: point.peers.status,
          q1: shown?.q1 ?? null,
          median: shown?.median ?? null,
          q3: shown?.q3 ?? null,
          ratioOfSums: shown?.ratioOfSums ?? null,
          isDemo: members.some((r) => r.year === point.year && r.isDemo),
        });
      }
    }
  }
  return { groups, statistics };
}
