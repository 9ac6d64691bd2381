import { and, eq, inArray, isNotNull } from "drizzle-orm";
import {
  allocateLines,
  allocationMember,
  allocationWeights,
  IT_SERVICES,
  type AllocationBasis,
  type AllocationKey,
  type AllocationWeights,
  type ComponentCode,
  type CostLine,
  type ReportStatus,
} from "@malestokk/domain";

import type { DbOrTx } from "../client";
import { cooperativeMembers, costLines, costReports, organisations, populations, systems } from "../schema/index";

export interface CooperativeAllocation {
  readonly cooperativeId: number;
  readonly cooperativeNumber: string;
  readonly cooperativeName: string;
  readonly year: number;
  readonly status: ReportStatus;
  readonly isDemo: boolean;
  readonly key: AllocationKey;
  readonly members: readonly {
    readonly id: number;
    readonly number: string;
    readonly population: number | null;
    readonly itUserAccounts: number | null;
    readonly fixedShare: number | null;
    /** Where the member's weight comes from; null: it is missing. */
    readonly basis: AllocationBasis | null;
  }[];
  readonly weights: AllocationWeights;
  /** Each member's part of each line (empty while the weights are incomplete). */
  readonly memberLines: ReadonlyMap<number, Pick<CostLine, "service" | "costType" | "systemId" | "amount">[]>;
}

/** Fixed shares as stored: member municipality number → basis points. */
export function parseShares(json: string | null): Map<string, number> {
  if (!json) return new Map();
  try {
    const parsed = JSON.parse(json) as Record<string, unknown>;
    return new Map(Object.entries(parsed).flatMap(([number, bp]) => (typeof bp === "number" ? [[number, bp] as const] : [])));
  } catch {
    return new Map();
  }
}

/**
 * The cooperatives' reports with an allocation key, and how each divides its lines between its
 * members for the year: weights from the members' figures as last approved (IT user accounts, a
 * population override) or the registered population, or the fixed shares. A member's draft never
 * counts (ADR 007).
 */
export function listCooperativeAllocations(
  db: DbOrTx,
  filter: { readonly year?: number; readonly cooperativeIds?: readonly number[]; readonly approvedOnly: boolean },
): CooperativeAllocation[] {
  const conditions = [eq(organisations.kind, "itCooperative")];
  if (filter.year !== undefined) conditions.push(eq(costReports.year, filter.year));
  if (filter.cooperativeIds) conditions.push(inArray(costReports.organisationId, [...filter.cooperativeIds]));
  if (filter.approvedOnly) conditions.push(eq(costReports.status, "approved"));
  const reports = db
    .select({
      id: costReports.id,
      cooperativeId: costReports.organisationId,
      number: organisations.number,
      name: organisations.name,
      year: costReports.year,
      status: costReports.status,
      isDemo: costReports.isDemo,
      key: costReports.allocationKey,
      shares: costReports.allocationShares,
    })
    .from(costReports)
    .innerJoin(organisations, eq(organisations.id, costReports.organisationId))
    .where(and(...conditions))
    .all()
    .filter((r): r is typeof r & { key: AllocationKey } => r.key !== null);
  return reports.map((r) => {
    const memberRows = db
      .select({ id: cooperativeMembers.municipalityId, number: organisations.number })
      .from(cooperativeMembers)
      .innerJoin(organisations, eq(organisations.id, cooperativeMembers.municipalityId))
      .where(eq(cooperativeMembers.cooperativeId, r.cooperativeId))
      .all();
    const memberIds = memberRows.map((m) => m.id);
    const published = new Map(
      memberIds.length === 0
        ? []
        : db
            .select({ id: populations.organisationId, value: populations.value })
            .from(populations)
            .where(and(eq(populations.year, r.year), inArray(populations.organisationId, memberIds)))
            .all()
            .map((p) => [p.id, p.value] as const),
    );
    const approvedFigures = new Map(
      memberIds.length === 0
        ? []
        : db
            .select({
              id: costReports.organisationId,
              itUserAccounts: costReports.approvedItUserAccounts,
              populationOverride: costReports.approvedPopulationOverride,
            })
            .from(costReports)
            .where(and(eq(costReports.year, r.year), inArray(costReports.organisationId, memberIds), isNotNull(costReports.approvedAt)))
            .all()
            .map(({ id, ...figures }) => [id, figures] as const),
    );
    const shares = parseShares(r.shares);
    const members = memberRows.map(({ id, number }) => ({
      number,
      ...allocationMember(r.key, {
        id,
        registeredPopulation: published.get(id) ?? null,
        approved: approvedFigures.get(id) ?? null,
        fixedShare: shares.get(number) ?? null,
      }),
    }));
    const weights = allocationWeights(r.key, members);
    const lines = db
      .select({ service: costLines.service, costType: costLines.costType, systemId: costLines.systemId, amount: costLines.amount })
      .from(costLines)
      .where(eq(costLines.reportId, r.id))
      .all();
    return {
      cooperativeId: r.cooperativeId,
      cooperativeNumber: r.number,
      cooperativeName: r.name,
      year: r.year,
      status: r.status,
      isDemo: r.isDemo,
      key: r.key,
      members,
      weights,
      memberLines: weights.ok ? allocateLines(lines, weights.weights) : new Map(),
    };
  });
}

