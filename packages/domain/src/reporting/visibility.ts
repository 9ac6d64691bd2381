import { can, type RoleGrant } from "../auth/permissions";
import type { ReportStatus } from "../costs/workflow";

/**
 * Whether a reader of an organisation's reports sees a report's content (ADR 007): an approved
 * report, anyone who may read the organisation's reports; before approval (draft, submitted,
 * returned), only those with `drafts.read` there: its own organisation and administrators.
 */
export function canReadReportContent(grants: readonly RoleGrant[], organisationId: number, status: ReportStatus | null): boolean {
  return status === null || status === "approved" || can(grants, "drafts.read", organisationId);
}

/** What a reader who may not see a report's content learns of it: its status, and who moved it when. */
export interface WithheldReport {
  readonly status: ReportStatus;
  readonly isDemo: boolean;
  readonly updatedAt: string;
  readonly submittedAt: string | null;
  readonly submittedBy: string | null;
  readonly decidedAt: string | null;
  readonly decidedBy: string | null;
}

export function withheldReport(report: WithheldReport): WithheldReport {
  const { status, isDemo, updatedAt, submittedAt, submittedBy, decidedAt, decidedBy } = report;
  return { status, isDemo, updatedAt, submittedAt, submittedBy, decidedAt, decidedBy };
}

/** Where a report stands, for a reader who sees it: what a withheld report shows, its version and a return's comment. */
export interface ReportState extends WithheldReport {
  readonly version: number;
  readonly returnComment: string | null;
}

export function reportState(report: ReportState): ReportState {
  return { ...withheldReport(report), version: report.version, returnComment: report.returnComment };
}
