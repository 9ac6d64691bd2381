import { DEFAULT_MFA_ACR_VALUES, DEFAULT_MFA_AMR_VALUES } from "@malestokk/domain";

import type { RouterOutputs } from "@malestokk/api";

export type AdminProvider = RouterOutputs["admin"]["identityProviders"]["providers"][number];

export const FIELDS = [
  "name",
  "slug",
  "issuer",
  "clientId",
  "clientSecret",
  "emailClaim",
  "organisations",
  "mfaAmrValues",
  "mfaAcrValues",
] as const;
/** Fields typed as a list, separated by commas or spaces. */
export const LIST_FIELDS = ["organisations", "mfaAmrValues", "mfaAcrValues"] as const;
export type FieldName = (typeof FIELDS)[number];
export const FIELD_IDS: Record<FieldName, string> = {
  name: "provider-name",
  slug: "provider-slug",
  issuer: "provider-issuer",
  clientId: "provider-client-id",
  clientSecret: "provider-client-secret",
  emailClaim: "provider-email-claim",
  organisations: "provider-organisations",
  mfaAmrValues: "provider-mfa-amr",
  mfaAcrValues: "provider-mfa-acr",
};

export function isField(value: string): value is FieldName {
  return (FIELDS as readonly string[]).includes(value);
}

export interface ProviderDraft {
  readonly name: string;
  readonly slug: string;
  readonly issuer: string;
  readonly clientId: string;
  /** Blank: keep the stored secret (or none for a new provider). Never filled from the server. */
  readonly clientSecret: string;
  readonly removeSecret: boolean;
  readonly emailClaim: string;
  readonly requireVerifiedEmail: boolean;
  /** Numbers as typed, separated by commas or spaces. */
  readonly organisations: string;
  readonly enabled: boolean;
  readonly nationalRoles: boolean;
  readonly vouchesForMfa: boolean;
  /** Values as typed, separated by commas or spaces. */
  readonly mfaAmrValues: string;
  readonly mfaAcrValues: string;
}

export const EMPTY_DRAFT: ProviderDraft = {
  name: "",
  slug: "",
  issuer: "",
  clientId: "",
  clientSecret: "",
  removeSecret: false,
  emailClaim: "email",
  requireVerifiedEmail: true,
  organisations: "",
  enabled: true,
  nationalRoles: false,
  vouchesForMfa: false,
  mfaAmrValues: DEFAULT_MFA_AMR_VALUES.join(", "),
  mfaAcrValues: DEFAULT_MFA_ACR_VALUES.join(", "),
};

export function draftOf(provider: AdminProvider): ProviderDraft {
  return {
    ...EMPTY_DRAFT,
    name: provider.name,
    slug: provider.slug,
    issuer: provider.issuer,
    clientId: provider.clientId,
    emailClaim: provider.emailClaim,
    requireVerifiedEmail: provider.requireVerifiedEmail,
    organisations: provider.organisations.map((o) => o.number).join(", "),
    enabled: provider.enabled,
    nationalRoles: provider.nationalRoles,
    vouchesForMfa: provider.vouchesForMfa,
    mfaAmrValues: provider.mfaAmrValues.join(", "),
    mfaAcrValues: provider.mfaAcrValues.join(", "),
  };
}

function splitList(text: string): string[] {
  return text.split(/[\s,;]+/).filter((v) => v !== "");
}

/** The procedure's input: a left-out secret keeps the stored one, null removes it. */
export function inputOf(draft: ProviderDraft, base: { id: number; version: number } | null) {
  const secret = draft.clientSecret.trim();
  return {
    ...(base ?? {}),
    name: draft.name,
    slug: draft.slug,
    issuer: draft.issuer.trim(),
    clientId: draft.clientId,
    clientSecret: draft.removeSecret ? null : secret === "" ? undefined : secret,
    emailClaim: draft.emailClaim,
    requireVerifiedEmail: draft.requireVerifiedEmail,
    organisations: splitList(draft.organisations),
    enabled: draft.enabled,
    nationalRoles: draft.nationalRoles,
    vouchesForMfa: draft.vouchesForMfa,
    // The values count only while the provider vouches for MFA; left out, the defaults are stored.
    ...(draft.vouchesForMfa ? { mfaAmrValues: splitList(draft.mfaAmrValues), mfaAcrValues: splitList(draft.mfaAcrValues) } : {}),
  };
}

export type ProviderInput = ReturnType<typeof inputOf>;
