import {
  appendAudit,
  clearThrottle,
  consumePasswordReset,
  deleteSession,
  deleteUserSessions,
  findUserByEmail,
  getThrottle,
  getUserById,
  insertSession,
  listDemoAccounts,
  saveThrottle,
  setPasswordHash,
  type Db,
  type DbOrTx,
} from "@malestokk/db";
import { lockSecondsAfter, type ChangePasswordInput, type CompleteResetInput, type SignInInput } from "@malestokk/domain";

import type { Context, Session } from "../../context";
import { AppError } from "../../errors";
import { hashPassword, verifyPassword } from "../../auth/password";
import { createToken, hashToken } from "../../auth/tokens";
import { assertLocalSignIn, localSignInEnabled } from "./identity.service";
import { secondFactorChallenge } from "./second-factor.service";

type Throttled = { key: string; failures: number; lockedUntil: string | null };

function throttleKeys(email: string, ip: string | null): string[] {
  return [`email:${email}`, ...(ip ? [`ip:${ip}`] : [])];
}

/** Refuses while any key is locked; the same answer whether or not the e-mail exists. */
function assertNotLocked(db: DbOrTx, keys: string[], now: Date): void {
  for (const key of keys) {
    const row = getThrottle(db, key);
    if (row?.lockedUntil && Date.parse(row.lockedUntil) > now.getTime()) {
      const retryAfterSeconds = Math.ceil((Date.parse(row.lockedUntil) - now.getTime()) / 1000);
      throw new AppError("TOO_MANY_ATTEMPTS", { message: `Sign-in locked for ${key}`, params: { retryAfterSeconds } });
    }
  }
}

function recordFailure(db: DbOrTx, keys: string[], now: Date): Throttled[] {
  return keys.map((key) => {
    const failures = (getThrottle(db, key)?.failures ?? 0) + 1;
    const lock = lockSecondsAfter(failures);
    const lockedUntil = lock > 0 ? new Date(now.getTime() + lock * 1000).toISOString() : null;
    saveThrottle(db, { key, failures, lastFailureAt: now.toISOString(), lockedUntil });
    return { key, failures, lockedUntil };
  });
}

/**
 * Signs in with e-mail and password: a new session (a fresh token, so a planted one is useless),
 * the cookie set, and an audit entry for either outcome. Failures are counted per e-mail and per
 * client address, with backoff after five.
 */
export type SignInResult =
  | { readonly status: "signedIn"; readonly email: string; readonly name: string }
  | { readonly status: "secondFactor" | "enrolSecondFactor"; readonly challenge: string };

export async function signIn(ctx: Context, input: SignInInput): Promise<SignInResult> {
  const now = ctx.now();
  assertLocalSignIn(ctx.db);
  const keys = throttleKeys(input.email, ctx.clientIp);
  assertNotLocked(ctx.db, keys, now);
  const user = findUserByEmail(ctx.db, input.email);
  const valid = await verifyPassword(user && !user.disabled ? user.passwordHash : null, input.password);
  // The hash check is async; everything after it is one synchronous transaction.
  const at = ctx.now();
  if (!user || user.disabled || !valid) {
    ctx.db.transaction((tx) => {
      recordFailure(tx, keys, at);
      appendAudit(tx, {
        at: at.toISOString(),
        actorUserId: user?.id ?? null,
        actorEmail: input.email,
        action: "auth.signInFailed",
        details: { reason: !user ? "unknownEmail" : user.disabled ? "disabled" : "wrongPassword" },
        ip: ctx.clientIp,
      });
    });
    throw new AppError("INVALID_CREDENTIALS", { message: "Wrong e-mail or password" });
  }
  // The right password with a second factor to come: no session yet, a short challenge instead.
  const challenge = ctx.db.transaction((tx) => {
    for (const key of keys) clearThrottle(tx, key);
    return secondFactorChallenge(tx, user, at);
  });
  if (challenge) {
    appendAudit(ctx.db, { at: at.toISOString(), actorUserId: user.id, actorEmail: user.email, action: "auth.passwordAccepted", details: { next: challenge.purpose }, ip: ctx.clientIp });
    return { status: challenge.purpose === "verify" ? "secondFactor" : "enrolSecondFactor", challenge: challenge.token };
  }
  openSession(ctx, user, at, "auth.signIn");
  return { status: "signedIn", email: user.email, name: user.name };
}

