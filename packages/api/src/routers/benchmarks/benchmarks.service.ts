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
  selectPeers,
  type PeerGroupKind,
  type RoleGrant,
  type SeriesPoint,
  type SizeClass,
} from "@malestokk/domain";

import { AppError } from "../../errors";
import type { Session } from "../../context";
import { requireMunicipality } from "../municipalities/municipalities.service";
import { requireVisiblePeerSet } from "../peers/peers.service";

export interface BenchmarkSeries {
  readonly indicatorCode: string;
  readonly municipalityNumber: string;
  readonly peerGroup: {
    readonly kind: PeerGroupKind | "custom";
    readonly peerSetName: string | null;
    readonly sizeClass: SizeClass | null;
    readonly countyNumber: string | null;
    readonly countyName: string | null;
    readonly kostraGroup: string | null;
    readonly kostraGroupName: string | null;
    readonly kostraGroupApproximate: boolean;
    readonly members: number;
  };
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
  args: { indicatorCode: string; municipalityNumber: string; peerGroup?: PeerGroupKind | undefined; peerSetId?: number | undefined },
  session: Session,
): BenchmarkSeries {
  const grants: readonly RoleGrant[] = session.grants;
  const indicator = getIndicator(args.indicatorCode);
  if (!indicator) throw new AppError("NOT_FOUND", { params: { indicatorCode: args.indicatorCode } });
  const municipality = requireMunicipality(db, args.municipalityNumber);
  const years = listReportingYears(db).map((y) => y.year);
  const latest = listLatestPopulations(db);
  const units = listMunicipalities(db).map((m) => ({
    id: m.id,
    number: m.number,
    countyNumber: m.countyNumber,
    population: latest.get(m.id) ?? null,
    kostraGroup: m.kostraGroup,
  }));
  const self = units.find((u) => u.id === municipality.id) ?? { ...municipality, population: null };
  const peerSet = args.peerSetId === undefined ? null : requireVisiblePeerSet(db, session, args.peerSetId);
  const group = peerSet
    ? { kind: "custom" as const, members: new Set(peerSet.memberIds) }
    : selectPeers(units, self, args.peerGroup ?? "sizeClass");
  const peerIds = group.members;
  const drafts = canEverywhere(grants, "drafts.read")
    ? ({ all: true } as const)
    : ({ all: false, organisationIds: organisationsWhere(grants, "drafts.read") } as const);
  const rows = listIndicatorValues(db, indicator.code, years, drafts);
  const ownStatus = new Map(rows.filter((r) => r.organisationId === municipality.id).map((r) => [r.year, r.status]));
  return {
    indicatorCode: indicator.code,
    municipalityNumber: municipality.number,
    peerGroup: {
      kind: group.kind,
      peerSetName: peerSet?.name ?? null,
      sizeClass: group.kind === "sizeClass" ? group.sizeClass : null,
      countyNumber: group.kind === "county" ? group.countyNumber : null,
      countyName: group.kind === "county" ? municipality.countyName : null,
      kostraGroup: group.kind === "kostra" ? group.kostraGroup : null,
      kostraGroupName: group.kind === "kostra" ? municipality.kostraGroupName : null,
      kostraGroupApproximate: group.kind === "kostra" && municipality.kostraGroupApproximate,
      members: peerIds.size,
    },
    points: buildBenchmarkSeries({ indicator, years, rows, organisationId: municipality.id, peerIds }).map((p) => ({
      ...p,
      own: p.own ? { ...p.own, status: ownStatus.get(p.year) ?? "approved" } : null,
    })),
    isDemo: rows.some((r) => r.isDemo),
  };
}
