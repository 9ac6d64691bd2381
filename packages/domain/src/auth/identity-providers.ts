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
