import { MAX_YEAR, MIN_YEAR } from "@malestokk/domain";
import { z } from "zod";

import { permissionProcedure, router } from "../../trpc";
import { listProjectsWithoutPlan } from "./plan-coverage.service";
import { getSectorDashboard, getSectorPortfolio } from "./sector.service";

/** The programme board's view of the whole sector (issue 9): approved figures and plans only. */
export const sectorRouter = router({
  dashboard: permissionProcedure("sector.read")
    .input(z.object({ year: z.number().int().min(MIN_YEAR).max(MAX_YEAR).optional() }))
    .query(({ ctx, input }) => getSectorDashboard(ctx.db, input)),
  portfolio: permissionProcedure("sector.read").query(({ ctx }) => getSectorPortfolio(ctx.db, ctx.now())),
  /** Every project without an approved benefit plan, for the meeting pack (issue 20). */
  projectsWithoutPlan: permissionProcedure("sector.read").query(({ ctx }) => listProjectsWithoutPlan(ctx.db)),
});
