import { timingSafeEqual } from "node:crypto";

import {
  appendAudit,
  countLinkedIdentities,
  countPendingOidcSignIns,
  deleteIdentityProvider,
  findUserByEmail,
  findUserIdentity,
  getIdentityProvider,
  getReportingUnitByNumber,
  getSetting,
  getUserById,
  insertIdentityProvider,
  insertOidcSignIn,
  linkUserIdentity,
  listGrants,
  listIdentityProviders,
  listUserIdentities,
  setSetting,
  takeOidcSignIn,
  touchUserIdentity,
  unlinkUserIdentities,
  updateIdentityProvider,
  type DbOrTx,
  type IdentityProviderRow,
} from "@malestokk/db";
import { providerMfaEvidence, providerSignInRefusal, safeReturnPath, type OidcFailure, type SaveIdentityProviderInput } from "@malestokk/domain";

import { actorOf, auditBy, type Context, type SignedInContext } from "../../context";
import { AppError } from "../../errors";
import { authorizationRequest, exchangeCode, isAuthorizationError, providerConfiguration, type IdTokenClaims } from "../../auth/oidc-client";
import { hashToken } from "../../auth/tokens";
import { openSession } from "./session";
import { secondFactorChallenge, secondFactorRequired } from "./second-factor.service";

export const LOCAL_SIGN_IN = "localSignIn";
/** The one callback address for every provider: the state says which provider it was. */
export const OIDC_CALLBACK_PATH = "/auth/oidc/callback";
const SIGN_IN_MINUTES = 10;
// Unfinished sign-ins a single address, and everyone together, may have pending.
const PENDING_PER_ADDRESS = 20;
const PENDING_TOTAL = 10_000;

/** A provider from the environment or from settings, ready to use. */
export interface ResolvedProvider extends Omit<IdentityProviderRow, "id" | "version" | "updatedAt"> {
  readonly source: "environment" | "settings";
  readonly id: number | null;
  readonly version: number | null;
  /** Organisation numbers from the environment that are not in the register: the provider stays off. */
  readonly unknownOrganisations: readonly string[];
}

/** What the protocol needs, with a stored client secret unsealed (only when about to be used). */
function clientSettings(ctx: Context, provider: ResolvedProvider) {
  const secret = provider.clientSecret === null ? null : provider.source === "settings" ? ctx.secrets.open(provider.clientSecret) : provider.clientSecret;
  return { issuer: provider.issuer, clientId: provider.clientId, clientSecret: secret };
}

/** Every configured provider (stored client secrets still sealed); the environment's come first and own their slugs. */
export function resolveProviders(ctx: Pick<Context, "db" | "envIdentityProviders">): ResolvedProvider[] {
  const fromEnv = ctx.envIdentityProviders.map((p): ResolvedProvider => {
    const units = p.organisations.map((number) => ({ number, unit: getReportingUnitByNumber(ctx.db, number) }));
    const unknownOrganisations = units.filter((u) => !u.unit).map((u) => u.number);
    return {
      source: "environment",
      id: null,
      version: null,
      slug: p.slug,
      name: p.name,
      issuer: p.issuer,
      clientId: p.clientId,
      clientSecret: p.clientSecret ?? null,
      emailClaim: p.emailClaim,
      requireVerifiedEmail: p.requireVerifiedEmail,
      vouchesForMfa: p.vouchesForMfa,
      mfaAmrValues: p.mfaAmrValues,
      mfaAcrValues: p.mfaAcrValues,
      nationalRoles: p.nationalRoles,
      // A binding that cannot be resolved must not widen who may sign in: fail closed.
      enabled: unknownOrganisations.length === 0,
      organisations: units.flatMap((u) => (u.unit ? [{ id: u.unit.id, number: u.unit.number, name: u.unit.name }] : [])),
      unknownOrganisations,
    };
  });
  const envSlugs = new Set(fromEnv.map((p) => p.slug));
  const fromSettings = listIdentityProviders(ctx.db)
    .filter((p) => !envSlugs.has(p.slug))
    .map((p): ResolvedProvider => ({ ...p, source: "settings", unknownOrganisations: [] }));
  return [...fromEnv, ...fromSettings];
}

export function localSignInEnabled(db: DbOrTx): boolean {
  return getSetting(db, LOCAL_SIGN_IN, true);
}

/** Password sign-in and reset links stop when an administrator has switched local sign-in off. */
export function assertLocalSignIn(db: DbOrTx): void {
  if (!localSignInEnabled(db)) throw new AppError("LOCAL_SIGN_IN_OFF", { message: "Password sign-in is switched off" });
}

/** What the sign-in page offers: the providers by name, and whether the password form is there. */
export function signInOptions(ctx: Context): { localSignIn: boolean; providers: { slug: string; name: string }[] } {
  return {
    localSignIn: localSignInEnabled(ctx.db),
    providers: resolveProviders(ctx)
      .filter((p) => p.enabled)
      .map((p) => ({ slug: p.slug, name: p.name })),
  };
}

export interface AdminProviderView extends Omit<ResolvedProvider, "clientSecret"> {
  readonly hasClientSecret: boolean;
}

