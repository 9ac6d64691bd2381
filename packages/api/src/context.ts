import { findSession, getChangeStamp, getCounter, listGrants, touchSession, type CounterKey, type Db, type GrantRow } from "@malestokk/db";
import type { EnvIdentityProvider, UiLanguage } from "@malestokk/domain";

import { createSecretBox, type SecretBox } from "./auth/secret-box";
import { FileReader } from "./files/file-reader";
import { hashToken } from "./auth/tokens";
import { MAIL_OFF, type MailSettings } from "./mail/notify";

export interface AuthSettings {
  /** Sign out after this long without a request (ASVS 4.0.3 3.3.2: 30 min at L2). */
  readonly idleMinutes: number;
  /** Sign out this long after sign-in, whatever the activity (ASVS: 12 h). */
  readonly absoluteHours: number;
}

export const DEFAULT_AUTH_SETTINGS: AuthSettings = { idleMinutes: 30, absoluteHours: 12 };

/** How a procedure sets or clears the session cookie, without knowing about HTTP. */
export interface SessionCookies {
  set(token: string, expiresAt: Date): void;
  clear(): void;
}

export interface SessionUser {
  readonly id: number;
  readonly email: string;
  readonly name: string;
  /** The interface language the user chose; null before a choice (ADR 026). */
  readonly language: UiLanguage | null;
}

export interface Session {
  readonly tokenHash: string;
  readonly user: SessionUser;
  readonly grants: readonly GrantRow[];
  readonly expiresAt: string;
  /** When this session was opened: the sign-in a sensitive change may need to be recent. */
  readonly signedInAt: string;
}

/**
 * Who makes a change: the audit log's actor and the name a record keeps. The signed-in middleware
 * (`trpc.ts`) puts it on the context once; the command line acts as `COMMAND_LINE_ACTOR`.
 */
export interface Actor {
  /** Null for the command line, which is no user. */
  readonly userId: number | null;
  readonly email: string;
  readonly name: string;
  readonly ip: string | null;
}

export const COMMAND_LINE_ACTOR: Actor = { userId: null, email: "cli", name: "cli", ip: null };

/** What every service that changes data takes besides its input: when, and who. */
export interface ChangeOptions {
  readonly now: Date;
  readonly actor: Actor;
  /** Whether notices are queued by e-mail (issue 25); off when absent (the command line). */
  readonly mail?: MailSettings;
}

/** The change options of a signed-in procedure's context. */
export function changeOptions(ctx: { now: () => Date; actor: Actor; mail?: MailSettings }): ChangeOptions {
  return { now: ctx.now(), actor: ctx.actor, ...(ctx.mail ? { mail: ctx.mail } : {}) };
}

export function sessionActor(session: Session, clientIp: string | null): Actor {
  return { userId: session.user.id, email: session.user.email, name: session.user.name, ip: clientIp };
}

/** A signed-in procedure's context: the session and its actor, set once by the signed-in middleware. */
export type SignedInContext = Context & { readonly session: Session; readonly actor: Actor };

/** Who an audit entry names: an `Actor`, or before a session exists one whose account or e-mail may be unknown. */
export interface AuditActor {
  readonly userId: number | null;
  readonly email: string | null;
  readonly ip: string | null;
}

/**
 * Who acts before a session exists (a sign-in step, a reset link, a provider's callback): the
 * account, or only the e-mail given, at the request's address. Once signed in, `ctx.actor` says it.
 */
export function actorOf(user: { readonly id: number | null; readonly email: string | null }, ctx: Pick<Context, "clientIp">): AuditActor {
  return { userId: user.id, email: user.email, ip: ctx.clientIp };
}

/** An audit entry's actor columns: every entry names its actor this one way. */
export function auditBy(actor: AuditActor): { actorUserId: number | null; actorEmail: string | null; ip: string | null } {
  return { actorUserId: actor.userId, actorEmail: actor.email, ip: actor.ip };
}

export interface ContextOptions {
  readonly db: Db;
  readonly session?: Session | null;
  readonly cookies?: SessionCookies;
  readonly clientIp?: string | null;
  readonly authSettings?: AuthSettings;
  /** The clock, injected so tests and services never call Date.now() directly. */
  readonly now?: () => Date;
  /** Where unexpected errors are reported, with the id the user sees. */
  readonly reportError?: (errorId: string, error: unknown) => void;
  /** The HTTP request's id: in its log lines and in any error the client gets. */
  readonly requestId?: string | null;
  /** OpenID Connect providers from the environment (OIDC_PROVIDERS); admins add more in settings. */
  readonly envIdentityProviders?: readonly EnvIdentityProvider[];
  /** Seals TOTP keys and client secrets in the database (SECRET_KEY); without it they are stored as given. */
  readonly secrets?: SecretBox;
  /** Reads uploaded files off the event loop; one is shared by the process unless given. */
  readonly fileReader?: FileReader;
  /** PUBLIC_ORIGIN (scheme, host and port): the only base of the provider callback address. */
  readonly publicOrigin?: string | null;
  /** Whether mail is on (SMTP_URL, MAIL_FROM): notices are queued only then (issue 25). */
  readonly mail?: MailSettings;
  /** Signs unsubscribe links (`mail/unsubscribe.ts`); without it, the key kept in the settings. */
  readonly unsubscribeKey?: Buffer | null;
}

