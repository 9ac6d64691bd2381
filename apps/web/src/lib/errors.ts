import type { AppErrorShape, IssueParams } from "@malestokk/domain";
import type { TFunction } from "i18next";

import { formatDate, formatInteger } from "./format";

export interface TranslatedError {
  /** One message for the whole error, for an alert or error summary. */
  readonly message: string;
  /** Messages for fields, keyed by the field path joined with ".". */
  readonly fields: Record<string, string>;
  readonly code: string;
}

/** The server's error code, parameters and field issues, or null for a network failure. */
export function readAppError(error: unknown): AppErrorShape | null {
  if (typeof error !== "object" || error === null || !("data" in error)) return null;
  const data = (error as { data?: { appError?: AppErrorShape } }).data;
  return data?.appError ?? null;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/;

/** Years stay ungrouped ("2015"); amounts get nb-NO grouping; ISO dates read "30. april 2026". */
export function formatErrorParams(params: IssueParams): Record<string, string | number | boolean | null> {
  const out: Record<string, string | number | boolean | null> = {};
  for (const [key, value] of Object.entries(params)) {
    out[key] =
      typeof value === "number" && Math.abs(value) >= 10_000
        ? formatInteger(value)
        : typeof value === "string" && ISO_DATE.test(value)
          ? formatDate(value)
          : value;
  }
  return out;
}

/** A message for one field issue: the field's own text if it has one, else the generic one. */
export function translateFieldIssue(t: TFunction, field: string, code: string, params: IssueParams = {}): string {
  const values = formatErrorParams(params);
  return t([`errors.field.${field}.${code}`, `errors.field.${code}`, `errors.${code}`, "errors.VALIDATION_FAILED"], values);
}

/** Turns any error from a tRPC call into text in the user's language, with per-field messages. */
export function translateError(t: TFunction, error: unknown): TranslatedError {
  const appError = readAppError(error);
  if (!appError) {
    return { message: t("errors.NETWORK"), fields: {}, code: "NETWORK" };
  }
  const fields: Record<string, string> = {};
  for (const issue of appError.issues) {
    const key = issue.path.join(".");
    if (fields[key] === undefined) {
      const field = issue.path.filter((p) => typeof p === "string").at(-1) ?? "";
      fields[key] = translateFieldIssue(t, field, issue.code, issue.params);
    }
  }
  return { message: t(`errors.${appError.code}`, formatErrorParams(appError.params)), fields, code: appError.code };
}