/** The cooperatives a municipality belongs to. */
export function cooperativesOf(db: DbOrTx, municipalityId: number): number[] {
  return db
    .select({ id: cooperativeMembers.cooperativeId })
    .from(cooperativeMembers)
    .where(eq(cooperativeMembers.municipalityId, municipalityId))
    .all()
    .map((c) => c.id);
}

export function membersOf(db: DbOrTx, cooperativeId: number): number[] {
  return db
    .select({ id: cooperativeMembers.municipalityId })
    .from(cooperativeMembers)
    .where(eq(cooperativeMembers.cooperativeId, cooperativeId))
    .all()
    .map((m) => m.id);
}

export interface AllocatedComponents {
  readonly components: Partial<Record<ComponentCode, number>>;
  readonly isDemo: boolean;
}

/**
 * What approved cooperative reports add to each member's components ("organisationId:year"):
 * the total, each service, and each fagsystem class of the cooperative's systems.
 */
export function allocatedComponents(db: DbOrTx, scope: { organisationId: number; year: number } | null): Map<string, AllocatedComponents> {
  const allocations = scope
    ? listCooperativeAllocations(db, { year: scope.year, cooperativeIds: cooperativesOf(db, scope.organisationId), approvedOnly: true })
    : listCooperativeAllocations(db, { approvedOnly: true });
  const result = new Map<string, AllocatedComponents>();
  if (allocations.length === 0) return result;
  const classOf = new Map(
    db
      .select({ id: systems.id, systemClass: systems.systemClass })
      .from(systems)
      .where(inArray(systems.organisationId, [...new Set(allocations.map((a) => a.cooperativeId))]))
      .all()
      .map((s) => [s.id, s.systemClass] as const),
  );
  for (const allocation of allocations) {
    for (const [memberId, lines] of allocation.memberLines) {
      if (scope && memberId !== scope.organisationId) continue;
      const key = `${memberId}:${allocation.year}`;
      const entry = result.get(key) ?? { components: {}, isDemo: false };
      const c = entry.components;
      const add = (code: ComponentCode, amount: number) => {
        c[code] = (c[code] ?? 0) + amount;
      };
      add("itCostTotal", 0);
      for (const service of IT_SERVICES) add(`serviceCost.${service}`, 0);
      for (const line of lines) {
        add("itCostTotal", line.amount);
        add(`serviceCost.${line.service}`, line.amount);
        const systemClass = line.systemId === null ? undefined : classOf.get(line.systemId);
        if (systemClass) add(`classCost.${systemClass}`, line.amount);
      }
      result.set(key, { components: c, isDemo: entry.isDemo || allocation.isDemo });
    }
  }
  return result;
}
