import type { IssueParams } from "@malestokk/domain";
import type { TFunction } from "i18next";

import { readAppError, translateError, translateFieldIssue } from "../../lib/errors";


/** The server refused because the user is not an administrator. */
export function isForbidden(error: unknown): boolean {
  return readAppError(error)?.code === "FORBIDDEN";
}

/**
 * A message for one field issue. The admin texts (admin.errors.field.<field>.<code>, then
 * admin.errors.<code>) come first; the shared lookup in lib/errors covers the rest.
 */
export function translateAdminIssue(t: TFunction, field: string, code: string, params: IssueParams = {}): string {
  const own = t([`admin.errors.field.${field}.${code}`, `admin.errors.${code}`], { ...params, defaultValue: "" });
  return own === "" ? translateFieldIssue(t, field, code, params) : own;
}

export interface FormErrors<F extends string> {
  /** For the error summary or the alert; null when there is nothing to show. */
  readonly summary: string | null;
  readonly fields: Partial<Record<F, string>>;
}

export function noErrors<F extends string>(): FormErrors<F> {
  return { summary: null, fields: {} };
}

/** Turns a failed admin mutation into a summary and messages for the form's own fields. */
export function translateAdminError<F extends string>(t: TFunction, error: unknown, fieldNames: readonly F[]): FormErrors<F> {
  const appError = readAppError(error);
  const fallback = translateError(t, error).message;
  if (!appError) return { summary: fallback, fields: {} };
  const reason = appError.params.reason;
  if (appError.code === "FORBIDDEN" && typeof reason === "string") {
    return { summary: t(`admin.errors.${reason}`, { defaultValue: fallback }), fields: {} };
  }
  const fields: Partial<Record<F, string>> = {};
  const elsewhere: string[] = [];
  for (const issue of appError.issues) {
    const field = issue.path.find((p): p is string => typeof p === "string") ?? "";
    const message = translateAdminIssue(t, field, issue.code, issue.params);
    if ((fieldNames as readonly string[]).includes(field)) {
      const name = field as F;
      fields[name] ??= message;
    } else {
      elsewhere.push(message);
    }
  }
  if (appError.code === "VALIDATION_FAILED" && appError.issues.length > 0) {
    return { summary: [t("admin.errors.summary"), ...elsewhere].join(" "), fields };
  }
  return { summary: fallback, fields };
}
