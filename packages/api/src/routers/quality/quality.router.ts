import {
  MAX_COMMENT_LENGTH,
  QualityContentSchema,
  QualityReportKeySchema,
  saveMaturityWeightsInputSchema,
  textSchema,
} from "@malestokk/domain";
import { z } from "zod";

import { changeOptions } from "../../context";
import { permissionProcedure, reportingUnitProcedure, router } from "../../trpc";
import { changeQualityStatus, getQualityReportView, listQualityYears, saveQualityContent, setMaturityWeights } from "./quality.service";

const StepSchema = QualityReportKeySchema.extend({ expectedVersion: z.number().int().min(1) });

/** IT maturity, user satisfaction and service scope (issue 6), one report per instrument, organisation and year. */
export const qualityRouter = router({
  /** Every reporting year with the status of each instrument's report, for the reporting overview. */
  list: reportingUnitProcedure("quality.read").query(({ ctx }) => listQualityYears(ctx.db, ctx.municipality)),
  report: reportingUnitProcedure("quality.read")
    .input(QualityReportKeySchema)
    .query(({ ctx, input }) =>
      getQualityReportView(ctx.db, ctx.municipality, input.year, input.instrument, { grants: ctx.session.grants, email: ctx.actor.email }),
    ),
  save: reportingUnitProcedure("quality.edit")
    .input(
      z.object({
        year: QualityReportKeySchema.shape.year,
        expectedVersion: z.number().int().min(1).nullable(),
        body: QualityContentSchema,
      }),
    )
    .mutation(({ ctx, input }) => saveQualityContent(ctx.db, ctx.municipality, input, changeOptions(ctx))),
  submit: reportingUnitProcedure("quality.submit")
    .input(StepSchema)
    .mutation(({ ctx, input }) => changeQualityStatus(ctx.db, ctx.municipality, { ...input, action: "submit" }, changeOptions(ctx))),
  approve: reportingUnitProcedure("quality.approve")
    .input(StepSchema)
    .mutation(({ ctx, input }) => changeQualityStatus(ctx.db, ctx.municipality, { ...input, action: "approve" }, changeOptions(ctx))),
  return: reportingUnitProcedure("quality.approve")
    .input(StepSchema.extend({ comment: textSchema(MAX_COMMENT_LENGTH, { min: 3 }) }))
    .mutation(({ ctx, input }) => changeQualityStatus(ctx.db, ctx.municipality, { ...input, action: "return" }, changeOptions(ctx))),
  /** The weight of each maturity area in Q1, the same for every organisation. */
  setWeights: permissionProcedure("quality.weights")
    .input(saveMaturityWeightsInputSchema)
    .mutation(({ ctx, input }) => setMaturityWeights(ctx.db, input.weights, changeOptions(ctx))),
});
