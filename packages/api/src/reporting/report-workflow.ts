import { findUserByEmail, getReportingYear, isFourEyesRequired, listReportingYears, type DbOrTx } from "@malestokk/db";
import { availableActions, can, reportTransition, type ReportAction, type ReportStatus, type RoleGrant } from "@malestokk/domain";

import type { Actor } from "../context";
import { AppError } from "../errors";

/**
 * The server half of the reporting workflow that cost and quality reports share: the year a report
 * belongs to, the step it may take, and the one refusal each code has, whatever the report.
 */

/** The reporting year, or YEAR_OUT_OF_RANGE with the first and last year there are. */
export function requireYear(db: DbOrTx, year: number) {
  const reportingYear = getReportingYear(db, year);
  if (!reportingYear) {
    const years = listReportingYears(db).map((y) => y.year);
    const params = { min: Math.min(...years), max: Math.max(...years) };
    throw new AppError("YEAR_OUT_OF_RANGE", {
      message: `Year ${year} is not a reporting year`,
      params,
      issues: [{ path: ["year"], code: "YEAR_OUT_OF_RANGE", params }],
    });
  }
  return reportingYear;
}

/**
 * The status `action` takes a report to (null: no report yet), or its refusal: PERIOD_LOCKED with
 * the year when the year is closed, STATUS_CONFLICT with the status and action otherwise.
 */
export function requireTransition(
  status: ReportStatus | null,
  action: ReportAction,
  year: { year: number; state: "open" | "closed" },
): ReportStatus {
  const transition = reportTransition(status, action, year.state);
  if (transition.ok) return transition.to;
  if (transition.reason === "YEAR_CLOSED")
    throw new AppError("PERIOD_LOCKED", { message: `The year ${year.year} is closed`, params: { year: year.year } });
  throw statusConflict(status, action);
}

function statusConflict(status: ReportStatus | null, action: ReportAction): AppError {
  return new AppError("STATUS_CONFLICT", {
    message: `Cannot ${action} a report that is ${status ?? "missing"}`,
    params: { status, action },
  });
}

/** A report that may be edited now (null: none yet), read at the version the user read (null: none). */
export function requireEditable<R extends { status: ReportStatus; version: number }>(
  current: R | null,
  year: { year: number; state: "open" | "closed" },
  expectedVersion: number | null,
): R | null {
  requireTransition(current?.status ?? null, "edit", year);
  requireVersion(current?.version ?? null, expectedVersion);
  return current;
}

/**
 * Submit, approve or return a stored report read at the version the user read: the report and the
 * status it moves to. Where the unit's organisation requires four eyes (issue 20, point 16), the one
 * who submitted the report may not approve it (FOUR_EYES); returning it stays open to them.
 */
export function requireStep<R extends { status: ReportStatus; version: number; submittedBy: string | null }>(
  current: R | null,
  action: Exclude<ReportAction, "edit">,
  year: { year: number; state: "open" | "closed" },
  expectedVersion: number,
  by: { db: DbOrTx; unitId: number; actor: Actor },
): { report: R; to: ReportStatus } {
  const to = requireTransition(current?.status ?? null, action, year);
  // Only editing starts a report: the state machine refuses every other step on none, so this is a guard for the type.
  if (!current) throw statusConflict(null, action);
  requireVersion(current.version, expectedVersion);
  if (action === "approve" && leftToOthers(current, by.actor.email, by.db, by.unitId)) {
    throw new AppError("FOUR_EYES", { message: "The submitter may not approve the report where four eyes are required" });
  }
  return { report: current, to };
}

/** Whether the approval of `report` is for someone other than `email`: its submitter, where four eyes are required. */
function leftToOthers(report: { submittedBy: string | null }, email: string, db: DbOrTx, unitId: number): boolean {
  return report.submittedBy !== null && report.submittedBy.toLowerCase() === email.toLowerCase() && isFourEyesRequired(db, unitId);
}

/** VERSION_CONFLICT with the version stored now, when it is not the one the user read. */
export function requireVersion(currentVersion: number | null, expectedVersion: number | null): void {
  if (currentVersion !== expectedVersion) throw versionConflict(currentVersion);
}

/** The refusal of a write whose version was overtaken: the version stored now, so the user can reload it. */
export function versionConflict(currentVersion: number | null): AppError {
  return new AppError("VERSION_CONFLICT", { message: "The report was changed by someone else", params: { currentVersion } });
}

/** The areas whose reports follow the workflow; each has its `<area>.edit`, `.submit` and `.approve` permissions. */
export type ReportArea = "costs" | "quality";

// Returning a report is a manager's decision, as approving is.
const STEP_PERMISSION = { edit: "edit", submit: "submit", approve: "approve", return: "approve" } as const;

/** The permission a step on a report of `area` needs. */
export function stepPermission(area: ReportArea, action: ReportAction) {
  return `${area}.${STEP_PERMISSION[action]}` as const;
}

/**
 * The steps this reader may take now on the unit's stored report: the state machine, the reader's
 * permissions there, and four eyes (the submitter is not offered an approval the server would refuse).
 */
export function allowedActions(
  area: ReportArea,
  reader: { db: DbOrTx; grants: readonly RoleGrant[]; email: string },
  unitId: number,
  report: { status: ReportStatus; submittedBy: string | null } | null,
  yearState: "open" | "closed",
): ReportAction[] {
  return availableActions(report?.status ?? null, yearState).filter(
    (action) =>
      can(reader.grants, stepPermission(area, action), unitId) &&
      !(action === "approve" && report !== null && leftToOthers(report, reader.email, reader.db, unitId)),
  );
}

const STEP_AUDIT = { submit: "reportSubmitted", approve: "reportApproved", return: "reportReturned" } as const;

/** The audit action a step on a report of `area` is recorded under. */
export function stepAuditAction<A extends ReportArea>(area: A, action: Exclude<ReportAction, "edit">) {
  return `${area}.${STEP_AUDIT[action]}` as const;
}

/**
 * A report's movers by name for the reader ("Sendt inn av Kari Nordmann"): the status columns keep
 * the actor's e-mail address, which is no name to show; an address without a user stays as it is.
 */
export function withMoverNames<R extends { submittedBy: string | null; decidedBy: string | null }>(db: DbOrTx, report: R): R {
  const nameOf = (email: string | null) => (email === null ? null : (findUserByEmail(db, email)?.name ?? email));
  return { ...report, submittedBy: nameOf(report.submittedBy), decidedBy: nameOf(report.decidedBy) };
}
