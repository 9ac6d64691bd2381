import { timingSafeEqual } from "node:crypto";

import {
  appendAudit,
  countPendingOidcSignIns,
  findUserByEmail,
  findUserIdentity,
  getUserById,
  insertOidcSignIn,
  linkUserIdentity,
  listGrants,
  listUserIdentities,
  takeOidcSignIn,
  touchUserIdentity,
} from "@malestokk/db";
import { providerMfaEvidence, providerSignInRefusal, safeReturnPath, type OidcFailure } from "@malestokk/domain";

import { actorOf, auditBy, type Context } from "../../context";
import { AppError } from "../../errors";
import {
  authorizationRequest,
  exchangeCode,
  isAuthorizationError,
  providerConfiguration,
  type IdTokenClaims,
} from "../../auth/oidc-client";
import { hashToken } from "../../auth/tokens";
import { openSession } from "./session";
import { secondFactorChallenge, secondFactorRequired } from "./second-factor.service";
import { callbackUrl, resolveProviders, type ResolvedProvider } from "./identity.service";

// Sign-in through an identity provider (OpenID Connect): the redirect out, the callback, the link
// to a local user and the second factor that may follow.

const SIGN_IN_MINUTES = 10;
// Unfinished sign-ins a single address, and everyone together, may have pending.
const PENDING_PER_ADDRESS = 20;
const PENDING_TOTAL = 10_000;

/** What the protocol needs, with a stored client secret unsealed (only when about to be used). */
function clientSettings(ctx: Context, provider: ResolvedProvider) {
  const secret =
    provider.clientSecret === null
      ? null
      : provider.source === "settings"
        ? ctx.secrets.open(provider.clientSecret)
        : provider.clientSecret;
  return { issuer: provider.issuer, clientId: provider.clientId, clientSecret: secret };
}

/** A refused OpenID Connect sign-in; the reason becomes a message on the sign-in page. */
export class OidcSignInError extends Error {
  /** The e-mail the token claimed, when it got that far: for the audit trail. */
  email: string | null = null;

  constructor(
    readonly reason: OidcFailure,
    readonly detail?: string,
  ) {
    super(`OpenID Connect sign-in refused: ${reason}${detail ? ` (${detail})` : ""}`);
    this.name = "OidcSignInError";
  }
}

function auditFailure(ctx: Context, provider: string | null, error: OidcSignInError, email: string | null): void {
  appendAudit(ctx.db, {
    at: ctx.now().toISOString(),
    ...auditBy(actorOf({ id: null, email }, ctx)),
    action: "auth.oidcSignInFailed",
    details: { provider, reason: error.reason, detail: error.detail ?? null },
  });
}

/** Starts a sign-in at the provider: the state, nonce and PKCE verifier are kept for the callback. */
export async function beginOidcSignIn(
  ctx: Context,
  input: { slug: string; returnTo: string | null },
): Promise<{ url: string; state: string }> {
  const provider = resolveProviders(ctx).find((p) => p.slug === input.slug && p.enabled);
  if (!provider) throw new OidcSignInError("unknownProvider", input.slug);
  const redirectUri = callbackUrl(ctx);
  if (redirectUri === null) {
    const failure = new OidcSignInError("noPublicOrigin", "PUBLIC_ORIGIN is not set");
    auditFailure(ctx, provider.slug, failure, null);
    throw failure;
  }
  const pending = countPendingOidcSignIns(ctx.db, { now: ctx.now().toISOString(), clientIp: ctx.clientIp });
  if (pending.fromAddress >= PENDING_PER_ADDRESS || pending.total >= PENDING_TOTAL) {
    const failure = new OidcSignInError("busy", `${pending.fromAddress} pending from this address, ${pending.total} in all`);
    auditFailure(ctx, provider.slug, failure, null);
    throw failure;
  }
  let request;
  try {
    const config = await providerConfiguration(clientSettings(ctx, provider), ctx.now().getTime());
    request = await authorizationRequest(config, redirectUri);
  } catch (error) {
    const failure = new OidcSignInError("providerUnavailable", error instanceof Error ? error.message : String(error));
    auditFailure(ctx, provider.slug, failure, null);
    throw failure;
  }
  insertOidcSignIn(ctx.db, {
    stateHash: hashToken(request.state),
    providerSlug: provider.slug,
    nonce: request.nonce,
    codeVerifier: request.codeVerifier,
    returnTo: safeReturnPath(input.returnTo),
    clientIp: ctx.clientIp,
    expiresAt: new Date(ctx.now().getTime() + SIGN_IN_MINUTES * 60_000).toISOString(),
  });
  return { url: request.url, state: request.state };
}

