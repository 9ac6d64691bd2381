import { z } from "zod";

import { nameSchema } from "../text/schemas";

/**
 * API tokens for organisations (issue 23, point 3; docs/security.md#api-tokens). A token reads its own
 * organisation's figures through `/api/v1`, drafts included; it is shown once and stored as a hash.
 */
export const API_TOKEN_SCOPES = ["read-own"] as const;
export type ApiTokenScope = (typeof API_TOKEN_SCOPES)[number];

/** What every token starts with, so a leaked one is recognisable (secret scanners, logs). */
export const API_TOKEN_PREFIX = "mlst_";
/** The visible id: 8 characters of base32 (RFC 4648, lower case), shown in lists to tell tokens apart. */
export const API_TOKEN_ID_PATTERN = /^[a-z2-7]{8}$/;
/** `mlst_<id>_<secret>`: the secret is 32 random bytes in base64url (43 characters). */
export const API_TOKEN_PATTERN = /^mlst_([a-z2-7]{8})_([A-Za-z0-9_-]{43})$/;

export const API_TOKEN_DEFAULT_DAYS = 90;
export const API_TOKEN_MAX_DAYS = 365;
/** The expiries the form offers; the server takes any whole number of days from 1 to the maximum. */
export const API_TOKEN_DAY_CHOICES = [7, 30, 90, 180, 365] as const;

export const CreateApiTokenInputSchema = z.object({
  name: nameSchema(80),
  expiresInDays: z.number().int().min(1).max(API_TOKEN_MAX_DAYS),
  scope: z.enum(API_TOKEN_SCOPES).default("read-own"),
});
export type CreateApiTokenInput = z.infer<typeof CreateApiTokenInputSchema>;

/**
 * active: works; revoked, expired: never again; inactive: its creator may no longer manage the
 * organisation's tokens (role removed, account disabled), so it does not work until someone does.
 */
export type ApiTokenStatus = "active" | "revoked" | "expired" | "inactive";

export function apiTokenStatus(
  token: { readonly revokedAt: string | null; readonly expiresAt: string; readonly creatorMayManage: boolean },
  now: Date,
): ApiTokenStatus {
  if (token.revokedAt !== null) return "revoked";
  if (Date.parse(token.expiresAt) <= now.getTime()) return "expired";
  if (!token.creatorMayManage) return "inactive";
  return "active";
}

/** Splits a presented token into its visible id and the whole string, or null when it is not one of ours. */
export function parseApiToken(token: string): { readonly publicId: string } | null {
  const match = API_TOKEN_PATTERN.exec(token);
  return match?.[1] ? { publicId: match[1] } : null;
}

/** The token from an `Authorization` header: `Bearer <token>` (the scheme in any case, RFC 7235 §2.1), or null. */
export function bearerToken(header: string): string | null {
  const match = /^Bearer +([A-Za-z0-9._~+/-]+=*) *$/i.exec(header);
  return match?.[1] ?? null;
}
