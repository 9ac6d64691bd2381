import { randomBytes, timingSafeEqual } from "node:crypto";

import {
  appendAudit,
  findApiTokenByPublicId,
  insertApiToken,
  isApiTokenIdTaken,
  listApiTokens,
  listGrants,
  revokeApiToken,
  touchApiToken,
  type ApiTokenListItem,
  type Db,
  type DbOrTx,
  type GrantRow,
} from "@malestokk/db";
import {
  API_TOKEN_PREFIX,
  apiTokenStatus,
  bearerToken,
  can,
  parseApiToken,
  type ApiTokenScope,
  type ApiTokenStatus,
  type CreateApiTokenInput,
} from "@malestokk/domain";

import { hashToken } from "../auth/tokens";
import { auditBy, type ChangeOptions } from "../context";
import { AppError } from "../errors";

/** Who reads through `/api/v1` with a token: one organisation, in the token's scope. */
export interface ApiTokenViewer {
  readonly tokenId: number;
  readonly organisationId: number;
  readonly scope: ApiTokenScope;
}

/** A token as the lists show it, with what it is now. */
export type ApiTokenItem = Omit<ApiTokenListItem, "createdByDisabled"> & { readonly status: ApiTokenStatus };

/** Why a presented token is refused; the answer says it only once the secret is shown to be right. */
export type ApiTokenRefusal = "malformed" | "unknown" | "revoked" | "expired" | "inactive";

/** The organisation a token is made for, as the base procedure checked it. */
interface Organisation {
  readonly id: number;
  readonly number: string;
}

/** One audit entry (and one write of the last use) per token per minute at most (docs/security.md#api-tokens). */
export const API_TOKEN_USE_AUDIT_MS = 60_000;

const BASE32 = "abcdefghijklmnopqrstuvwxyz234567";

/** 8 characters of base32 from 40 random bits. */
function randomPublicId(): string {
  const bytes = randomBytes(5);
  let bits = 0n;
  for (const byte of bytes) bits = (bits << 8n) | BigInt(byte);
  let id = "";
  for (let i = 7; i >= 0; i--) id += BASE32[Number((bits >> BigInt(i * 5)) & 31n)];
  return id;
}

/** Whether the token's creator may still manage the organisation's tokens (docs/decisions/028-api-tokens.md). */
function creatorMayManage(
  db: DbOrTx,
  token: { createdByUserId: number | null; organisationId: number },
  creatorDisabled: boolean | null,
  grantsOf: (userId: number) => readonly GrantRow[] = (userId) => listGrants(db, userId),
): boolean {
  if (token.createdByUserId === null || creatorDisabled !== false) return false;
  return can(grantsOf(token.createdByUserId), "apiTokens.manage", token.organisationId);
}

function withStatus(db: DbOrTx, items: readonly ApiTokenListItem[], now: Date): ApiTokenItem[] {
  const grants = new Map<number, readonly GrantRow[]>();
  const grantsOf = (userId: number) => {
    let found = grants.get(userId);
    if (!found) grants.set(userId, (found = listGrants(db, userId)));
    return found;
  };
  return items.map(({ createdByDisabled, ...item }) => {
    const mayManage = creatorMayManage(db, item, createdByDisabled, grantsOf);
    return { ...item, status: apiTokenStatus({ ...item, creatorMayManage: mayManage }, now) };
  });
}

/** The organisation's tokens (null: every organisation's, for administrators), newest first. */
export function listOrganisationApiTokens(db: DbOrTx, organisationId: number | null, now: Date): ApiTokenItem[] {
  return withStatus(db, listApiTokens(db, organisationId), now);
}

/**
 * Creates a token for the organisation: the secret is in the answer this once and never again; the
 * database keeps its SHA-256 (a 256-bit random secret needs no slow hash: docs/security.md#api-tokens).
 */
