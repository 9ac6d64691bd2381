import { and, desc, eq, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";

import type { DbOrTx } from "../client";
import { apiTokens, organisations, users } from "../schema/index";

export type ApiTokenRow = typeof apiTokens.$inferSelect;

/** A token as lists show it: never its hash. */
export interface ApiTokenListItem {
  readonly id: number;
  readonly publicId: string;
  readonly organisationId: number;
  readonly organisationNumber: string;
  readonly organisationName: string;
  readonly name: string;
  readonly scope: "read-own";
  readonly createdByUserId: number | null;
  readonly createdByName: string | null;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly lastUsedAt: string | null;
  readonly revokedAt: string | null;
  readonly revokedByName: string | null;
  /** Null when the creator's account is gone. */
  readonly createdByDisabled: boolean | null;
}

export function insertApiToken(db: DbOrTx, row: Omit<typeof apiTokens.$inferInsert, "id">): number {
  return db.insert(apiTokens).values(row).returning({ id: apiTokens.id }).get().id;
}

/** The token with this visible id, hash included, and whether its creator's account is disabled. */
export function findApiTokenByPublicId(db: DbOrTx, publicId: string): (ApiTokenRow & { readonly creatorDisabled: boolean | null }) | null {
  const row = db
    .select({ token: apiTokens, creatorDisabled: users.disabled })
    .from(apiTokens)
    .leftJoin(users, eq(users.id, apiTokens.createdByUserId))
    .where(eq(apiTokens.publicId, publicId))
    .get();
  return row ? { ...row.token, creatorDisabled: row.creatorDisabled } : null;
}

/** Whether a visible id is taken (ids are random; a clash is drawn again). */
export function isApiTokenIdTaken(db: DbOrTx, publicId: string): boolean {
  return db.select({ id: apiTokens.id }).from(apiTokens).where(eq(apiTokens.publicId, publicId)).get() !== undefined;
}

/** One organisation's tokens, or every organisation's when `organisationId` is null; newest first. */
export function listApiTokens(db: DbOrTx, organisationId: number | null): ApiTokenListItem[] {
  const creator = alias(users, "creator");
  const revoker = alias(users, "revoker");
  return db
    .select({
      id: apiTokens.id,
      publicId: apiTokens.publicId,
      organisationId: apiTokens.organisationId,
      organisationNumber: organisations.number,
      organisationName: organisations.name,
      name: apiTokens.name,
      scope: apiTokens.scope,
      createdByUserId: apiTokens.createdByUserId,
      createdByName: creator.name,
      createdByDisabled: creator.disabled,
      createdAt: apiTokens.createdAt,
      expiresAt: apiTokens.expiresAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
      revokedByName: revoker.name,
    })
    .from(apiTokens)
    .innerJoin(organisations, eq(organisations.id, apiTokens.organisationId))
    .leftJoin(creator, eq(creator.id, apiTokens.createdByUserId))
    .leftJoin(revoker, eq(revoker.id, apiTokens.revokedByUserId))
    .where(organisationId === null ? undefined : eq(apiTokens.organisationId, organisationId))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id))
    .all();
}

/** Revokes a token of the organisation that is not revoked yet; false when there is none. */
export function revokeApiToken(db: DbOrTx, args: { organisationId: number; id: number; byUserId: number | null; now: string }): boolean {
  const result = db
    .update(apiTokens)
    .set({ revokedAt: args.now, revokedByUserId: args.byUserId })
    .where(and(eq(apiTokens.id, args.id), eq(apiTokens.organisationId, args.organisationId), isNull(apiTokens.revokedAt)))
    .run();
  return result.changes > 0;
}

export function touchApiToken(db: DbOrTx, id: number, now: string): void {
  db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, id)).run();
}
