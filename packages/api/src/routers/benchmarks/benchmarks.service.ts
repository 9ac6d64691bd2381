import {
  listIndicatorComputedAt,
  listIndicatorValues,
  listMunicipalities,
  listReportingYears,
  type CounterKey,
  type Db,
  type DraftVisibility,
} from "@malestokk/db";
import {
  assess,
  bandPosition,
  buildBenchmarkSeries,
  INDICATORS,
  rankOf,
  standOut,
  can,
  canEverywhere,
  getIndicator,
  organisationsWhere,
  choosePeerGroup,
  type PeerGroupKind,
  type SeriesPoint,
  type SizeClass,
} from "@malestokk/domain";

import { AppError } from "../../errors";
import { cached } from "./cache";
import { mapUnitsOf } from "./map-units";
import { counterAtSessionStamp, type Session } from "../../context";
import { requireMunicipality } from "../municipalities/municipalities.service";
import { listPeerUnits } from "../peers/peer-units";
import { requireVisiblePeerSet } from "../peers/peers.service";

export interface BenchmarkSeries {
  readonly indicatorCode: string;
  readonly municipalityNumber: string;
  readonly peerGroup: {
    readonly kind: PeerGroupKind | "custom";
    /** The group asked for, when it had fewer than three members and `kind` stands in for it (issue 20). */
    readonly standInFor: PeerGroupKind | null;
    readonly peerSetName: string | null;
    readonly sizeClass: SizeClass | null;
    readonly countyNumber: string | null;
    readonly countyName: string | null;
    readonly kostraGroup: string | null;
    readonly kostraGroupName: string | null;
    readonly kostraGroupApproximate: boolean;
    readonly members: number;
    /** The members by name, in Norwegian order: exports say whom the figures are compared with. */
    readonly memberNames: string[];
  };
  readonly points: (Omit<SeriesPoint, "own"> & {
    readonly own:
      | (NonNullable<SeriesPoint["own"]> & { readonly status: "draft" | "submitted" | "approved"; readonly isUnderCorrection: boolean })
      | null;
  })[];
  readonly isDemo: boolean;
}

/**
 * One municipality's indicator over all reporting years, against its size-class peers and the
 * nation. Peer and national statistics use approved figures only, the same for every reader; the
 * municipality's own draft is given beside them to readers who may see it.
 */
interface ReaderScope {
  /** Whose drafts the reader sees, as part of every cache key. */
  readonly key: string;
  /** What the reader's results follow: approved figures, and the drafts they may see. */
  readonly counters: readonly CounterKey[];
  readonly drafts: DraftVisibility;
}

/** Checks what the reader may ask for, and says whose drafts they see and so what their cached results depend on. */
function readerScope(db: Db, args: { municipalityNumber: string; peerSetId?: number | undefined }, session: Session): ReaderScope {
  requireMunicipality(db, args.municipalityNumber);
  if (args.peerSetId !== undefined) requireVisiblePeerSet(db, session, args.peerSetId);
  return scopeOf(session);
}

function scopeOf(session: Session): ReaderScope {
  if (canEverywhere(session.grants, "drafts.read"))
    return { key: "drafts:all", counters: ["dataVersion", "draftVersion"], drafts: { all: true } };
  const ids = [...organisationsWhere(session.grants, "drafts.read")].sort((a, b) => a - b);
  return {
    key: `drafts:${ids.join(",")}`,
    counters: ["dataVersion", ...ids.map((id) => `draftVersion:${id}` as const)],
    drafts: { all: false, organisationIds: new Set(ids) },
  };
}

/** The reads whose whole answer the server may keep: benchmarks.read procedures cached above by (input, reader scope, its counters). */
const ANSWER_CACHED_READS = new Set(["benchmarks.series", "benchmarks.profile", "benchmarks.indicator", "benchmarks.map"]);

/** Where a kept answer belongs and the data it was computed at; for a batch, where each call's own answer is kept. */
export interface AnswerCacheScope {
  readonly key: string;
  readonly version: string;
  /** A batch's calls, in order: the key of each call's answer kept alone, which is that call's part of the batch's answer. */
  readonly calls: readonly string[] | null;
}

