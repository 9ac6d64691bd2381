import { appendAudit, deleteSession, getUserById, insertSession, type UserRow } from "@malestokk/db";
import type { AuditAction } from "@malestokk/domain";

import { actorOf, auditBy, type Context } from "../../context";
import { AppError } from "../../errors";
import { beginAttempt, settleSuccess, type AttemptLimit } from "../../auth/attempts";
import { verifyPassword } from "../../auth/password";
import { createToken } from "../../auth/tokens";

// What every way of signing in shares (password, second factor, identity provider): the services
// of those ways import it from here, so none of them imports another's service.

/**
 * A new session (a fresh token, so a planted one is useless), the cookie set, and the sign-in
 * audited. A session that existed before is never reused (session fixation).
 */
export function openSession(ctx: Context, user: { id: number; email: string }, at: Date, action: AuditAction, details?: unknown): void {
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
    appendAudit(tx, { at: at.toISOString(), ...auditBy(actorOf(user, ctx)), action, details });
  });
  ctx.cookies.set(token, expiresAt);
}

/**
 * Checks the signed-in user's own password, asked for again before a change to the account
 * (decision 005): counted per account before the check, so a stolen session cannot guess it.
 */
export async function requireCurrentPassword(ctx: Context, userId: number, password: string): Promise<UserRow> {
  const limits: AttemptLimit[] = [{ key: `reauth:${userId}`, kind: "backoff" }];
  ctx.db.transaction((tx) => beginAttempt(tx, limits, ctx.now()));
  const user = getUserById(ctx.db, userId);
  if (!user || !(await verifyPassword(user.passwordHash, password))) {
    throw new AppError("INVALID_CREDENTIALS", {
      message: "Current password is wrong",
      issues: [{ path: ["currentPassword"], code: "INVALID_CREDENTIALS", params: {} }],
    });
  }
  ctx.db.transaction((tx) => settleSuccess(tx, limits));
  return user;
}
