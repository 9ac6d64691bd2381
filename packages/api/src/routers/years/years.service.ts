import {
  appendAudit,
  countPublishableUnits,
  countReportsByYear,
  getReportingYear,
  listMunicipalities,
  listReportingYears,
  setPublicationDate,
  setReportingYearState,
  type Db,
  type DbOrTx,
} from "@malestokk/db";

import { osloToday, publicationStateOf, type SetPublicationInput } from "@malestokk/domain";

import { auditBy, type ChangeOptions } from "../../context";
import { AppError } from "../../errors";

/**
 * Every reporting year with its state, deadline and how far the municipalities have come; its publication
 * date, whether that is a scheduled release or already public, and how many units publishing it makes public.
 */
export function listYears(db: DbOrTx, now: Date) {
  const counts = countReportsByYear(db);
  const publishable = countPublishableUnits(db);
  const municipalities = listMunicipalities(db).length;
  const today = osloToday(now);
  return listReportingYears(db).map((y) => {
    const byStatus = counts.get(y.year) ?? { draft: 0, submitted: 0, returned: 0, approved: 0 };
    const reported = byStatus.draft + byStatus.submitted + byStatus.returned + byStatus.approved;
    return {
      ...y,
      byStatus,
      missing: municipalities - reported,
      municipalities,
      publication: publicationStateOf(y.publishedOn, today),
      publishableUnits: publishable.get(y.year) ?? 0,
    };
  });
}

/**
 * Sets, changes or withdraws a year's publication date (docs/open-data.md#publication), audited. The
 * date the page showed must still be the stored one: otherwise someone decided meanwhile, and nothing changes.
 */
export function setYearPublication(db: Db, input: SetPublicationInput, options: ChangeOptions) {
  return db.transaction(
    (tx) => {
      const year = getReportingYear(tx, input.year);
      if (!year) throw new AppError("NOT_FOUND", { params: { year: input.year } });
      if (year.publishedOn !== input.previous)
        throw new AppError("VERSION_CONFLICT", { message: "The publication date was changed by someone else" });
      if (year.publishedOn === input.publishedOn) return { year: input.year, publishedOn: year.publishedOn };
      setPublicationDate(tx, input.year, input.publishedOn);
      appendAudit(tx, {
        at: options.now.toISOString(),
        ...auditBy(options.actor),
        action: input.publishedOn === null ? "years.publicationWithdrawn" : "years.publicationSet",
        entity: "reportingYear",
        entityId: String(input.year),
        details: { year: input.year, before: { publishedOn: year.publishedOn }, after: { publishedOn: input.publishedOn } },
      });
      return { year: input.year, publishedOn: input.publishedOn };
    },
    { behavior: "immediate" },
  );
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
