/**
 * Error codes shared by server and client. The server sends a code with parameters;
 * the client turns them into text from its locale files (docs/style.md#errors).
 */
export const APP_ERROR_CODES = [
  "NOT_FOUND",
  "FORBIDDEN",
  "UNAUTHORIZED",
  "VALIDATION_FAILED",
  "VERSION_CONFLICT",
  "IMPORT_REJECTED",
  "PERIOD_LOCKED",
  "YEAR_OUT_OF_RANGE",
  /** A report step that its status does not allow (params: status, action). */
  "STATUS_CONFLICT",
  /** Plausibility warnings without an explanation block submitting (params: keys). */
  "WARNINGS_UNEXPLAINED",
  /** A name that is already used in the same organisation. */
  "NAME_TAKEN",
  /** An IT cooperative with the same name and members is already registered (params: organisationNumber, name). */
  "COOPERATIVE_EXISTS",
  /** Something still referred to (params: count). */
  "IN_USE",
  /** A report that lacks answers it needs before it is submitted (params: missing). */
  "INCOMPLETE",
  "INVALID_CREDENTIALS",
  "TOO_MANY_ATTEMPTS",
  "TOKEN_INVALID",
  /** Password sign-in is switched off: users sign in through an identity provider. */
  "LOCAL_SIGN_IN_OFF",
  /** A change that needs a sign-in within the last few minutes (params: minutes). */
  "RECENT_SIGN_IN_REQUIRED",
  /** A call that checks a secret was batched with other calls (params: procedure). */
  "SINGLE_CALL_REQUIRED",
  /** The organisation requires four eyes, and the one approving a report is the one who submitted it. */
  "FOUR_EYES",
  "INTERNAL",
  /** Too many public reads from one address in the window (params: retryAfterSeconds); docs/open-data.md#api. */
  "RATE_LIMITED",
] as const;

export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

export type IssueParams = Record<string, string | number | boolean | null>;

/** One problem with one field: `path` points into the input, e.g. ["rows", 12, "amount"]. */
export interface FieldIssue {
  readonly path: readonly (string | number)[];
  readonly code: string;
  readonly params: IssueParams;
}

export interface AppErrorShape {
  readonly code: AppErrorCode;
  readonly params: IssueParams;
  readonly issues: readonly FieldIssue[];
}

export function isAppErrorCode(value: unknown): value is AppErrorCode {
  return typeof value === "string" && (APP_ERROR_CODES as readonly string[]).includes(value);
}
