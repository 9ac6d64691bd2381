import { z } from "zod";

import { permissionProcedure, router } from "../../trpc";
import { listPopulationFacts } from "@malestokk/db";
import { NAME_LANGUAGES, WRITTEN_STANDARDS } from "@malestokk/domain";

import { listAllMunicipalities, requireMunicipality } from "./municipalities.service";

const MunicipalitySchema = z.object({
  id: z.number().int(),
  number: z.string(),
  name: z.string(),
  altName: z.string().nullable(),
  officialNames: z.array(z.object({ name: z.string(), language: z.enum(NAME_LANGUAGES) })).readonly(),
  writtenStandard: z.enum(WRITTEN_STANDARDS).nullable(),
  countyNumber: z.string(),
  countyName: z.string(),
  kostraGroup: z.string().nullable(),
  kostraGroupName: z.string().nullable(),
  kostraGroupSource: z.string().nullable(),
  kostraGroupApproximate: z.boolean(),
});

export const MunicipalityNumberSchema = z.string().regex(/^\d{4}$/);

export const municipalitiesRouter = router({
  list: permissionProcedure("register.read")
    .output(z.array(MunicipalitySchema))
    .query(({ ctx }) => listAllMunicipalities(ctx.db)),
  get: permissionProcedure("register.read")
    .input(z.object({ municipalityNumber: MunicipalityNumberSchema }))
    .output(MunicipalitySchema)
    .query(({ ctx, input }) => requireMunicipality(ctx.db, input.municipalityNumber)),
  /** Population on 1 January by year, with the source of each figure (SSB table or demo). */
  population: permissionProcedure("register.read")
    .input(z.object({ municipalityNumber: MunicipalityNumberSchema }))
    .query(({ ctx, input }) => listPopulationFacts(ctx.db, requireMunicipality(ctx.db, input.municipalityNumber).id)),
});
