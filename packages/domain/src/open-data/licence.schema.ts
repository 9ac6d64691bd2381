import { z } from "zod";

/** The licences an administrator may publish the open data under (docs/open-data.md#licence); NLOD 2.0 by default. */
export const OPEN_DATA_LICENCES = ["NLOD-2.0", "CC-BY-4.0"] as const;
export type OpenDataLicenceId = (typeof OPEN_DATA_LICENCES)[number];

export const OpenDataLicenceInputSchema = z.object({
  licence: z.enum(OPEN_DATA_LICENCES),
  /** Whom a user of the data names as its source ("Kilde: …"). */
  attribution: z.string().trim().min(1).max(200),
});
export type OpenDataLicenceInput = z.infer<typeof OpenDataLicenceInputSchema>;