/**
 * The admin's view: secrets never leave the server, only whether one is set; the callback address
 * is null until PUBLIC_ORIGIN is set; secretsSealed is false while SECRET_KEY is missing.
 */
export function listProvidersForAdmin(ctx: Context): { providers: AdminProviderView[]; localSignIn: boolean; callbackUrl: string | null; secretsSealed: boolean } {
  return {
    providers: resolveProviders(ctx).map(({ clientSecret, ...rest }) => ({ ...rest, hasClientSecret: clientSecret !== null })),
    localSignIn: localSignInEnabled(ctx.db),
    callbackUrl: callbackUrl(ctx),
    secretsSealed: ctx.secrets.sealing,
  };
}

/** A provider as the audit log keeps it: every setting but the client secret. */
function auditView(p: IdentityProviderRow) {
  const { slug, name, issuer, clientId, emailClaim, requireVerifiedEmail, enabled, vouchesForMfa, mfaAmrValues, mfaAcrValues, nationalRoles } = p;
  return { slug, name, issuer, clientId, emailClaim, requireVerifiedEmail, enabled, vouchesForMfa, mfaAmrValues, mfaAcrValues, nationalRoles, organisations: p.organisations.map((o) => o.number) };
}

export function saveProvider(ctx: SignedInContext, input: SaveIdentityProviderInput): { id: number; version: number } {
  const at = ctx.now().toISOString();
  if (ctx.envIdentityProviders.some((p) => p.slug === input.slug)) {
    throw new AppError("NAME_TAKEN", { message: "A provider from the environment has this slug", issues: [{ path: ["slug"], code: "NAME_TAKEN", params: {} }] });
  }
  const organisationIds: number[] = [];
  const unknown: string[] = [];
  for (const number of new Set(input.organisations)) {
    const unit = getReportingUnitByNumber(ctx.db, number);
    if (unit) organisationIds.push(unit.id);
    else unknown.push(number);
  }
  if (unknown.length > 0) {
    throw new AppError("NOT_FOUND", { message: `Unknown organisations: ${unknown.join(", ")}`, issues: [{ path: ["organisations"], code: "NOT_FOUND", params: { expected: unknown.join(", ") } }] });
  }
  return ctx.db.transaction((tx) => {
    const sameSlug = listIdentityProviders(tx).find((p) => p.slug === input.slug && p.id !== input.id);
    if (sameSlug) throw new AppError("NAME_TAKEN", { message: "Slug in use", issues: [{ path: ["slug"], code: "NAME_TAKEN", params: {} }] });
    const before = input.id ? getIdentityProvider(tx, input.id) : null;
    if (input.id && !before) throw new AppError("NOT_FOUND", { message: "No such provider" });
    // Left out: keep the stored secret; null: remove it.
    const clientSecret = input.clientSecret === undefined ? (before?.clientSecret ?? null) : input.clientSecret === null ? null : ctx.secrets.seal(input.clientSecret);
    const values = {
      slug: input.slug,
      name: input.name,
      issuer: input.issuer,
      clientId: input.clientId,
      clientSecret,
      emailClaim: input.emailClaim,
      requireVerifiedEmail: input.requireVerifiedEmail,
      enabled: input.enabled,
      vouchesForMfa: input.vouchesForMfa,
      mfaAmrValues: input.mfaAmrValues,
      mfaAcrValues: input.mfaAcrValues,
      nationalRoles: input.nationalRoles,
      organisationIds,
    };
    let id: number;
    if (before && input.id) {
      if (input.version === undefined || !updateIdentityProvider(tx, { id: input.id, version: input.version, values, now: at })) {
        throw new AppError("VERSION_CONFLICT", { message: "The provider was changed by someone else" });
      }
      id = input.id;
    } else {
      id = insertIdentityProvider(tx, values, at);
    }
    const after = getIdentityProvider(tx, id);
    if (!after) throw new AppError("INTERNAL", { message: "Provider vanished" });
    appendAudit(tx, {
      at,
      ...auditBy(ctx.actor),
      action: before ? "admin.identityProviderChanged" : "admin.identityProviderAdded",
      entity: "identityProvider",
      entityId: String(id),
      details: { before: before ? auditView(before) : null, after: auditView(after), clientSecretChanged: input.clientSecret !== undefined },
    });
    if (!after.enabled || before?.enabled === true) assertSomeoneCanSignIn(tx, ctx);
    return { id, version: after.version };
  });
}

export function deleteProvider(ctx: SignedInContext, input: { id: number; version: number }): void {
  const at = ctx.now().toISOString();
  ctx.db.transaction((tx) => {
    const before = getIdentityProvider(tx, input.id);
    if (!before) throw new AppError("NOT_FOUND", { message: "No such provider" });
    if (!deleteIdentityProvider(tx, input.id, input.version)) throw new AppError("VERSION_CONFLICT", { message: "The provider was changed by someone else" });
    appendAudit(tx, { at, ...auditBy(ctx.actor), action: "admin.identityProviderRemoved", entity: "identityProvider", entityId: String(input.id), details: { before: auditView(before) } });
    assertSomeoneCanSignIn(tx, ctx);
  });
}

