import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { ProjectPhase } from "@malestokk/domain";

import type { DbOrTx } from "../client";
import { benefitPlanVersions } from "../schema/index";
import type { BenefitRow, ProjectRow } from "./benefits";

/** A benefit plan's approved versions: each approval keeps the plan as it then stood. */

export interface PlanVersionRow {
  readonly number: number;
  readonly phase: ProjectPhase;
  readonly approvedByName: string;
  readonly approvedOn: string;
  readonly recordedAt: string;
  readonly comment: string | null;
}

const planVersionColumns = {
  number: benefitPlanVersions.number,
  phase: benefitPlanVersions.phase,
  approvedByName: benefitPlanVersions.approvedByName,
  approvedOn: benefitPlanVersions.approvedOn,
  recordedAt: benefitPlanVersions.recordedAt,
  comment: benefitPlanVersions.comment,
};

export function listPlanVersions(db: DbOrTx, projectId: number): PlanVersionRow[] {
  return db
    .select(planVersionColumns)
    .from(benefitPlanVersions)
    .where(eq(benefitPlanVersions.projectId, projectId))
    .orderBy(desc(benefitPlanVersions.number))
    .all();
}

/** The newest plan version of each project, in one query (a municipality's page lists many projects). */
export function latestPlanVersions(db: DbOrTx, projectIds: readonly number[]): Map<number, PlanVersionRow> {
  if (projectIds.length === 0) return new Map();
  const rows = db
    .select({ projectId: benefitPlanVersions.projectId, ...planVersionColumns })
    .from(benefitPlanVersions)
    .where(inArray(benefitPlanVersions.projectId, [...projectIds]))
    .orderBy(desc(benefitPlanVersions.number))
    .all();
  const latest = new Map<number, PlanVersionRow>();
  for (const { projectId, ...version } of rows) if (!latest.has(projectId)) latest.set(projectId, version);
  return latest;
}

export function getPlanVersion(db: DbOrTx, projectId: number, number: number): (PlanVersionRow & { content: unknown }) | null {
  const row = db
    .select()
    .from(benefitPlanVersions)
    .where(and(eq(benefitPlanVersions.projectId, projectId), eq(benefitPlanVersions.number, number)))
    .get();
  if (!row) return null;
  return {
    number: row.number,
    phase: row.phase,
    approvedByName: row.approvedByName,
    approvedOn: row.approvedOn,
    recordedAt: row.recordedAt,
    comment: row.comment,
    content: JSON.parse(row.content) as unknown,
  };
}

export function insertPlanVersion(
  db: DbOrTx,
  args: {
    projectId: number;
    phase: ProjectPhase;
    approvedByName: string;
    approvedOn: string;
    comment: string | null;
    userId: number | null;
    now: string;
    content: unknown;
  },
): number {
  const last = db
    .select({ n: sql<number>`coalesce(max(${benefitPlanVersions.number}), 0)` })
    .from(benefitPlanVersions)
    .where(eq(benefitPlanVersions.projectId, args.projectId))
    .get();
  const number = (last?.n ?? 0) + 1;
  db.insert(benefitPlanVersions)
    .values({
      projectId: args.projectId,
      number,
      phase: args.phase,
      approvedByName: args.approvedByName,
      approvedOn: args.approvedOn,
      comment: args.comment,
      recordedByUserId: args.userId,
      recordedAt: args.now,
      content: JSON.stringify(args.content),
    })
    .run();
  return number;
}

/** The plan as approved: the project, its map and its benefits with baselines and targets (no measurements). */
export function benefitPlanContent(project: ProjectRow, benefits: readonly BenefitRow[], phase: ProjectPhase = project.phase) {
  return {
    project: {
      name: project.name,
      description: project.description,
      sector: project.sector,
      phase,
      participants: project.participants.map((p) => ({ number: p.number, name: p.name })),
    },
    benefitMap: project.benefitMap,
    benefits: benefits.map(({ measurements: _m, isDemo: _d, version: _v, updatedAt: _u, projectId: _p, ...b }) => b),
  };
}
