import { IdeaInputSchema, IdeaStepSchema, InvitationAnswerSchema, IsoDateSchema, ParticipantNumberSchema } from "@malestokk/domain";
import { z } from "zod";

import { changeOptions } from "../../context";
import { municipalityProcedure, permissionProcedure, router, signedInProcedure } from "../../trpc";
import {
  announceMeetingPack,
  answerIdeaInvitation,
  getVisibleIdea,
  listIdeaInvitations,
  listVisibleIdeas,
  removeIdeaParticipant,
  submitIdea,
  takeIdeaStep,
} from "./ideas.service";

const Id = z.number().int().positive();

/**
 * The project-idea pipeline (issue 9). Any signed-in user may ask; what they see and which step they
 * may take is decided per idea (the sector bodies see all, a municipality its own ideas), since a
 * sector council acts only in its own sector.
 */
export const ideasRouter = router({
  list: signedInProcedure.query(({ ctx }) => listVisibleIdeas(ctx.db, ctx.session)),
  get: signedInProcedure.input(z.object({ id: Id })).query(({ ctx, input }) => getVisibleIdea(ctx.db, ctx.session, input.id)),
  submit: municipalityProcedure("ideas.submit")
    .input(z.object({ idea: IdeaInputSchema }))
    .mutation(({ ctx, input }) => submitIdea(ctx.db, ctx.municipality, input.idea, changeOptions(ctx))),
  step: signedInProcedure
    .input(z.object({ id: Id, expectedVersion: z.number().int().min(1), step: IdeaStepSchema }))
    .mutation(({ ctx, input }) => takeIdeaStep(ctx.db, ctx.session, input, changeOptions(ctx))),
  // Taking part by invitation (ADR 008): the invited municipality's manager answers, and may leave
  // later; the submitting municipality's manager withdraws an invitation or removes a participant.
  invitations: signedInProcedure.query(({ ctx }) => listIdeaInvitations(ctx.db, ctx.session)),
  answerInvitation: municipalityProcedure("ideas.submit")
    .input(z.object({ ideaId: Id, answer: InvitationAnswerSchema }))
    .mutation(({ ctx, input }) => answerIdeaInvitation(ctx.db, ctx.municipality, input.ideaId, input.answer, changeOptions(ctx))),
  leave: municipalityProcedure("ideas.submit")
    .input(z.object({ ideaId: Id }))
    .mutation(({ ctx, input }) => answerIdeaInvitation(ctx.db, ctx.municipality, input.ideaId, "leave", changeOptions(ctx))),
  removeParticipant: municipalityProcedure("ideas.submit")
    .input(z.object({ ideaId: Id, participant: ParticipantNumberSchema }))
    .mutation(({ ctx, input }) => removeIdeaParticipant(ctx.db, ctx.municipality, input.ideaId, input.participant, changeOptions(ctx))),
  // The secretariat, who compiles the items, tells the board the meeting pack is ready (issue 25).
  announceMeetingPack: permissionProcedure("ideas.compile")
    .input(z.object({ meetingDate: IsoDateSchema }))
    .mutation(({ ctx, input }) => announceMeetingPack(ctx.db, input, changeOptions(ctx))),
});
