import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * Time-based one-time passwords (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits), as every
 * authenticator app reads them from an otpauth:// URI, and one-time recovery codes (issue 11).
 */
export const TOTP_STEP_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** One step either side: a phone clock a little off still works (RFC 6238 §5.2). */
export const TOTP_WINDOW = 1;

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

export function base32Encode(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

export function base32Decode(text: string): Uint8Array {
  const clean = text.toUpperCase().replace(/[\s=-]/g, "");
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const char of clean) {
    const index = BASE32.indexOf(char);
    if (index < 0) throw new RangeError(`not base32: ${char}`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Uint8Array.from(out);
}

/** A new 160-bit secret (RFC 4226 recommends at least 128), base32 for the authenticator app. */
export function createTotpSecret(): string {
  return base32Encode(randomBytes(20));
}

/** The HOTP value of a counter (RFC 4226 §5.3, dynamic truncation). */
export function hotp(secret: Uint8Array, counter: number, digits = TOTP_DIGITS): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac("sha1", secret).update(message).digest();
  const offset = (mac[mac.length - 1] ?? 0) & 0xf;
  const code = ((mac.readUInt32BE(offset) & 0x7fffffff) % 10 ** digits).toString();
  return code.padStart(digits, "0");
}

export function totpCounter(at: Date): number {
  return Math.floor(at.getTime() / 1000 / TOTP_STEP_SECONDS);
}

export function totp(secretBase32: string, at: Date): string {
  return hotp(base32Decode(secretBase32), totpCounter(at));
}

/**
 * Checks a code against the steps around `at`. A step already used (`lastCounter`) or an earlier
 * one is refused, so a code seen over a shoulder cannot be replayed. Returns the matched step.
 */
export function verifyTotp(
  secretBase32: string,
  code: string,
  at: Date,
  lastCounter: number | null,
): { ok: true; counter: number } | { ok: false; reason: "FORMAT" | "WRONG" | "REUSED" } {
  if (!/^\d{6}$/.test(code)) return { ok: false, reason: "FORMAT" };
  const secret = base32Decode(secretBase32);
  const now = totpCounter(at);
  for (let step = now - TOTP_WINDOW; step <= now + TOTP_WINDOW; step += 1) {
    if (timingSafeEqual(Buffer.from(hotp(secret, step)), Buffer.from(code))) {
      return lastCounter !== null && step <= lastCounter ? { ok: false, reason: "REUSED" } : { ok: true, counter: step };
    }
  }
  return { ok: false, reason: "WRONG" };
}

/** The URI an authenticator app reads from the QR code (Key URI format). */
export function otpauthUri(secretBase32: string, account: string, issuer = "Målestokk"): string {
  const label = encodeURIComponent(`${issuer}:${account}`);
  return `otpauth://totp/${label}?secret=${secretBase32}&issuer=${encodeURIComponent(issuer)}&algorithm=SHA1&digits=${TOTP_DIGITS}&period=${TOTP_STEP_SECONDS}`;
}

/**
 * Ten recovery codes (xxxx-xxxx-xxxx-xxxx-xxxx-xxxx, 120 random bits each), shown once. With at
 * least 112 bits a plain SHA-256 may keep them (ASVS 5.0 6.5.2); shorter codes would need a salted
 * password hash. Codes made before (60 bits) keep working until they are replaced.
 */
export function createRecoveryCodes(count = 10): { codes: string[]; hashes: string[] } {
  const codes = Array.from({ length: count }, () => {
    const text = base32Encode(randomBytes(15)).toLowerCase();
    return text.match(/.{4}/g)?.join("-") ?? text;
  });
  return { codes, hashes: codes.map(hashRecoveryCode) };
}

/** Case, spaces and dashes do not matter when a code is typed back. */
export function hashRecoveryCode(code: string): string {
  return createHash("sha256").update(code.toLowerCase().replace(/[\s-]/g, "")).digest("hex");
}