/**
 * A new session (a fresh token, so a planted one is useless), the cookie set, and the sign-in
 * audited. A session that existed before is never reused (session fixation).
 */
export function openSession(ctx: Context, user: { id: number; email: string }, at: Date, action: string, details?: unknown): void {
  const { token, hash } = createToken();
  const expiresAt = new Date(at.getTime() + ctx.authSettings.absoluteHours * 3_600_000);
  ctx.db.transaction((tx) => {
    if (ctx.session) deleteSession(tx, ctx.session.tokenHash);
    insertSession(tx, {
      tokenHash: hash,
      userId: user.id,
      createdAt: at.toISOString(),
      lastSeenAt: at.toISOString(),
      expiresAt: expiresAt.toISOString(),
    });
    appendAudit(tx, { at: at.toISOString(), actorUserId: user.id, actorEmail: user.email, action, details, ip: ctx.clientIp });
  });
  ctx.cookies.set(token, expiresAt);
}

export function signOut(ctx: Context, session: Session): void {
  const at = ctx.now().toISOString();
  ctx.db.transaction((tx) => {
    deleteSession(tx, session.tokenHash);
    appendAudit(tx, { at, actorUserId: session.user.id, actorEmail: session.user.email, action: "auth.signOut", ip: ctx.clientIp });
  });
  ctx.cookies.clear();
}

/** Ends every session of the user, this one included. */
export function signOutEverywhere(ctx: Context, session: Session): { sessionsEnded: number } {
  const at = ctx.now().toISOString();
  let ended = 0;
  ctx.db.transaction((tx) => {
    ended = deleteUserSessions(tx, session.user.id);
    appendAudit(tx, {
      at,
      actorUserId: session.user.id,
      actorEmail: session.user.email,
      action: "auth.signOutEverywhere",
      details: { sessionsEnded: ended },
      ip: ctx.clientIp,
    });
  });
  ctx.cookies.clear();
  return { sessionsEnded: ended };
}

/** Changes the own password; other sessions end, this one stays. */
export async function changePassword(ctx: Context, session: Session, input: ChangePasswordInput): Promise<void> {
  assertLocalSignIn(ctx.db);
  const user = getUserById(ctx.db, session.user.id);
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError("INVALID_CREDENTIALS", {
      message: "Current password is wrong",
      issues: [{ path: ["currentPassword"], code: "INVALID_CREDENTIALS", params: {} }],
    });
  }
  const passwordHash = await hashPassword(input.newPassword);
  const at = ctx.now().toISOString();
  ctx.db.transaction((tx) => {
    setPasswordHash(tx, { userId: user.id, passwordHash, now: at });
    deleteUserSessions(tx, user.id, session.tokenHash);
    appendAudit(tx, { at, actorUserId: user.id, actorEmail: user.email, action: "auth.passwordChanged", entity: "user", entityId: String(user.id), ip: ctx.clientIp });
  });
}

/** Sets a new password from a one-time reset link; every existing session of the user ends. */
export async function completeReset(ctx: Context, input: CompleteResetInput): Promise<{ email: string }> {
  assertLocalSignIn(ctx.db);
  const passwordHash = await hashPassword(input.newPassword);
  const at = ctx.now().toISOString();
  const email = ctx.db.transaction((tx) => {
    const userId = consumePasswordReset(tx, { tokenHash: hashToken(input.token), now: at });
    const user = userId === null ? null : getUserById(tx, userId);
    if (!user) throw new AppError("TOKEN_INVALID", { message: "Reset link unknown, used or expired" });
    setPasswordHash(tx, { userId: user.id, passwordHash, now: at });
    deleteUserSessions(tx, user.id);
    appendAudit(tx, { at, actorUserId: user.id, actorEmail: user.email, action: "auth.passwordReset", entity: "user", entityId: String(user.id), ip: ctx.clientIp });
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
}

export function describeSession(session: Session | null): Me | null {
  if (!session) return null;
  return {
    email: session.user.email,
    name: session.user.name,
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
