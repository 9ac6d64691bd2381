import { IdeaInputSchema, IdeaStepSchema } from "@malestokk/domain";
import { z } from "zod";

import { municipalityProcedure, router, signedInProcedure } from "../../trpc";
import { getVisibleIdea, listVisibleIdeas, submitIdea, takeIdeaStep } from "./ideas.service";

const Id = z.number().int().positive();

/**
 * The project-idea pipeline (issue 9). Any signed-in user may ask; what they see and which step they
 * may take is decided per idea (the sector bodies see all, a municipality its own ideas), since a
 * sector council acts only in its own sector.
 */
export const ideasRouter = router({
  list: signedInProcedure.query(({ ctx }) => listVisibleIdeas(ctx.db, ctx.session)),
  get: signedInProcedure
    .input(z.object({ id: Id }))
    .query(({ ctx, input }) => getVisibleIdea(ctx.db, ctx.session, input.id)),
  submit: municipalityProcedure("ideas.submit")
    .input(z.object({ idea: IdeaInputSchema }))
    .mutation(({ ctx, input }) =>
      submitIdea(ctx.db, ctx.municipality, input.idea, { now: ctx.now(), actor: { userId: ctx.session.user.id, email: ctx.session.user.email, name: ctx.session.user.name, ip: ctx.clientIp } }),
    ),
  step: signedInProcedure
    .input(z.object({ id: Id, expectedVersion: z.number().int().min(1), step: IdeaStepSchema }))
    .mutation(({ ctx, input }) =>
      takeIdeaStep(ctx.db, ctx.session, input, { now: ctx.now(), actor: { userId: ctx.session.user.id, email: ctx.session.user.email, name: ctx.session.user.name, ip: ctx.clientIp } }),
    ),
});
