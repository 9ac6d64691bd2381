import type { AppErrorCode, FieldIssue, IssueParams } from "@malestokk/domain";
import type { z } from "zod";
import { TRPCError, type TRPC_ERROR_CODE_KEY } from "@trpc/server";

/**
 * A domain error: a code and parameters the client translates; the message is English, for logs.
 * It is a TRPCError so tRPC answers with the matching HTTP status without a mapping layer.
 */
export class AppError extends TRPCError {
  readonly appCode: AppErrorCode;
  readonly params: IssueParams;
  readonly issues: readonly FieldIssue[];

  constructor(code: AppErrorCode, options: { message?: string; params?: IssueParams; issues?: readonly FieldIssue[] } = {}) {
    super({ code: TRPC_CODE_BY_APP_CODE[code], message: options.message ?? code });
    this.name = "AppError";
    this.appCode = code;
    this.params = options.params ?? {};
    this.issues = options.issues ?? [];
  }
}

export const TRPC_CODE_BY_APP_CODE: Record<AppErrorCode, TRPC_ERROR_CODE_KEY> = {
  NOT_FOUND: "NOT_FOUND",
  FORBIDDEN: "FORBIDDEN",
  UNAUTHORIZED: "UNAUTHORIZED",
  VALIDATION_FAILED: "BAD_REQUEST",
  VERSION_CONFLICT: "CONFLICT",
  IMPORT_REJECTED: "UNPROCESSABLE_CONTENT",
  PERIOD_LOCKED: "CONFLICT",
  YEAR_OUT_OF_RANGE: "BAD_REQUEST",
  STATUS_CONFLICT: "CONFLICT",
  WARNINGS_UNEXPLAINED: "UNPROCESSABLE_CONTENT",
  NAME_TAKEN: "CONFLICT",
  COOPERATIVE_EXISTS: "CONFLICT",
  IN_USE: "CONFLICT",
  INCOMPLETE: "UNPROCESSABLE_CONTENT",
  INVALID_CREDENTIALS: "UNAUTHORIZED",
  TOO_MANY_ATTEMPTS: "TOO_MANY_REQUESTS",
  TOKEN_INVALID: "BAD_REQUEST",
  LOCAL_SIGN_IN_OFF: "FORBIDDEN",
  SINGLE_CALL_REQUIRED: "BAD_REQUEST",
  RECENT_SIGN_IN_REQUIRED: "FORBIDDEN",
  FOUR_EYES: "FORBIDDEN",
  INTERNAL: "INTERNAL_SERVER_ERROR",
  RATE_LIMITED: "TOO_MANY_REQUESTS",
};

const PARAM_KEYS = ["minimum", "maximum", "expected", "format", "origin", "inclusive"] as const;

/** Turns zod issues into our issue list: path, code and the few parameters the UI needs. */
export function toFieldIssues(issues: readonly z.core.$ZodIssue[]): FieldIssue[] {
  return issues.map((issue) => {
    const params: IssueParams = {};
    for (const key of PARAM_KEYS) {
      const value: unknown = (issue as unknown as Record<string, unknown>)[key];
      if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") params[key] = value;
      else if (typeof value === "bigint") params[key] = Number(value);
    }
    // A domain refinement names its refusal in params.code (e.g. ORGANISATION_NUMBER_CHECK_DIGIT); "custom" says nothing.
    const named: unknown = issue.code === "custom" ? (issue.params as Record<string, unknown> | undefined)?.["code"] : undefined;
    return {
      path: issue.path.map((p) => (typeof p === "number" ? p : String(p))),
      code: typeof named === "string" ? named : issue.code,
      params,
    };
  });
}
