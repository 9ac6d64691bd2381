import { hasDemoData } from "@malestokk/db";

import { publicProcedure, router } from "../../trpc";

export const systemRouter = router({
  /** What every page needs to know about the installation, e.g. to label demo data. */
  info: publicProcedure.query(({ ctx }) => ({ hasDemoData: hasDemoData(ctx.db) })),
});