/**
 * For the server's cache of whole answers (issue 21, point 7): the key and version under which the
 * answer to `path` with the raw JSON `input` may be kept and sent again, or null when it may not.
 * It is the rule of this file's own caches: an answer depends on its input, whose drafts the reader
 * sees and those counters. The procedures' access check is made here as theirs is (signed in,
 * benchmarks.read), so a kept answer never reaches a reader they would refuse; a saved peer set is
 * checked per reader (requireVisiblePeerSet), so such reads are always left to the procedure. A
 * batch (`path` names its calls, comma-separated; `input` holds theirs under "0", "1", …) is kept
 * only when every call in it may be, each under the key its call alone would have.
 */
export function answerCacheScope(
  db: Db,
  session: Session | null,
  call: { path: string; input: string; batched: boolean },
): AnswerCacheScope | null {
  const { path, input, batched } = call;
  if (!session || !can(session.grants, "benchmarks.read") || input.length > 1_000) return null;
  const paths = batched ? path.split(",") : [path];
  if (!paths.every((p) => ANSWER_CACHED_READS.has(p))) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(input);
  } catch {
    return null;
  }
  // A batch carries its calls' inputs as "0", "1", …: exactly one per call.
  const byIndex = batched && isPlainObject(parsed) && Object.keys(parsed).length === paths.length ? parsed : null;
  const inputs = batched ? (byIndex ? paths.map((_, i) => byIndex[String(i)]) : null) : [parsed];
  if (!inputs?.every((one) => isPlainObject(one) && !("peerSetId" in one))) return null;
  const scope = scopeOf(session);
  // Keyed by the input as JSON gives it, so a call alone and the same call in a batch share an answer.
  const calls = paths.map((p, i) => `single|${p}|${scope.key}|${JSON.stringify(inputs[i])}`);
  return {
    key: batched ? `batch|${path}|${scope.key}|${JSON.stringify(parsed)}` : (calls[0] ?? ""),
    // Read at the session lookup's change stamp, which this request's session check has just taken (issue 21, point 7).
    version: scope.counters.map((c) => counterAtSessionStamp(db, c)).join(":"),
    calls: batched ? calls : null,
  };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * One indicator's rows over the years as this reader may see them, shared by every municipality's
 * series and profile: a new municipality then costs statistics, not a read of 357 × 11 rows.
 */
function indicatorRows(db: Db, code: string, years: readonly number[], scope: ReaderScope) {
  return cached(
    db,
    `rows|${scope.key}|${code}|${years.join(",")}`,
    () => listIndicatorValues(db, code, years, scope.drafts),
    scope.counters,
  );
}

const APPROVED: ReaderScope = { key: "approved", counters: ["dataVersion"], drafts: { all: false, organisationIds: new Set() } };

/**
 * What statistics are computed from, and what the reader is shown: every organisation's approved
 * figure (or its last approved one under correction), save the chosen one's, which is as this
 * reader may see it (a draft beside the statistics, issue 20).
 */
function statisticsAndShown(db: Db, code: string, years: readonly number[], scope: ReaderScope, organisationId: number) {
  const statistics = indicatorRows(db, code, years, APPROVED);
  const own = indicatorRows(db, code, years, scope).filter((r) => r.organisationId === organisationId);
  return { statistics, own, shown: [...statistics.filter((r) => r.organisationId !== organisationId), ...own] };
}

