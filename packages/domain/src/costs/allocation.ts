import type { CostLine } from "./report";

/** How an IT cooperative's costs are divided between its member municipalities. */
export const ALLOCATION_KEYS = ["perInhabitant", "perItUser", "fixedShares"] as const;
export type AllocationKey = (typeof ALLOCATION_KEYS)[number];

/** Fixed shares are whole basis points (1/100 of a percent) that add up to this. */
export const FULL_SHARE = 10_000;

export interface AllocationMember {
  readonly id: number;
  readonly population: number | null;
  readonly itUserAccounts: number | null;
  /** Basis points, for the fixed-shares key. */
  readonly fixedShare: number | null;
}

/** Where a member's weight comes from, as the allocation table says it; null: the figure is missing. */
export type AllocationBasis = "approvedReport" | "registeredPopulation" | "fixedShare";

/** What is known of a member when its cooperative's costs are divided. */
export interface MemberFigures {
  readonly id: number;
  /** The population in the register (SSB) for the year. */
  readonly registeredPopulation: number | null;
  /** The member's cost report as last approved; null when it has never been approved. */
  readonly approved: { readonly itUserAccounts: number | null; readonly populationOverride: number | null } | null;
  /** Basis points, from the cooperative's own report. */
  readonly fixedShare: number | null;
}

/**
 * A member's figures for the allocation (ADR 007): IT users and a population override only from
 * its report as last approved, so a draft moves nothing the other members or the cooperative see;
 * without an approved override, the registered population.
 */
export function allocationMember(
  key: AllocationKey,
  figures: MemberFigures,
): AllocationMember & { readonly basis: AllocationBasis | null } {
  const override = figures.approved?.populationOverride ?? null;
  const population = override ?? figures.registeredPopulation;
  const itUserAccounts = figures.approved?.itUserAccounts ?? null;
  let basis: AllocationBasis | null;
  if (key === "fixedShares") basis = figures.fixedShare === null ? null : "fixedShare";
  else if (key === "perItUser") basis = itUserAccounts === null ? null : "approvedReport";
  else basis = override !== null ? "approvedReport" : population === null ? null : "registeredPopulation";
  return { id: figures.id, population, itUserAccounts, fixedShare: figures.fixedShare, basis };
}

export type AllocationWeights =
  | { readonly ok: true; readonly weights: ReadonlyMap<number, number> }
  /** Members without the figure the key needs: nothing is allocated until they have it. */
  | { readonly ok: false; readonly missing: readonly number[]; readonly reason: "MISSING_FIGURE" | "SHARES_NOT_FULL" | "NO_MEMBERS" };

/** Each member's weight under a key; incomplete figures give no weights rather than a skewed split. */
export function allocationWeights(key: AllocationKey, members: readonly AllocationMember[]): AllocationWeights {
  if (members.length === 0) return { ok: false, missing: [], reason: "NO_MEMBERS" };
  const figure = (m: AllocationMember) => (key === "perInhabitant" ? m.population : key === "perItUser" ? m.itUserAccounts : m.fixedShare);
  const missing = members.filter((m) => figure(m) === null || (key !== "fixedShares" && (figure(m) ?? 0) <= 0)).map((m) => m.id);
  if (missing.length > 0) return { ok: false, missing, reason: "MISSING_FIGURE" };
  if (key === "fixedShares" && members.reduce((sum, m) => sum + (m.fixedShare ?? 0), 0) !== FULL_SHARE) {
    return { ok: false, missing: [], reason: "SHARES_NOT_FULL" };
  }
  return { ok: true, weights: new Map(members.map((m) => [m.id, figure(m) ?? 0])) };
}

/**
 * Divides `amount` in proportion to the weights in whole kroner, by the largest remainder:
 * the parts always add up to the amount exactly, and ties go to the member listed first.
 */
export function splitAmount(amount: number, weights: ReadonlyMap<number, number>): Map<number, number> {
  const total = [...weights.values()].reduce((a, b) => a + b, 0);
  const parts = new Map<number, number>();
  if (total <= 0) return parts;
  const exact = [...weights].map(([id, w]) => ({ id, exact: (amount * w) / total }));
  let given = 0;
  for (const e of exact) {
    const floor = Math.floor(e.exact);
    parts.set(e.id, floor);
    given += floor;
  }
  const byRemainder = [...exact].sort((a, b) => b.exact - Math.floor(b.exact) - (a.exact - Math.floor(a.exact)));
  for (let i = 0; i < amount - given; i += 1) {
    const e = byRemainder[i % byRemainder.length];
    if (e) parts.set(e.id, (parts.get(e.id) ?? 0) + 1);
  }
  return parts;
}

/** Each member's part of every line of the cooperative's report. */
export function allocateLines(
  lines: readonly Pick<CostLine, "service" | "costType" | "systemId" | "amount">[],
  weights: ReadonlyMap<number, number>,
): Map<number, Pick<CostLine, "service" | "costType" | "systemId" | "amount">[]> {
  const result = new Map<number, Pick<CostLine, "service" | "costType" | "systemId" | "amount">[]>(
    [...weights.keys()].map((id) => [id, []]),
  );
  for (const line of lines) {
    for (const [id, amount] of splitAmount(line.amount, weights)) result.get(id)?.push({ ...line, amount });
  }
  return result;
}
