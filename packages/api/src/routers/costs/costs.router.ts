import { ItCostTotalInputSchema } from "@malestokk/domain";
import { z } from "zod";

import { publicProcedure, router } from "../../trpc";
import { MunicipalityNumberSchema } from "../municipalities/municipalities.router";
import { listCostYears, saveItCostTotal } from "./costs.service";

export const costsRouter = router({
  list: publicProcedure
    .input(z.object({ municipalityNumber: MunicipalityNumberSchema }))
    .query(({ ctx, input }) => listCostYears(ctx.db, input.municipalityNumber)),
  saveTotal: publicProcedure
    .input(ItCostTotalInputSchema)
    .mutation(({ ctx, input }) => saveItCostTotal(ctx.db, input, ctx.now())),
});
