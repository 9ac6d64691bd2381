import { MAX_YEAR, MIN_YEAR, nameSchema, SYSTEM_CLASSES } from "@malestokk/domain";
import { z } from "zod";

import { changeOptions } from "../../context";
import { reportingUnitProcedure, router } from "../../trpc";
import { deleteOrganisationSystem, listOrganisationSystems, saveOrganisationSystem } from "./systems.service";

const Year = z.number().int().min(MIN_YEAR).max(MAX_YEAR).nullable();

/** The fagsystem register of one organisation (issue 5): read with the cost figures, kept by finance. */
export const systemsRouter = router({
  list: reportingUnitProcedure("costs.read").query(({ ctx }) => listOrganisationSystems(ctx.db, ctx.municipality, ctx.session.grants)),
  save: reportingUnitProcedure("costs.edit")
    .input(
      z.object({
        id: z.number().int().positive().nullable(),
        expectedVersion: z.number().int().min(1).nullable(),
        name: nameSchema(120),
        vendor: nameSchema(120, { min: 0 }).nullable(),
        systemClass: z.enum(SYSTEM_CLASSES),
        svarUt: z.boolean(),
        inUseFrom: Year,
        inUseTo: Year,
      }),
    )
    .mutation(({ ctx, input }) => {
      const { id, expectedVersion, municipalityNumber: _number, ...fields } = input;
      return saveOrganisationSystem(
        ctx.db,
        ctx.municipality,
        { id, expectedVersion, fields: { ...fields, vendor: fields.vendor || null } },
        changeOptions(ctx),
      );
    }),
  delete: reportingUnitProcedure("costs.edit")
    .input(z.object({ id: z.number().int().positive() }))
    .mutation(({ ctx, input }) => deleteOrganisationSystem(ctx.db, ctx.municipality, input.id, changeOptions(ctx))),
});
