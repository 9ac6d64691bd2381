import type { RouterOutputs } from "@malestokk/api";
import { parseNokAmount, type AllocationKey, type CostLine, type CostType, type ItService } from "@malestokk/domain";

import { formatInteger } from "../../lib/format";

/** One line as typed: everything is text until it is read. */
export interface LineDraft {
  readonly key: string;
  readonly service: ItService;
  readonly costType: CostType;
  /** "" when the line is not tied to a fagsystem. */
  readonly systemId: string;
  readonly amount: string;
  readonly comment: string;
}

export interface OverrideDraft {
  readonly enabled: boolean;
  readonly value: string;
  readonly reason: string;
}

export interface ReportDraft {
  readonly lines: readonly LineDraft[];
  readonly itUserAccounts: string;
  readonly employeesFte: string;
  readonly population: OverrideDraft;
  readonly grossOperatingExpenditure: OverrideDraft;
  readonly comments: Readonly<Record<string, string>>;
  /** An IT cooperative's key ("" for a municipality), and fixed shares in percent as typed, by member number. */
  readonly allocationKey: AllocationKey | "";
  readonly shares: Readonly<Record<string, string>>;
}

/** The stored content of a report, as the server sends it. */
export type StoredReport = Pick<
  NonNullable<RouterOutputs["costs"]["report"]["report"]>,
  | "lines"
  | "itUserAccounts"
  | "employeesFte"
  | "populationOverride"
  | "grossOperatingExpenditureOverride"
  | "warningComments"
  | "allocation"
>;

let counter = 0;
export function newLineKey(): string {
  counter += 1;
  return `line-${counter}`;
}

export function emptyLine(): LineDraft {
  return { key: newLineKey(), service: "operations", costType: "ownStaff", systemId: "", amount: "", comment: "" };
}

const fte = new Intl.NumberFormat("nb-NO", { maximumFractionDigits: 1, useGrouping: false });

function overrideDraft(value: { value: number; reason: string } | null): OverrideDraft {
  return value ? { enabled: true, value: formatInteger(value.value), reason: value.reason } : { enabled: false, value: "", reason: "" };
}

/** The form's starting point: the stored report, or an empty one. */
export function draftFromReport(report: StoredReport | null): ReportDraft {
  return {
    lines: (report?.lines ?? []).map((l) => ({
      key: newLineKey(),
      service: l.service,
      costType: l.costType,
      systemId: l.systemId === null ? "" : String(l.systemId),
      amount: formatInteger(l.amount),
      comment: l.comment ?? "",
    })),
    itUserAccounts: report?.itUserAccounts == null ? "" : formatInteger(report.itUserAccounts),
    employeesFte: report?.employeesFte == null ? "" : fte.format(report.employeesFte),
    population: overrideDraft(report?.populationOverride ?? null),
    grossOperatingExpenditure: overrideDraft(report?.grossOperatingExpenditureOverride ?? null),
    comments: report?.warningComments ?? {},
    allocationKey: report?.allocation?.key ?? "",
    shares: Object.fromEntries(Object.entries(report?.allocation?.shares ?? {}).map(([number, bp]) => [number, percent.format(bp / 100)])),
  };
}

const percent = new Intl.NumberFormat("nb-NO", { maximumFractionDigits: 2, useGrouping: false });

/** "33,33" (percent, up to two decimals) as basis points, or null when it is not such a number. */
export function readPercent(text: string): number | null {
  const compact = text.replace(/[\s\u00a0%]/g, "").replace(",", ".");
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(compact)) return null;
  const bp = Math.round(Number(compact) * 100);
  return bp <= 10_000 ? bp : null;
}

/** A field the form could not read, as an error code and its parameters for the locale files. */
export interface DraftIssue {
  readonly field: string;
  /** Element id to focus from the error summary. */
  readonly target: string;
  readonly code: string;
  readonly row?: number;
}

function readCount(text: string): number | null | "NOT_A_NUMBER" {
  const compact = text.replace(/[\s\u00a0\u202f]/g, "");
  if (compact === "") return null;
  return /^\d{1,9}$/.test(compact) ? Number(compact) : "NOT_A_NUMBER";
}

