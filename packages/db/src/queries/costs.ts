import { and, asc, count, eq, isNotNull, ne, sql } from "drizzle-orm";
import { nameKey, type AllocationKey, type CostLine, type ReportStatus } from "@malestokk/domain";

import type { DbOrTx } from "../client";
import { costLines, costReports, reportingYears, systems } from "../schema/index";
import { statusStamp, type StatusChange, type VersionedWrite } from "./report-workflow";

export type CostReportRow = typeof costReports.$inferSelect;
export type SystemRow = typeof systems.$inferSelect;

export function getCostReport(db: DbOrTx, organisationId: number, year: number): CostReportRow | null {
  return (
    db
      .select()
      .from(costReports)
      .where(and(eq(costReports.organisationId, organisationId), eq(costReports.year, year)))
      .get() ?? null
  );
}

export function listCostReports(db: DbOrTx, organisationId: number): CostReportRow[] {
  return db.select().from(costReports).where(eq(costReports.organisationId, organisationId)).all();
}

/** The lines of a report in a stable order (service, cost type, fagsystem), as the form and exports show them. */
export function listCostLines(db: DbOrTx, reportId: number): CostLine[] {
  return db
    .select({
      service: costLines.service,
      costType: costLines.costType,
      systemId: costLines.systemId,
      amount: costLines.amount,
      comment: costLines.comment,
    })
    .from(costLines)
    .where(eq(costLines.reportId, reportId))
    .orderBy(asc(costLines.id))
    .all();
}

export interface CostReportContent {
  readonly lines: readonly CostLine[];
  readonly itUserAccounts: number | null;
  readonly employeesFte: number | null;
  readonly populationOverride: { readonly value: number; readonly reason: string } | null;
  readonly grossOperatingExpenditureOverride: { readonly value: number; readonly reason: string } | null;
  readonly warningComments: Readonly<Record<string, string>>;
  /** Only for an IT cooperative: how its costs are divided between the members. */
  readonly allocation: { readonly key: AllocationKey; readonly shares: Readonly<Record<string, number>> | null } | null;
}

export type CostReportWrite = VersionedWrite<CostReportRow>;

function contentColumns(content: CostReportContent) {
  return {
    totalItCost: content.lines.reduce((sum, l) => sum + l.amount, 0),
    itUserAccounts: content.itUserAccounts,
    employeesFte: content.employeesFte,
    populationOverride: content.populationOverride?.value ?? null,
    populationOverrideReason: content.populationOverride?.reason ?? null,
    grossOperatingExpenditureOverride: content.grossOperatingExpenditureOverride?.value ?? null,
    grossOperatingExpenditureOverrideReason: content.grossOperatingExpenditureOverride?.reason ?? null,
    warningComments: JSON.stringify(content.warningComments),
    allocationKey: content.allocation?.key ?? null,
    allocationShares: content.allocation?.shares ? JSON.stringify(content.allocation.shares) : null,
  };
}

/**
 * Creates or replaces a report's content (its lines whole), guarded by the version the caller
 * read: `null` means "I saw no report". A stale version changes nothing and reports the current one.
 * The total is the sum of the lines; the report becomes a draft, and keeps a return comment until submitted.
 */
export function saveCostReport(
  db: DbOrTx,
  args: {
    organisationId: number;
    year: number;
    expectedVersion: number | null;
    content: CostReportContent;
    source: "entered" | "import";
    now: string;
  },
): CostReportWrite {
  const { organisationId, year, expectedVersion, content, source, now } = args;
  const columns = contentColumns(content);
  let row: CostReportRow | undefined;
  if (expectedVersion === null) {
    row = db
      .insert(costReports)
      .values({ organisationId, year, ...columns, status: "draft", source, isDemo: false, updatedAt: now })
      .onConflictDoNothing()
      .returning()
      .get();
  } else {
    row = db
      .update(costReports)
      // A manager's return comment stays (with who and when) until the report is submitted again.
      .set({ ...columns, status: "draft", source, isDemo: false, version: sql`${costReports.version} + 1`, updatedAt: now })
      .where(and(eq(costReports.organisationId, organisationId), eq(costReports.year, year), eq(costReports.version, expectedVersion)))
      .returning()
      .get();
  }
  if (!row) return { ok: false, currentVersion: getCostReport(db, organisationId, year)?.version ?? null };
  db.delete(costLines).where(eq(costLines.reportId, row.id)).run();
  if (content.lines.length > 0)
    db.insert(costLines)
      .values(content.lines.map((l) => ({ ...l, reportId: row.id })))
      .run();
  return { ok: true, row };
}

