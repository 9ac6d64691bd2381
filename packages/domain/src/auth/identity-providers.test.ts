import { describe, expect, it } from "vitest";

import {
  DEFAULT_MFA_ACR_VALUES,
  DEFAULT_MFA_AMR_VALUES,
  providerMfaEvidence,
  providerSignInRefusal,
  readSecondFactorFragment,
  safeReturnPath,
  secondFactorReturnPath,
} from "./identity-providers";
import { EnvIdentityProviderSchema, IssuerSchema, SaveIdentityProviderInputSchema } from "./identity-providers.schema";
import type { Role } from "./permissions";

describe("providerSignInRefusal", () => {
  const grant = (role: Role, organisationId: number | null = null) => ({ role, organisationId });
  const unbound = { organisationIds: [], nationalRoles: false };

  it("lets an unbound provider sign in anyone with municipal roles only; a bound one only users whose every role is in its organisations", () => {
    expect(providerSignInRefusal(unbound, [])).toBeNull();
    expect(providerSignInRefusal(unbound, [grant("finance", 7), grant("manager", 9)])).toBeNull();
    const bound = { organisationIds: [7, 8], nationalRoles: false };
    expect(providerSignInRefusal(bound, [grant("finance", 7), grant("manager", 8)])).toBeNull();
    expect(providerSignInRefusal(bound, [grant("finance", 7), grant("finance", 9)])).toBe("notAllowedHere");
    expect(providerSignInRefusal(bound, [])).toBe("notAllowedHere");
  });

  it("signs in a national role (admin, board, secretariat, sector council) only through a provider marked for national roles", () => {
    for (const role of ["admin", "board", "secretariat", "sectorCouncil"] as const) {
      expect(providerSignInRefusal(unbound, [grant(role)]), role).toBe("nationalRoleNotAllowed");
      expect(providerSignInRefusal(unbound, [grant("finance", 7), grant(role)]), role).toBe("nationalRoleNotAllowed");
      expect(providerSignInRefusal({ organisationIds: [], nationalRoles: true }, [grant(role)]), role).toBeNull();
    }
    // Marked for national roles and bound: the national role passes, a municipal role must still be in the binding.
    const both = { organisationIds: [7], nationalRoles: true };
    expect(providerSignInRefusal(both, [grant("admin"), grant("finance", 7)])).toBeNull();
    expect(providerSignInRefusal(both, [grant("admin"), grant("finance", 9)])).toBe("notAllowedHere");
  });
});

describe("providerMfaEvidence", () => {
  const vouching = { vouchesForMfa: true, mfaAmrValues: [...DEFAULT_MFA_AMR_VALUES], mfaAcrValues: [...DEFAULT_MFA_ACR_VALUES] };

  it("finds MFA in the ID token's amr (RFC 8176) or acr when the provider vouches for it", () => {
    expect(providerMfaEvidence(vouching, { amr: ["pwd", "mfa"] })).toEqual({ claim: "amr", value: "mfa" });
    expect(providerMfaEvidence(vouching, { amr: ["pwd", "otp"] })).toEqual({ claim: "amr", value: "otp" });
    expect(providerMfaEvidence(vouching, { amr: ["hwk"] })).toEqual({ claim: "amr", value: "hwk" });
    expect(providerMfaEvidence(vouching, { acr: "https://refeds.org/profile/mfa" })).toEqual({
      claim: "acr",
      value: "https://refeds.org/profile/mfa",
    });
    expect(
      providerMfaEvidence(
        { ...vouching, mfaAmrValues: [], mfaAcrValues: ["idporten-loa-high"] },
        { acr: "idporten-loa-high", amr: ["mfa"] },
      ),
    ).toEqual({ claim: "acr", value: "idporten-loa-high" });
  });

  it("finds none for a password alone, a missing or malformed claim, or a provider that does not vouch for MFA", () => {
    expect(providerMfaEvidence(vouching, { amr: ["pwd"] })).toBeNull();
    expect(providerMfaEvidence(vouching, {})).toBeNull();
    expect(providerMfaEvidence(vouching, { amr: "mfa" })).toBeNull();
    expect(providerMfaEvidence(vouching, { amr: [42, { mfa: true }] })).toBeNull();
    expect(providerMfaEvidence(vouching, { acr: "1" })).toBeNull();
    expect(providerMfaEvidence(vouching, { acr: ["https://refeds.org/profile/mfa"] })).toBeNull();
    // Values are compared exactly: "MFA" is not "mfa".
    expect(providerMfaEvidence(vouching, { amr: ["MFA"] })).toBeNull();
    expect(providerMfaEvidence({ ...vouching, vouchesForMfa: false }, { amr: ["pwd", "mfa"] })).toBeNull();
  });
});

