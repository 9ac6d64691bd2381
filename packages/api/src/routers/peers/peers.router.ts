import { nameSchema } from "@malestokk/domain";
import { z } from "zod";

import { permissionProcedure, router, signedInProcedure } from "../../trpc";
import { MunicipalityNumberSchema } from "../municipalities/municipalities.router";
import { listPeerSets, removePeerSet, savePeerSet, suggestPeerSet } from "./peers.service";

export const MAX_PEER_SET_MEMBERS = 400;

export const peersRouter = router({
  /** The user's own peer sets and those shared with an organisation they belong to. */
  sets: signedInProcedure.query(({ ctx }) => listPeerSets(ctx.db, ctx.session)),
  saveSet: signedInProcedure
    .input(
      z.object({
        id: z.number().int().positive().optional(),
        expectedVersion: z.number().int().min(1).optional(),
        name: nameSchema(120),
        memberNumbers: z.array(MunicipalityNumberSchema).min(1).max(MAX_PEER_SET_MEMBERS),
        shareWithMunicipality: MunicipalityNumberSchema.nullable(),
      }),
    )
    .mutation(({ ctx, input }) => savePeerSet(ctx.db, ctx.session, input, ctx.now())),
  deleteSet: signedInProcedure
    .input(z.object({ id: z.number().int().positive() }))
    .mutation(({ ctx, input }) => removePeerSet(ctx.db, ctx.session, input.id)),
  suggest: permissionProcedure("benchmarks.read")
    .input(z.object({ municipalityNumber: MunicipalityNumberSchema }))
    .query(({ ctx, input }) => suggestPeerSet(ctx.db, input.municipalityNumber)),
});
