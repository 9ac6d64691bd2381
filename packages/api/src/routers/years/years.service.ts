import {
  appendAudit,
  countReportsByYear,
  getReportingYear,
  listMunicipalities,
  listReportingYears,
  setReportingYearState,
  type Db,
  type DbOrTx,
} from "@malestokk/db";

import { auditBy, type ChangeOptions } from "../../context";
import { AppError } from "../../errors";

/** Every reporting year with its state, deadline and how far the municipalities have come. */
export function listYears(db: DbOrTx) {
  const counts = countReportsByYear(db);
  const municipalities = listMunicipalities(db).length;
  return listReportingYears(db).map((y) => {
    const byStatus = counts.get(y.year) ?? { draft: 0, submitted: 0, returned: 0, approved: 0 };
    const reported = byStatus.draft + byStatus.submitted + byStatus.returned + byStatus.approved;
    return { ...y, byStatus, missing: municipalities - reported, municipalities };
  });
}

/** Closes (locks every report) or reopens a reporting year; reopening needs a reason, both are audited. */
export function setYearState(db: Db, input: { year: number; state: "open" | "closed"; reason: string | null }, options: ChangeOptions) {
  return db.transaction(
    (tx) => {
      const year = getReportingYear(tx, input.year);
      if (!year) throw new AppError("NOT_FOUND", { params: { year: input.year } });
      if (year.state === input.state)
        throw new AppError("STATUS_CONFLICT", { params: { status: year.state, action: input.state === "closed" ? "close" : "reopen" } });
      setReportingYearState(tx, input.year, input.state);
      appendAudit(tx, {
        at: options.now.toISOString(),
        ...auditBy(options.actor),
        action: input.state === "closed" ? "years.closed" : "years.reopened",
        entity: "reportingYear",
        entityId: String(input.year),
        details: { before: year.state, after: input.state, reason: input.reason },
      });
      return { year: input.year, state: input.state };
    },
    { behavior: "immediate" },
  );
}
