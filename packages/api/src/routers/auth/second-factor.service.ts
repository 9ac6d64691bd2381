import {
  appendAudit,
  acceptTotpCounter,
  clearSecondFactor,
  countChallengeAttempt,
  deleteChallenge,
  enableSecondFactor,
  getChallenge,
  getSecondFactor,
  getSetting,
  getUserById,
  insertChallenge,
  listGrants,
  setPendingSecret,
  setSetting,
  useRecoveryCode,
  type DbOrTx,
} from "@malestokk/db";
import { RECENT_SIGN_IN_MINUTES } from "@malestokk/domain";
import QRCode from "qrcode";

import { actorOf, auditBy, type Context, type Session, type SignedInContext } from "../../context";
import { AppError } from "../../errors";
import { beginAttempt, lockedSeconds, settleSuccess, type AttemptLimit } from "../../auth/attempts";
import { createToken, hashToken } from "../../auth/tokens";
import { createRecoveryCodes, createTotpSecret, hashRecoveryCode, otpauthUri, verifyTotp } from "../../auth/totp";
import { openSession, requireCurrentPassword } from "./session";
import { queueSecondFactorChanged } from "../../mail/security-notices";

export const REQUIRE_SECOND_FACTOR = "requireSecondFactor";
const CHALLENGE_MINUTES = 5;
const MAX_ATTEMPTS = 5;

/**
 * Who must use a second factor (ASVS 6.3.3, NSM 2.6.7): administrators and the board always, every
 * local account when an administrator requires it. Demo accounts are exempt, so the demo stays
 * easy to try; they may still enrol.
 */
export function secondFactorRequired(db: DbOrTx, user: { id: number; isDemo: boolean }): boolean {
  if (user.isDemo) return false;
  if (listGrants(db, user.id).some((g) => g.role === "admin" || g.role === "board")) return true;
  return getSetting(db, REQUIRE_SECOND_FACTOR, false);
}

/** After the right password: a challenge to enter a code (or to enrol, when required), or null to sign in at once. */
export function secondFactorChallenge(
  db: DbOrTx,
  user: { id: number; isDemo: boolean },
  at: Date,
): { purpose: "verify" | "enrol"; token: string } | null {
  const factor = getSecondFactor(db, user.id);
  const purpose = factor?.secret ? "verify" : secondFactorRequired(db, user) ? "enrol" : null;
  if (!purpose) return null;
  const { token, hash } = createToken();
  insertChallenge(db, {
    tokenHash: hash,
    userId: user.id,
    purpose,
    expiresAt: new Date(at.getTime() + CHALLENGE_MINUTES * 60_000).toISOString(),
    attempts: 0,
  });
  return { purpose, token };
}

/** The challenge behind a token, still valid and with tries left; anything else means "sign in again". */
function liveChallenge(ctx: Context, token: string, purpose: "verify" | "enrol") {
  const hash = hashToken(token);
  const challenge = getChallenge(ctx.db, hash);
  if (
    !challenge ||
    challenge.purpose !== purpose ||
    Date.parse(challenge.expiresAt) <= ctx.now().getTime() ||
    challenge.attempts >= MAX_ATTEMPTS
  ) {
    if (challenge) deleteChallenge(ctx.db, hash);
    throw new AppError("TOKEN_INVALID", { message: "The sign-in step has expired: sign in again" });
  }
  const user = getUserById(ctx.db, challenge.userId);
  if (!user || user.disabled) throw new AppError("TOKEN_INVALID", { message: "The sign-in step has expired: sign in again" });
  return { hash, user };
}

/**
 * Wrong codes count per account, whatever the challenge (decision 005): a new challenge with each
 * password sign-in does not give new tries. Authenticator and recovery codes count alike.
 */
function codeLimits(userId: number): AttemptLimit[] {
  return [{ key: `second-factor:${userId}`, kind: "backoff" }];
}

/** Counts the try before the code is checked; refuses while the account's codes are locked. */
function beginCodeCheck(ctx: Context, userId: number, at: Date): AttemptLimit[] {
  const limits = codeLimits(userId);
  ctx.db.transaction((tx) => beginAttempt(tx, limits, at));
  return limits;
}