function sameString(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

const CANCELLED = new Set(["access_denied", "login_required", "consent_required", "interaction_required"]);

/**
 * The provider's redirect back: the state must be this browser's (the cookie) and unused, the code
 * is exchanged with the PKCE verifier, the ID token is validated, and the person is found by their
 * linked account or, the first time, by verified e-mail. Nobody is created; no role is given.
 */
export async function completeOidcSignIn(
  ctx: Context,
  input: { query: URLSearchParams; stateCookie: string | null },
): Promise<{ returnTo: string; secondFactor: SecondFactorStep | null }> {
  const state = input.query.get("state");
  const pending = state ? takeOidcSignIn(ctx.db, hashToken(state)) : null;
  const slug = pending?.providerSlug ?? null;
  try {
    const redirectUri = callbackUrl(ctx);
    if (redirectUri === null) throw new OidcSignInError("noPublicOrigin", "PUBLIC_ORIGIN is not set");
    // The state must be the one this browser was given: a callback planted from elsewhere (login CSRF) fails.
    if (!state || !input.stateCookie || !sameString(state, input.stateCookie) || !pending) throw new OidcSignInError("wrongState");
    if (Date.parse(pending.expiresAt) <= ctx.now().getTime()) throw new OidcSignInError("expired");
    const provider = resolveProviders(ctx).find((p) => p.slug === pending.providerSlug && p.enabled);
    if (!provider) throw new OidcSignInError("unknownProvider", pending.providerSlug);
    const providerError = input.query.get("error");
    if (providerError) throw new OidcSignInError(CANCELLED.has(providerError) ? "cancelled" : "providerError", providerError.slice(0, 100));
    let config;
    try {
      config = await providerConfiguration(clientSettings(ctx, provider), ctx.now().getTime());
    } catch (error) {
      throw new OidcSignInError("providerUnavailable", error instanceof Error ? error.message : String(error));
    }
    const callback = new URL(redirectUri);
    callback.search = input.query.toString();
    let claims: IdTokenClaims;
    try {
      claims = await exchangeCode(config, callback, { state, nonce: pending.nonce, codeVerifier: pending.codeVerifier });
    } catch (error) {
      if (isAuthorizationError(error)) throw new OidcSignInError(CANCELLED.has(error.error) ? "cancelled" : "providerError", error.error);
      // A replayed code, a foreign signature, an expired token, a wrong audience or nonce.
      throw new OidcSignInError("tokenRejected", error instanceof Error ? `${error.name}: ${error.message}` : String(error));
    }
    return { returnTo: pending.returnTo, secondFactor: finishOidcSignIn(ctx, provider, claims) };
  } catch (error) {
    if (error instanceof OidcSignInError) auditFailure(ctx, slug, error, error.email);
    throw error;
  }
}

/** The local second-factor step a provider sign-in goes on to, with its one-time challenge. */
export interface SecondFactorStep {
  readonly purpose: "verify" | "enrol";
  readonly challenge: string;
}

/**
 * After a validated ID token: links and checks the user, then either opens the session or, when
 * the user's roles need a second factor (secondFactorRequired: admin and board, or everyone by
 * policy; demo users exempt) and the provider has not shown MFA in a way an administrator said to
 * trust, sends them to the same second-factor step as a password sign-in. No session exists until
 * that step is done.
 */
export function finishOidcSignIn(ctx: Context, provider: ResolvedProvider, claims: IdTokenClaims): SecondFactorStep | null {
  const user = linkAndCheck(ctx, provider, claims);
  const at = ctx.now();
  const mfa = providerMfaEvidence(provider, claims);
  if (!mfa && secondFactorRequired(ctx.db, user)) {
    return ctx.db.transaction((tx) => {
      const step = secondFactorChallenge(tx, user, at);
      // Required means verify or enrol, never nothing; fail closed all the same.
      if (!step) throw new AppError("INTERNAL", { message: "A required second factor gave no challenge" });
      appendAudit(tx, {
        at: at.toISOString(),
        ...auditBy(actorOf(user, ctx)),
        action: "auth.oidcAccepted",
        details: { provider: provider.slug, next: step.purpose, mfa: null },
      });
      return { purpose: step.purpose, challenge: step.token };
    });
  }
  openSession(ctx, user, at, "auth.oidcSignIn", { provider: provider.slug, issuer: claims.iss, subject: claims.sub, mfa });
  return null;
}

function emailFrom(claims: IdTokenClaims, claim: string): string | null {
  const value = claims[claim];
  if (typeof value !== "string") return null;
  const email = value.trim().toLowerCase();
  return /^[^\s@]+@[^\s@]+$/.test(email) && email.length <= 254 ? email : null;
}

/** Finds (or, the first time, links) the user behind validated claims. One transaction: a refusal links nothing. */
export function linkAndCheck(
  ctx: Context,
  provider: ResolvedProvider,
  claims: IdTokenClaims,
): { id: number; email: string; isDemo: boolean } {
  const at = ctx.now().toISOString();
  const email = emailFrom(claims, provider.emailClaim);
  const fail = (reason: OidcFailure, detail?: string): never => {
    const error = new OidcSignInError(reason, detail);
    error.email = email;
    throw error;
  };
  return ctx.db.transaction((tx) => {
    const identity = findUserIdentity(tx, claims.iss, claims.sub);
    let user = identity ? getUserById(tx, identity.userId) : null;
    let linked = false;
    if (!user) {
      if (!email) return fail("noEmail", provider.emailClaim);
      if (provider.requireVerifiedEmail && claims.email_verified !== true) return fail("emailNotVerified");
      user = findUserByEmail(tx, email);
      if (!user) return fail("unknownUser");
      // One account per provider: a second subject claiming the same e-mail is someone else.
      if (listUserIdentities(tx, user.id).some((i) => i.issuer === claims.iss)) return fail("alreadyLinked");
      linkUserIdentity(tx, { issuer: claims.iss, subject: claims.sub, userId: user.id, now: at });
      linked = true;
    }
    if (user.disabled) return fail("disabled");
    const refusal = providerSignInRefusal(
      { organisationIds: provider.organisations.map((o) => o.id), nationalRoles: provider.nationalRoles },
      listGrants(tx, user.id),
    );
    if (refusal) return fail(refusal);
    if (linked) {
      appendAudit(tx, {
        at,
        ...auditBy(actorOf(user, ctx)),
        action: "auth.identityLinked",
        entity: "user",
        entityId: String(user.id),
        details: { provider: provider.slug, issuer: claims.iss, subject: claims.sub },
      });
    } else {
      touchUserIdentity(tx, { issuer: claims.iss, subject: claims.sub, now: at });
    }
    return { id: user.id, email: user.email, isDemo: user.isDemo };
  });
}
