import { describe, expect, it } from "vitest";

import {
  base32Decode,
  base32Encode,
  createRecoveryCodes,
  createTotpSecret,
  hashRecoveryCode,
  hotp,
  otpauthUri,
  totp,
  verifyTotp,
} from "./totp";

// RFC 6238 appendix B: the SHA-1 secret is the ASCII "12345678901234567890"; 8-digit values.
const RFC_SECRET = base32Encode(Buffer.from("12345678901234567890"));

describe("TOTP (RFC 6238) and recovery codes", () => {
  it("matches the RFC 6238 and RFC 4226 test vectors", () => {
    const secret = base32Decode(RFC_SECRET);
    for (const [seconds, expected] of [
      [59, "94287082"],
      [1_111_111_109, "07081804"],
      [1_111_111_111, "14050471"],
      [1_234_567_890, "89005924"],
      [2_000_000_000, "69279037"],
    ] as const) {
      expect(hotp(secret, Math.floor(seconds / 30), 8)).toBe(expected);
    }
    // RFC 4226 appendix D, counter 0 and 9.
    expect(hotp(secret, 0)).toBe("755224");
    expect(hotp(secret, 9)).toBe("520489");
  });

  it("round-trips base32 and makes 160-bit secrets", () => {
    expect(base32Encode(Buffer.from("foobar"))).toBe("MZXW6YTBOI");
    expect(Buffer.from(base32Decode("MZXW6YTBOI")).toString()).toBe("foobar");
    expect(base32Decode(createTotpSecret())).toHaveLength(20);
  });

  it("accepts a code of this step or the next or previous one, and refuses reuse, the wrong window and the wrong format", () => {
    const secret = createTotpSecret();
    const now = new Date("2026-11-28T12:00:10Z");
    const code = totp(secret, now);
    const first = verifyTotp(secret, code, now, null);
    expect(first.ok).toBe(true);
    const counter = first.ok ? first.counter : 0;
    expect(verifyTotp(secret, code, now, counter)).toEqual({ ok: false, reason: "REUSED" });
    expect(verifyTotp(secret, totp(secret, new Date(now.getTime() - 30_000)), now, null).ok).toBe(true);
    expect(verifyTotp(secret, totp(secret, new Date(now.getTime() + 30_000)), now, null).ok).toBe(true);
    expect(verifyTotp(secret, totp(secret, new Date(now.getTime() - 90_000)), now, null)).toEqual({ ok: false, reason: "WRONG" });
    expect(verifyTotp(secret, "12345", now, null)).toEqual({ ok: false, reason: "FORMAT" });
  });

  it("writes the URI authenticator apps read", () => {
    expect(otpauthUri("ABC", "kari@kommune.no")).toBe(
      "otpauth://totp/M%C3%A5lestokk%3Akari%40kommune.no?secret=ABC&issuer=M%C3%A5lestokk&algorithm=SHA1&digits=6&period=30",
    );
  });

  it("makes ten distinct recovery codes of 120 random bits, so a plain hash may keep them (ASVS 6.5.2), whose hash ignores case and dashes", () => {
    const { codes, hashes } = createRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    // 24 base-32 characters: 5 bits each.
    expect(codes[0]).toMatch(/^[a-z2-7]{4}(-[a-z2-7]{4}){5}$/);
    expect(hashRecoveryCode((codes[0] ?? "").toUpperCase().replace(/-/g, " "))).toBe(hashes[0]);
  });
});
