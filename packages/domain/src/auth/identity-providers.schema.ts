import { z } from "zod";

import { nameSchema } from "../text/schemas";
import { DEFAULT_MFA_ACR_VALUES, DEFAULT_MFA_AMR_VALUES, isLoopbackUrl } from "./identity-providers";

/** Names a provider in URLs (/auth/oidc/<slug>/start) and in the environment. */
export const ProviderSlugSchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{1,39}$/, "2–40 lower-case letters, digits or hyphens");

/** A JWT claim name such as email, preferred_username or upn. */
const ClaimSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z_][A-Za-z0-9_.:-]{0,99}$/);

/** An authentication method reference (RFC 8176), such as mfa or otp. */
const AmrValueSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_.:-]{1,64}$/);

/** An authentication context class reference: a word or a URI, without spaces. */
const AcrValueSchema = z
  .string()
  .trim()
  .regex(/^[\x21-\x7e]{1,200}$/);

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
  name: nameSchema(80),
  issuer: IssuerSchema,
  clientId: z.string().trim().min(1).max(300),
  emailClaim: ClaimSchema.default("email"),
  requireVerifiedEmail: z.boolean().default(true),
  /** Municipality (4 digits) or IT cooperative (9 digits) numbers, as in roles; empty: any user. */
  organisations: z
    .array(
      z
        .string()
        .trim()
        .regex(/^(\d{4}|\d{9})$/),
    )
    .max(500)
    .default([]),
  /** The provider vouches for MFA: an amr or acr value below in its ID token spares the local second factor. */
  vouchesForMfa: z.boolean().default(false),
  mfaAmrValues: z
    .array(AmrValueSchema)
    .max(20)
    .default([...DEFAULT_MFA_AMR_VALUES]),
  mfaAcrValues: z
    .array(AcrValueSchema)
    .max(20)
    .default([...DEFAULT_MFA_ACR_VALUES]),
  /** May sign in national roles (admin, board, secretariat, sector council). */
  nationalRoles: z.boolean().default(false),
});

/** Vouching for MFA with no value that shows it would never spare the second factor: say so. */
function mfaValuesNamed(
  provider: { vouchesForMfa: boolean; mfaAmrValues: readonly string[]; mfaAcrValues: readonly string[] },
  ctx: z.RefinementCtx,
): void {
  if (provider.vouchesForMfa && provider.mfaAmrValues.length === 0 && provider.mfaAcrValues.length === 0) {
    ctx.addIssue({ code: "custom", path: ["mfaAmrValues"], message: "name at least one amr or acr value that shows MFA" });
  }
}

/** A provider as given in the OIDC_PROVIDERS environment variable (a JSON array of these). */
export const EnvIdentityProviderSchema = IdentityProviderFieldsSchema.extend({
  clientSecret: z.string().min(1).max(1000).optional(),
}).superRefine(mfaValuesNamed);
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
}).superRefine(mfaValuesNamed);
export type SaveIdentityProviderInput = z.infer<typeof SaveIdentityProviderInputSchema>;
