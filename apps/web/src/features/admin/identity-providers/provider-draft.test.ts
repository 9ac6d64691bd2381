import { DEFAULT_MFA_AMR_VALUES, SaveIdentityProviderInputSchema } from "@malestokk/domain";
import { describe, expect, it } from "vitest";

import { EMPTY_DRAFT, inputOf } from "./provider-draft";

const DRAFT = { ...EMPTY_DRAFT, name: "Oslo ID", slug: "oslo", issuer: " https://id.oslo.kommune.no ", clientId: "malestokk" };

describe("inputOf", () => {
  it("keeps the stored secret when the field is blank, sets a typed one and removes it when asked", () => {
    expect(inputOf({ ...DRAFT, clientSecret: "  " }, null).clientSecret).toBeUndefined();
    expect(inputOf({ ...DRAFT, clientSecret: " s3cret " }, null).clientSecret).toBe("s3cret");
    expect(inputOf({ ...DRAFT, clientSecret: "s3cret", removeSecret: true }, { id: 1, version: 2 }).clientSecret).toBeNull();
  });

  it("splits lists on commas, semicolons and spaces, and trims the issuer", () => {
    const input = inputOf({ ...DRAFT, organisations: "0301, 4601;  5001 " }, { id: 1, version: 2 });
    expect(input).toMatchObject({ id: 1, version: 2, issuer: "https://id.oslo.kommune.no", organisations: ["0301", "4601", "5001"] });
    expect(SaveIdentityProviderInputSchema.safeParse(input).success).toBe(true);
  });

  it("sends the MFA values only while the provider vouches for MFA", () => {
    expect(inputOf(DRAFT, null)).not.toHaveProperty("mfaAmrValues");
    expect(inputOf({ ...DRAFT, vouchesForMfa: true }, null).mfaAmrValues).toEqual([...DEFAULT_MFA_AMR_VALUES]);
  });
});
