/**
 * The life of a cost report for one organisation and year (issue 5): finance enters and submits,
 * a manager approves or returns it with a comment, an admin closes the year (locking every report)
 * and may reopen it with a reason.
 */
export const REPORT_STATUSES = ["draft", "submitted", "returned", "approved"] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const REPORT_ACTIONS = ["edit", "submit", "approve", "return"] as const;
export type ReportAction = (typeof REPORT_ACTIONS)[number];

/** Who acts: the permission each step needs is checked on the server; this is the state machine. */
const NEXT: Readonly<Record<ReportAction, Partial<Record<ReportStatus | "none", ReportStatus>>>> = {
  // A new report starts as a draft; a returned report is edited back into a draft.
  edit: { none: "draft", draft: "draft", returned: "draft" },
  submit: { draft: "submitted", returned: "submitted" },
  approve: { submitted: "approved" },
  // A manager may send back a submitted report, or reopen an approved one for correction.
  return: { submitted: "returned", approved: "returned" },
};

export type TransitionResult =
  { readonly ok: true; readonly to: ReportStatus } | { readonly ok: false; readonly reason: "YEAR_CLOSED" | "NOT_ALLOWED_FROM_STATUS" };

/** Whether `action` may be taken on a report in `status` (null: no report yet) in a year that is open or closed. */
export function reportTransition(status: ReportStatus | null, action: ReportAction, yearState: "open" | "closed"): TransitionResult {
  if (yearState === "closed") return { ok: false, reason: "YEAR_CLOSED" };
  const to = NEXT[action][status ?? "none"];
  return to ? { ok: true, to } : { ok: false, reason: "NOT_ALLOWED_FROM_STATUS" };
}

/** The actions open from a status, for the buttons a screen offers (the server decides again). */
export function availableActions(status: ReportStatus | null, yearState: "open" | "closed"): ReportAction[] {
  return REPORT_ACTIONS.filter((action) => reportTransition(status, action, yearState).ok);
}
