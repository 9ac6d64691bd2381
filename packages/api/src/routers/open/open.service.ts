import {
  listMunicipalities,
  listPublicationDates,
  listPublishedValueHistory,
  readPublishedIndicatorValues,
  type Db,
  type PublishedIndicatorValue,
} from "@malestokk/db";
import {
  computeIndicatorValue,
  getIndicator,
  INDICATORS,
  osloToday,
  publishedYears,
  summarizePeers,
  type PeerSummary,
} from "@malestokk/domain";

import { AppError } from "../../errors";
import { cached } from "../benchmarks/cache";
import { mapUnitsOf } from "../benchmarks/map-units";
import { requireMunicipality } from "../municipalities/municipalities.service";

/**
 * The open pages' reads (docs/open-data.md#open-pages): published figures only, for anyone, through
 * `readPublishedIndicatorValues`, the one place public figures come from. Statistics are the screens'
 * (`summarizePeers`: ratio of sums, median, quartiles, n, hidden when n < 3) over every unit with a published value.
 */

export interface OpenYear {
  readonly year: number;
  readonly publishedOn: string;
}

/** The published years as of today, and a key that changes when a date or the day does (for the cache). */
function publicationOf(db: Db, now: Date): { today: string; years: OpenYear[]; key: string } {
  const today = osloToday(now);
  const dates = listPublicationDates(db);
  const open = new Set(publishedYears(dates, today));
  const years = dates.flatMap((d) => (open.has(d.year) && d.publishedOn ? [{ year: d.year, publishedOn: d.publishedOn }] : []));
  return { today, years, key: `${today}|${years.map((y) => `${y.year}=${y.publishedOn}`).join(",")}` };
}

function scaled(indicatorCode: string, rows: readonly PublishedIndicatorValue[]) {
  const scale = getIndicator(indicatorCode)?.scale ?? 1;
  return rows.filter((r) => r.denominator > 0).map((r) => ({ numerator: r.numerator * scale, denominator: r.denominator }));
}

/** Every published value of one indicator, cached until a figure or a publication date changes. */
function publishedOf(db: Db, indicatorCode: string, publication: ReturnType<typeof publicationOf>): PublishedIndicatorValue[] {
  return cached(db, `open:values:${indicatorCode}:${publication.key}`, () =>
    readPublishedIndicatorValues(db, { indicatorCodes: [indicatorCode] }, publication.today),
  );
}

function byYear(rows: readonly PublishedIndicatorValue[]): Map<number, PublishedIndicatorValue[]> {
  const map = new Map<number, PublishedIndicatorValue[]>();
  for (const r of rows) map.set(r.year, [...(map.get(r.year) ?? []), r]);
  return map;
}

export interface OpenPoint {
  readonly year: number;
  readonly value: number | null;
  readonly revisedOn: string | null;
  /** Every unit with a published value that year. */
  readonly national: PeerSummary;
}

/** One municipality's published figures: each indicator it has a published value of, per published year, beside the nation. */
export function getOpenMunicipality(db: Db, municipalityNumber: string, now: Date) {
  const municipality = requireMunicipality(db, municipalityNumber);
  const publication = publicationOf(db, now);
  let isDemo = false;
  const indicators = INDICATORS.flatMap((indicator) => {
    const rows = publishedOf(db, indicator.code, publication);
    const years = byYear(rows);
    const points: OpenPoint[] = publication.years.map(({ year }) => {
      const all = years.get(year) ?? [];
      const own = all.find((r) => r.organisationId === municipality.id) ?? null;
      if (own?.isDemo) isDemo = true;
      return {
        year,
        value: own ? computeIndicatorValue(indicator, own.numerator, own.denominator) : null,
        revisedOn: own?.revisedOn ?? null,
        national: summarizePeers(scaled(indicator.code, all)),
      };
    });
    return points.some((p) => p.value !== null) ? [{ indicatorCode: indicator.code, points }] : [];
  });
  return {
    municipality: { number: municipality.number, name: municipality.name, countyName: municipality.countyName },
    years: publication.years,
    indicators,
    isDemo,
  };
}

/**
 * One indicator's published values for one year (the newest published by default), every unit with its
 * value and revision date, and the statistics of every published year.
 */
export function getOpenIndicator(db: Db, input: { indicatorCode: string; year?: number | undefined }, now: Date) {
  const indicator = getIndicator(input.indicatorCode);
  if (!indicator) throw new AppError("NOT_FOUND", { params: { indicatorCode: input.indicatorCode } });
  const publication = publicationOf(db, now);
  const rows = publishedOf(db, indicator.code, publication);
  const years = byYear(rows);
  const year = input.year ?? publication.years.at(-1)?.year ?? null;
  // An unpublished year is not there at all, as if it did not exist.
  if (year !== null && !publication.years.some((y) => y.year === year)) throw new AppError("NOT_FOUND", { params: { year } });
  const names = new Map(listMunicipalities(db).map((m) => [m.id, m]));
  const values = (year === null ? [] : (years.get(year) ?? [])).flatMap((r) => {
    const unit = names.get(r.organisationId);
    const value = computeIndicatorValue(indicator, r.numerator, r.denominator);
    return unit && value !== null ? [{ municipalityNumber: unit.number, name: unit.name, value, revisedOn: r.revisedOn }] : [];
  });
  return {
    indicatorCode: indicator.code,
    year,
    years: publication.years.map((y) => ({ ...y, statistics: summarizePeers(scaled(indicator.code, years.get(y.year) ?? [])) })),
    values,
    isDemo: rows.some((r) => r.isDemo),
  };
}

/** The earlier published values of one figure, newest first: what a revision replaced. */
export function getOpenValueHistory(db: Db, input: { indicatorCode: string; municipalityNumber: string; year: number }, now: Date) {
  const indicator = getIndicator(input.indicatorCode);
  if (!indicator) throw new AppError("NOT_FOUND", { params: { indicatorCode: input.indicatorCode } });
  const municipality = requireMunicipality(db, input.municipalityNumber);
  return listPublishedValueHistory(
    db,
    { indicatorCode: indicator.code, organisationId: municipality.id, year: input.year },
    osloToday(now),
  ).map((r) => ({ value: computeIndicatorValue(indicator, r.numerator, r.denominator), revisedOn: r.revisedOn }));
}

/**
 * Every municipality's published figure of one indicator in one published year (the newest by default), for the
 * open pages' map (issue 24): a unit without a published value is drawn as having none. The components come
 * along, as the open data API gives them, so the map's county view divides sums and hides a county with fewer
 * than three values, as the screens do. An unpublished year is not there at all.
 */
export function getOpenMap(db: Db, input: { indicatorCode: string; year?: number | undefined }, now: Date) {
  const indicator = getIndicator(input.indicatorCode);
  if (!indicator) throw new AppError("NOT_FOUND", { params: { indicatorCode: input.indicatorCode } });
  const publication = publicationOf(db, now);
  const year = input.year ?? publication.years.at(-1)?.year ?? null;
  if (year !== null && !publication.years.some((y) => y.year === year)) throw new AppError("NOT_FOUND", { params: { year } });
  const rows = year === null ? [] : publishedOf(db, indicator.code, publication).filter((r) => r.year === year);
  const { counties, units } = mapUnitsOf(db, indicator, new Map(rows.map((r) => [r.organisationId, r])));
  return {
    indicatorCode: indicator.code,
    year,
    counties,
    units: units.map(({ row: _row, ...unit }) => unit),
    isDemo: rows.some((r) => r.isDemo),
  };
}
