import {
  ChangePasswordInputSchema,
  CompleteResetInputSchema,
  MAX_PASSWORD_LENGTH,
  SignInInputSchema,
  UI_LANGUAGES,
} from "@malestokk/domain";
import { z } from "zod";

import { AppError } from "../../errors";

import { publicProcedure, router, signedInProcedure } from "../../trpc";
import { changePassword, completeReset, describeSession, listDemoSignIns, signIn, signOut, signOutEverywhere } from "./auth.service";
import { signInOptions } from "./identity.service";
import { setOwnLanguage } from "./language.service";
import { beginEnrolment, confirmEnrolment, describeSecondFactor, verifySecondFactor } from "./second-factor.service";

const Challenge = z.string().min(20).max(100);
const Code = z
  .string()
  .trim()
  .regex(/^\d{6}$/);

export const authRouter = router({
  /** The signed-in user and roles, or null: the web app decides from this whether to show sign-in. */
  me: publicProcedure.query(({ ctx }) => describeSession(ctx.db, ctx.session)),
  signIn: publicProcedure.input(SignInInputSchema).mutation(({ ctx, input }) => signIn(ctx, input)),
  /** The identity providers by name and whether password sign-in is on, for the sign-in page. */
  signInOptions: publicProcedure.query(({ ctx }) => signInOptions(ctx)),
  demoAccounts: publicProcedure.query(({ ctx }) => listDemoSignIns(ctx.db)),
  completeReset: publicProcedure.input(CompleteResetInputSchema).mutation(({ ctx, input }) => completeReset(ctx, input)),
  /** The second sign-in step: a code from the authenticator app, or a recovery code. */
  secondFactor: publicProcedure
    .input(z.object({ challenge: Challenge, code: Code.optional(), recoveryCode: z.string().trim().min(8).max(40).optional() }))
    .mutation(({ ctx, input }) => verifySecondFactor(ctx, input)),
  /**
   * Starts enrolment, or a new authenticator in place of the old: from the account page (signed
   * in, with the current password), or during a sign-in that requires it (challenge).
   */
  enrolBegin: publicProcedure
    .input(z.object({ challenge: Challenge.optional(), currentPassword: z.string().max(MAX_PASSWORD_LENGTH).optional() }))
    .mutation(({ ctx, input }) => {
      if (input.challenge) return beginEnrolment(ctx, { challenge: input.challenge });
      if (!ctx.session) throw new AppError("UNAUTHORIZED", { message: "Sign-in required" });
      return beginEnrolment(ctx, { session: ctx.session, currentPassword: input.currentPassword });
    }),
  enrolConfirm: publicProcedure.input(z.object({ challenge: Challenge.optional(), code: Code })).mutation(({ ctx, input }) => {
    if (input.challenge) return confirmEnrolment(ctx, { challenge: input.challenge }, input.code);
    if (!ctx.session) throw new AppError("UNAUTHORIZED", { message: "Sign-in required" });
    return confirmEnrolment(ctx, { session: ctx.session }, input.code);
  }),
  secondFactorStatus: signedInProcedure.query(({ ctx }) => describeSecondFactor(ctx)),
  signOut: signedInProcedure.mutation(({ ctx }) => signOut(ctx)),
  signOutEverywhere: signedInProcedure.mutation(({ ctx }) => signOutEverywhere(ctx)),
  changePassword: signedInProcedure.input(ChangePasswordInputSchema).mutation(({ ctx, input }) => changePassword(ctx, input)),
  /** The signed-in user's own interface language, kept on the account (ADR 026). */
  setLanguage: signedInProcedure
    .input(z.object({ language: z.enum(UI_LANGUAGES) }))
    .mutation(({ ctx, input }) => setOwnLanguage(ctx, input)),
});