export function createApiToken(
  db: Db,
  organisation: Organisation,
  input: CreateApiTokenInput,
  options: ChangeOptions,
): { readonly token: string; readonly item: ApiTokenItem } {
  const at = options.now.toISOString();
  const expiresAt = new Date(options.now.getTime() + input.expiresInDays * 86_400_000).toISOString();
  return db.transaction(
    (tx) => {
      let publicId = randomPublicId();
      while (isApiTokenIdTaken(tx, publicId)) publicId = randomPublicId();
      const token = `${API_TOKEN_PREFIX}${publicId}_${randomBytes(32).toString("base64url")}`;
      const id = insertApiToken(tx, {
        publicId,
        organisationId: organisation.id,
        name: input.name,
        scope: input.scope,
        secretHash: hashToken(token),
        createdByUserId: options.actor.userId,
        createdAt: at,
        expiresAt,
      });
      appendAudit(tx, {
        at,
        ...auditBy(options.actor),
        action: "apiTokens.created",
        entity: "apiToken",
        entityId: publicId,
        organisationId: organisation.id,
        details: { name: input.name, publicId, scope: input.scope, expiresAt },
      });
      const item = listOrganisationApiTokens(tx, organisation.id, options.now).find((t) => t.id === id);
      if (!item) throw new Error("the token just made is not in the list");
      return { token, item };
    },
    { behavior: "immediate" },
  );
}

/** Revokes one of the organisation's tokens at once; revoking a revoked token changes nothing. */
export function revokeOrganisationApiToken(db: Db, organisation: Organisation, tokenId: number, options: ChangeOptions): ApiTokenItem {
  return db.transaction(
    (tx) => {
      const before = listOrganisationApiTokens(tx, organisation.id, options.now).find((t) => t.id === tokenId);
      // Another organisation's token is not found here, whoever asks.
      if (!before) throw new AppError("NOT_FOUND", { params: { tokenId } });
      if (
        revokeApiToken(tx, { organisationId: organisation.id, id: tokenId, byUserId: options.actor.userId, now: options.now.toISOString() })
      ) {
        appendAudit(tx, {
          at: options.now.toISOString(),
          ...auditBy(options.actor),
          action: "apiTokens.revoked",
          entity: "apiToken",
          entityId: before.publicId,
          organisationId: organisation.id,
          details: { name: before.name, publicId: before.publicId },
        });
      }
      const after = listOrganisationApiTokens(tx, organisation.id, options.now).find((t) => t.id === tokenId);
      if (!after) throw new AppError("NOT_FOUND", { params: { tokenId } });
      return after;
    },
    { behavior: "immediate" },
  );
}

/** Compared with when the visible id is unknown, so an unknown id costs what a wrong secret does. */
const NO_HASH = Buffer.from(hashToken("no token has this hash"), "hex");

function refuse(reason: ApiTokenRefusal): never {
  throw new AppError("UNAUTHORIZED", { message: `API token refused: ${reason}`, params: { reason } });
}

/**
 * The reader behind an `Authorization: Bearer mlst_…` header, for the HTTP layer (`/api/v1`): null
 * without a header; a malformed, unknown, revoked, expired or inactive token throws UNAUTHORIZED (401,
 * `WWW-Authenticate: Bearer error="invalid_token"`, see `apiTokenMiddleware`). The secret is compared
 * in constant time, also when the id is unknown. A use is audited at most once a minute per token.
 */
export function authenticateApiToken(
  db: Db,
  authorizationHeader: string | undefined,
  now: Date,
  options: { readonly ip?: string | null } = {},
): ApiTokenViewer | null {
  if (authorizationHeader === undefined) return null;
  const token = authorizationHeader.length > 200 ? null : bearerToken(authorizationHeader);
  const parsed = token === null ? null : parseApiToken(token);
  if (token === null || parsed === null) refuse("malformed");
  const found = findApiTokenByPublicId(db, parsed.publicId);
  const presented = Buffer.from(hashToken(token), "hex");
  const matches = timingSafeEqual(presented, found ? Buffer.from(found.secretHash, "hex") : NO_HASH);
  if (!found || !matches) refuse("unknown");
  const status = apiTokenStatus({ ...found, creatorMayManage: creatorMayManage(db, found, found.creatorDisabled) }, now);
  if (status !== "active") refuse(status);
  const lastUse = found.lastUsedAt === null ? null : Date.parse(found.lastUsedAt);
  if (lastUse === null || now.getTime() - lastUse >= API_TOKEN_USE_AUDIT_MS) {
    db.transaction(
      (tx) => {
        touchApiToken(tx, found.id, now.toISOString());
        appendAudit(tx, {
          at: now.toISOString(),
          actorUserId: null,
          actorEmail: null,
          action: "apiTokens.used",
          entity: "apiToken",
          entityId: found.publicId,
          organisationId: found.organisationId,
          details: { name: found.name, publicId: found.publicId },
          ip: options.ip ?? null,
        });
      },
      { behavior: "immediate" },
    );
  }
  return { tokenId: found.id, organisationId: found.organisationId, scope: found.scope };
}
