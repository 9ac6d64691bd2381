import { CostReportInputSchema, MAX_COMMENT_LENGTH, MAX_YEAR, MIN_YEAR, textSchema } from "@malestokk/domain";
import { z } from "zod";

import { changeOptions } from "../../context";
import { reportingUnitProcedure, router } from "../../trpc";
import { importCostFile } from "./costs.import";
import { changeReportStatus, saveCostReportContent } from "./costs.save";
import { getCostReportView, listCostYears } from "./costs.view";

/** Base64 of a file of at most ~700 kB: the JSON body limit is 1 MB; bigger files go through the CLI. */
const MAX_UPLOAD_BASE64 = 950_000;

const YearSchema = z.object({ year: z.number().int().min(MIN_YEAR).max(MAX_YEAR) });
const StepSchema = YearSchema.extend({ expectedVersion: z.number().int().min(1) });

export const costsRouter = router({
  list: reportingUnitProcedure("costs.read").query(({ ctx }) => listCostYears(ctx.db, ctx.municipality, ctx.session.grants)),
  report: reportingUnitProcedure("costs.read")
    .input(YearSchema)
    .query(({ ctx, input }) =>
      getCostReportView(ctx.db, ctx.municipality, input.year, { grants: ctx.session.grants, email: ctx.actor.email }),
    ),
  save: reportingUnitProcedure("costs.edit")
    .input(CostReportInputSchema)
    .mutation(({ ctx, input }) => saveCostReportContent(ctx.db, ctx.municipality, input, { ...changeOptions(ctx), source: "entered" })),
  /** A CSV or XLSX file of cost lines: `dryRun` previews every problem and change, otherwise whole or nothing. */
  importFile: reportingUnitProcedure("costs.edit")
    .input(
      YearSchema.extend({
        expectedVersion: z.number().int().min(1).nullable(),
        fileName: z.string().trim().min(1).max(255),
        // Empty is allowed: an empty file is read and refused in words (EMPTY_FILE), a preview too.
        contentBase64: z
          .string()
          .max(MAX_UPLOAD_BASE64)
          .regex(/^[A-Za-z0-9+/]*={0,2}$/),
        dryRun: z.boolean(),
      }),
    )
    .mutation(({ ctx, input }) => {
      const bytes = Buffer.from(input.contentBase64, "base64");
      return importCostFile(
        ctx.db,
        ctx.municipality,
        {
          year: input.year,
          expectedVersion: input.expectedVersion,
          bytes: new Uint8Array(bytes),
          fileName: input.fileName,
          dryRun: input.dryRun,
        },
        { ...changeOptions(ctx), fileReader: ctx.fileReader },
      );
    }),
  submit: reportingUnitProcedure("costs.submit")
    .input(StepSchema)
    .mutation(({ ctx, input }) => changeReportStatus(ctx.db, ctx.municipality, { ...input, action: "submit" }, changeOptions(ctx))),
  approve: reportingUnitProcedure("costs.approve")
    .input(StepSchema)
    .mutation(({ ctx, input }) => changeReportStatus(ctx.db, ctx.municipality, { ...input, action: "approve" }, changeOptions(ctx))),
  /** Back to finance with a comment: from submitted, or from approved to correct it. */
  return: reportingUnitProcedure("costs.approve")
    .input(StepSchema.extend({ comment: textSchema(MAX_COMMENT_LENGTH, { min: 3 }) }))
    .mutation(({ ctx, input }) => changeReportStatus(ctx.db, ctx.municipality, { ...input, action: "return" }, changeOptions(ctx))),
});