/** A wrong code: the challenge loses a try (when there is one), and the failure, and any lock it led to, are audited. */
function refuse(ctx: Context, hash: string | null, user: { id: number; email: string }, reason: string): never {
  const at = ctx.now();
  ctx.db.transaction((tx) => {
    if (hash) countChallengeAttempt(tx, hash);
    appendAudit(tx, { at: at.toISOString(), ...auditBy(actorOf(user, ctx)), action: "auth.secondFactorFailed", details: { reason } });
    const [limit] = codeLimits(user.id);
    const retryAfterSeconds = limit ? lockedSeconds(tx, limit.key, at) : 0;
    if (retryAfterSeconds > 0) {
      appendAudit(tx, {
        at: at.toISOString(),
        ...auditBy(actorOf(user, ctx)),
        action: "auth.secondFactorLocked",
        details: { retryAfterSeconds },
      });
    }
  });
  throw new AppError("INVALID_CREDENTIALS", { message: "Wrong code", params: { reason } });
}

/** The second step: a code from the authenticator (each time step once), or a recovery code (each once). */
export function verifySecondFactor(
  ctx: Context,
  input: { challenge: string; code?: string | undefined; recoveryCode?: string | undefined },
): { email: string; name: string } {
  const { hash, user } = liveChallenge(ctx, input.challenge, "verify");
  const factor = getSecondFactor(ctx.db, user.id);
  const at = ctx.now();
  if (!factor?.secret) throw new AppError("TOKEN_INVALID", { message: "No second factor: sign in again" });
  const limits = beginCodeCheck(ctx, user.id, at);
  let method: "totp" | "recoveryCode";
  if (input.recoveryCode) {
    if (!useRecoveryCode(ctx.db, user.id, hashRecoveryCode(input.recoveryCode), at.toISOString())) refuse(ctx, hash, user, "recoveryCode");
    method = "recoveryCode";
  } else {
    const checked = verifyTotp(ctx.secrets.open(factor.secret), input.code ?? "", at, factor.lastCounter);
    if (!checked.ok) refuse(ctx, hash, user, checked.reason);
    // A second request with the same code in the same moment loses here.
    if (!acceptTotpCounter(ctx.db, user.id, checked.counter)) refuse(ctx, hash, user, "REUSED");
    method = "totp";
  }
  ctx.db.transaction((tx) => {
    settleSuccess(tx, limits);
    deleteChallenge(tx, hash);
  });
  openSession(ctx, user, at, "auth.signIn", {
    secondFactor: method,
    recoveryCodesLeft: getSecondFactor(ctx.db, user.id)?.recoveryCodesLeft ?? 0,
  });
  return { email: user.email, name: user.name };
}

/**
 * Who is enrolling: a signed-in user on the account page (with the current password to begin),
 * or one whose sign-in requires it first.
 */
type Enroller = { readonly session: Session; readonly currentPassword?: string | undefined } | { readonly challenge: string };

/**
 * Proof on the account page that the owner is at the keyboard before the second factor is set up
 * or replaced (decision 005): the current password, counted against guessing; for an account
 * without one (signed in through an identity provider), a sign-in within the last ten minutes.
 */
async function requireOwner(ctx: Context, session: Session, currentPassword: string | undefined): Promise<void> {
  const user = getUserById(ctx.db, session.user.id);
  if (!user) throw new AppError("UNAUTHORIZED");
  if (user.passwordHash === null) {
    if (Date.parse(session.signedInAt) + RECENT_SIGN_IN_MINUTES * 60_000 < ctx.now().getTime()) {
      throw new AppError("RECENT_SIGN_IN_REQUIRED", { message: "Sign in again first", params: { minutes: RECENT_SIGN_IN_MINUTES } });
    }
    return;
  }
  if (!currentPassword) {
    throw new AppError("VALIDATION_FAILED", {
      message: "Current password required",
      issues: [{ path: ["currentPassword"], code: "REQUIRED", params: {} }],
    });
  }
  await requireCurrentPassword(ctx, user.id, currentPassword);
}

function enroller(ctx: Context, who: Enroller) {
  if ("session" in who) {
    const user = getUserById(ctx.db, who.session.user.id);
    if (!user) throw new AppError("UNAUTHORIZED");
    return { user, hash: null };
  }
  const { hash, user } = liveChallenge(ctx, who.challenge, "enrol");
  return { user, hash };
}

