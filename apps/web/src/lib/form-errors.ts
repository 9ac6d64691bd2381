import type { IssueParams } from "@malestokk/domain";
import type { TFunction } from "i18next";

import { readAppError, translateError, translateFieldIssue } from "./errors";

/**
 * A message for one field issue. An area's own texts (`<area>.errors.field.<field>.<code>`, then
 * `<area>.errors.<code>`) come first; the shared lookup in lib/errors covers the rest.
 */
export function translateFormIssue(t: TFunction, area: string | null, field: string, code: string, params: IssueParams = {}): string {
  const own = area === null ? "" : t([`${area}.errors.field.${field}.${code}`, `${area}.errors.${code}`], { ...params, defaultValue: "" });
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

/**
 * Turns a failed mutation into a summary and messages for the form's own fields; issues on other
 * fields join the summary. With an `area`, its texts say why a FORBIDDEN with a `reason` was refused
 * (`<area>.errors.<reason>`) and head the summary of field issues (`<area>.errors.summary`).
 */
export function translateFormError<F extends string>(
  t: TFunction,
  error: unknown,
  fieldNames: readonly F[],
  area: string | null = null,
): FormErrors<F> {
  const appError = readAppError(error);
  const fallback = translateError(t, error).message;
  if (!appError) return { summary: fallback, fields: {} };
  const reason = appError.params.reason;
  if (area !== null && appError.code === "FORBIDDEN" && typeof reason === "string") {
    return { summary: t(`${area}.errors.${reason}`, { defaultValue: fallback }), fields: {} };
  }
  const fields: Partial<Record<F, string>> = {};
  const elsewhere: string[] = [];
  for (const issue of appError.issues) {
    const field = issue.path.find((p): p is string => typeof p === "string") ?? "";
    const message = translateFormIssue(t, area, field, issue.code, issue.params);
    if ((fieldNames as readonly string[]).includes(field)) {
      const name = field as F;
      fields[name] ??= message;
    } else {
      elsewhere.push(message);
    }
  }
  if (appError.code === "VALIDATION_FAILED" && appError.issues.length > 0) {
    const heading = area === null ? t("errors.VALIDATION_FAILED") : t(`${area}.errors.summary`);
    return { summary: [heading, ...elsewhere].join(" "), fields };
  }
  return { summary: fallback, fields };
}

/** Why a save lost a race: someone else changed the record, removed it, or moved it to another status. */
export type Conflict = "changed" | "gone" | "moved";

const CONFLICTS: Partial<Record<string, Conflict>> = { VERSION_CONFLICT: "changed", NOT_FOUND: "gone", STATUS_CONFLICT: "moved" };

/**
 * The conflict policy: a save refused because the record changed under the user is not a field
 * error. The form keeps what the user typed, says what happened as a warning, and brings what it
 * shows up to date; the user then decides (versions: docs/style.md#server). `accept` lists the
 * conflicts the form handles this way; any other error is the form's usual error (null here).
 */
export function conflictOf(error: unknown, accept: readonly Conflict[] = ["changed"]): Conflict | null {
  const appError = readAppError(error);
  // NOT_FOUND with issues is a field that names something unknown, not a record that went away.
  if (!appError || (appError.code === "NOT_FOUND" && appError.issues.length > 0)) return null;
  const conflict = CONFLICTS[appError.code] ?? null;
  return conflict !== null && accept.includes(conflict) ? conflict : null;
}
