import { createHash, randomBytes } from "node:crypto";

/** A 256-bit token from the CSPRNG (ASVS 7.2.3), URL-safe, and the SHA-256 the database keeps. */
export function createToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
