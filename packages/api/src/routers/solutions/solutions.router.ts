import { LocalPlanInputSchema, MapKeySchema, MeasurementInputSchema, TemplateInputSchema, textSchema } from "@malestokk/domain";
import { z } from "zod";

import { changeOptions } from "../../context";
import { municipalityProcedure, permissionProcedure, projectProcedure, router } from "../../trpc";
import {
  acceptNewerTemplate,
  addLocalMeasurement,
  adoptSolution,
  changeLocalMeasurement,
  approveLocalPlan,
  getAdoptionDraft,
  getLocalPlanDetail,
  getRollUp,
  getTemplate,
  listSectorSolutions,
  listSolutions,
  publishTemplate,
  removeLocalMeasurement,
  saveLocalPlan,
  saveTemplate,
} from "./solutions.service";

const Version = z.number().int().min(1);
const Id = z.number().int().positive();

/**
 * Joint solutions (issue 26): the template plan is kept by the project's owner or the secretariat
 * (`benefits.template`); adoption, approval of the local plan and accepting a newer template are the
 * municipality's manager's steps (`benefits.approve` there: never the project's owner on its behalf);
 * its keepers change the local plan and record, change and delete the measurements typed by hand for its
 * benefits that no indicator measures (`benefits.edit`).
 */
export const solutionsRouter = router({
  template: projectProcedure("benefits.read").query(({ ctx }) => getTemplate(ctx.db, ctx.project.id, ctx.session)),
  saveTemplate: projectProcedure("benefits.template")
    .input(z.object({ expectedVersion: Version.nullable(), template: TemplateInputSchema }))
    .mutation(({ ctx, input }) => saveTemplate(ctx.db, ctx.project.id, input, changeOptions(ctx))),
  publishTemplate: projectProcedure("benefits.template")
    .input(z.object({ expectedVersion: Version, comment: textSchema(1_000).nullable() }))
    .mutation(({ ctx, input }) => publishTemplate(ctx.db, ctx.project.id, input, changeOptions(ctx))),
  rollUp: projectProcedure("benefits.read").query(({ ctx }) => getRollUp(ctx.db, ctx.project.id, ctx.session, ctx.now())),
  sector: permissionProcedure("sector.read").query(({ ctx }) => listSectorSolutions(ctx.db, ctx.session, ctx.now())),
  list: municipalityProcedure("benefits.read").query(({ ctx }) => listSolutions(ctx.db, ctx.municipality)),
  adoptionDraft: municipalityProcedure("benefits.read")
    .input(z.object({ projectId: Id }))
    .query(({ ctx, input }) => getAdoptionDraft(ctx.db, ctx.municipality, input.projectId, ctx.now())),
  adopt: municipalityProcedure("benefits.approve")
    .input(z.object({ projectId: Id, plan: LocalPlanInputSchema }))
    .mutation(({ ctx, input }) => adoptSolution(ctx.db, ctx.municipality, input.projectId, input.plan, changeOptions(ctx))),
  localPlan: municipalityProcedure("benefits.read")
    .input(z.object({ projectId: Id }))
    .query(({ ctx, input }) => getLocalPlanDetail(ctx.db, ctx.municipality, input.projectId, ctx.session, ctx.now())),
  saveLocalPlan: municipalityProcedure("benefits.edit")
    .input(z.object({ projectId: Id, expectedVersion: Version, plan: LocalPlanInputSchema }))
    .mutation(({ ctx, input }) => saveLocalPlan(ctx.db, ctx.municipality, input.projectId, input, changeOptions(ctx))),
  approveLocalPlan: municipalityProcedure("benefits.approve")
    .input(z.object({ projectId: Id, expectedVersion: Version }))
    .mutation(({ ctx, input }) => approveLocalPlan(ctx.db, ctx.municipality, input.projectId, input, changeOptions(ctx))),
  acceptTemplateVersion: municipalityProcedure("benefits.approve")
    .input(z.object({ projectId: Id, expectedVersion: Version, number: z.number().int().min(1) }))
    .mutation(({ ctx, input }) => acceptNewerTemplate(ctx.db, ctx.municipality, input.projectId, input, changeOptions(ctx))),
  addLocalMeasurement: municipalityProcedure("benefits.edit")
    .input(z.object({ projectId: Id, key: MapKeySchema, measurement: MeasurementInputSchema }))
    .mutation(({ ctx, input }) => addLocalMeasurement(ctx.db, ctx.municipality, input.projectId, input, changeOptions(ctx))),
  changeLocalMeasurement: municipalityProcedure("benefits.edit")
    .input(z.object({ projectId: Id, id: Id, expectedVersion: Version, measurement: MeasurementInputSchema }))
    .mutation(({ ctx, input }) => changeLocalMeasurement(ctx.db, ctx.municipality, input.projectId, input, changeOptions(ctx))),
  deleteLocalMeasurement: municipalityProcedure("benefits.edit")
    .input(z.object({ projectId: Id, id: Id, expectedVersion: Version }))
    .mutation(({ ctx, input }) => removeLocalMeasurement(ctx.db, ctx.municipality, input.projectId, input, changeOptions(ctx))),
});
