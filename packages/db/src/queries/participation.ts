import { and, asc, eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { ParticipationStatus, ProjectSector, Sector } from "@malestokk/domain";

import type { DbOrTx } from "../client";
import { ideaParticipants, ideas, organisations, projectParticipants, projects } from "../schema/index";

/** Joint projects and ideas keep their invitations and answers alike (ADR 008). */
export type JointKind = "project" | "idea";

const TABLES = {
  project: {
    table: projectParticipants,
    parent: projectParticipants.projectId,
    of: projects,
    name: projects.name,
    sector: projects.sector,
    ownerId: projects.ownerOrganisationId,
  },
  idea: {
    table: ideaParticipants,
    parent: ideaParticipants.ideaId,
    of: ideas,
    name: ideas.title,
    sector: ideas.sector,
    ownerId: ideas.organisationId,
  },
} as const;

function where(kind: JointKind, parentId: number, organisationId?: number) {
  const { table, parent } = TABLES[kind];
  return and(eq(parent, parentId), organisationId === undefined ? undefined : eq(table.organisationId, organisationId));
}

export interface ParticipationRow {
  readonly organisationId: number;
  readonly number: string;
  readonly name: string;
  readonly status: ParticipationStatus;
  readonly changedAt: string | null;
  readonly changedByName: string | null;
}

/** Every municipality invited to a project or idea and its answer, for the owner. */
export function listParticipation(db: DbOrTx, kind: JointKind, parentId: number): ParticipationRow[] {
  const { table } = TABLES[kind];
  return db
    .select({
      organisationId: organisations.id,
      number: organisations.number,
      name: organisations.name,
      status: table.status,
      changedAt: table.changedAt,
      changedByName: table.changedByName,
    })
    .from(table)
    .innerJoin(organisations, eq(organisations.id, table.organisationId))
    .where(where(kind, parentId))
    .orderBy(asc(organisations.number))
    .all();
}

/** Where one municipality stands with a project or idea: null when it was never invited (or the invitation was withdrawn). */
export function getParticipationStatus(db: DbOrTx, kind: JointKind, parentId: number, organisationId: number): ParticipationStatus | null {
  const { table } = TABLES[kind];
  return (
    db
      .select({ status: table.status })
      .from(table)
      .where(where(kind, parentId, organisationId))
      .get()?.status ?? null
  );
}

/** Invites, or records an answer: one row per project (or idea) and municipality. */
export function setParticipation(
  db: DbOrTx,
  kind: JointKind,
  args: { parentId: number; organisationId: number; status: ParticipationStatus; byName: string; at: string },
): void {
  const set = { status: args.status, changedAt: args.at, changedByName: args.byName };
  if (kind === "project") {
    db.insert(projectParticipants)
      .values({ projectId: args.parentId, organisationId: args.organisationId, ...set })
      .onConflictDoUpdate({ target: [projectParticipants.projectId, projectParticipants.organisationId], set })
      .run();
  } else {
    db.insert(ideaParticipants)
      .values({ ideaId: args.parentId, organisationId: args.organisationId, ...set })
      .onConflictDoUpdate({ target: [ideaParticipants.ideaId, ideaParticipants.organisationId], set })
      .run();
  }
}

/** The owner withdraws an invitation or removes a participant: false when there was none. */
export function deleteParticipation(db: DbOrTx, kind: JointKind, parentId: number, organisationId: number): boolean {
  return (
    db
      .delete(TABLES[kind].table)
      .where(where(kind, parentId, organisationId))
      .run().changes > 0
  );
}

/** An invitation not answered yet: what it is, whose, to whom, and who sent it when. */
export interface InvitationRow<K extends JointKind> {
  readonly id: number;
  readonly name: string;
  readonly sector: K extends "project" ? ProjectSector : Sector;
  readonly owner: { readonly number: string; readonly name: string };
  readonly municipality: { readonly number: string; readonly name: string };
  readonly invitedByName: string | null;
  readonly invitedAt: string | null;
}

const owner = alias(organisations, "owner");

/** Invitations to joint projects (or ideas) that the given organisations have not answered yet, oldest first. */
export function listInvitations<K extends JointKind>(db: DbOrTx, kind: K, organisationIds: readonly number[]): InvitationRow<K>[] {
  if (organisationIds.length === 0) return [];
  const t = TABLES[kind];
  return db
    .select({
      id: t.parent,
      name: t.name,
      sector: t.sector,
      owner: { number: owner.number, name: owner.name },
      municipality: { number: organisations.number, name: organisations.name },
      invitedByName: t.table.changedByName,
      invitedAt: t.table.changedAt,
    })
    .from(t.table)
    .innerJoin(t.of, eq(t.of.id, t.parent))
    .innerJoin(owner, eq(owner.id, t.ownerId))
    .innerJoin(organisations, eq(organisations.id, t.table.organisationId))
    .where(and(inArray(t.table.organisationId, [...organisationIds]), eq(t.table.status, "invited")))
    .orderBy(asc(t.table.changedAt), asc(t.parent))
    .all() as InvitationRow<K>[];
}
