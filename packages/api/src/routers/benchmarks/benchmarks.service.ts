import {
  listIndicatorValues,
  listLatestPopulations,
  listMunicipalities,
  listReportingYears,
  type Db,
} from "@malestokk/db";
import { buildBenchmarkSeries, getIndicator, sizeClassOf, type SeriesPoint, type SizeClass } from "@malestokk/domain";

import { AppError } from "../../errors";
import { requireMunicipality } from "../municipalities/municipalities.service";

export interface BenchmarkSeries {
  readonly indicatorCode: string;
  readonly municipalityNumber: string;
  readonly peerGroup: { readonly kind: "sizeClass"; readonly sizeClass: SizeClass | null; readonly members: number };
  readonly points: SeriesPoint[];
  readonly isDemo: boolean;
}

/** One municipality's indicator over all reporting years, against its size-class peers and the nation. */
export function getBenchmarkSeries(db: Db, args: { indicatorCode: string; municipalityNumber: string }): BenchmarkSeries {
  const indicator = getIndicator(args.indicatorCode);
  if (!indicator) throw new AppError("NOT_FOUND", { params: { indicatorCode: args.indicatorCode } });
  const municipality = requireMunicipality(db, args.municipalityNumber);
  const years = listReportingYears(db).map((y) => y.year);
  const latest = listLatestPopulations(db);
  const ownPopulation = latest.get(municipality.id);
  const sizeClass = ownPopulation === undefined ? null : sizeClassOf(ownPopulation);
  const peerIds = new Set<number>();
  if (sizeClass !== null) {
    for (const m of listMunicipalities(db)) {
      const population = latest.get(m.id);
      if (population !== undefined && sizeClassOf(population) === sizeClass) peerIds.add(m.id);
    }
  }
  const rows = listIndicatorValues(db, indicator.code, years);
  return {
    indicatorCode: indicator.code,
    municipalityNumber: municipality.number,
    peerGroup: { kind: "sizeClass", sizeClass, members: peerIds.size },
    points: buildBenchmarkSeries({ indicator, years, rows, organisationId: municipality.id, peerIds }),
    isDemo: rows.some((r) => r.isDemo),
  };
}
