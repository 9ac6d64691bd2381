import {
  listIndicatorValues,
  listLatestPopulations,
  listMunicipalities,
  listReportingYears,
  type Db,
} from "@malestokk/db";
import {
  buildBenchmarkSeries,
  canEverywhere,
  getIndicator,
  organisationsWhere,
  sizeClassOf,
  type RoleGrant,
  type SeriesPoint,
  type SizeClass,
} from "@malestokk/domain";

import { AppError } from "../../errors";
import { requireMunicipality } from "../municipalities/municipalities.service";

export interface BenchmarkSeries {
  readonly indicatorCode: string;
  readonly municipalityNumber: string;
  readonly peerGroup: { readonly kind: "sizeClass"; readonly sizeClass: SizeClass | null; readonly members: number };
  readonly points: (Omit<SeriesPoint, "own"> & {
    readonly own: (NonNullable<SeriesPoint["own"]> & { readonly status: "draft" | "submitted" | "approved" }) | null;
  })[];
  readonly isDemo: boolean;
}

/**
 * One municipality's indicator over all reporting years, against its size-class peers and the
 * nation. Values not yet approved count only for readers who may see that organisation's drafts,
 * so peer statistics never leak another municipality's draft.
 */
export function getBenchmarkSeries(
  db: Db,
  args: { indicatorCode: string; municipalityNumber: string },
  grants: readonly RoleGrant[],
): BenchmarkSeries {
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
  const drafts = canEverywhere(grants, "drafts.read")
    ? ({ all: true } as const)
    : ({ all: false, organisationIds: organisationsWhere(grants, "drafts.read") } as const);
  const rows = listIndicatorValues(db, indicator.code, years, drafts);
  const ownStatus = new Map(rows.filter((r) => r.organisationId === municipality.id).map((r) => [r.year, r.status]));
  return {
    indicatorCode: indicator.code,
    municipalityNumber: municipality.number,
    peerGroup: { kind: "sizeClass", sizeClass, members: peerIds.size },
    points: buildBenchmarkSeries({ indicator, years, rows, organisationId: municipality.id, peerIds }).map((p) => ({
      ...p,
      own: p.own ? { ...p.own, status: ownStatus.get(p.year) ?? "approved" } : null,
    })),
    isDemo: rows.some((r) => r.isDemo),
  };
}
