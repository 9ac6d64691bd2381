import { and, asc, eq, gte, inArray, lt, sql } from "drizzle-orm";

import type { DbOrTx } from "../client";
import { identityProviderOrganisations, identityProviders, oidcSignIns, organisations, userIdentities } from "../schema/index";

export interface IdentityProviderRow {
  readonly id: number;
  readonly slug: string;
  readonly name: string;
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string | null;
  readonly emailClaim: string;
  readonly requireVerifiedEmail: boolean;
  readonly enabled: boolean;
  /** The ID token's amr/acr is trusted to show MFA, with these values. */
  readonly vouchesForMfa: boolean;
  readonly mfaAmrValues: readonly string[];
  readonly mfaAcrValues: readonly string[];
  /** May sign in national roles. */
  readonly nationalRoles: boolean;
  readonly version: number;
  readonly updatedAt: string;
  /** Bound organisations; empty: any user. */
  readonly organisations: readonly { readonly id: number; readonly number: string; readonly name: string }[];
}

function withOrganisations(db: DbOrTx, rows: readonly Omit<IdentityProviderRow, "organisations">[]): IdentityProviderRow[] {
  if (rows.length === 0) return [];
  const bound = db
    .select({
      providerId: identityProviderOrganisations.providerId,
      id: organisations.id,
      number: organisations.number,
      name: organisations.name,
    })
    .from(identityProviderOrganisations)
    .innerJoin(organisations, eq(organisations.id, identityProviderOrganisations.organisationId))
    .where(
      inArray(
        identityProviderOrganisations.providerId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(organisations.number))
    .all();
  return rows.map((row) => ({
    ...row,
    organisations: bound.filter((b) => b.providerId === row.id).map(({ id, number, name }) => ({ id, number, name })),
  }));
}

const providerColumns = {
  id: identityProviders.id,
  slug: identityProviders.slug,
  name: identityProviders.name,
  issuer: identityProviders.issuer,
  clientId: identityProviders.clientId,
  clientSecret: identityProviders.clientSecret,
  emailClaim: identityProviders.emailClaim,
  requireVerifiedEmail: identityProviders.requireVerifiedEmail,
  enabled: identityProviders.enabled,
  vouchesForMfa: identityProviders.vouchesForMfa,
  mfaAmrValues: identityProviders.mfaAmrValues,
  mfaAcrValues: identityProviders.mfaAcrValues,
  nationalRoles: identityProviders.nationalRoles,
  version: identityProviders.version,
  updatedAt: identityProviders.updatedAt,
};

export function listIdentityProviders(db: DbOrTx): IdentityProviderRow[] {
  return withOrganisations(db, db.select(providerColumns).from(identityProviders).orderBy(asc(identityProviders.name)).all());
}

export function getIdentityProviderBySlug(db: DbOrTx, slug: string): IdentityProviderRow | null {
  const row = db.select(providerColumns).from(identityProviders).where(eq(identityProviders.slug, slug)).get();
  return row ? (withOrganisations(db, [row])[0] ?? null) : null;
}

export function getIdentityProvider(db: DbOrTx, id: number): IdentityProviderRow | null {
  const row = db.select(providerColumns).from(identityProviders).where(eq(identityProviders.id, id)).get();
  return row ? (withOrganisations(db, [row])[0] ?? null) : null;
}

export type IdentityProviderValues = Omit<IdentityProviderRow, "id" | "version" | "updatedAt" | "organisations"> & {
  readonly organisationIds: readonly number[];
};

function bindOrganisations(db: DbOrTx, providerId: number, organisationIds: readonly number[]): void {
  db.delete(identityProviderOrganisations).where(eq(identityProviderOrganisations.providerId, providerId)).run();
  if (organisationIds.length > 0) {
    db.insert(identityProviderOrganisations)
      .values(organisationIds.map((organisationId) => ({ providerId, organisationId })))
      .run();
  }
}

export function insertIdentityProvider(db: DbOrTx, values: IdentityProviderValues, now: string): number {
  const { organisationIds, ...fields } = values;
  const row = db
    .insert(identityProviders)
    .values({ ...fields, createdAt: now, updatedAt: now })
    .returning({ id: identityProviders.id })
    .get();
  bindOrganisations(db, row.id, organisationIds);
  return row.id;
}

/** Updates when the version still matches; false when someone saved in between. */
export function updateIdentityProvider(
  db: DbOrTx,
  args: { id: number; version: number; values: IdentityProviderValues; now: string },
): boolean {
  const { organisationIds, ...fields } = args.values;
  const result = db
    .update(identityProviders)
    .set({ ...fields, updatedAt: args.now, version: sql`${identityProviders.version} + 1` })
    .where(and(eq(identityProviders.id, args.id), eq(identityProviders.version, args.version)))
    .run();
  if (result.changes === 0) return false;
  bindOrganisations(db, args.id, organisationIds);
  return true;
}

export function deleteIdentityProvider(db: DbOrTx, id: number, version: number): boolean {
  return (
    db
      .delete(identityProviders)
      .where(and(eq(identityProviders.id, id), eq(identityProviders.version, version)))
      .run().changes > 0
  );
}

export interface UserIdentityRow {
  readonly issuer: string;
  readonly subject: string;
  readonly userId: number;
}

export function findUserIdentity(db: DbOrTx, issuer: string, subject: string): UserIdentityRow | null {
  return (
    db
      .select({ issuer: userIdentities.issuer, subject: userIdentities.subject, userId: userIdentities.userId })
      .from(userIdentities)
      .where(and(eq(userIdentities.issuer, issuer), eq(userIdentities.subject, subject)))
      .get() ?? null
  );
}

export function listUserIdentities(db: DbOrTx, userId: number): (UserIdentityRow & { linkedAt: string; lastSignInAt: string })[] {
  return db.select().from(userIdentities).where(eq(userIdentities.userId, userId)).orderBy(asc(userIdentities.linkedAt)).all();
}

export function countLinkedIdentities(db: DbOrTx, userId: number): number {
  return (
    db
      .select({ n: sql<number>`count(*)` })
      .from(userIdentities)
      .where(eq(userIdentities.userId, userId))
      .get()?.n ?? 0
  );
}

export function linkUserIdentity(db: DbOrTx, args: { issuer: string; subject: string; userId: number; now: string }): void {
  db.insert(userIdentities)
    .values({ issuer: args.issuer, subject: args.subject, userId: args.userId, linkedAt: args.now, lastSignInAt: args.now })
    .run();
}

export function touchUserIdentity(db: DbOrTx, args: { issuer: string; subject: string; now: string }): void {
  db.update(userIdentities)
    .set({ lastSignInAt: args.now })
    .where(and(eq(userIdentities.issuer, args.issuer), eq(userIdentities.subject, args.subject)))
    .run();
}

export function unlinkUserIdentities(db: DbOrTx, userId: number): number {
  return db.delete(userIdentities).where(eq(userIdentities.userId, userId)).run().changes;
}

export interface OidcSignInRow {
  readonly stateHash: string;
  readonly providerSlug: string;
  readonly nonce: string;
  readonly codeVerifier: string;
  readonly returnTo: string;
  readonly clientIp: string | null;
  readonly expiresAt: string;
}

/** Unfinished sign-ins still pending: overall, and from one address. */
export function countPendingOidcSignIns(
  db: DbOrTx,
  args: { now: string; clientIp: string | null },
): { total: number; fromAddress: number } {
  const row = db
    .select({
      total: sql<number>`count(*)`,
      fromAddress: sql<number>`coalesce(sum(${oidcSignIns.clientIp} is ${args.clientIp}), 0)`,
    })
    .from(oidcSignIns)
    .where(gte(oidcSignIns.expiresAt, args.now))
    .get();
  return { total: row?.total ?? 0, fromAddress: row?.fromAddress ?? 0 };
}

export function insertOidcSignIn(db: DbOrTx, row: OidcSignInRow): void {
  db.insert(oidcSignIns).values(row).run();
}

/** Reads and deletes in one step: a state is good for one callback only. */
export function takeOidcSignIn(db: DbOrTx, stateHash: string): OidcSignInRow | null {
  return db.delete(oidcSignIns).where(eq(oidcSignIns.stateHash, stateHash)).returning().get() ?? null;
}

export function pruneOidcSignIns(db: DbOrTx, now: string): number {
  return db.delete(oidcSignIns).where(lt(oidcSignIns.expiresAt, now)).run().changes;
}
