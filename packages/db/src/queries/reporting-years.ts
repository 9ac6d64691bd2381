import { asc, eq } from "drizzle-orm";

import type { DbOrTx } from "../client";
import { reportingYears } from "../schema/index";

export interface ReportingYear {
  readonly year: number;
  readonly state: "open" | "closed";
  readonly deadline: string | null;
  readonly publishedOn: string | null;
}

export function listReportingYears(db: DbOrTx): ReportingYear[] {
  return db.select().from(reportingYears).orderBy(asc(reportingYears.year)).all();
}

export function getReportingYear(db: DbOrTx, year: number): ReportingYear | null {
  return db.select().from(reportingYears).where(eq(reportingYears.year, year)).get() ?? null;
}
