import { createHash } from "node:crypto";

import { isLoopbackUrl } from "@malestokk/domain";
import * as oidc from "openid-client";

/** What the protocol needs of a provider; where it is configured does not matter here. */
export interface OidcClientSettings {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string | null;
}

// Discovery metadata and keys change rarely; an hour keeps a key rotation from stalling sign-in for long.
const CACHE_MS = 3_600_000;
const TIMEOUT_SECONDS = 10;
const cache = new Map<string, { config: oidc.Configuration; at: number }>();

function cacheKey(settings: OidcClientSettings): string {
  const secret = settings.clientSecret ? createHash("sha256").update(settings.clientSecret).digest("base64url") : "";
  return `${settings.issuer}\n${settings.clientId}\n${secret}`;
}

/**
 * The provider's configuration from its discovery document. ID token signatures are checked
 * against its published keys (enableNonRepudiationChecks), not only trusted for arriving over TLS.
 */
export async function providerConfiguration(settings: OidcClientSettings, now: number): Promise<oidc.Configuration> {
  const key = cacheKey(settings);
  const hit = cache.get(key);
  if (hit && now - hit.at < CACHE_MS) return hit.config;
  const issuer = new URL(settings.issuer);
  const execute: ((config: oidc.Configuration) => void)[] = [oidc.enableNonRepudiationChecks];
  // Plain HTTP only on this machine (a test or a local provider); the schema refuses it elsewhere.
  if (issuer.protocol === "http:" && isLoopbackUrl(issuer)) execute.push(oidc.allowInsecureRequests);
  const auth = settings.clientSecret ? oidc.ClientSecretBasic(settings.clientSecret) : oidc.None();
  const config = await oidc.discovery(issuer, settings.clientId, undefined, auth, { execute, timeout: TIMEOUT_SECONDS });
  cache.set(key, { config, at: now });
  return config;
}

export interface AuthorizationRequest {
  readonly url: string;
  readonly state: string;
  readonly nonce: string;
  readonly codeVerifier: string;
}

/** The provider's sign-in address with a fresh state, nonce and PKCE (S256) challenge. */
export async function authorizationRequest(config: oidc.Configuration, redirectUri: string): Promise<AuthorizationRequest> {
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: "openid email profile",
    response_type: "code",
    state,
    nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
  });
  return { url: url.href, state, nonce, codeVerifier };
}

export type IdTokenClaims = Readonly<Record<string, unknown>> & { readonly iss: string; readonly sub: string };

/**
 * Exchanges the code for tokens and returns the validated ID token's claims. openid-client checks
 * the state, the nonce, the PKCE verifier (by the provider), the issuer, audience, expiry and,
 * with non-repudiation checks, the signature against the provider's keys.
 */
export async function exchangeCode(
  config: oidc.Configuration,
  callbackUrl: URL,
  checks: { readonly state: string; readonly nonce: string; readonly codeVerifier: string },
): Promise<IdTokenClaims> {
  const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
    expectedState: checks.state,
    expectedNonce: checks.nonce,
    pkceCodeVerifier: checks.codeVerifier,
    idTokenExpected: true,
  });
  const claims = tokens.claims();
  if (!claims) throw new Error("no ID token in the token response");
  return claims;
}

/** The provider said no at its own sign-in (for example the user cancelled): `error` in the callback. */
export function isAuthorizationError(error: unknown): error is Error & { error: string } {
  return error instanceof oidc.AuthorizationResponseError;
}

/** Forget cached configurations (tests that restart a provider on the same address). */
export function clearProviderCache(): void {
  cache.clear();
}
