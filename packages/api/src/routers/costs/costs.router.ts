import { CostReportInputSchema, MAX_COMMENT_LENGTH, MAX_YEAR, MIN_YEAR } from "@malestokk/domain";
import { z } from "zod";

import { municipalityProcedure, router } from "../../trpc";
import { changeReportStatus, getCostReportView, listCostYears, saveCostReportContent } from "./costs.service";

const YearSchema = z.object({ year: z.number().int().min(MIN_YEAR).max(MAX_YEAR) });
const StepSchema = YearSchema.extend({ expectedVersion: z.number().int().min(1) });

export const costsRouter = router({
  list: municipalityProcedure("costs.read").query(({ ctx }) => listCostYears(ctx.db, ctx.municipality)),
  report: municipalityProcedure("costs.read")
    .input(YearSchema)
    .query(({ ctx, input }) => getCostReportView(ctx.db, ctx.municipality, input.year, ctx.session.grants)),
  save: municipalityProcedure("costs.edit")
    .input(CostReportInputSchema)
    .mutation(({ ctx, input }) =>
      saveCostReportContent(ctx.db, ctx.municipality, input, {
        now: ctx.now(),
        source: "entered",
        actor: { userId: ctx.session.user.id, email: ctx.session.user.email, ip: ctx.clientIp },
      }),
    ),
  submit: municipalityProcedure("costs.submit")
    .input(StepSchema)
    .mutation(({ ctx, input }) =>
      changeReportStatus(ctx.db, ctx.municipality, { ...input, action: "submit" }, {
        now: ctx.now(),
        actor: { userId: ctx.session.user.id, email: ctx.session.user.email, ip: ctx.clientIp },
      }),
    ),
  approve: municipalityProcedure("costs.approve")
    .input(StepSchema)
    .mutation(({ ctx, input }) =>
      changeReportStatus(ctx.db, ctx.municipality, { ...input, action: "approve" }, {
        now: ctx.now(),
        actor: { userId: ctx.session.user.id, email: ctx.session.user.email, ip: ctx.clientIp },
      }),
    ),
  /** Back to finance with a comment: from submitted, or from approved to correct it. */
  return: municipalityProcedure("costs.approve")
    .input(StepSchema.extend({ comment: z.string().trim().min(3).max(MAX_COMMENT_LENGTH) }))
    .mutation(({ ctx, input }) =>
      changeReportStatus(ctx.db, ctx.municipality, { ...input, action: "return" }, {
        now: ctx.now(),
        actor: { userId: ctx.session.user.id, email: ctx.session.user.email, ip: ctx.clientIp },
      }),
    ),
});
