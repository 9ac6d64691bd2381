import { OUTBOX_STATUSES } from "@malestokk/domain";
import { z } from "zod";

import { permissionProcedure, publicProcedure, router, signedInProcedure } from "../../trpc";
import {
  getMailPreferences,
  getMailStatus,
  listMailRecipientsForAdmin,
  listOutbox,
  retryOutboxMessage,
  setMailPreference,
  unsubscribe,
} from "./mail.service";

const adminProcedure = permissionProcedure("users.manage");

/** E-mail notices (issue 25): the outbox for administrators, each user's choices, the one-click unsubscribe. */
export const mailRouter = router({
  status: adminProcedure.query(({ ctx }) => getMailStatus(ctx)),
  outbox: adminProcedure
    .input(z.object({ status: z.enum(OUTBOX_STATUSES).optional(), limit: z.number().int().min(1).max(1_000).default(200) }))
    .query(({ ctx, input }) => listOutbox(ctx, input)),
  retry: adminProcedure.input(z.object({ id: z.number().int().positive() })).mutation(({ ctx, input }) => retryOutboxMessage(ctx, input)),
  recipients: adminProcedure.query(({ ctx }) => listMailRecipientsForAdmin(ctx)),
  preferences: signedInProcedure.query(({ ctx }) => getMailPreferences(ctx)),
  setPreference: signedInProcedure
    .input(z.object({ kind: z.string().max(40), on: z.boolean() }))
    .mutation(({ ctx, input }) => setMailPreference(ctx, input)),
  unsubscribe: publicProcedure.input(z.object({ token: z.string().min(1).max(200) })).mutation(({ ctx, input }) => unsubscribe(ctx, input)),
});
