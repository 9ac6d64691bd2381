import { z } from "zod";

import { isValidOrganisationNumber } from "./organisation-number";

/**
 * An organisation number as typed ("964 338 531"): spaces removed, nine digits, a correct check digit.
 * Each refusal carries its code in `params.code`, which the API sends as the code for the
 * client to word (docs/architecture.md, "Errors").
 */
export const OrganisationNumberSchema = z
  .string()
  .overwrite((value) => value.replace(/\s/g, ""))
  .refine((value) => /^\d{9}$/.test(value), {
    message: "ORGANISATION_NUMBER_FORMAT",
    params: { code: "ORGANISATION_NUMBER_FORMAT" },
    abort: true,
  })
  .refine(isValidOrganisationNumber, {
    message: "ORGANISATION_NUMBER_CHECK_DIGIT",
    params: { code: "ORGANISATION_NUMBER_CHECK_DIGIT" },
    abort: true,
  });
