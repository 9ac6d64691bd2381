import { isOrganisationRole, type Role } from "./permissions";

/**
 * Plain HTTP is allowed for an issuer on this machine only (tests, a local provider); anything
 * that crosses a network must be HTTPS, or a token could be swapped on the way.
 */
export function isLoopbackUrl(url: URL): boolean {
  return url.hostname === "localhost" || url.hostname === "127.0.0.1" || url.hostname === "[::1]";
}

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
  "noPublicOrigin",
  "nationalRoleNotAllowed",
] as const;
export type OidcFailure = (typeof OIDC_FAILURES)[number];

/** Why a provider may not sign a user in, or null when it may. */
export type ProviderRefusal = "notAllowedHere" | "nationalRoleNotAllowed";

/**
 * May this provider sign the user in? A national role (admin, board, secretariat, sector council)
 * only through a provider an administrator has marked for national roles, so a municipality's
 * directory cannot vouch for the sector's administrators by e-mail alone. A provider bound to
 * organisations signs in only users whose every municipal role is in one of them.
 */
export function providerSignInRefusal(
  provider: { readonly organisationIds: readonly number[]; readonly nationalRoles: boolean },
  grants: readonly { readonly role: Role; readonly organisationId: number | null }[],
): ProviderRefusal | null {
  const national = grants.filter((g) => !isOrganisationRole(g.role));
  if (national.length > 0 && !provider.nationalRoles) return "nationalRoleNotAllowed";
  if (provider.organisationIds.length === 0) return null;
  if (grants.length === 0) return "notAllowedHere";
  const bound = new Set(provider.organisationIds);
  const municipal = grants.filter((g) => isOrganisationRole(g.role));
  return municipal.every((g) => g.organisationId !== null && bound.has(g.organisationId)) ? null : "notAllowedHere";
}

/**
 * The amr values (RFC 8176) that count as a second factor at a provider that vouches for MFA:
 * mfa and mca say so outright; otp, hwk, swk and fido are the second step after a password at
 * the providers we know (Entra ID, Keycloak, Okta, ADFS). sms and tel are left out (ASVS 6.6.1);
 * an administrator may add them.
 */
export const DEFAULT_MFA_AMR_VALUES = ["mfa", "mca", "otp", "hwk", "swk", "fido"] as const;

/** acr values that name a multi-factor profile: REFEDS MFA, and OpenID PAPE's multi-factor policy. */
export const DEFAULT_MFA_ACR_VALUES = [
  "https://refeds.org/profile/mfa",
  "http://schemas.openid.net/pape/policies/2007/06/multi-factor",
] as const;

export interface ProviderMfaSettings {
  /** An administrator has said the provider's amr/acr can be trusted to show MFA. */
  readonly vouchesForMfa: boolean;
  readonly mfaAmrValues: readonly string[];
  readonly mfaAcrValues: readonly string[];
}

/**
 * What in a validated ID token shows that the user passed MFA at the provider: an amr value or
 * the acr value from the provider's lists, compared exactly. Null when the provider does not
 * vouch for MFA or the token shows none; then Målestokk asks for its own second factor.
 */
export function providerMfaEvidence(
  provider: ProviderMfaSettings,
  claims: Readonly<Record<string, unknown>>,
): { claim: "amr" | "acr"; value: string } | null {
  if (!provider.vouchesForMfa) return null;
  const { acr, amr } = claims;
  if (typeof acr === "string" && provider.mfaAcrValues.includes(acr)) return { claim: "acr", value: acr };
  if (Array.isArray(amr)) {
    const value = amr.find((v): v is string => typeof v === "string" && provider.mfaAmrValues.includes(v));
    if (value !== undefined) return { claim: "amr", value };
  }
  return null;
}

const STEP_KEYS = { verify: "secondFactor", enrol: "enrolSecondFactor" } as const;
const CHALLENGE = /^[A-Za-z0-9_-]{20,100}$/;

/**
 * Where a provider sign-in that needs the local second factor sends the browser: the page asked
 * for, with the step and its challenge in the fragment, which the browser never sends to a server
 * (so no access log or Referer carries it) and the sign-in page removes at once.
 */
export function secondFactorReturnPath(
  returnTo: string,
  step: { readonly purpose: "verify" | "enrol"; readonly challenge: string },
): string {
  const path = returnTo.split("#")[0] || "/";
  return `${path}#${new URLSearchParams({ [STEP_KEYS[step.purpose]]: step.challenge }).toString()}`;
}

/** The sign-in page's side of secondFactorReturnPath: the step in a fragment, or null. */
export function readSecondFactorFragment(hash: string): { kind: "secondFactor" | "enrolSecondFactor"; challenge: string } | null {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  for (const kind of Object.values(STEP_KEYS)) {
    const challenge = params.get(kind);
    if (challenge !== null && CHALLENGE.test(challenge)) return { kind, challenge };
  }
  return null;
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