/**
 * A new secret for the authenticator app, as a QR code and as text; it counts once a code confirms
 * it. On the account page it may replace the one in use, which works until then.
 */
export async function beginEnrolment(ctx: Context, who: Enroller): Promise<{ secret: string; uri: string; qrSvg: string }> {
  if ("session" in who) await requireOwner(ctx, who.session, who.currentPassword);
  const { user } = enroller(ctx, who);
  const secret = createTotpSecret();
  setPendingSecret(ctx.db, user.id, ctx.secrets.seal(secret));
  const uri = otpauthUri(secret, user.email);
  return { secret, uri, qrSvg: await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 1 }) };
}

/** Confirms the secret with a code; returns the recovery codes (shown once). After a required enrolment, signs in. */
export function confirmEnrolment(ctx: Context, who: Enroller, code: string): { recoveryCodes: string[]; signedIn: boolean } {
  const { user, hash } = enroller(ctx, who);
  const pending = getSecondFactor(ctx.db, user.id)?.pendingSecret;
  if (!pending) throw new AppError("STATUS_CONFLICT", { params: { status: "notStarted", action: "confirm" } });
  const at = ctx.now();
  const limits = beginCodeCheck(ctx, user.id, at);
  const checked = verifyTotp(ctx.secrets.open(pending), code, at, null);
  if (!checked.ok) refuse(ctx, hash, user, checked.reason);
  const { codes, hashes } = createRecoveryCodes();
  const replaced = Boolean(getSecondFactor(ctx.db, user.id)?.secret);
  ctx.db.transaction((tx) => {
    settleSuccess(tx, limits);
    enableSecondFactor(tx, { userId: user.id, secret: pending, counter: checked.counter, recoveryHashes: hashes, now: at.toISOString() });
    appendAudit(tx, {
      at: at.toISOString(),
      ...auditBy(actorOf(user, ctx)),
      action: replaced ? "auth.secondFactorReplaced" : "auth.secondFactorEnabled",
    });
    queueSecondFactorChanged(ctx, tx, user.id, replaced ? "replaced" : "enabled");
    if (hash) deleteChallenge(tx, hash);
  });
  if (hash) openSession(ctx, user, at, "auth.signIn", { secondFactor: "enrolled" });
  return { recoveryCodes: codes, signedIn: hash !== null };
}

/** The account page's view of the user's own second factor. */
export function describeSecondFactor(ctx: SignedInContext) {
  const user = getUserById(ctx.db, ctx.session.user.id);
  const factor = getSecondFactor(ctx.db, ctx.session.user.id);
  return {
    /** Whether the account page must ask for the password (else a recent sign-in is needed). */
    hasPassword: Boolean(user?.passwordHash),
    enabled: Boolean(factor?.secret),
    enabledAt: factor?.enabledAt ?? null,
    required: user ? secondFactorRequired(ctx.db, user) : false,
    recoveryCodesLeft: factor?.recoveryCodesLeft ?? 0,
  };
}

/** An administrator's reset after a lost device: the user enrols again at the next sign-in (if required) or on the account page. */
export function resetSecondFactor(ctx: SignedInContext, userId: number): void {
  const user = getUserById(ctx.db, userId);
  if (!user) throw new AppError("NOT_FOUND", { params: { userId } });
  const at = ctx.now().toISOString();
  ctx.db.transaction((tx) => {
    clearSecondFactor(tx, userId, at);
    appendAudit(tx, {
      at,
      ...auditBy(ctx.actor),
      action: "admin.secondFactorReset",
      entity: "user",
      entityId: String(userId),
      details: { email: user.email },
    });
    queueSecondFactorChanged(ctx, tx, userId, "reset");
  });
}

export function setSecondFactorPolicy(ctx: SignedInContext, required: boolean): { required: boolean } {
  const at = ctx.now().toISOString();
  ctx.db.transaction((tx) => {
    setSetting(tx, REQUIRE_SECOND_FACTOR, required, at);
    appendAudit(tx, { at, ...auditBy(ctx.actor), action: "admin.secondFactorPolicy", details: { required } });
  });
  return { required };
}

export function getSecondFactorPolicy(ctx: Context): { required: boolean } {
  return { required: getSetting(ctx.db, REQUIRE_SECOND_FACTOR, false) };
}
