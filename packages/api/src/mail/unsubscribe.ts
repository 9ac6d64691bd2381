import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";

import { getSetting, setSetting, type DbOrTx } from "@malestokk/db";
import { isNoticeKind, isSecurityNotice, type NoticeKind } from "@malestokk/domain";

const GENERATED_KEY = "mail.unsubscribeKey";

/**
 * The key that signs unsubscribe links: from SECRET_KEY when set (so it goes with the other secrets);
 * without one (the demo), a random key kept in the settings, made the first time it is needed.
 */
export function unsubscribeKeyOf(db: DbOrTx, secretKey: string | null | undefined, now: Date): Buffer {
  if (secretKey) return Buffer.from(hkdfSync("sha256", secretKey, "malestokk", "mail unsubscribe v1", 32));
  let stored = getSetting<string | null>(db, GENERATED_KEY, null);
  if (!stored) {
    stored = randomBytes(32).toString("base64url");
    setSetting(db, GENERATED_KEY, stored, now.toISOString());
  }
  return Buffer.from(stored, "base64url");
}

function mac(key: Buffer, userId: number, kind: NoticeKind): string {
  return createHmac("sha256", key).update(`unsubscribe:v1:${userId}:${kind}`).digest("base64url");
}

/** A token that turns one kind off for one user: `<user>.<kind>.<HMAC>`; it never expires, and says nothing else. */
export function unsubscribeToken(key: Buffer, userId: number, kind: NoticeKind): string {
  return `${userId}.${kind}.${mac(key, userId, kind)}`;
}

/** The user and kind a token names, or null when it is malformed, forged or names a security notice. */
export function readUnsubscribeToken(key: Buffer, token: string): { userId: number; kind: NoticeKind } | null {
  const [id, kind, signature, ...rest] = token.split(".");
  if (rest.length > 0 || !id || !/^\d{1,12}$/.test(id) || !isNoticeKind(kind) || isSecurityNotice(kind) || !signature) return null;
  const userId = Number(id);
  const expected = Buffer.from(mac(key, userId, kind));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return { userId, kind };
}

/** The public page of a one-click unsubscribe (RFC 8058: the same address takes the POST). */
export const UNSUBSCRIBE_PATH = "/e-post/avmeld";

export function unsubscribeUrl(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/$/, "")}${UNSUBSCRIBE_PATH}?token=${encodeURIComponent(token)}`;
}