/** The municipality, the years, the peer group and whose drafts the reader may see: shared by series and profile. */
function benchmarkContext(
  db: Db,
  args: { municipalityNumber: string; peerGroup?: PeerGroupKind | undefined; peerSetId?: number | undefined },
  session: Session,
) {
  const municipality = requireMunicipality(db, args.municipalityNumber);
  const years = listReportingYears(db).map((y) => y.year);
  // Reading every unit and population cost as much as the indicator itself: keep it while the register stands.
  const units = cached(db, "units", () => listPeerUnits(db), ["registerVersion"]);
  const self = units.find((u) => u.id === municipality.id) ?? { ...municipality, population: null };
  const peerSet = args.peerSetId === undefined ? null : requireVisiblePeerSet(db, session, args.peerSetId);
  const chosen = peerSet ? null : choosePeerGroup(units, self, args.peerGroup ?? "sizeClass");
  const group = chosen?.group ?? { kind: "custom" as const, members: new Set(peerSet?.memberIds ?? []) };
  const peerIds = group.members;
  const scope = scopeOf(session);
  const peerGroup: BenchmarkSeries["peerGroup"] = {
    kind: group.kind,
    standInFor: chosen?.standInFor ?? null,
    peerSetName: peerSet?.name ?? null,
    sizeClass: group.kind === "sizeClass" ? group.sizeClass : null,
    countyNumber: group.kind === "county" ? group.countyNumber : null,
    countyName: group.kind === "county" ? municipality.countyName : null,
    kostraGroup: group.kind === "kostra" ? group.kostraGroup : null,
    kostraGroupName: group.kind === "kostra" ? municipality.kostraGroupName : null,
    kostraGroupApproximate: group.kind === "kostra" && municipality.kostraGroupApproximate,
    members: peerIds.size,
    memberNames: units
      .filter((u) => peerIds.has(u.id))
      .map((u) => u.name)
      .sort((a, b) => a.localeCompare(b, "nb")),
  };
  return { municipality, years, peerIds, scope, peerGroup };
}

export function getBenchmarkSeries(
  db: Db,
  args: { indicatorCode: string; municipalityNumber: string; peerGroup?: PeerGroupKind | undefined; peerSetId?: number | undefined },
  session: Session,
): BenchmarkSeries {
  const indicator = getIndicator(args.indicatorCode);
  if (!indicator) throw new AppError("NOT_FOUND", { params: { indicatorCode: args.indicatorCode } });
  const scope = readerScope(db, args, session);
  const key = `series|${scope.key}|${indicator.code}|${args.municipalityNumber}|${args.peerGroup ?? ""}|${args.peerSetId ?? ""}`;
  return cached(db, key, () => computeBenchmarkSeries(db, indicator, args, session), scope.counters);
}

function computeBenchmarkSeries(
  db: Db,
  indicator: NonNullable<ReturnType<typeof getIndicator>>,
  args: { municipalityNumber: string; peerGroup?: PeerGroupKind | undefined; peerSetId?: number | undefined },
  session: Session,
): BenchmarkSeries {
  const { municipality, years, peerIds, scope, peerGroup } = benchmarkContext(db, args, session);
  const { statistics, own } = statisticsAndShown(db, indicator.code, years, scope, municipality.id);
  const ownRow = new Map(own.map((r) => [r.year, r]));
  return {
    indicatorCode: indicator.code,
    municipalityNumber: municipality.number,
    peerGroup,
    points: buildBenchmarkSeries({ indicator, years, rows: statistics, ownRows: own, organisationId: municipality.id, peerIds }).map(
      (p) => ({
        ...p,
        own: p.own
          ? {
              ...p.own,
              status: ownRow.get(p.year)?.status ?? "approved",
              isUnderCorrection: ownRow.get(p.year)?.isUnderCorrection ?? false,
            }
          : null,
      }),
    ),
    isDemo: statistics.some((r) => r.isDemo) || own.some((r) => r.isDemo),
  };
}

/**
 * "Min kommune": every indicator for one year against the peer group (median, quartile band,
 * percentile rank and rank with n, the national ratio of sums), the own trend over the years, the
 * position read by the indicator's direction, and the three that stand out most.
 */
export function getProfile(
  db: Db,
  args: { municipalityNumber: string; year?: number | undefined; peerGroup?: PeerGroupKind | undefined; peerSetId?: number | undefined },
  session: Session,
) {
  const scope = readerScope(db, args, session);
  const key = `profile|${scope.key}|${args.municipalityNumber}|${args.year ?? ""}|${args.peerGroup ?? ""}|${args.peerSetId ?? ""}`;
  return cached(db, key, () => computeProfile(db, args, session), scope.counters);
}