describe("the second-factor step after a provider sign-in", () => {
  const challenge = "A".repeat(43);

  it("goes back to the page asked for with the step in the fragment, which the sign-in page reads back", () => {
    expect(secondFactorReturnPath("/kommune/5001?aar=2024#k1", { purpose: "verify", challenge })).toBe(
      `/kommune/5001?aar=2024#secondFactor=${challenge}`,
    );
    expect(secondFactorReturnPath("/", { purpose: "enrol", challenge })).toBe(`/#enrolSecondFactor=${challenge}`);
    expect(readSecondFactorFragment(`#secondFactor=${challenge}`)).toEqual({ kind: "secondFactor", challenge });
    expect(readSecondFactorFragment(`#enrolSecondFactor=${challenge}`)).toEqual({ kind: "enrolSecondFactor", challenge });
  });

  it("reads nothing from another fragment or a challenge that is not one", () => {
    for (const hash of ["", "#k1", "#secondFactor=short", `#secondFactor=${challenge}<script>`, `#other=${challenge}`])
      expect(readSecondFactorFragment(hash), hash).toBeNull();
  });
});

describe("safeReturnPath", () => {
  it("keeps paths in this app and turns anything that could leave it into the start page", () => {
    expect(safeReturnPath("/kommune/5001?aar=2024#k1")).toBe("/kommune/5001?aar=2024#k1");
    for (const bad of [
      null,
      undefined,
      "",
      "https://evil.example/",
      "//evil.example/",
      "/\\evil.example",
      "kommune",
      "/a\nb",
      "/" + "x".repeat(600),
    ]) {
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
    expect(
      EnvIdentityProviderSchema.parse({ slug: "entra", name: "Entra ID", issuer: "https://login.example/v2.0", clientId: "abc" }),
    ).toEqual({
      slug: "entra",
      name: "Entra ID",
      issuer: "https://login.example/v2.0",
      clientId: "abc",
      emailClaim: "email",
      requireVerifiedEmail: true,
      organisations: [],
      vouchesForMfa: false,
      mfaAmrValues: ["mfa", "mca", "otp", "hwk", "swk", "fido"],
      mfaAcrValues: ["https://refeds.org/profile/mfa", "http://schemas.openid.net/pape/policies/2007/06/multi-factor"],
      nationalRoles: false,
    });
    expect(EnvIdentityProviderSchema.safeParse({ slug: "Bad Slug", name: "x", issuer: "https://x.example", clientId: "a" }).success).toBe(
      false,
    );
  });

  it("takes the MFA values as claim values, and needs at least one when the provider vouches for MFA", () => {
    const base = { slug: "entra", name: "Entra ID", issuer: "https://login.example/v2.0", clientId: "abc" };
    expect(EnvIdentityProviderSchema.parse({ ...base, vouchesForMfa: true, mfaAmrValues: ["mfa"], mfaAcrValues: [] })).toMatchObject({
      vouchesForMfa: true,
      mfaAmrValues: ["mfa"],
      mfaAcrValues: [],
    });
    const none = SaveIdentityProviderInputSchema.safeParse({ ...base, vouchesForMfa: true, mfaAmrValues: [], mfaAcrValues: [] });
    expect(none.error?.issues.map((i) => [i.path.join("."), i.code])).toEqual([["mfaAmrValues", "custom"]]);
    expect(SaveIdentityProviderInputSchema.safeParse({ ...base, vouchesForMfa: false, mfaAmrValues: [], mfaAcrValues: [] }).success).toBe(
      true,
    );
    expect(SaveIdentityProviderInputSchema.safeParse({ ...base, mfaAmrValues: ["has space"] }).success).toBe(false);
    expect(SaveIdentityProviderInputSchema.safeParse({ ...base, mfaAcrValues: ["x".repeat(201)] }).success).toBe(false);
  });
});
