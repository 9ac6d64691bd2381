import { and, asc, eq, inArray, or, sql } from "drizzle-orm";

import type { DbOrTx } from "../client";
import { bumpDataVersion } from "./counters";
import { organisations, peerSetMembers, peerSets } from "../schema/index";

export interface PeerSetRow {
  readonly id: number;
  readonly name: string;
  readonly ownerUserId: number;
  readonly sharedWithOrganisationId: number | null;
  readonly version: number;
  readonly updatedAt: string;
  readonly memberIds: readonly number[];
}

function withMembers(db: DbOrTx, rows: Omit<PeerSetRow, "memberIds">[]): PeerSetRow[] {
  if (rows.length === 0) return [];
  const members = db
    .select({ peerSetId: peerSetMembers.peerSetId, organisationId: peerSetMembers.organisationId })
    .from(peerSetMembers)
    .innerJoin(organisations, eq(organisations.id, peerSetMembers.organisationId))
    .where(
      inArray(
        peerSetMembers.peerSetId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(organisations.number))
    .all();
  const bySet = new Map<number, number[]>();
  for (const m of members) bySet.set(m.peerSetId, [...(bySet.get(m.peerSetId) ?? []), m.organisationId]);
  return rows.map((r) => ({ ...r, memberIds: bySet.get(r.id) ?? [] }));
}

const columns = {
  id: peerSets.id,
  name: peerSets.name,
  ownerUserId: peerSets.ownerUserId,
  sharedWithOrganisationId: peerSets.sharedWithOrganisationId,
  version: peerSets.version,
  updatedAt: peerSets.updatedAt,
};

/** The sets a user may use: their own, and those shared with an organisation they hold a role in. */
export function listVisiblePeerSets(db: DbOrTx, args: { userId: number; organisationIds: readonly number[] }): PeerSetRow[] {
  const visible =
    args.organisationIds.length > 0
      ? or(eq(peerSets.ownerUserId, args.userId), inArray(peerSets.sharedWithOrganisationId, [...args.organisationIds]))
      : eq(peerSets.ownerUserId, args.userId);
  return withMembers(db, db.select(columns).from(peerSets).where(visible).orderBy(asc(peerSets.name)).all());
}

export function getPeerSet(db: DbOrTx, id: number): PeerSetRow | null {
  const row = db.select(columns).from(peerSets).where(eq(peerSets.id, id)).get();
  return row ? (withMembers(db, [row])[0] ?? null) : null;
}

function replaceMembers(db: DbOrTx, peerSetId: number, memberIds: readonly number[]): void {
  db.delete(peerSetMembers).where(eq(peerSetMembers.peerSetId, peerSetId)).run();
  if (memberIds.length > 0) {
    db.insert(peerSetMembers)
      .values([...new Set(memberIds)].map((organisationId) => ({ peerSetId, organisationId })))
      .run();
  }
}

export function insertPeerSet(
  db: DbOrTx,
  args: { name: string; ownerUserId: number; sharedWithOrganisationId: number | null; memberIds: readonly number[]; now: string },
): number {
  const row = db
    .insert(peerSets)
    .values({
      name: args.name,
      ownerUserId: args.ownerUserId,
      sharedWithOrganisationId: args.sharedWithOrganisationId,
      createdAt: args.now,
      updatedAt: args.now,
    })
    .returning({ id: peerSets.id })
    .get();
  replaceMembers(db, row.id, args.memberIds);
  bumpDataVersion(db);
  return row.id;
}

/** Updates from the version the caller read; false when someone else changed it first. */
export function updatePeerSet(
  db: DbOrTx,
  args: {
    id: number;
    expectedVersion: number;
    name: string;
    sharedWithOrganisationId: number | null;
    memberIds: readonly number[];
    now: string;
  },
): boolean {
  const changed = db
    .update(peerSets)
    .set({
      name: args.name,
      sharedWithOrganisationId: args.sharedWithOrganisationId,
      updatedAt: args.now,
      version: sql`${peerSets.version} + 1`,
    })
    .where(and(eq(peerSets.id, args.id), eq(peerSets.version, args.expectedVersion)))
    .run().changes;
  if (changed === 0) return false;
  replaceMembers(db, args.id, args.memberIds);
  bumpDataVersion(db);
  return true;
}

export function deletePeerSet(db: DbOrTx, id: number): void {
  db.delete(peerSets).where(eq(peerSets.id, id)).run();
  bumpDataVersion(db);
}
