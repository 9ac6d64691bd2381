import { z } from "zod";

/** Names a provider in URLs (/auth/oidc/<slug>/start) and in the environment. */
export const ProviderSlugSchema = z.string().trim().regex(/^[a-z0-9][a-z0-9-]{1,39}$/, "2–40 lower-case letters, digits or hyphens");

/** A JWT claim name such as email, preferred_username or upn. */
const ClaimSchema = z.string().trim().regex(/^[A-Za-z_][A-Za-z0-9_.:-]{0,99}$/);

/**
 * Plain HTTP is allowed for an issuer on this machine only (tests, a local provider); anything
 * that crosses a network must be HTTPS, or a token could be swapped on the way.
 */
export function isLoopbackUrl(url: URL): boolean {
  return url.hostname === "localhost" || url.hostname === "127.0.0.1" || url.hostname === "[::1]";
}

export const IssuerSchema = z
  .url()
  .max(500)
  .refine((value) => {
    const url = new URL(value);
    return url.protocol === "https:" || (url.protocol === "http:" && isLoopbackUrl(url));
  }, "must be https:// (http:// only for localhost)")
  .refine((value) => !new URL(value).search && !new URL(value).hash, "must have no query or fragment");

export const IdentityProviderFieldsSchema = z.object({
  slug: ProviderSlugSchema,
  name: z.string().trim().min(1).max(80),
  issuer: IssuerSchema,
  clientId: z.string().trim().min(1).max(300),
  emailClaim: ClaimSchema.default("email"),
  requireVerifiedEmail: z.boolean().default(true),
  /** Municipality (4 digits) or IT cooperative (9 digits) numbers, as in roles; empty: any user. */
  organisations: z.array(z.string().trim().regex(/^(\d{4}|\d{9})$/)).max(500).default([]),
});

/** A provider as given in the OIDC_PROVIDERS environment variable (a JSON array of these). */
export const EnvIdentityProviderSchema = IdentityProviderFieldsSchema.extend({
  clientSecret: z.string().min(1).max(1000).optional(),
});
export type EnvIdentityProvider = z.infer<typeof EnvIdentityProviderSchema>;

/**
 * An administrator's save: a new provider (no id) or a change (id and the version read, so two
 * admins cannot silently overwrite each other). A clientSecret left out keeps the stored one;
 * null removes it (a public client, PKCE only).
 */
export const SaveIdentityProviderInputSchema = IdentityProviderFieldsSchema.extend({
  id: z.number().int().positive().optional(),
  version: z.number().int().positive().optional(),
  clientSecret: z.string().min(1).max(1000).nullable().optional(),
  enabled: z.boolean().default(true),
});
export type SaveIdentityProviderInput = z.infer<typeof SaveIdentityProviderInputSchema>;

/** Why an OpenID Connect sign-in was refused: the sign-in page explains each in the user's language. */
export const OIDC_FAILURES = [
  "unknownProvider",
  "providerUnavailable",
  "cancelled",
  "providerError",
  "wrongState",
  "expired",
  "tokenRejected",
  "noEmail",
  "emailNotVerified",
  "unknownUser",
  "alreadyLinked",
  "disabled",
  "notAllowedHere",
  "busy",
] as const;
export type OidcFailure = (typeof OIDC_FAILURES)[number];

/**
 * May this provider sign the user in? An unbound provider may sign in anyone it can link; a bound
 * one only users whose every role belongs to one of its organisations, so a municipality's own
 * provider can never vouch for a national role or another municipality's.
 */
export function providerMaySignIn(boundOrganisationIds: readonly number[], grantOrganisationIds: readonly (number | null)[]): boolean {
  if (boundOrganisationIds.length === 0) return true;
  if (grantOrganisationIds.length === 0) return false;
  const bound = new Set(boundOrganisationIds);
  return grantOrganisationIds.every((id) => id !== null && bound.has(id));
}

/**
 * Where to go after sign-in: a path in this app only. Anything else (another host, a protocol-
 * relative "//host", a backslash trick) becomes the start page, so the sign-in cannot be used to
 * send a user off-site.
 */
export function safeReturnPath(value: string | null | undefined): string {
  if (!value || value.length > 500) return "/";
  if (!value.startsWith("/") || value.startsWith("//") || value.includes("\\")) return "/";
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(value)) return "/";
  return value;
}
