import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Role, RoleGrant, Sector, UiLanguage } from "@malestokk/domain";

import type { DbOrTx } from "../client";
import { organisations, roleAssignments, userIdentities, users } from "../schema/index";
import { preparedQuery } from "./prepared";

export interface UserRow {
  readonly id: number;
  readonly email: string;
  readonly name: string;
  readonly passwordHash: string | null;
  readonly isDemo: boolean;
  readonly disabled: boolean;
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface GrantRow extends RoleGrant {
  readonly id: number;
  readonly organisationNumber: string | null;
  readonly organisationName: string | null;
}

export function findUserByEmail(db: DbOrTx, email: string): UserRow | null {
  return db.select().from(users).where(eq(users.email, email)).get() ?? null;
}

export function getUserById(db: DbOrTx, id: number): UserRow | null {
  return db.select().from(users).where(eq(users.id, id)).get() ?? null;
}

export function insertUser(
  db: DbOrTx,
  args: { email: string; name: string; passwordHash: string | null; isDemo?: boolean; now: string },
): UserRow {
  return db
    .insert(users)
    .values({
      email: args.email,
      name: args.name,
      passwordHash: args.passwordHash,
      isDemo: args.isDemo ?? false,
      createdAt: args.now,
      updatedAt: args.now,
    })
    .returning()
    .get();
}

export function setPasswordHash(db: DbOrTx, args: { userId: number; passwordHash: string; now: string }): void {
  db.update(users)
    .set({ passwordHash: args.passwordHash, updatedAt: args.now, version: sql`${users.version} + 1` })
    .where(eq(users.id, args.userId))
    .run();
}

export function setUserDisabled(db: DbOrTx, args: { userId: number; disabled: boolean; now: string }): void {
  db.update(users)
    .set({ disabled: args.disabled, updatedAt: args.now, version: sql`${users.version} + 1` })
    .where(eq(users.id, args.userId))
    .run();
}

/** Keeps the user's own choice of interface language (ADR 026). */
export function setUserLanguage(db: DbOrTx, args: { userId: number; language: UiLanguage; now: string }): void {
  db.update(users).set({ language: args.language, updatedAt: args.now }).where(eq(users.id, args.userId)).run();
}

const grantColumns = {
  id: roleAssignments.id,
  userId: roleAssignments.userId,
  role: roleAssignments.role,
  organisationId: roleAssignments.organisationId,
  sector: roleAssignments.sector,
  organisationNumber: organisations.number,
  organisationName: organisations.name,
};

const grantsOfUser = preparedQuery((db) =>
  db
    .select(grantColumns)
    .from(roleAssignments)
    .leftJoin(organisations, eq(organisations.id, roleAssignments.organisationId))
    .where(eq(roleAssignments.userId, sql.placeholder("userId")))
    .orderBy(asc(roleAssignments.id))
    .prepare(),
);

export function listGrants(db: DbOrTx, userId: number): GrantRow[] {
  return grantsOfUser(db).all({ userId });
}

export function insertGrant(
  db: DbOrTx,
  args: { userId: number; role: Role; organisationId: number | null; sector: Sector | null; now: string },
): { id: number } | null {
  return (
    db
      .insert(roleAssignments)
      .values({ userId: args.userId, role: args.role, organisationId: args.organisationId, sector: args.sector, createdAt: args.now })
      .onConflictDoNothing()
      .returning({ id: roleAssignments.id })
      .get() ?? null
  );
}

export function getGrant(db: DbOrTx, id: number): (GrantRow & { userId: number }) | null {
  return (
    db
      .select(grantColumns)
      .from(roleAssignments)
      .leftJoin(organisations, eq(organisations.id, roleAssignments.organisationId))
      .where(eq(roleAssignments.id, id))
      .get() ?? null
  );
}

export function deleteGrant(db: DbOrTx, id: number): void {
  db.delete(roleAssignments).where(eq(roleAssignments.id, id)).run();
}

export function countAdmins(db: DbOrTx): number {
  return (
    db
      .select({ n: sql<number>`count(distinct ${roleAssignments.userId})` })
      .from(roleAssignments)
      .innerJoin(users, eq(users.id, roleAssignments.userId))
      .where(and(eq(roleAssignments.role, "admin"), eq(users.disabled, false)))
      .get()?.n ?? 0
  );
}

export interface UserWithGrants extends Omit<
  UserRow,
  "passwordHash" | "totpSecret" | "totpPendingSecret" | "totpEnabledAt" | "totpLastCounter"
> {
  readonly hasPassword: boolean;
  readonly secondFactorEnabled: boolean;
  /** Accounts at identity providers linked to this user. */
  readonly linkedIdentities: number;
  readonly grants: GrantRow[];
}

/** Every user with their roles, for the admin screen. Two queries, whatever the number of users. */
export function listUsersWithGrants(db: DbOrTx): UserWithGrants[] {
  const rows = db.select().from(users).orderBy(asc(users.email)).all();
  const ids = rows.map((u) => u.id);
  const grants =
    ids.length === 0
      ? []
      : db
          .select(grantColumns)
          .from(roleAssignments)
          .leftJoin(organisations, eq(organisations.id, roleAssignments.organisationId))
          .where(inArray(roleAssignments.userId, ids))
          .orderBy(asc(roleAssignments.id))
          .all();
  const byUser = new Map<number, GrantRow[]>();
  for (const g of grants) {
    const list = byUser.get(g.userId) ?? [];
    list.push(g);
    byUser.set(g.userId, list);
  }
  const identities = new Map(
    db
      .select({ userId: userIdentities.userId, n: sql<number>`count(*)` })
      .from(userIdentities)
      .groupBy(userIdentities.userId)
      .all()
      .map((r) => [r.userId, r.n]),
  );
  // Secrets (password hash, TOTP keys) never leave this function: the admin screen shows only whether they are set.
  return rows.map(
    ({ passwordHash, totpSecret, totpPendingSecret: _pending, totpEnabledAt: _enabledAt, totpLastCounter: _counter, ...user }) => ({
      ...user,
      hasPassword: passwordHash !== null,
      secondFactorEnabled: totpSecret !== null,
      linkedIdentities: identities.get(user.id) ?? 0,
      grants: byUser.get(user.id) ?? [],
    }),
  );
}

/** Gives every demo user the same password hash (the demo password can change between starts). */
export function setDemoPasswords(db: DbOrTx, args: { passwordHash: string; now: string }): number {
  return db.update(users).set({ passwordHash: args.passwordHash, updatedAt: args.now }).where(eq(users.isDemo, true)).run().changes;
}

/** Removes the demo users (DEMO=off); their sessions and roles go with them. */
export function removeDemoUsers(db: DbOrTx): number {
  return db.delete(users).where(eq(users.isDemo, true)).run().changes;
}
