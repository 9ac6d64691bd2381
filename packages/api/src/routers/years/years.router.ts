import { MAX_COMMENT_LENGTH, MAX_YEAR, MIN_YEAR, SetPublicationInputSchema, textSchema } from "@malestokk/domain";
import { z } from "zod";

import { changeOptions } from "../../context";
import { permissionProcedure, router } from "../../trpc";
import { listYears, setYearPublication, setYearState } from "./years.service";

const Year = z.number().int().min(MIN_YEAR).max(MAX_YEAR);

export const yearsRouter = router({
  list: permissionProcedure("register.read").query(({ ctx }) => listYears(ctx.db, ctx.now())),
  close: permissionProcedure("years.manage")
    .input(z.object({ year: Year }))
    .mutation(({ ctx, input }) => setYearState(ctx.db, { year: input.year, state: "closed", reason: null }, changeOptions(ctx))),
  /** Reopening changes figures people may have relied on: it needs a reason, kept in the audit log. */
  reopen: permissionProcedure("years.manage")
    .input(z.object({ year: Year, reason: textSchema(MAX_COMMENT_LENGTH, { min: 3 }) }))
    .mutation(({ ctx, input }) => setYearState(ctx.db, { year: input.year, state: "open", reason: input.reason }, changeOptions(ctx))),
  /** Publishing makes the year's approved figures public from the date on (docs/open-data.md#who-publishes). */
  setPublication: permissionProcedure("years.manage")
    .input(SetPublicationInputSchema)
    .mutation(({ ctx, input }) => setYearPublication(ctx.db, input, changeOptions(ctx))),
});
