import {
  EmailSchema,
  nameSchema,
  OpenDataLicenceInputSchema,
  PERMISSION_TABLE,
  PERMISSIONS,
  ROLES,
  SaveIdentityProviderInputSchema,
  SECTORS,
} from "@malestokk/domain";
import { z } from "zod";

import { changeOpenDataLicence, readOpenDataLicence } from "../../open-data/licence";
import { permissionProcedure, router } from "../../trpc";
import { deleteProvider, listProvidersForAdmin, saveProvider, setLocalSignIn, unlinkIdentities } from "../auth/identity.service";
import { getSecondFactorPolicy, resetSecondFactor, setSecondFactorPolicy } from "../auth/second-factor.service";
import {
  addRole,
  createResetLink,
  createUser,
  listFourEyes,
  listUsers,
  readAudit,
  removeRole,
  setDisabled,
  setFourEyes,
} from "./admin.service";

const GrantInputSchema = z.object({
  role: z.enum(ROLES),
  /** 4 digits for a municipality, 9 for an IT cooperative. */
  municipalityNumber: z
    .string()
    .regex(/^(\d{4}|\d{9})$/)
    .nullish(),
  sector: z.enum(SECTORS).nullish(),
});

const usersProcedure = permissionProcedure("users.manage");
const auditProcedure = permissionProcedure("audit.read");

export const AUDIT_EXPORT_LIMIT = 10_000;

export const adminRouter = router({
  users: usersProcedure.query(({ ctx }) => listUsers(ctx)),
  /** After a lost device: the user's second factor and recovery codes go; audited. */
  resetSecondFactor: usersProcedure
    .input(z.object({ userId: z.number().int().positive() }))
    .mutation(({ ctx, input }) => resetSecondFactor(ctx, input.userId)),
  secondFactorPolicy: usersProcedure.query(({ ctx }) => getSecondFactorPolicy(ctx)),
  setSecondFactorPolicy: usersProcedure
    .input(z.object({ required: z.boolean() }))
    .mutation(({ ctx, input }) => setSecondFactorPolicy(ctx, input.required)),
  /** Four eyes per organisation (issue 20, point 16): the ones that require it, and the switch. */
  fourEyes: usersProcedure.query(({ ctx }) => listFourEyes(ctx)),
  setFourEyes: usersProcedure
    .input(z.object({ unitNumber: z.string().regex(/^(\d{4}|\d{9})$/), required: z.boolean() }))
    .mutation(({ ctx, input }) => setFourEyes(ctx, input)),
  /** The licence every answer of the public API states (issue 23, point 2). */
  openDataLicence: usersProcedure.query(({ ctx }) => readOpenDataLicence(ctx)),
  setOpenDataLicence: usersProcedure.input(OpenDataLicenceInputSchema).mutation(({ ctx, input }) => changeOpenDataLicence(ctx, input)),
  /** Identity providers (secrets never returned) and whether password sign-in is on. */
  identityProviders: usersProcedure.query(({ ctx }) => listProvidersForAdmin(ctx)),
  saveIdentityProvider: usersProcedure.input(SaveIdentityProviderInputSchema).mutation(({ ctx, input }) => saveProvider(ctx, input)),
  deleteIdentityProvider: usersProcedure
    .input(z.object({ id: z.number().int().positive(), version: z.number().int().positive() }))
    .mutation(({ ctx, input }) => deleteProvider(ctx, input)),
  setLocalSignIn: usersProcedure.input(z.object({ enabled: z.boolean() })).mutation(({ ctx, input }) => setLocalSignIn(ctx, input.enabled)),
  /** Forgets the user's provider accounts; the next provider sign-in links by e-mail again. */
  unlinkIdentities: usersProcedure
    .input(z.object({ userId: z.number().int().positive() }))
    .mutation(({ ctx, input }) => unlinkIdentities(ctx, input.userId)),
  createUser: usersProcedure
    .input(GrantInputSchema.extend({ email: EmailSchema, name: nameSchema(200) }))
    .mutation(({ ctx, input }) => createUser(ctx, input)),
  addRole: usersProcedure
    .input(GrantInputSchema.extend({ userId: z.number().int().positive() }))
    .mutation(({ ctx, input }) => addRole(ctx, input)),
  removeRole: usersProcedure.input(z.object({ grantId: z.number().int().positive() })).mutation(({ ctx, input }) => removeRole(ctx, input)),
  createResetLink: usersProcedure
    .input(z.object({ userId: z.number().int().positive() }))
    .mutation(({ ctx, input }) => createResetLink(ctx, input)),
  setDisabled: usersProcedure
    .input(z.object({ userId: z.number().int().positive(), disabled: z.boolean() }))
    .mutation(({ ctx, input }) => setDisabled(ctx, input)),
  /** The permission table as data, for the readable matrix. */
  permissions: usersProcedure.query(() => ({ roles: ROLES, permissions: PERMISSIONS, table: PERMISSION_TABLE })),
  audit: auditProcedure
    .input(
      z.object({
        action: z.string().max(100).optional(),
        actorEmail: z.string().max(254).optional(),
        municipalityNumber: z
          .string()
          .regex(/^\d{4}$/)
          .optional(),
        from: z.iso.datetime().optional(),
        to: z.iso.datetime().optional(),
        limit: z.number().int().min(1).max(AUDIT_EXPORT_LIMIT).default(200),
      }),
    )
    .query(({ ctx, input }) => readAudit(ctx, input)),
});
