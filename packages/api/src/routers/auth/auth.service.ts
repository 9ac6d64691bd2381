import {
  appendAudit,
  consumePasswordReset,
  deletePasswordResets,
  deleteSession,
  deleteUserSessions,
  findUserByEmail,
  getFirstWrittenStandard,
  getThrottle,
  getUserById,
  listDemoAccounts,
  saveThrottle,
  setPasswordHash,
  type Db,
  type DbOrTx,
} from "@malestokk/db";
import {
  ACCOUNT_RATE,
  ADDRESS_RATE,
  KNOWN_ADDRESS_DAYS,
  type ChangePasswordInput,
  type CompleteResetInput,
  type SignInInput,
  type UiLanguage,
  type WrittenStandard,
} from "@malestokk/domain";

import { actorOf, auditBy, type Context, type Session, type SignedInContext } from "../../context";
import { AppError } from "../../errors";
import { beginAttempt, settleSuccess, type AttemptLimit } from "../../auth/attempts";
import { requireUncommonPassword, requireUnguessablePassword } from "../../auth/common-passwords";
import { hashPassword, verifyPassword } from "../../auth/password";
import { hashToken } from "../../auth/tokens";
import { assertLocalSignIn, localSignInEnabled } from "./identity.service";
import { secondFactorChallenge } from "./second-factor.service";
import { openSession, requireCurrentPassword } from "./session";
import { queuePasswordChanged } from "../../mail/security-notices";

/** An address where the account gave its right password lately: the user's own (decision 005). */
function knownAddressKey(email: string, ip: string | null): string {
  return `known:${email}|${ip ?? ""}`;
}

/**
 * What limits a password sign-in (decision 005): always the pair of account and address (backoff);
 * from an address the account has not signed in from lately, also the account's rate across all
 * addresses and the address's rate across all accounts. The same whether or not the e-mail exists.
 */
function signInLimits(db: DbOrTx, email: string, ip: string | null, now: Date): AttemptLimit[] {
  const pair: AttemptLimit = { key: `pair:${email}|${ip ?? ""}`, kind: "backoff" };
  // For a known address the row's lastFailureAt holds the last right password.
  const known = getThrottle(db, knownAddressKey(email, ip));
  if (known && Date.parse(known.lastFailureAt) > now.getTime() - KNOWN_ADDRESS_DAYS * 86_400_000) return [pair];
  const account: AttemptLimit = { key: `account:${email}`, kind: "rate", rate: ACCOUNT_RATE };
  return ip ? [pair, account, { key: `ip:${ip}`, kind: "rate", rate: ADDRESS_RATE }] : [pair, account];
}

export type SignInResult =
  | { readonly status: "signedIn"; readonly email: string; readonly name: string }
  | { readonly status: "secondFactor" | "enrolSecondFactor"; readonly challenge: string };

/**
 * Signs in with e-mail and password: a new session (a fresh token, so a planted one is useless),
 * the cookie set, and an audit entry for either outcome. The attempt is counted before the
 * password is checked and settled after (decision 005).
 */
export async function signIn(ctx: Context, input: SignInInput): Promise<SignInResult> {
  assertLocalSignIn(ctx.db);
  const started = ctx.now();
  const limits = ctx.db.transaction((tx) => {
    const found = signInLimits(tx, input.email, ctx.clientIp, started);
    beginAttempt(tx, found, started);
    return found;
  });
  const user = findUserByEmail(ctx.db, input.email);
  const valid = await verifyPassword(user && !user.disabled ? user.passwordHash : null, input.password);
  // The hash check is async; everything after it is synchronous. A failure is counted already.
  const at = ctx.now();
  if (!user || user.disabled || !valid) {
    appendAudit(ctx.db, {
      at: at.toISOString(),
      ...auditBy(actorOf({ id: user?.id ?? null, email: input.email }, ctx)),
      action: "auth.signInFailed",
      details: { reason: !user ? "unknownEmail" : user.disabled ? "disabled" : "wrongPassword" },
    });
    throw new AppError("INVALID_CREDENTIALS", { message: "Wrong e-mail or password" });
  }
  // The right password with a second factor to come: no session yet, a short challenge instead.
  const challenge = ctx.db.transaction((tx) => {
    settleSuccess(tx, limits);
    saveThrottle(tx, { key: knownAddressKey(input.email, ctx.clientIp), failures: 0, lastFailureAt: at.toISOString(), lockedUntil: null });
    return secondFactorChallenge(tx, user, at);
  });
  if (challenge) {
    appendAudit(ctx.db, {
      at: at.toISOString(),
      ...auditBy(actorOf(user, ctx)),
      action: "auth.passwordAccepted",
      details: { next: challenge.purpose },
    });
    return { status: challenge.purpose === "verify" ? "secondFactor" : "enrolSecondFactor", challenge: challenge.token };
  }
  openSession(ctx, user, at, "auth.signIn");
  return { status: "signedIn", email: user.email, name: user.name };
}

