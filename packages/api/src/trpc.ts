import { randomUUID } from "node:crypto";

import { getMunicipalityByNumber, getProjectAccess, getReportingUnitByNumber, type MunicipalityListItem } from "@malestokk/db";
import { can, isAppErrorCode, isOrganisationScoped, type AppErrorShape, type Permission } from "@malestokk/domain";
import { initTRPC } from "@trpc/server";
import { z, ZodError } from "zod";

import { sessionActor, type Context } from "./context";
import { AppError, toFieldIssues } from "./errors";

export interface ErrorData {
  readonly appError: AppErrorShape;
  /** Set for unexpected errors: the user can quote it, and the log has the details under it. */
  readonly errorId: string | null;
  /** The request's id (X-Request-Id), on every error. */
  readonly requestId: string | null;
}

/**
 * Every procedure says who may call it; the permission-table test reads this from the router, so
 * a procedure without a rule cannot slip through.
 */
export type Access =
  { readonly kind: "public" } | { readonly kind: "signedIn" } | { readonly kind: "permission"; readonly permission: Permission };

export interface Meta {
  readonly access: Access;
}

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    // Never send stacks to clients, whatever NODE_ENV says (docs/quality-targets.md#s-8).
    isDev: false,
    errorFormatter({ shape, error, ctx }) {
      const cause = error.cause;
      let appError: AppErrorShape;
      let errorId: string | null = null;
      let message = shape.message;
      if (error instanceof AppError) {
        appError = { code: error.appCode, params: error.params, issues: error.issues };
      } else if (cause instanceof ZodError) {
        appError = { code: "VALIDATION_FAILED", params: {}, issues: toFieldIssues(cause.issues) };
        message = "Input validation failed";
      } else if (error.code === "INTERNAL_SERVER_ERROR") {
        // The request id when there is one, so the user's quote finds the request's log lines too.
        errorId = ctx?.requestId ?? randomUUID();
        ctx?.reportError(errorId, error.cause ?? error);
        appError = { code: "INTERNAL", params: { errorId }, issues: [] };
        message = `Internal error (${errorId})`;
      } else {
        const code =
          error.code === "NOT_FOUND" || error.code === "FORBIDDEN" || error.code === "UNAUTHORIZED" ? error.code : "VALIDATION_FAILED";
        appError = { code: isAppErrorCode(code) ? code : "INTERNAL", params: {}, issues: [] };
      }
      const data: ErrorData & { code: string; httpStatus: number; path?: string } = {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        ...(shape.data.path === undefined ? {} : { path: shape.data.path }),
        appError,
        errorId,
        requestId: ctx?.requestId ?? null,
      };
      return { message, code: shape.code, data };
    },
  });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Anyone, signed in or not: sign-in itself, and what the sign-in page shows. */
export const publicProcedure = t.procedure.meta({ access: { kind: "public" } });

/**
 * The session, or UNAUTHORIZED; and the actor every change is recorded under, set here once for all
 * the signed-in procedures below.
 */
const signedIn = t.middleware(({ ctx, next }) => {
  const session = ctx.session;
  if (!session) throw new AppError("UNAUTHORIZED", { message: "Sign-in required" });
  return next({ ctx: { session, actor: sessionActor(session, ctx.clientIp) } });
});

/** Any signed-in user, about their own account. */
export const signedInProcedure = t.procedure.meta({ access: { kind: "signedIn" } }).use(signedIn);

/** A signed-in user whose roles grant `permission` (one that is not about a single organisation). */
export function permissionProcedure(permission: Permission) {
  if (isOrganisationScoped(permission)) {
    throw new Error(`${permission} is about one organisation: use municipalityProcedure`);
  }
  return t.procedure
    .meta({ access: { kind: "permission", permission } })
    .use(signedIn)
    .use(({ ctx, next }) => {
      if (!can(ctx.session.grants, permission)) {
        throw new AppError("FORBIDDEN", { message: `Missing permission ${permission}` });
      }
      return next();
    });
}

export const MunicipalityScopeSchema = z.object({ municipalityNumber: z.string().regex(/^\d{4}$/) });

/**
 * A signed-in user whose roles grant `permission` in the municipality the input names
 * (tRPC's organizationProcedure pattern). The number from the client is unverified until here;
 * the checked municipality goes on the context.
 */
export function municipalityProcedure(permission: Permission) {
  return t.procedure
    .meta({ access: { kind: "permission", permission } })
    .input(MunicipalityScopeSchema)
    .use(signedIn)
    .use(({ ctx, input, next }) => {
      const session = ctx.session;
      const municipality: MunicipalityListItem | null = getMunicipalityByNumber(ctx.db, input.municipalityNumber);
      if (!municipality) {
        throw new AppError("NOT_FOUND", { params: { municipalityNumber: input.municipalityNumber } });
      }
      if (!can(session.grants, permission, municipality.id)) {
        throw new AppError("FORBIDDEN", { message: `Missing ${permission} in ${municipality.number}` });
      }
      return next({ ctx: { municipality } });
    });
}

/** 4 digits for a municipality, 9 (an organisation number) for an IT cooperative. */
export const ReportingUnitScopeSchema = z.object({ municipalityNumber: z.string().regex(/^(\d{4}|\d{9})$/) });

/**
 * Like `municipalityProcedure`, for what an IT cooperative reports too (costs, fagsystemer):
 * the unit the input names, checked against the user's roles, goes on the context as `municipality`.
 */
export function reportingUnitProcedure(permission: Permission) {
  return t.procedure
    .meta({ access: { kind: "permission", permission } })
    .input(ReportingUnitScopeSchema)
    .use(signedIn)
    .use(({ ctx, input, next }) => {
      const session = ctx.session;
      const unit = getReportingUnitByNumber(ctx.db, input.municipalityNumber);
      if (!unit) throw new AppError("NOT_FOUND", { params: { municipalityNumber: input.municipalityNumber } });
      if (!can(session.grants, permission, unit.id)) {
        throw new AppError("FORBIDDEN", { message: `Missing ${permission} in ${unit.number}` });
      }
      return next({ ctx: { municipality: unit } });
    });
}

export const ProjectScopeSchema = z.object({ projectId: z.number().int().positive() });

/**
 * A signed-in user whose roles grant `permission` for the project the input names: reading in the
 * owner organisation, any participant of a joint project or any municipality that adopted it (issue 26);
 * everything else in the owner only.
 * The project's organisations go on the context.
 */
export function projectProcedure(permission: Permission) {
  return t.procedure
    .meta({ access: { kind: "permission", permission } })
    .input(ProjectScopeSchema)
    .use(signedIn)
    .use(({ ctx, input, next }) => {
      const session = ctx.session;
      const project = getProjectAccess(ctx.db, input.projectId);
      if (!project) throw new AppError("NOT_FOUND", { params: { projectId: input.projectId } });
      const organisations =
        permission === "benefits.read"
          ? [project.ownerOrganisationId, ...project.participantIds, ...project.adopterIds]
          : [project.ownerOrganisationId];
      if (!organisations.some((id) => can(session.grants, permission, id))) {
        throw new AppError("FORBIDDEN", { message: `Missing ${permission} in project ${input.projectId}` });
      }
      return next({ ctx: { project: { id: input.projectId, ...project } } });
    });
}
