import {
  BenefitInputSchema,
  BenefitMapSchema,
  InvitationAnswerSchema,
  MeasurementInputSchema,
  ParticipantNumberSchema,
  ProjectFieldsSchema,
  ProjectInputSchema,
  textSchema,
} from "@malestokk/domain";
import { z } from "zod";

import { changeOptions } from "../../context";
import { municipalityProcedure, projectProcedure, router, signedInProcedure } from "../../trpc";
import { addMeasurement, removeBenefit, removeMeasurement, saveBenefit } from "./benefits.measurements";
import {
  answerProjectInvitation,
  approvePlan,
  createProject,
  inviteParticipant,
  removeProject,
  removeProjectParticipant,
  saveBenefitMap,
  saveProject,
} from "./benefits.plans";
import { getFollowUp, getPlanVersionContent, getPortfolio, getProjectDetail } from "./benefits.service";

const Version = z.number().int().min(1);
const Id = z.number().int().positive();

/** Benefit realization (issue 8): projects, versioned benefit plans, benefits, measurements and status. */
export const benefitsRouter = router({
  portfolio: municipalityProcedure("benefits.read").query(({ ctx }) => getPortfolio(ctx.db, ctx.municipality, ctx.now())),
  createProject: municipalityProcedure("benefits.edit")
    .input(z.object({ project: ProjectInputSchema }))
    .mutation(({ ctx, input }) => createProject(ctx.db, ctx.municipality, input.project, changeOptions(ctx))),
  project: projectProcedure("benefits.read").query(({ ctx }) => getProjectDetail(ctx.db, ctx.project.id, ctx.session, ctx.now())),
  planVersion: projectProcedure("benefits.read")
    .input(z.object({ number: z.number().int().min(1) }))
    .query(({ ctx, input }) => getPlanVersionContent(ctx.db, ctx.project.id, input.number)),
  saveProject: projectProcedure("benefits.edit")
    .input(z.object({ expectedVersion: Version, project: ProjectFieldsSchema }))
    .mutation(({ ctx, input }) =>
      saveProject(ctx.db, ctx.project.id, { expectedVersion: input.expectedVersion, input: input.project }, changeOptions(ctx)),
    ),
  deleteProject: projectProcedure("benefits.edit")
    .input(z.object({ expectedVersion: Version }))
    .mutation(({ ctx, input }) => removeProject(ctx.db, ctx.project.id, input, changeOptions(ctx))),
  saveMap: projectProcedure("benefits.edit")
    .input(z.object({ expectedVersion: Version, map: BenefitMapSchema }))
    .mutation(({ ctx, input }) => saveBenefitMap(ctx.db, ctx.project.id, input, changeOptions(ctx))),
  saveBenefit: projectProcedure("benefits.edit")
    .input(z.object({ benefitId: Id.nullable(), expectedVersion: Version.nullable(), benefit: BenefitInputSchema }))
    .mutation(({ ctx, input }) =>
      saveBenefit(
        ctx.db,
        ctx.project.id,
        { id: input.benefitId, expectedVersion: input.expectedVersion, input: input.benefit },
        changeOptions(ctx),
      ),
    ),
  deleteBenefit: projectProcedure("benefits.edit")
    .input(z.object({ benefitId: Id, expectedVersion: Version }))
    .mutation(({ ctx, input }) =>
      removeBenefit(ctx.db, ctx.project.id, { id: input.benefitId, expectedVersion: input.expectedVersion }, changeOptions(ctx)),
    ),
  addMeasurement: projectProcedure("benefits.edit")
    .input(z.object({ benefitId: Id, measurement: MeasurementInputSchema }))
    .mutation(({ ctx, input }) => addMeasurement(ctx.db, ctx.project.id, input, changeOptions(ctx))),
  deleteMeasurement: projectProcedure("benefits.edit")
    .input(z.object({ benefitId: Id, measurementId: Id }))
    .mutation(({ ctx, input }) => removeMeasurement(ctx.db, ctx.project.id, input, changeOptions(ctx))),
  approvePlan: projectProcedure("benefits.approve")
    .input(
      z.object({
        planHash: z.string().regex(/^[0-9a-f]{16}$/),
        approvedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
        comment: textSchema(1_000).nullable(),
      }),
    )
    .mutation(({ ctx, input }) => approvePlan(ctx.db, ctx.project.id, input, changeOptions(ctx))),
  followUp: signedInProcedure.query(({ ctx }) => getFollowUp(ctx.db, ctx.session, ctx.now())),
  // Joint projects by invitation (ADR 008): the owner's editors invite and remove; the invited
  // municipality's manager answers, and may leave later (finance sees the invitation only).
  invite: projectProcedure("benefits.edit")
    .input(z.object({ participant: ParticipantNumberSchema }))
    .mutation(({ ctx, input }) => inviteParticipant(ctx.db, ctx.project.id, input.participant, changeOptions(ctx))),
  removeParticipant: projectProcedure("benefits.edit")
    .input(z.object({ participant: ParticipantNumberSchema }))
    .mutation(({ ctx, input }) => removeProjectParticipant(ctx.db, ctx.project.id, input.participant, changeOptions(ctx))),
  answerInvitation: municipalityProcedure("benefits.approve")
    .input(z.object({ projectId: Id, answer: InvitationAnswerSchema }))
    .mutation(({ ctx, input }) => answerProjectInvitation(ctx.db, ctx.municipality, input.projectId, input.answer, changeOptions(ctx))),
  leaveProject: municipalityProcedure("benefits.approve")
    .input(z.object({ projectId: Id }))
    .mutation(({ ctx, input }) => answerProjectInvitation(ctx.db, ctx.municipality, input.projectId, "leave", changeOptions(ctx))),
});
