import { ChangePasswordInputSchema, CompleteResetInputSchema, SignInInputSchema } from "@malestokk/domain";

import { publicProcedure, router, signedInProcedure } from "../../trpc";
import {
  changePassword,
  completeReset,
  describeSession,
  listDemoSignIns,
  signIn,
  signOut,
  signOutEverywhere,
} from "./auth.service";

export const authRouter = router({
  /** The signed-in user and roles, or null: the web app decides from this whether to show sign-in. */
  me: publicProcedure.query(({ ctx }) => describeSession(ctx.session)),
  signIn: publicProcedure.input(SignInInputSchema).mutation(({ ctx, input }) => signIn(ctx, input)),
  demoAccounts: publicProcedure.query(({ ctx }) => listDemoSignIns(ctx.db)),
  completeReset: publicProcedure.input(CompleteResetInputSchema).mutation(({ ctx, input }) => completeReset(ctx, input)),
  signOut: signedInProcedure.mutation(({ ctx }) => signOut(ctx, ctx.session)),
  signOutEverywhere: signedInProcedure.mutation(({ ctx }) => signOutEverywhere(ctx, ctx.session)),
  changePassword: signedInProcedure
    .input(ChangePasswordInputSchema)
    .mutation(({ ctx, input }) => changePassword(ctx, ctx.session, input)),
});
