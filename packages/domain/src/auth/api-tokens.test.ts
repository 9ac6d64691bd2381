import { describe, expect, it } from "vitest";

import { apiTokenStatus, bearerToken, CreateApiTokenInputSchema, parseApiToken } from "./api-tokens";

const NOW = new Date("2026-03-01T12:00:00.000Z");
const TOKEN = `mlst_abcdefgh_${"A".repeat(20)}-_${"b".repeat(21)}`;

describe("API tokens (issue 23, point 3)", () => {
  it("reads a Bearer header in any case of the scheme, and nothing else", () => {
    expect(bearerToken(`Bearer ${TOKEN}`)).toBe(TOKEN);
    expect(bearerToken(`bearer ${TOKEN}`)).toBe(TOKEN);
    expect(bearerToken(`Basic dXNlcjpwYXNz`)).toBeNull();
    expect(bearerToken(`Bearer`)).toBeNull();
    expect(bearerToken(`Bearer a b`)).toBeNull();
  });

  it("parses its own format only: prefix, an 8-character id and a 43-character secret", () => {
    expect(parseApiToken(TOKEN)).toEqual({ publicId: "abcdefgh" });
    expect(parseApiToken(TOKEN.slice(0, -1))).toBeNull();
    expect(parseApiToken(TOKEN.replace("mlst_", "mlsx_"))).toBeNull();
    expect(parseApiToken(TOKEN.replace("abcdefgh", "ABCDEFGH"))).toBeNull();
  });

  it("says revoked before expired before inactive", () => {
    const base = { revokedAt: null, expiresAt: "2026-03-02T00:00:00.000Z", creatorMayManage: true };
    expect(apiTokenStatus(base, NOW)).toBe("active");
    expect(apiTokenStatus({ ...base, creatorMayManage: false }, NOW)).toBe("inactive");
    expect(apiTokenStatus({ ...base, expiresAt: NOW.toISOString() }, NOW)).toBe("expired");
    expect(apiTokenStatus({ ...base, expiresAt: NOW.toISOString(), revokedAt: NOW.toISOString() }, NOW)).toBe("revoked");
  });

  it("requires a name and an expiry of 1 to 365 days, read-own by default", () => {
    expect(CreateApiTokenInputSchema.parse({ name: " Power BI ", expiresInDays: 90 })).toEqual({
      name: "Power BI",
      expiresInDays: 90,
      scope: "read-own",
    });
    expect(CreateApiTokenInputSchema.safeParse({ name: "x", expiresInDays: 366 }).success).toBe(false);
    expect(CreateApiTokenInputSchema.safeParse({ name: "x", expiresInDays: 0 }).success).toBe(false);
    expect(CreateApiTokenInputSchema.safeParse({ name: "", expiresInDays: 30 }).success).toBe(false);
  });
});
