import {
  appendAudit,
  countLinkedIdentities,
  deleteIdentityProvider,
  getIdentityProvider,
  getReportingUnitByNumber,
  getSetting,
  getUserById,
  insertIdentityProvider,
  listIdentityProviders,
  listUserIdentities,
  setSetting,
  unlinkUserIdentities,
  updateIdentityProvider,
  type DbOrTx,
  type IdentityProviderRow,
} from "@malestokk/db";
import type { SaveIdentityProviderInput } from "@malestokk/domain";

import { auditBy, type Context, type SignedInContext } from "../../context";
import { AppError } from "../../errors";

// The identity providers an administrator keeps, and whether password sign-in is on; the sign-in
// through a provider is oidc-sign-in.service.ts.

export const LOCAL_SIGN_IN = "localSignIn";
/** The one callback address for every provider: the state says which provider it was. */
export const OIDC_CALLBACK_PATH = "/auth/oidc/callback";

/** A provider from the environment or from settings, ready to use. */
export interface ResolvedProvider extends Omit<IdentityProviderRow, "id" | "version" | "updatedAt"> {
  readonly source: "environment" | "settings";
  readonly id: number | null;
  readonly version: number | null;
  /** Organisation numbers from the environment that are not in the register: the provider stays off. */
  readonly unknownOrganisations: readonly string[];
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
export function listProvidersForAdmin(ctx: Context): {
  providers: AdminProviderView[];
  localSignIn: boolean;
  callbackUrl: string | null;
  secretsSealed: boolean;
} {
  return {
    providers: resolveProviders(ctx).map(({ clientSecret, ...rest }) => ({ ...rest, hasClientSecret: clientSecret !== null })),
    localSignIn: localSignInEnabled(ctx.db),
    callbackUrl: callbackUrl(ctx),
    secretsSealed: ctx.secrets.sealing,
  };
}

/** What the audit log keeps of a provider: every setting but the client secret. */
const AUDITED_SETTINGS = [
  "slug",
  "name",
  "issuer",
  "clientId",
  "emailClaim",
  "requireVerifiedEmail",
  "enabled",
  "vouchesForMfa",
  "mfaAmrValues",
  "mfaAcrValues",
  "nationalRoles",
] as const satisfies readonly (keyof IdentityProviderRow)[];

/** A provider as the audit log keeps it: every setting but the client secret. */
function auditView(p: IdentityProviderRow) {
  const settings = Object.fromEntries(AUDITED_SETTINGS.map((key) => [key, p[key]])) as Pick<
    IdentityProviderRow,
    (typeof AUDITED_SETTINGS)[number]
  >;
  return { ...settings, organisations: p.organisations.map((o) => o.number) };
}

export function saveProvider(ctx: SignedInContext, input: SaveIdentityProviderInput): { id: number; version: number } {
  const at = ctx.now().toISOString();
  if (ctx.envIdentityProviders.some((p) => p.slug === input.slug)) {
    throw new AppError("NAME_TAKEN", {
      message: "A provider from the environment has this slug",
      issues: [{ path: ["slug"], code: "NAME_TAKEN", params: {} }],
    });
  }
  const organisationIds: number[] = [];
  const unknown: string[] = [];
  for (const number of new Set(input.organisations)) {
    const unit = getReportingUnitByNumber(ctx.db, number);
    if (unit) organisationIds.push(unit.id);
    else unknown.push(number);
  }
  if (unknown.length > 0) {
    throw new AppError("NOT_FOUND", {
      message: `Unknown organisations: ${unknown.join(", ")}`,
      issues: [{ path: ["organisations"], code: "NOT_FOUND", params: { expected: unknown.join(", ") } }],
    });
  }
  return ctx.db.transaction((tx) => {
    const sameSlug = listIdentityProviders(tx).find((p) => p.slug === input.slug && p.id !== input.id);
    if (sameSlug)
      throw new AppError("NAME_TAKEN", { message: "Slug in use", issues: [{ path: ["slug"], code: "NAME_TAKEN", params: {} }] });
    const before = input.id ? getIdentityProvider(tx, input.id) : null;
    if (input.id && !before) throw new AppError("NOT_FOUND", { message: "No such provider" });
    // Left out: keep the stored secret; null: remove it.
    const clientSecret =
      input.clientSecret === undefined
        ? (before?.clientSecret ?? null)
        : input.clientSecret === null
          ? null
          : ctx.secrets.seal(input.clientSecret);
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
      details: {
        before: before ? auditView(before) : null,
        after: auditView(after),
        clientSecretChanged: input.clientSecret !== undefined,
      },
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
    if (!deleteIdentityProvider(tx, input.id, input.version))
      throw new AppError("VERSION_CONFLICT", { message: "The provider was changed by someone else" });
    appendAudit(tx, {
      at,
      ...auditBy(ctx.actor),
      action: "admin.identityProviderRemoved",
      entity: "identityProvider",
      entityId: String(input.id),
      details: { before: auditView(before) },
    });
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
    throw new AppError("IN_USE", {
      message: "Password sign-in is off: this is the last provider anyone can sign in with",
      params: { reason: "lastProvider" },
    });
  }
  if (!enabled.some((p) => p.nationalRoles)) {
    throw new AppError("IN_USE", {
      message: "Password sign-in is off: this is the last provider that can sign in administrators",
      params: { reason: "lastNationalProvider" },
    });
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
        throw new AppError("IN_USE", {
          message: "No enabled identity provider may sign in administrators",
          params: { reason: "noNationalProvider" },
        });
      }
      if (callbackUrl(ctx) === null) {
        throw new AppError("IN_USE", {
          message: "PUBLIC_ORIGIN is not set, so provider sign-in is refused",
          params: { reason: "noPublicOrigin" },
        });
      }
      if (countLinkedIdentities(tx, ctx.session.user.id) === 0) {
        throw new AppError("IN_USE", {
          message: "Sign in through a provider once before switching password sign-in off",
          params: { reason: "notLinked" },
        });
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
    appendAudit(tx, {
      at,
      ...auditBy(ctx.actor),
      action: "admin.identitiesUnlinked",
      entity: "user",
      entityId: String(userId),
      details: { identities: identities.map((i) => ({ issuer: i.issuer, subject: i.subject })) },
    });
    return { unlinked };
  });
}

/**
 * The callback address registered at the providers: PUBLIC_ORIGIN + the path, from configuration
 * only. Built from the request's Host header it could be steered by whoever sends the request.
 */
export function callbackUrl(ctx: Pick<Context, "publicOrigin">): string | null {
  return ctx.publicOrigin === null ? null : `${ctx.publicOrigin}${OIDC_CALLBACK_PATH}`;
}