export function signOut(ctx: SignedInContext): void {
  const at = ctx.now().toISOString();
  ctx.db.transaction((tx) => {
    deleteSession(tx, ctx.session.tokenHash);
    appendAudit(tx, { at, ...auditBy(ctx.actor), action: "auth.signOut" });
  });
  ctx.cookies.clear();
}

/** Ends every session of the user, this one included. */
export function signOutEverywhere(ctx: SignedInContext): { sessionsEnded: number } {
  const at = ctx.now().toISOString();
  let ended = 0;
  ctx.db.transaction((tx) => {
    ended = deleteUserSessions(tx, ctx.session.user.id);
    appendAudit(tx, { at, ...auditBy(ctx.actor), action: "auth.signOutEverywhere", details: { sessionsEnded: ended } });
  });
  ctx.cookies.clear();
  return { sessionsEnded: ended };
}

/** Changes the own password; other sessions end, this one stays. */
export async function changePassword(ctx: SignedInContext, input: ChangePasswordInput): Promise<void> {
  const { session } = ctx;
  assertLocalSignIn(ctx.db);
  // Before the current password, so a refused choice costs no attempt.
  await requireUncommonPassword(input.newPassword);
  requireUnguessablePassword(ctx.db, input.newPassword, session.user);
  const user = await requireCurrentPassword(ctx, session.user.id, input.currentPassword);
  const passwordHash = await hashPassword(input.newPassword);
  const at = ctx.now().toISOString();
  ctx.db.transaction((tx) => {
    setPasswordHash(tx, { userId: user.id, passwordHash, now: at });
    deleteUserSessions(tx, user.id, session.tokenHash);
    appendAudit(tx, { at, ...auditBy(ctx.actor), action: "auth.passwordChanged", entity: "user", entityId: String(user.id) });
    queuePasswordChanged(ctx, tx, user.id);
  });
}

/** Sets a new password from a one-time reset link; every existing session of the user ends. */
export async function completeReset(ctx: Context, input: CompleteResetInput): Promise<{ email: string }> {
  assertLocalSignIn(ctx.db);
  await requireUncommonPassword(input.newPassword);
  const passwordHash = await hashPassword(input.newPassword);
  const at = ctx.now().toISOString();
  const tokenHash = hashToken(input.token);
  const email = ctx.db.transaction((tx) => {
    const userId = consumePasswordReset(tx, { tokenHash, now: at });
    const user = userId === null ? null : getUserById(tx, userId);
    if (!user) throw new AppError("TOKEN_INVALID", { message: "Reset link unknown, used or expired" });
    // Refused here, the transaction rolls back and the link still works for a better choice.
    requireUnguessablePassword(tx, input.newPassword, user);
    deletePasswordResets(tx, user.id, tokenHash);
    setPasswordHash(tx, { userId: user.id, passwordHash, now: at });
    deleteUserSessions(tx, user.id);
    appendAudit(tx, { at, ...auditBy(actorOf(user, ctx)), action: "auth.passwordReset", entity: "user", entityId: String(user.id) });
    queuePasswordChanged(ctx, tx, user.id);
    return user.email;
  });
  return { email };
}

export interface Me {
  readonly email: string;
  readonly name: string;
  readonly grants: readonly {
    readonly role: string;
    readonly organisationId: number | null;
    readonly organisationNumber: string | null;
    readonly organisationName: string | null;
    readonly sector: string | null;
  }[];
  readonly expiresAt: string;
  /** The interface language the user chose; null before a choice (ADR 026). */
  readonly language: UiLanguage | null;
  /** The written standard of the user's (first) municipality, which gives the language before a choice; null without one. */
  readonly writtenStandard: WrittenStandard | null;
}

export function describeSession(db: DbOrTx, session: Session | null): Me | null {
  if (!session) return null;
  return {
    email: session.user.email,
    name: session.user.name,
    language: session.user.language,
    writtenStandard: getFirstWrittenStandard(
      db,
      session.grants.flatMap((g) => (g.organisationId === null ? [] : [g.organisationId])),
    ),
    grants: session.grants.map((g) => ({
      role: g.role,
      organisationId: g.organisationId,
      organisationNumber: g.organisationNumber,
      organisationName: g.organisationName,
      sector: g.sector,
    })),
    expiresAt: session.expiresAt,
  };
}

/** The demo accounts, for the sign-in page; none unless demo users exist in this database. */
export function listDemoSignIns(db: Db): { email: string; role: string; municipalityNumber: string | null }[] {
  if (!localSignInEnabled(db)) return [];
  return listDemoAccounts().filter((a) => {
    const user = findUserByEmail(db, a.email);
    return user?.isDemo === true && !user.disabled;
  });
}
