import type { IssueParams } from "@malestokk/domain";
import type { TFunction } from "i18next";
import type { core } from "zod";

import { readAppError, translateError, translateFieldIssue } from "../../../lib/errors";
import { conflictOf, type FormErrors } from "../../../lib/form-errors";
import { isField, LIST_FIELDS, type FieldName, type ProviderInput } from "./provider-draft";

/** The page's own text for a field issue first (identity.errors.field.<field>.<code>), then the shared one. */
export function issueText(t: TFunction, field: string, code: string, params: IssueParams = {}): string {
  const own = t(`identity.errors.field.${field}.${code}`, { ...params, defaultValue: "" });
  return own === "" ? translateFieldIssue(t, field, code, params) : own;
}

/** A refused save: field messages where the server names a field, else one message for the summary. */
export function translateSaveError(t: TFunction, error: unknown): FormErrors<FieldName> {
  const appError = readAppError(error);
  const fallback = translateError(t, error).message;
  if (!appError) return { summary: fallback, fields: {} };
  const conflict = conflictOf(error, ["changed", "gone"]);
  if (conflict) return { summary: t(conflict === "changed" ? "identity.errors.versionConflict" : "identity.errors.gone"), fields: {} };
  if (appError.code === "IN_USE")
    return { summary: t(`identity.errors.${String(appError.params.reason)}`, { defaultValue: fallback }), fields: {} };
  const fields: Partial<Record<FieldName, string>> = {};
  const elsewhere: string[] = [];
  for (const issue of appError.issues) {
    const field = issue.path.find((p): p is string => typeof p === "string") ?? "";
    const message = issueText(t, field, issue.code, issue.params);
    if (isField(field)) fields[field] ??= message;
    else elsewhere.push(message);
  }
  if (appError.issues.length > 0) return { summary: [t("identity.errors.summary"), ...elsewhere].join(" "), fields };
  return { summary: fallback, fields };
}

/** The form's own check against the procedure's schema: a message per field, values of a list named. */
export function translateInputIssues(t: TFunction, issues: readonly core.$ZodIssue[], input: ProviderInput): FormErrors<FieldName> {
  const fields: Partial<Record<FieldName, string>> = {};
  for (const issue of issues) {
    const field = issue.path.find((p): p is string => typeof p === "string") ?? "";
    if (!isField(field)) continue;
    const index = issue.path[1];
    const params: IssueParams = {};
    if ("minimum" in issue) params.minimum = Number(issue.minimum);
    if ("maximum" in issue) params.maximum = Number(issue.maximum);
    if ((LIST_FIELDS as readonly string[]).includes(field) && typeof index === "number")
      params.value = input[field as (typeof LIST_FIELDS)[number]]?.[index] ?? "";
    fields[field] ??= issueText(t, field, issue.code, params);
  }
  return { summary: t("identity.errors.summary"), fields };
}
