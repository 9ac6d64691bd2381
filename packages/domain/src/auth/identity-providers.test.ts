import { describe, expect, it } from "vitest";

import { providerMaySignIn, safeReturnPath } from "./identity-providers";
import { EnvIdentityProviderSchema, IssuerSchema } from "./identity-providers.schema";

describe("providerMaySignIn", () => {
  it("lets an unbound provider sign in anyone, a bound one only users whose every role is in its organisations", () => {
    expect(providerMaySignIn([], [null])).toBe(true);
    expect(providerMaySignIn([], [])).toBe(true);
    expect(providerMaySignIn([7], [7, 7])).toBe(true);
    expect(providerMaySignIn([7, 8], [8])).toBe(true);
    expect(providerMaySignIn([7], [7, 9])).toBe(false);
    expect(providerMaySignIn([7], [null])).toBe(false);
    expect(providerMaySignIn([7], [])).toBe(false);
  });
});

describe("safeReturnPath", () => {
  it("keeps paths in this app and turns anything that could leave it into the start page", () => {
    expect(safeReturnPath("/kommune/5001?aar=2024#k1")).toBe("/kommune/5001?aar=2024#k1");
    for (const bad of [null, undefined, "", "https://evil.example/", "//evil.example/", "/\\evil.example", "kommune", "/a\nb", "/" + "x".repeat(600)]) {
      expect(safeReturnPath(bad)).toBe("/");
    }
  });
});

describe("IssuerSchema", () => {
  it("takes https, and plain http only on this machine", () => {
    expect(IssuerSchema.safeParse("https://login.microsoftonline.com/tenant/v2.0").success).toBe(true);
    expect(IssuerSchema.safeParse("http://127.0.0.1:4000").success).toBe(true);
    expect(IssuerSchema.safeParse("http://localhost:4000/realm").success).toBe(true);
    expect(IssuerSchema.safeParse("http://idp.kommune.no").success).toBe(false);
    expect(IssuerSchema.safeParse("https://idp.example/?tenant=x").success).toBe(false);
    expect(IssuerSchema.safeParse("ftp://idp.example").success).toBe(false);
  });

  it("reads an environment provider with defaults: the email claim, verified e-mail required, no binding", () => {
    expect(EnvIdentityProviderSchema.parse({ slug: "entra", name: "Entra ID", issuer: "https://login.example/v2.0", clientId: "abc" })).toEqual({
      slug: "entra",
      name: "Entra ID",
      issuer: "https://login.example/v2.0",
      clientId: "abc",
      emailClaim: "email",
      requireVerifiedEmail: true,
      organisations: [],
    });
    expect(EnvIdentityProviderSchema.safeParse({ slug: "Bad Slug", name: "x", issuer: "https://x.example", clientId: "a" }).success).toBe(false);
  });
});
