import { randomUUID } from "node:crypto";

import { isAppErrorCode, type AppErrorShape } from "@malestokk/domain";
import { initTRPC } from "@trpc/server";
import { ZodError } from "zod";

import type { Context } from "./context";
import { AppError, toFieldIssues } from "./errors";

export interface ErrorData {
  readonly appError: AppErrorShape;
  /** Set for unexpected errors: the user can quote it, and the log has the details under it. */
  readonly errorId: string | null;
}

const t = initTRPC.context<Context>().create({
  // Never send stacks to clients, whatever NODE_ENV says (QUALITY.md S-8).
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
      errorId = randomUUID();
      ctx?.reportError(errorId, error.cause ?? error);
      appError = { code: "INTERNAL", params: { errorId }, issues: [] };
      message = `Internal error (${errorId})`;
    } else {
      const code = error.code === "NOT_FOUND" ? "NOT_FOUND" : error.code === "FORBIDDEN" ? "FORBIDDEN" : "VALIDATION_FAILED";
      appError = { code: isAppErrorCode(code) ? code : "INTERNAL", params: {}, issues: [] };
    }
    const data: ErrorData & { code: string; httpStatus: number; path?: string } = {
      code: shape.data.code,
      httpStatus: shape.data.httpStatus,
      ...(shape.data.path === undefined ? {} : { path: shape.data.path }),
      appError,
      errorId,
    };
    return { message, code: shape.code, data };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const middleware = t.middleware;

export const publicProcedure = t.procedure;
