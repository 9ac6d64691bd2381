import { router, signedInProcedure } from "../../trpc";
import { getAwaiting } from "./home.service";

/** The start page of a municipal user: what waits for them in their own organisations. */
export const homeRouter = router({
  awaiting: signedInProcedure.query(({ ctx }) => getAwaiting(ctx.db, ctx.session, ctx.now())),
});