function readFte(text: string): number | null | "NOT_A_NUMBER" {
  const compact = text.replace(/[\s\u00a0\u202f]/g, "").replace(",", ".");
  if (compact === "") return null;
  return /^\d{1,7}(\.\d)?$/.test(compact) ? Number(compact) : "NOT_A_NUMBER";
}

/** An amount typed with øre, read as whole kroner by the rule files follow: shown next to its field, not an error. */
export interface DraftNote {
  /** Element id of the field. */
  readonly target: string;
  readonly row: number;
  /** The whole kroner that will be saved. */
  readonly amount: number;
}

export interface ReadDraft {
  /** The lines that could be read (for live totals even while some are wrong). */
  readonly lines: CostLine[];
  readonly notes: readonly DraftNote[];
  readonly itUserAccounts: number | null;
  readonly employeesFte: number | null;
  readonly populationOverride: { value: number; reason: string } | null;
  readonly grossOperatingExpenditureOverride: { value: number; reason: string } | null;
  readonly allocation: { key: AllocationKey; shares: Record<string, number> | null } | null;
  readonly issues: readonly DraftIssue[];
}

export function lineFieldId(key: string, field: string): string {
  return `${key}-${field}`;
}

/** Reads what was typed: the lines and figures that parse, and an issue for each that does not. */
export function readDraft(draft: ReportDraft): ReadDraft {
  const issues: DraftIssue[] = [];
  const notes: DraftNote[] = [];
  const lines: CostLine[] = [];
  draft.lines.forEach((line, index) => {
    const amount = parseNokAmount(line.amount);
    const target = lineFieldId(line.key, "amount");
    if (!amount.ok) {
      issues.push({ field: "amount", target, code: amount.reason, row: index + 1 });
      return;
    }
    if (amount.rounded) notes.push({ target, row: index + 1, amount: amount.value });
    lines.push({
      service: line.service,
      costType: line.costType,
      systemId: line.systemId === "" ? null : Number(line.systemId),
      amount: amount.value,
      comment: line.comment.trim() === "" ? null : line.comment.trim(),
    });
  });
  const users = readCount(draft.itUserAccounts);
  if (users === "NOT_A_NUMBER") issues.push({ field: "itUserAccounts", target: "report-it-users", code: "NOT_A_COUNT" });
  const employees = readFte(draft.employeesFte);
  if (employees === "NOT_A_NUMBER") issues.push({ field: "employeesFte", target: "report-fte", code: "NOT_A_DECIMAL" });
  const override = (name: "population" | "grossOperatingExpenditure") => {
    const o = draft[name];
    if (!o.enabled) return null;
    const value = readCount(o.value);
    if (value === null || value === "NOT_A_NUMBER" || value <= 0) {
      issues.push({ field: `${name}Override`, target: `report-${name}-value`, code: "NOT_A_COUNT" });
      return null;
    }
    if (o.reason.trim().length < 3) {
      issues.push({ field: `${name}OverrideReason`, target: `report-${name}-reason`, code: "REASON_REQUIRED" });
      return null;
    }
    return { value, reason: o.reason.trim() };
  };
  let allocation: ReadDraft["allocation"] = null;
  if (draft.allocationKey === "fixedShares") {
    const shares: Record<string, number> = {};
    for (const [number, text] of Object.entries(draft.shares)) {
      const bp = readPercent(text === "" ? "0" : text);
      if (bp === null) issues.push({ field: "share", target: `share-${number}`, code: "NOT_A_PERCENT" });
      else shares[number] = bp;
    }
    allocation = { key: "fixedShares", shares };
  } else if (draft.allocationKey !== "") allocation = { key: draft.allocationKey, shares: null };
  return {
    lines,
    notes,
    allocation,
    itUserAccounts: users === "NOT_A_NUMBER" ? null : users,
    employeesFte: employees === "NOT_A_NUMBER" ? null : employees,
    populationOverride: override("population"),
    grossOperatingExpenditureOverride: override("grossOperatingExpenditure"),
    issues,
  };
}
