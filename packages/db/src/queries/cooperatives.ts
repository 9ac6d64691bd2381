import { asc, eq, inArray } from "drizzle-orm";

import type { DbOrTx } from "../client";
import { bumpRegisterVersion } from "./counters";
import { cooperativeMembers, organisations } from "../schema/index";

export interface CooperativeRow {
  readonly id: number;
  readonly organisationNumber: string;
  readonly name: string;
  readonly members: readonly { readonly number: string; readonly name: string }[];
}

/** IT cooperatives with their member municipalities, by name. Two queries in all. */
export function listCooperatives(db: DbOrTx): CooperativeRow[] {
  const rows = db
    .select({ id: organisations.id, number: organisations.number, name: organisations.name })
    .from(organisations)
    .where(eq(organisations.kind, "itCooperative"))
    .orderBy(asc(organisations.name))
    .all();
  if (rows.length === 0) return [];
  const members = db
    .select({ cooperativeId: cooperativeMembers.cooperativeId, number: organisations.number, name: organisations.name })
    .from(cooperativeMembers)
    .innerJoin(organisations, eq(organisations.id, cooperativeMembers.municipalityId))
    .where(
      inArray(
        cooperativeMembers.cooperativeId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(organisations.number))
    .all();
  return rows.map((r) => ({
    id: r.id,
    organisationNumber: r.number,
    name: r.name,
    members: members.filter((m) => m.cooperativeId === r.id).map(({ number, name }) => ({ number, name })),
  }));
}

export function findOrganisationByNumber(db: DbOrTx, number: string) {
  return db.select().from(organisations).where(eq(organisations.number, number)).get() ?? null;
}

/** Creates or updates a cooperative and replaces its members. */
export function saveCooperative(
  db: DbOrTx,
  args: { organisationNumber: string; name: string; memberIds: readonly number[]; countyNumber: string },
): number {
  bumpRegisterVersion(db);
  const existing = findOrganisationByNumber(db, args.organisationNumber);
  let id: number;
  if (existing) {
    db.update(organisations).set({ name: args.name, countyNumber: args.countyNumber }).where(eq(organisations.id, existing.id)).run();
    id = existing.id;
  } else {
    id = db
      .insert(organisations)
      .values({ number: args.organisationNumber, name: args.name, kind: "itCooperative", countyNumber: args.countyNumber })
      .returning({ id: organisations.id })
      .get().id;
  }
  db.delete(cooperativeMembers).where(eq(cooperativeMembers.cooperativeId, id)).run();
  db.insert(cooperativeMembers)
    .values([...new Set(args.memberIds)].map((municipalityId) => ({ cooperativeId: id, municipalityId })))
    .run();
  return id;
}
