import { and, eq, sql } from "drizzle-orm";

import type { DbOrTx } from "../client";
import { costReports } from "../schema/index";

export interface CostReportRow {
  readonly id: number;
  readonly organisationId: number;
  readonly year: number;
  readonly totalItCost: number;
  readonly status: "draft" | "submitted" | "approved";
  readonly source: "entered" | "import" | "demo";
  readonly isDemo: boolean;
  readonly version: number;
  readonly updatedAt: string;
}

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

export type SaveCostTotalResult =
  | { readonly ok: true; readonly row: CostReportRow }
  | { readonly ok: false; readonly currentVersion: number | null };

/**
 * Creates or updates the total IT cost, guarded by the version the caller read: `null` means
 * "I saw no report". A stale version changes nothing and reports the current one.
 */
export function saveCostTotal(
  db: DbOrTx,
  args: {
    organisationId: number;
    year: number;
    totalItCost: number;
    expectedVersion: number | null;
    now: string;
  },
): SaveCostTotalResult {
  const { organisationId, year, totalItCost, expectedVersion, now } = args;
  if (expectedVersion === null) {
    const inserted = db
      .insert(costReports)
      .values({ organisationId, year, totalItCost, source: "entered", isDemo: false, updatedAt: now })
      .onConflictDoNothing()
      .returning()
      .get();
    if (inserted) return { ok: true, row: inserted };
    return { ok: false, currentVersion: getCostReport(db, organisationId, year)?.version ?? null };
  }
  const updated = db
    .update(costReports)
    .set({
      totalItCost,
      source: "entered",
      isDemo: false,
      status: "draft",
      version: sql`${costReports.version} + 1`,
      updatedAt: now,
    })
    .where(
      and(
        eq(costReports.organisationId, organisationId),
        eq(costReports.year, year),
        eq(costReports.version, expectedVersion),
      ),
    )
    .returning()
    .get();
  if (updated) return { ok: true, row: updated };
  return { ok: false, currentVersion: getCostReport(db, organisationId, year)?.version ?? null };
}