function computeProfile(
  db: Db,
  args: { municipalityNumber: string; year?: number | undefined; peerGroup?: PeerGroupKind | undefined; peerSetId?: number | undefined },
  session: Session,
) {
  const { municipality, years, peerIds, scope, peerGroup } = benchmarkContext(db, args, session);
  const year = args.year ?? years.at(-1) ?? 0;
  if (!years.includes(year)) throw new AppError("YEAR_OUT_OF_RANGE", { params: { min: years[0] ?? 0, max: years.at(-1) ?? 0 } });
  const items = INDICATORS.map((indicator) => {
    const { statistics: rows, own } = statisticsAndShown(db, indicator.code, years, scope, municipality.id);
    const points = buildBenchmarkSeries({ indicator, years, rows, ownRows: own, organisationId: municipality.id, peerIds });
    const point = points.find((p) => p.year === year);
    const value = point?.own?.value ?? null;
    const peerValues = rows
      .filter((r) => r.year === year && r.denominator > 0 && peerIds.has(r.organisationId) && r.organisationId !== municipality.id)
      .map((r) => (r.numerator / r.denominator) * indicator.scale);
    const order = indicator.direction === "higher" ? "descending" : "ascending";
    const position = value === null || !point ? null : bandPosition(value, point.peers);
    const ownRow = own.find((r) => r.year === year);
    return {
      code: indicator.code,
      dimension: indicator.dimension,
      value,
      numerator: point?.own?.numerator ?? null,
      denominator: point?.own?.denominator ?? null,
      status: ownRow?.status ?? null,
      isUnderCorrection: ownRow?.isUnderCorrection ?? false,
      isDemo: ownRow?.isDemo ?? false,
      peers: point?.peers ?? { status: "hidden" as const, n: 0, reason: "TOO_FEW_MEMBERS" as const },
      percentile: point?.percentile ?? null,
      rank: value === null ? null : rankOf([...peerValues, value], value, order),
      rankOf: value === null ? peerValues.length : peerValues.length + 1,
      national: point?.national ?? { n: 0, ratioOfSums: null },
      position,
      assessment: position ? assess(indicator.direction, position) : null,
      trend: points.map((p) => ({ year: p.year, value: p.own?.value ?? null, median: p.peers.status === "shown" ? p.peers.median : null })),
    };
  });
  return {
    municipalityNumber: municipality.number,
    municipalityName: municipality.name,
    year,
    peerGroup,
    items,
    standOut: standOut(items).map((s) => ({ code: s.item.code, position: s.position, distance: s.distance })),
  };
}

/**
 * One indicator for one municipality: the distribution over its peer group in a year (named, own
 * marked), the series over the years, an optional second indicator for a scatter, and where the
 * own figure comes from.
 */
export function getIndicatorDetail(
  db: Db,
  args: {
    indicatorCode: string;
    municipalityNumber: string;
    year?: number | undefined;
    against?: string | undefined;
    peerGroup?: PeerGroupKind | undefined;
    peerSetId?: number | undefined;
  },
  session: Session,
) {
  const scope = readerScope(db, args, session);
  const key = `indicator|${scope.key}|${args.indicatorCode}|${args.municipalityNumber}|${args.year ?? ""}|${args.against ?? ""}|${args.peerGroup ?? ""}|${args.peerSetId ?? ""}`;
  return cached(db, key, () => computeIndicatorDetail(db, args, session), scope.counters);
}

