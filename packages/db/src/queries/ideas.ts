import { and, asc, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import type { IdeaAction, IdeaSector, IdeaStatus } from "@malestokk/domain";

import type { DbOrTx } from "../client";
import { ideaEvents, ideaParticipants, ideas, organisations } from "../schema/index";

export interface IdeaRow {
  readonly id: number;
  readonly organisationId: number;
  readonly organisationNumber: string;
  readonly organisationName: string;
  readonly title: string;
  readonly problem: string;
  readonly sector: IdeaSector;
  readonly expectedBenefits: string;
  readonly roughCostNok: number;
  readonly status: IdeaStatus;
  readonly priorityScore: number | null;
  readonly recommendation: "yes" | "no" | null;
  readonly projectId: number | null;
  readonly isDemo: boolean;
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** The municipalities that accepted: those taking part (ADR 008). */
  readonly participants: readonly { id: number; number: string; name: string }[];
}

const accepted = eq(ideaParticipants.status, "accepted");

export interface IdeaEventRow {
  readonly action: IdeaAction | "submit";
  readonly fromStatus: IdeaStatus | null;
  readonly toStatus: IdeaStatus;
  readonly userName: string;
  readonly at: string;
  readonly comment: string | null;
  readonly details: unknown;
}

function ideaRows(db: DbOrTx, where: SQL | undefined): IdeaRow[] {
  const rows = db
    .select({
      id: ideas.id,
      organisationId: ideas.organisationId,
      organisationNumber: organisations.number,
      organisationName: organisations.name,
      title: ideas.title,
      problem: ideas.problem,
      sector: ideas.sector,
      expectedBenefits: ideas.expectedBenefits,
      roughCostNok: ideas.roughCostNok,
      status: ideas.status,
      priorityScore: ideas.priorityScore,
      recommendation: ideas.recommendation,
      projectId: ideas.projectId,
      isDemo: ideas.isDemo,
      version: ideas.version,
      createdAt: ideas.createdAt,
      updatedAt: ideas.updatedAt,
    })
    .from(ideas)
    .innerJoin(organisations, eq(organisations.id, ideas.organisationId))
    .where(where)
    .orderBy(asc(ideas.createdAt), asc(ideas.id))
    .all();
  if (rows.length === 0) return [];
  const participants = db
    .select({ ideaId: ideaParticipants.ideaId, id: organisations.id, number: organisations.number, name: organisations.name })
    .from(ideaParticipants)
    .innerJoin(organisations, eq(organisations.id, ideaParticipants.organisationId))
    .where(
      and(
        inArray(
          ideaParticipants.ideaId,
          rows.map((r) => r.id),
        ),
        accepted,
      ),
    )
    .orderBy(asc(organisations.number))
    .all();
  return rows.map((r) => ({
    ...r,
    participants: participants.filter((p) => p.ideaId === r.id).map(({ id, number, name }) => ({ id, number, name })),
  }));
}

export function getIdea(db: DbOrTx, id: number): IdeaRow | null {
  return ideaRows(db, eq(ideas.id, id))[0] ?? null;
}

/** Every idea, or those the given organisations submitted or take part in (accepted; an invitation is not taking part). */
export function listIdeas(db: DbOrTx, organisationIds: readonly number[] | "all"): IdeaRow[] {
  if (organisationIds === "all") return ideaRows(db, undefined);
  if (organisationIds.length === 0) return [];
  const joined = db
    .select({ id: ideaParticipants.ideaId })
    .from(ideaParticipants)
    .where(and(inArray(ideaParticipants.organisationId, [...organisationIds]), accepted));
  return ideaRows(db, or(inArray(ideas.organisationId, [...organisationIds]), inArray(ideas.id, joined)));
}

export function insertIdea(
  db: DbOrTx,
  args: {
    organisationId: number;
    fields: { title: string; problem: string; sector: IdeaSector; expectedBenefits: string; roughCostNok: number };
    isDemo?: boolean;
    now: string;
  },
): number {
  return db
    .insert(ideas)
    .values({ organisationId: args.organisationId, ...args.fields, isDemo: args.isDemo ?? false, createdAt: args.now, updatedAt: args.now })
    .returning({ id: ideas.id })
    .get().id;
}

/** Moves an idea from the status and version read: false when someone else moved it first. */
export function updateIdeaStatus(
  db: DbOrTx,
  args: {
    id: number;
    expectedVersion: number;
    status: IdeaStatus;
    priorityScore?: number;
    recommendation?: "yes" | "no";
    projectId?: number;
    now: string;
  },
): boolean {
  return (
    db
      .update(ideas)
      .set({
        status: args.status,
        ...(args.priorityScore === undefined ? {} : { priorityScore: args.priorityScore }),
        ...(args.recommendation === undefined ? {} : { recommendation: args.recommendation }),
        ...(args.projectId === undefined ? {} : { projectId: args.projectId }),
        version: sql`${ideas.version} + 1`,
        updatedAt: args.now,
      })
      .where(and(eq(ideas.id, args.id), eq(ideas.version, args.expectedVersion)))
      .run().changes > 0
  );
}

export function insertIdeaEvent(
  db: DbOrTx,
  args: {
    ideaId: number;
    action: IdeaAction | "submit";
    fromStatus: IdeaStatus | null;
    toStatus: IdeaStatus;
    userId: number | null;
    userName: string;
    at: string;
    comment: string | null;
    details?: unknown;
  },
): void {
  db.insert(ideaEvents)
    .values({ ...args, details: args.details === undefined ? null : JSON.stringify(args.details) })
    .run();
}

export function listIdeaEvents(db: DbOrTx, ideaId: number): IdeaEventRow[] {
  return db
    .select()
    .from(ideaEvents)
    .where(eq(ideaEvents.ideaId, ideaId))
    .orderBy(asc(ideaEvents.id))
    .all()
    .map((e) => ({
      action: e.action,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      userName: e.userName,
      at: e.at,
      comment: e.comment,
      details: e.details === null ? null : (JSON.parse(e.details) as unknown),
    }));
}

/** The idea a project came from, if a board decision created it. */
export function getIdeaOfProject(db: DbOrTx, projectId: number): { id: number; title: string } | null {
  return db.select({ id: ideas.id, title: ideas.title }).from(ideas).where(eq(ideas.projectId, projectId)).get() ?? null;
}
