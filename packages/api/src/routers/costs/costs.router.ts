import { ItCostTotalInputSchema } from "@malestokk/domain";

import { municipalityProcedure, router } from "../../trpc";
import { listCostYears, saveItCostTotal } from "./costs.service";

export const costsRouter = router({
  list: municipalityProcedure("costs.read").query(({ ctx }) => listCostYears(ctx.db, ctx.municipality)),
  saveTotal: municipalityProcedure("costs.edit")
    .input(ItCostTotalInputSchema)
    .mutation(({ ctx, input }) =>
      saveItCostTotal(ctx.db, ctx.municipality, input, {
        now: ctx.now(),
        actor: { userId: ctx.session.user.id, email: ctx.session.user.email, ip: ctx.clientIp },
      }),
    ),
});