function computeIndicatorDetail(
  db: Db,
  args: {
    indicatorCode: string;
    municipalityNumber: string;
    year?: number | undefined;
    against?: string | undefined;
    peerGroup?: PeerGroupKind | undefined;
    peerSetId?: number | undefined;
  },
  session: Session,
) {
  const indicator = getIndicator(args.indicatorCode);
  if (!indicator) throw new AppError("NOT_FOUND", { params: { indicatorCode: args.indicatorCode } });
  const second = args.against === undefined ? null : getIndicator(args.against);
  if (args.against !== undefined && !second) throw new AppError("NOT_FOUND", { params: { indicatorCode: args.against } });
  const { municipality, years, peerIds, scope, peerGroup } = benchmarkContext(db, args, session);
  const year = args.year ?? years.at(-1) ?? 0;
  if (!years.includes(year)) throw new AppError("YEAR_OUT_OF_RANGE", { params: { min: years[0] ?? 0, max: years.at(-1) ?? 0 } });
  const names = cached(db, "names", () => new Map(listMunicipalities(db).map((m) => [m.id, { number: m.number, name: m.name }])), [
    "registerVersion",
  ]);
  const members = new Set([...peerIds, municipality.id]);
  const { statistics, own, shown: rows } = statisticsAndShown(db, indicator.code, years, scope, municipality.id);
  const valueOf = (r: { numerator: number; denominator: number }, def: typeof indicator) =>
    r.denominator > 0 ? (r.numerator / r.denominator) * def.scale : null;
  const distribution = rows
    .filter((r) => r.year === year && members.has(r.organisationId))
    .flatMap((r) => {
      const value = valueOf(r, indicator);
      const unit = names.get(r.organisationId);
      // The denominator says how many answered, for survey indicators (fewer than 10: uncertain).
      return value === null || !unit
        ? []
        : [
            {
              ...unit,
              value,
              denominator: r.denominator,
              own: r.organisationId === municipality.id,
              status: r.status,
              isUnderCorrection: r.isUnderCorrection,
              isDemo: r.isDemo,
            },
          ];
    })
    .sort((a, b) => a.value - b.value);
  const missing = [...members].filter((id) => !distribution.some((d) => d.number === names.get(id)?.number)).length;
  const scatter = (() => {
    if (!second) return null;
    const other = new Map(
      statisticsAndShown(db, second.code, years, scope, municipality.id)
        .shown.filter((r) => r.year === year && members.has(r.organisationId))
        .map((r) => [r.organisationId, valueOf(r, second)] as const),
    );
    return rows
      .filter((r) => r.year === year && members.has(r.organisationId))
      .flatMap((r) => {
        const x = valueOf(r, indicator);
        const y = other.get(r.organisationId) ?? null;
        const unit = names.get(r.organisationId);
        return x === null || y === null || !unit ? [] : [{ ...unit, x, y, own: r.organisationId === municipality.id }];
      });
  })();
  const ownRow = own.find((r) => r.year === year);
  // When a value this reader may not see was computed (a draft's last save) is not theirs to know either.
  const computedAt = ownRow && !ownRow.isUnderCorrection ? listIndicatorComputedAt(db, indicator.code, municipality.id, year) : null;
  return {
    indicator: {
      code: indicator.code,
      name: indicator.name,
      description: indicator.description,
      unit: indicator.unit,
      decimals: indicator.decimals,
      direction: indicator.direction,
      dimension: indicator.dimension,
      numerator: indicator.numerator,
      denominator: indicator.denominator,
      scale: indicator.scale,
    },
    against: second ? { code: second.code, name: second.name, unit: second.unit } : null,
    municipalityNumber: municipality.number,
    municipalityName: municipality.name,
    year,
    peerGroup,
    distribution,
    missing,
    series: buildBenchmarkSeries({ indicator, years, rows: statistics, ownRows: own, organisationId: municipality.id, peerIds }).map(
      (p) => ({
        year: p.year,
        own: p.own?.value ?? null,
        ownDenominator: p.own?.denominator ?? null,
        median: p.peers.status === "shown" ? p.peers.median : null,
        national: p.national.ratioOfSums,
      }),
    ),
    scatter,
    freshness: {
      status: ownRow?.status ?? null,
      isUnderCorrection: ownRow?.isUnderCorrection ?? false,
      isDemo: ownRow?.isDemo ?? false,
      computedAt,
    },
  };
}

/**
 * Head to head: chosen units side by side on chosen indicators, every reporting year (the reader's
 * draft visibility applies). Missing stays missing.
 */
