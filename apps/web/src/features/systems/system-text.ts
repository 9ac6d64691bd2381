import type { TFunction } from "i18next";

/**
 * The message for one field issue, checked in the browser or sent by the server (NAME_TAKEN,
 * BEFORE_START, zod codes): the field's own text first, then the register's, then the app's.
 */
export function systemIssueText(t: TFunction, field: string, code: string, params: Record<string, unknown> = {}): string {
  return t([`systems.errors.${field}.${code}`, `systems.errors.${code}`, `errors.field.${code}`, "errors.VALIDATION_FAILED"], params);
}

/** "2019–2024", "Fra 2019", "Til 2024" or "Ikke oppgitt". */
export function periodText(t: TFunction, from: number | null, to: number | null): string {
  if (from !== null && to !== null) return t("systems.period.both", { from, to });
  if (from !== null) return t("systems.period.from", { from });
  if (to !== null) return t("systems.period.to", { to });
  return t("systems.period.none");
}
