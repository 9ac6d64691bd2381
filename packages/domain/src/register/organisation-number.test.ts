import { describe, expect, it } from "vitest";

import { isValidOrganisationNumber } from "./organisation-number";
import { OrganisationNumberSchema } from "./organisation-number.schema";

describe("isValidOrganisationNumber", () => {
  it("accepts real organisation numbers whose ninth digit is the MOD11 check digit", () => {
    // Oslo, Bergen, Trondheim and Stavanger kommune, from Brønnøysundregistrene.
    for (const number of ["964338531", "964338442", "942110464", "964965226"]) expect(isValidOrganisationNumber(number)).toBe(true);
  });

  it("refuses a number whose last digit is changed", () => {
    expect(isValidOrganisationNumber("964338532")).toBe(false);
    expect(isValidOrganisationNumber("964338530")).toBe(false);
  });

  it("refuses a number whose check digit would be 10, and anything but nine digits", () => {
    // 91234567x: the weighted sum leaves 1, so no ninth digit makes it valid.
    for (let last = 0; last <= 9; last++) expect(isValidOrganisationNumber(`91234567${last}`)).toBe(false);
    for (const text of ["", "96433853", "9643385310", "96433853a", " 964338531"]) expect(isValidOrganisationNumber(text)).toBe(false);
  });
});

describe("OrganisationNumberSchema", () => {
  it("takes the number with or without spaces and names the check digit when it is wrong", () => {
    expect(OrganisationNumberSchema.parse("964 338 531")).toBe("964338531");
    const result = OrganisationNumberSchema.safeParse("964 338 532");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("ORGANISATION_NUMBER_CHECK_DIGIT");
    expect(OrganisationNumberSchema.safeParse("12345").error?.issues[0]?.message).toBe("ORGANISATION_NUMBER_FORMAT");
  });
});
