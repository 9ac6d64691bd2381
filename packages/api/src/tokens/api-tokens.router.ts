import { CreateApiTokenInputSchema } from "@malestokk/domain";
import { z } from "zod";

import { changeOptions } from "../context";
import { permissionProcedure, reportingUnitProcedure, router } from "../trpc";
import { createApiToken, listOrganisationApiTokens, revokeOrganisationApiToken } from "./api-tokens.service";

/**
 * API tokens of an organisation (issue 23, point 3): its manager and administrators make, list and
 * revoke them; administrators see every organisation's (docs/security.md#api-tokens).
 */
export const apiTokensRouter = router({
  list: reportingUnitProcedure("apiTokens.manage").query(({ ctx }) => listOrganisationApiTokens(ctx.db, ctx.municipality.id, ctx.now())),
  create: reportingUnitProcedure("apiTokens.manage")
    .input(CreateApiTokenInputSchema)
    .mutation(({ ctx, input }) =>
      createApiToken(
        ctx.db,
        ctx.municipality,
        { name: input.name, expiresInDays: input.expiresInDays, scope: input.scope },
        changeOptions(ctx),
      ),
    ),
  revoke: reportingUnitProcedure("apiTokens.manage")
    .input(z.object({ tokenId: z.number().int().positive() }))
    .mutation(({ ctx, input }) => revokeOrganisationApiToken(ctx.db, ctx.municipality, input.tokenId, changeOptions(ctx))),
  // Administrators see all, as they manage every user; they revoke through `revoke` with the token's organisation.
  all: permissionProcedure("users.manage").query(({ ctx }) => listOrganisationApiTokens(ctx.db, null, ctx.now())),
});