export function compareUnits(db: Db, args: { numbers: readonly string[]; codes: readonly string[] }, session: Session) {
  const years = listReportingYears(db).map((y) => y.year);
  const units = args.numbers.map((n) => requireMunicipality(db, n));
  const ids = new Set(units.map((u) => u.id));
  const scope = scopeOf(session);
  const indicators = args.codes.map((code) => {
    const indicator = getIndicator(code);
    if (!indicator) throw new AppError("NOT_FOUND", { params: { indicatorCode: code } });
    return indicator;
  });
  const values = indicators.flatMap((indicator) =>
    indicatorRows(db, indicator.code, years, scope)
      .filter((r) => ids.has(r.organisationId) && r.denominator > 0)
      .map((r) => ({
        code: indicator.code,
        number: units.find((u) => u.id === r.organisationId)?.number ?? "",
        year: r.year,
        value: (r.numerator / r.denominator) * indicator.scale,
        status: r.status,
        isUnderCorrection: r.isUnderCorrection,
        isDemo: r.isDemo,
      })),
  );
  return { years, units: units.map((u) => ({ number: u.number, name: u.name })), codes: indicators.map((i) => i.code), values };
}

/** What the map asks for: an indicator, and optionally the year, a municipality and its peer group. */
interface MapArgs {
  readonly indicatorCode: string;
  readonly municipalityNumber?: string | undefined;
  readonly year?: number | undefined;
  readonly peerGroup?: PeerGroupKind | undefined;
  readonly peerSetId?: number | undefined;
}

/**
 * The map (issue 24): one indicator's figure for every municipality in a year, each with its county, and,
 * when a municipality is chosen, which ones are its peer group. Every figure is the approved one (the
 * last approved under correction), save the chosen municipality's, which is as this reader may see it.
 */
export function getMapFigures(db: Db, args: MapArgs, session: Session) {
  const scope =
    args.municipalityNumber === undefined
      ? scopeOf(session)
      : readerScope(db, { ...args, municipalityNumber: args.municipalityNumber }, session);
  const key = `map|${scope.key}|${args.indicatorCode}|${args.municipalityNumber ?? ""}|${args.year ?? ""}|${args.peerGroup ?? ""}|${args.peerSetId ?? ""}`;
  return cached(db, key, () => computeMapFigures(db, args, session), scope.counters);
}

function computeMapFigures(db: Db, args: MapArgs, session: Session) {
  const indicator = getIndicator(args.indicatorCode);
  if (!indicator) throw new AppError("NOT_FOUND", { params: { indicatorCode: args.indicatorCode } });
  const years = listReportingYears(db).map((y) => y.year);
  const year = args.year ?? years.at(-1) ?? 0;
  if (!years.includes(year)) throw new AppError("YEAR_OUT_OF_RANGE", { params: { min: years[0] ?? 0, max: years.at(-1) ?? 0 } });
  const chosen =
    args.municipalityNumber === undefined ? null : benchmarkContext(db, { ...args, municipalityNumber: args.municipalityNumber }, session);
  const rows = chosen
    ? statisticsAndShown(db, indicator.code, years, chosen.scope, chosen.municipality.id).shown
    : indicatorRows(db, indicator.code, years, APPROVED);
  const byId = new Map(rows.filter((r) => r.year === year).map((r) => [r.organisationId, r]));
  const drawn = mapUnitsOf(db, indicator, byId);
  const { municipalities } = drawn;
  const units = drawn.units.map(({ row, ...unit }) => ({
    ...unit,
    isUnderCorrection: row?.isUnderCorrection ?? false,
    isDemo: row?.isDemo ?? false,
  }));
  const numberOf = new Map(municipalities.map((m) => [m.id, m.number]));
  return {
    indicatorCode: indicator.code,
    year,
    municipalityNumber: chosen?.municipality.number ?? null,
    municipalityName: chosen?.municipality.name ?? null,
    peerGroup: chosen?.peerGroup ?? null,
    peerNumbers: chosen ? [...chosen.peerIds].flatMap((id) => numberOf.get(id) ?? []).sort() : [],
    counties: drawn.counties,
    units,
    isDemo: units.some((u) => u.isDemo),
  };
}
