import type { ReportStatus } from "@malestokk/domain";

/**
 * What cost and quality reports share in the database: the status columns a step sets and the
 * answer of a write guarded by the version the caller read.
 */

/** The row written, or (a stale version) the version stored now, null when there is no report. */
export type VersionedWrite<Row> = { readonly ok: true; readonly row: Row } | { readonly ok: false; readonly currentVersion: number | null };

/** A step of the workflow on one report, from the version the caller read. */
export interface StatusChange {
  readonly reportId: number;
  readonly expectedVersion: number;
  readonly status: ReportStatus;
  readonly now: string;
  /** Who takes the step (an e-mail): the submitter or the decider the columns name. */
  readonly by: string;
  readonly returnComment?: string | null;
}

/**
 * The status columns of a step: who submitted or decided and when. A submit clears the last
 * decision and its comment; only a return keeps a comment.
 */
export function statusStamp(change: StatusChange) {
  return change.status === "submitted"
    ? {
        status: change.status,
        submittedAt: change.now,
        submittedBy: change.by,
        decidedAt: null,
        decidedBy: null,
        returnComment: null,
        updatedAt: change.now,
      }
    : {
        status: change.status,
        decidedAt: change.now,
        decidedBy: change.by,
        returnComment: change.status === "returned" ? (change.returnComment ?? null) : null,
        updatedAt: change.now,
      };
}
