import { nameSchema, OrganisationNumberSchema } from "@malestokk/domain";
import { z } from "zod";

import { changeOptions } from "../../context";
import { permissionProcedure, router } from "../../trpc";
import { MunicipalityNumberSchema } from "../municipalities/municipalities.router";
import { listAllCooperatives, registerCooperative } from "./register.service";

export const registerRouter = router({
  /** IT cooperatives (interkommunale IKT-samarbeid) and the municipalities they serve. */
  cooperatives: permissionProcedure("register.read").query(({ ctx }) => listAllCooperatives(ctx.db)),
  saveCooperative: permissionProcedure("register.manage")
    .input(
      z.object({
        organisationNumber: OrganisationNumberSchema,
        name: nameSchema(200),
        memberNumbers: z.array(MunicipalityNumberSchema).min(2).max(357),
      }),
    )
    .mutation(({ ctx, input }) => registerCooperative(ctx.db, input, changeOptions(ctx))),
});