export interface Context {
  readonly db: Db;
  readonly session: Session | null;
  readonly cookies: SessionCookies;
  readonly clientIp: string | null;
  readonly authSettings: AuthSettings;
  readonly now: () => Date;
  readonly reportError: (errorId: string, error: unknown) => void;
  readonly requestId: string | null;
  readonly envIdentityProviders: readonly EnvIdentityProvider[];
  readonly secrets: SecretBox;
  readonly fileReader: FileReader;
  readonly publicOrigin: string | null;
  readonly mail: MailSettings;
  readonly unsubscribeKey: Buffer | null;
}

let sharedFileReader: FileReader | null = null;

const PLAIN_SECRETS = createSecretBox(null);
const NO_COOKIES: SessionCookies = { set: () => undefined, clear: () => undefined };

/** The context without HTTP: used by the server adapter and by router tests through createCaller. */
export function createContextInner(options: ContextOptions): Context {
  return {
    db: options.db,
    session: options.session ?? null,
    cookies: options.cookies ?? NO_COOKIES,
    clientIp: options.clientIp ?? null,
    authSettings: options.authSettings ?? DEFAULT_AUTH_SETTINGS,
    now: options.now ?? (() => new Date()),
    reportError: options.reportError ?? (() => undefined),
    requestId: options.requestId ?? null,
    envIdentityProviders: options.envIdentityProviders ?? [],
    secrets: options.secrets ?? PLAIN_SECRETS,
    fileReader: options.fileReader ?? (sharedFileReader ??= new FileReader()),
    publicOrigin: options.publicOrigin ?? null,
    mail: options.mail ?? MAIL_OFF,
    unsubscribeKey: options.unsubscribeKey ?? null,
  };
}

// Writing lastSeenAt on every request would turn every read into a write.
const TOUCH_AFTER_MS = 60_000;

type SessionLookup = { readonly found: NonNullable<ReturnType<typeof findSession>>; readonly grants: GrantRow[] } | null;

/**
 * Session lookups (the session row, its user and grants, or that there is none) by token hash, as
 * the database held them at one change stamp: any write, here or by another process (a sign-out, a
 * role removed, an account disabled, a password changed, the command line), changes the stamp and
 * drops them all, so a revoked session is refused at its next request (issue 21, point 7).
 */
const sessionLookups = new WeakMap<Db, { stamp: string; byTokenHash: Map<string, SessionLookup>; counters: Map<CounterKey, number> }>();
const MAX_KEPT_LOOKUPS = 1_000;

function lookUpSession(db: Db, tokenHash: string): SessionLookup {
  const stamp = getChangeStamp(db);
  let kept = sessionLookups.get(db);
  if (kept?.stamp !== stamp) {
    kept = { stamp, byTokenHash: new Map(), counters: new Map() };
    sessionLookups.set(db, kept);
  }
  let lookup = kept.byTokenHash.get(tokenHash);
  if (lookup === undefined) {
    const found = findSession(db, tokenHash);
    lookup = found ? { found, grants: listGrants(db, found.userId) } : null;
    // Unknown tokens are kept too (a flood of forged ones): within a bound.
    if (kept.byTokenHash.size >= MAX_KEPT_LOOKUPS) kept.byTokenHash.clear();
    kept.byTokenHash.set(tokenHash, lookup);
  }
  return lookup;
}

/**
 * A counter (`dataVersion`, a draft counter) as the database held it at the change stamp of the last session
 * lookup. Only a write changes a counter, and a write changes the stamp, so it is read again after one; call it
 * after the request's session is resolved (the answer cache's scope does), never inside a transaction.
 */
export function counterAtSessionStamp(db: Db, key: CounterKey): number {
  const kept = sessionLookups.get(db);
  if (!kept) return getCounter(db, key);
  let value = kept.counters.get(key);
  if (value === undefined) {
    value = getCounter(db, key);
    kept.counters.set(key, value);
  }
  return value;
}

/**
 * The session behind a cookie token, or null when it is unknown, idle too long or past its
 * absolute expiry (ASVS 7.3.1, 7.3.2). Keeps the idle clock running.
 */
export function resolveSession(db: Db, token: string | null, now: Date, settings: AuthSettings): Session | null {
  if (!token || token.length > 200) return null;
  const tokenHash = hashToken(token);
  const lookup = lookUpSession(db, tokenHash);
  if (!lookup) return null;
  const { found, grants } = lookup;
  const lastSeen = Date.parse(found.session.lastSeenAt);
  if (Date.parse(found.session.expiresAt) <= now.getTime()) return null;
  if (lastSeen + settings.idleMinutes * 60_000 <= now.getTime()) return null;
  if (now.getTime() - lastSeen > TOUCH_AFTER_MS) touchSession(db, tokenHash, now.toISOString());
  return {
    tokenHash,
    user: { id: found.userId, email: found.email, name: found.name, language: found.language },
    grants,
    expiresAt: found.session.expiresAt,
    signedInAt: found.session.createdAt,
  };
}