/** Moves a report to another status, guarded by the version the caller read. */
export function setCostReportStatus(db: DbOrTx, args: StatusChange): CostReportWrite {
  // The figures others divide by change only here; a return and the drafts after it keep them (ADR 007).
  const approvedBasis =
    args.status === "approved"
      ? {
          approvedAt: args.now,
          approvedItUserAccounts: sql<number | null>`${costReports.itUserAccounts}`,
          approvedPopulationOverride: sql<number | null>`${costReports.populationOverride}`,
        }
      : {};
  const row = db
    .update(costReports)
    .set({ ...statusStamp(args), ...approvedBasis, version: sql`${costReports.version} + 1` })
    .where(and(eq(costReports.id, args.reportId), eq(costReports.version, args.expectedVersion)))
    .returning()
    .get();
  if (row) return { ok: true, row };
  return {
    ok: false,
    currentVersion: db.select({ v: costReports.version }).from(costReports).where(eq(costReports.id, args.reportId)).get()?.v ?? null,
  };
}

export function setReportingYearState(db: DbOrTx, year: number, state: "open" | "closed"): boolean {
  return db.update(reportingYears).set({ state }).where(eq(reportingYears.year, year)).run().changes > 0;
}

/**
 * An organisation's fagsystemer, each with how many cost lines are tied to it: every line, or with
 * `approvedLinesOnly` those of approved reports only (for readers who may not see drafts).
 */
export function listSystems(
  db: DbOrTx,
  organisationId: number,
  options: { approvedLinesOnly?: boolean } = {},
): (SystemRow & { lineCount: number })[] {
  return db
    .select({
      id: systems.id,
      organisationId: systems.organisationId,
      name: systems.name,
      vendor: systems.vendor,
      systemClass: systems.systemClass,
      svarUt: systems.svarUt,
      inUseFrom: systems.inUseFrom,
      inUseTo: systems.inUseTo,
      version: systems.version,
      updatedAt: systems.updatedAt,
      // Raw names: inside a subquery Drizzle would write the columns without their tables.
      lineCount: options.approvedLinesOnly
        ? sql<number>`(select count(*) from cost_lines join cost_reports on cost_reports.id = cost_lines.report_id where cost_lines.system_id = systems.id and cost_reports.status = 'approved')`
        : sql<number>`(select count(*) from cost_lines where cost_lines.system_id = systems.id)`,
    })
    .from(systems)
    .where(eq(systems.organisationId, organisationId))
    .orderBy(sql`lower(${systems.name})`)
    .all();
}

export type SystemFields = Pick<SystemRow, "name" | "vendor" | "systemClass" | "svarUt" | "inUseFrom" | "inUseTo">;

export type SystemWrite =
  | { readonly ok: true; readonly row: SystemRow }
  | { readonly ok: false; readonly reason: "NAME_TAKEN" | "VERSION_CONFLICT" | "NOT_FOUND"; readonly currentVersion?: number };

/**
 * Compared on the clean form, case aside, in JavaScript: SQLite's lower() folds only A–Z, and a
 * name stored before names were cleaned may still hold an invisible character.
 */