/**
 * With password sign-in off, the last provider cannot go (nobody could sign in at all), nor the
 * last one marked for national roles (no administrator could).
 */
function assertSomeoneCanSignIn(tx: DbOrTx, ctx: Context): void {
  if (localSignInEnabled(tx)) return;
  const enabled = resolveProviders({ ...ctx, db: tx }).filter((p) => p.enabled);
  if (enabled.length === 0) {
    throw new AppError("IN_USE", { message: "Password sign-in is off: this is the last provider anyone can sign in with", params: { reason: "lastProvider" } });
  }
  if (!enabled.some((p) => p.nationalRoles)) {
    throw new AppError("IN_USE", { message: "Password sign-in is off: this is the last provider that can sign in administrators", params: { reason: "lastNationalProvider" } });
  }
}

/**
 * Switches password sign-in on or off. Off only when a provider is enabled and the administrator
 * has signed in through one, so the switch cannot lock out the one who flips it. `pnpm cli
 * local-sign-in on` turns it back on from the server.
 */
export function setLocalSignIn(ctx: SignedInContext, enabled: boolean): { localSignIn: boolean } {
  const at = ctx.now().toISOString();
  ctx.db.transaction((tx) => {
    if (!enabled) {
      const usable = resolveProviders({ ...ctx, db: tx }).filter((p) => p.enabled);
      if (usable.length === 0) {
        throw new AppError("IN_USE", { message: "No identity provider is enabled", params: { reason: "noProvider" } });
      }
      if (!usable.some((p) => p.nationalRoles)) {
        throw new AppError("IN_USE", { message: "No enabled identity provider may sign in administrators", params: { reason: "noNationalProvider" } });
      }
      if (callbackUrl(ctx) === null) {
        throw new AppError("IN_USE", { message: "PUBLIC_ORIGIN is not set, so provider sign-in is refused", params: { reason: "noPublicOrigin" } });
      }
      if (countLinkedIdentities(tx, ctx.session.user.id) === 0) {
        throw new AppError("IN_USE", { message: "Sign in through a provider once before switching password sign-in off", params: { reason: "notLinked" } });
      }
    }
    setSetting(tx, LOCAL_SIGN_IN, enabled, at);
    appendAudit(tx, { at, ...auditBy(ctx.actor), action: "admin.localSignInChanged", details: { enabled } });
  });
  return { localSignIn: enabled };
}

/** A wrong link (say, a shared mailbox's account): the user's provider accounts are forgotten and relink at next sign-in. */
export function unlinkIdentities(ctx: SignedInContext, userId: number): { unlinked: number } {
  const at = ctx.now().toISOString();
  return ctx.db.transaction((tx) => {
    const user = getUserById(tx, userId);
    if (!user) throw new AppError("NOT_FOUND", { message: "No such user" });
    const identities = listUserIdentities(tx, userId);
    const unlinked = unlinkUserIdentities(tx, userId);
    appendAudit(tx, { at, ...auditBy(ctx.actor), action: "admin.identitiesUnlinked", entity: "user", entityId: String(userId), details: { identities: identities.map((i) => ({ issuer: i.issuer, subject: i.subject })) } });
    return { unlinked };
  });
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

/**
 * The callback address registered at the providers: PUBLIC_ORIGIN + the path, from configuration
 * only. Built from the request's Host header it could be steered by whoever sends the request.
 */
export function callbackUrl(ctx: Pick<Context, "publicOrigin">): string | null {
  return ctx.publicOrigin === null ? null : `${ctx.publicOrigin}${OIDC_CALLBACK_PATH}`;
}

/** Starts a sign-in at the provider: the state, nonce and PKCE verifier are kept for the callback. */
export async function beginOidcSignIn(ctx: Context, input: { slug: string; returnTo: string | null }): Promise<{ url: string; state: string }> {
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
export async function completeOidcSignIn(ctx: Context, input: { query: URLSearchParams; stateCookie: string | null }): Promise<{ returnTo: string; secondFactor: SecondFactorStep | null }> {
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
      appendAudit(tx, { at: at.toISOString(), ...auditBy(actorOf(user, ctx)), action: "auth.oidcAccepted", details: { provider: provider.slug, next: step.purpose, mfa: null } });
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
export function linkAndCheck(ctx: Context, provider: ResolvedProvider, claims: IdTokenClaims): { id: number; email: string; isDemo: boolean } {
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
    const refusal = providerSignInRefusal({ organisationIds: provider.organisations.map((o) => o.id), nationalRoles: provider.nationalRoles }, listGrants(tx, user.id));
    if (refusal) return fail(refusal);
    if (linked) {
      appendAudit(tx, { at, ...auditBy(actorOf(user, ctx)), action: "auth.identityLinked", entity: "user", entityId: String(user.id), details: { provider: provider.slug, issuer: claims.iss, subject: claims.sub } });
    } else {
      touchUserIdentity(tx, { issuer: claims.iss, subject: claims.sub, now: at });
    }
    return { id: user.id, email: user.email, isDemo: user.isDemo };
  });
}
