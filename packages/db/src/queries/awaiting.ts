import type { QualityInstrument } from "@malestokk/domain";
import { and, asc, eq, inArray } from "drizzle-orm";

import type { DbOrTx } from "../client";
import { costReports, qualityReports, reportingYears } from "../schema/index";

/** A cost or quality report in an open year that waits for a workflow step: finance's correction or a manager's decision. */
export interface AwaitingReportRow {
  /** "costs", or the quality instrument. */
  readonly report: "costs" | QualityInstrument;
  readonly year: number;
  readonly status: "submitted" | "returned";
  /** Who took the last step, and when: the submitter of a submitted report, the one who returned a returned one. */
  readonly by: string | null;
  readonly at: string | null;
  readonly returnComment: string | null;
}

const WAITING = ["submitted", "returned"] as const;

/** One organisation's reports that wait for a step in a year still open, by year and report. */
export function listReportsAwaitingStep(db: DbOrTx, organisationId: number): AwaitingReportRow[] {
  const costs = db
    .select({
      year: costReports.year,
      status: costReports.status,
      submittedBy: costReports.submittedBy,
      submittedAt: costReports.submittedAt,
      decidedBy: costReports.decidedBy,
      decidedAt: costReports.decidedAt,
      returnComment: costReports.returnComment,
    })
    .from(costReports)
    .innerJoin(reportingYears, eq(reportingYears.year, costReports.year))
    .where(and(eq(costReports.organisationId, organisationId), inArray(costReports.status, [...WAITING]), eq(reportingYears.state, "open")))
    .orderBy(asc(costReports.year))
    .all()
    .map((r) => ({ report: "costs" as const, ...r }));
  const quality = db
    .select({
      report: qualityReports.instrument,
      year: qualityReports.year,
      status: qualityReports.status,
      submittedBy: qualityReports.submittedBy,
      submittedAt: qualityReports.submittedAt,
      decidedBy: qualityReports.decidedBy,
      decidedAt: qualityReports.decidedAt,
      returnComment: qualityReports.returnComment,
    })
    .from(qualityReports)
    .innerJoin(reportingYears, eq(reportingYears.year, qualityReports.year))
    .where(
      and(
        eq(qualityReports.organisationId, organisationId),
        inArray(qualityReports.status, [...WAITING]),
        eq(reportingYears.state, "open"),
      ),
    )
    .orderBy(asc(qualityReports.year), asc(qualityReports.instrument))
    .all();
  return [...costs, ...quality]
    .sort((a, b) => a.year - b.year)
    .map((r) => {
      const submitted = r.status === "submitted";
      return {
        report: r.report,
        year: r.year,
        status: submitted ? "submitted" : "returned",
        by: submitted ? r.submittedBy : r.decidedBy,
        at: submitted ? r.submittedAt : r.decidedAt,
        returnComment: submitted ? null : r.returnComment,
      };
    });
}