function nameTaken(db: DbOrTx, organisationId: number, name: string, exceptId: number | null): boolean {
  const key = nameKey(name);
  return db
    .select({ id: systems.id, name: systems.name })
    .from(systems)
    .where(eq(systems.organisationId, organisationId))
    .all()
    .some((s) => s.id !== exceptId && nameKey(s.name) === key);
}

/** Creates (id null) or updates a fagsystem, guarded by version; names are unique per organisation, case aside. */
export function saveSystem(
  db: DbOrTx,
  args: { organisationId: number; id: number | null; expectedVersion: number | null; fields: SystemFields; now: string },
): SystemWrite {
  if (nameTaken(db, args.organisationId, args.fields.name, args.id)) return { ok: false, reason: "NAME_TAKEN" };
  if (args.id === null) {
    const row = db
      .insert(systems)
      .values({ organisationId: args.organisationId, ...args.fields, updatedAt: args.now })
      .returning()
      .get();
    return { ok: true, row };
  }
  const current = db
    .select()
    .from(systems)
    .where(and(eq(systems.id, args.id), eq(systems.organisationId, args.organisationId)))
    .get();
  if (!current) return { ok: false, reason: "NOT_FOUND" };
  const row = db
    .update(systems)
    .set({ ...args.fields, version: sql`${systems.version} + 1`, updatedAt: args.now })
    .where(and(eq(systems.id, args.id), eq(systems.version, args.expectedVersion ?? -1)))
    .returning()
    .get();
  return row ? { ok: true, row } : { ok: false, reason: "VERSION_CONFLICT", currentVersion: current.version };
}

export function getSystem(db: DbOrTx, organisationId: number, id: number): SystemRow | null {
  return (
    db
      .select()
      .from(systems)
      .where(and(eq(systems.id, id), eq(systems.organisationId, organisationId)))
      .get() ?? null
  );
}

/** How many cost lines (in any year) are tied to a fagsystem: such a system is kept, not deleted. */
export function countSystemLines(db: DbOrTx, systemId: number): number {
  return db.select({ n: count() }).from(costLines).where(eq(costLines.systemId, systemId)).get()?.n ?? 0;
}

export function deleteSystem(db: DbOrTx, organisationId: number, id: number): boolean {
  return (
    db
      .delete(systems)
      .where(and(eq(systems.id, id), eq(systems.organisationId, organisationId)))
      .run().changes > 0
  );
}

/** Per reporting year: how many municipalities' reports are in each status (none: no report). */
export function countReportsByYear(db: DbOrTx): Map<number, Record<ReportStatus, number>> {
  const rows = db
    .select({ year: costReports.year, status: costReports.status, n: count() })
    .from(costReports)
    .groupBy(costReports.year, costReports.status)
    .all();
  const byYear = new Map<number, Record<ReportStatus, number>>();
  for (const r of rows) {
    const entry = byYear.get(r.year) ?? { draft: 0, submitted: 0, returned: 0, approved: 0 };
    entry[r.status] = r.n;
    byYear.set(r.year, entry);
  }
  return byYear;
}

/**
 * The organisations whose cost report for the year was approved and is now being corrected
 * (returned, or a draft or submitted again): their last approved figures stand until the next approval.
 */
export function listCostReportsUnderCorrection(db: DbOrTx, year: number): Set<number> {
  return new Set(
    db
      .select({ organisationId: costReports.organisationId })
      .from(costReports)
      .where(and(eq(costReports.year, year), ne(costReports.status, "approved"), isNotNull(costReports.approvedAt)))
      .all()
      .map((r) => r.organisationId),
  );
}

/** Each organisation's cost report status in one year (no row: not started). */
export function listCostReportStatuses(db: DbOrTx, year: number): Map<number, ReportStatus> {
  return new Map(
    db
      .select({ organisationId: costReports.organisationId, status: costReports.status })
      .from(costReports)
      .where(eq(costReports.year, year))
      .all()
      .map((r) => [r.organisationId, r.status] as const),
  );
}
