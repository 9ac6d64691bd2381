import type { RouterInputs, RouterOutputs } from "@malestokk/api";
import { MAX_YEAR, MIN_YEAR, type SystemClass } from "@malestokk/domain";

export type SystemRow = RouterOutputs["systems"]["list"][number];
export type SystemSaveInput = Omit<RouterInputs["systems"]["save"], "municipalityNumber">;

/** What the form holds: text as typed, so a half-typed year can be shown back and checked. */
export interface SystemDraft {
  readonly id: number | null;
  readonly version: number | null;
  readonly name: string;
  readonly vendor: string;
  readonly systemClass: SystemClass;
  readonly svarUt: boolean;
  readonly inUseFrom: string;
  readonly inUseTo: string;
}

export const SYSTEM_FIELDS = ["name", "vendor", "systemClass", "inUseFrom", "inUseTo"] as const;
export type SystemField = (typeof SYSTEM_FIELDS)[number];

export interface SystemIssue {
  readonly field: SystemField;
  readonly code: string;
  readonly params?: Record<string, string | number>;
}

/** The procedure's limit on names and vendors (systems.router.ts). */
export const SYSTEM_TEXT_MAX = 120;

export const EMPTY_DRAFT: SystemDraft = {
  id: null,
  version: null,
  name: "",
  vendor: "",
  systemClass: "caseArchive",
  svarUt: false,
  inUseFrom: "",
  inUseTo: "",
};

export function draftFromRow(row: SystemRow): SystemDraft {
  return {
    id: row.id,
    version: row.version,
    name: row.name,
    vendor: row.vendor ?? "",
    systemClass: row.systemClass,
    svarUt: row.svarUt,
    inUseFrom: row.inUseFrom === null ? "" : String(row.inUseFrom),
    inUseTo: row.inUseTo === null ? "" : String(row.inUseTo),
  };
}

function checkYear(field: "inUseFrom" | "inUseTo", text: string, issues: SystemIssue[]): number | null {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  if (!/^\d{4}$/.test(trimmed)) {
    issues.push({ field, code: "NOT_A_YEAR" });
    return null;
  }
  const year = Number(trimmed);
  if (year < MIN_YEAR || year > MAX_YEAR) {
    issues.push({ field, code: "YEAR_RANGE", params: { min: MIN_YEAR, max: MAX_YEAR } });
    return null;
  }
  return year;
}

/**
 * Checks a draft with the rules systems.save applies (name 1–120 characters, vendor up to 120,
 * years MIN_YEAR–MAX_YEAR, "in use to" not before "in use from") and builds its input. The server
 * checks again; this only spares a round trip and puts the message on the field at once.
 */
export function checkDraft(draft: SystemDraft): { issues: SystemIssue[]; input: SystemSaveInput | null } {
  const issues: SystemIssue[] = [];
  const name = draft.name.trim();
  if (name === "") issues.push({ field: "name", code: "REQUIRED" });
  else if (name.length > SYSTEM_TEXT_MAX) issues.push({ field: "name", code: "TOO_LONG", params: { maximum: SYSTEM_TEXT_MAX } });
  const vendor = draft.vendor.trim();
  if (vendor.length > SYSTEM_TEXT_MAX) issues.push({ field: "vendor", code: "TOO_LONG", params: { maximum: SYSTEM_TEXT_MAX } });
  const inUseFrom = checkYear("inUseFrom", draft.inUseFrom, issues);
  const inUseTo = checkYear("inUseTo", draft.inUseTo, issues);
  if (inUseFrom !== null && inUseTo !== null && inUseTo < inUseFrom) {
    issues.push({ field: "inUseTo", code: "BEFORE_START", params: { from: inUseFrom } });
  }
  if (issues.length > 0) return { issues, input: null };
  return {
    issues,
    input: {
      id: draft.id,
      expectedVersion: draft.version,
      name,
      vendor: vendor === "" ? null : vendor,
      systemClass: draft.systemClass,
      svarUt: draft.svarUt,
      inUseFrom,
      inUseTo,
    },
  };
}

/** Names in Norwegian alphabetical order (Æ, Ø, Å last), whatever case they were typed in. */
const collator = new Intl.Collator("nb", { sensitivity: "base", numeric: true });

export function sortByName(rows: readonly SystemRow[]): SystemRow[] {
  return [...rows].sort((a, b) => collator.compare(a.name, b.name));
}
