import { and, eq, inArray } from "drizzle-orm";
import {
  basketForYear,
  digitalizationRates,
  maturityIndex,
  type MaturityArea,
  type QualityComponentCode,
  type ReportStatus,
  type ServiceState,
  type StaircaseStep,
} from "@malestokk/domain";

import type { DbOrTx } from "../client";
import { mailCounts, maturityScores, maturityWeights, qualityReports, satisfactionResults, serviceSteps } from "../schema/index";

export interface QualityComponentValue {
  readonly organisationId: number;
  readonly year: number;
  readonly value: number;
  readonly isDemo: boolean;
  readonly status: ReportStatus;
}

/** Q2 compares staff surveys on the 1–6 scale only: other scales are kept, never mixed in. */
const STAFF_SCALE = { min: 1, max: 6 } as const;

/** All rows (a full recompute), or those of the given reports; a long IN list would only be slower. */
function filterBy(column: Parameters<typeof inArray>[0], ids: readonly number[] | undefined) {
  return ids === undefined ? undefined : inArray(column, [...ids]);
}

export function loadMaturityWeights(db: DbOrTx): Partial<Record<MaturityArea, number>> {
  return Object.fromEntries(
    db
      .select()
      .from(maturityWeights)
      .all()
      .map((w) => [w.area, w.weight]),
  );
}

/**
 * Every quality and scope component for one organisation-year or all, computed per report with
 * the domain's rules (Q1 over the answered areas, S1/S2 over the year's basket and offered services).
 */
export function loadQualityComponents(
  db: DbOrTx,
  scope: { organisationId: number; year: number } | null,
): Map<QualityComponentCode, Map<string, QualityComponentValue>> {
  const result = new Map<QualityComponentCode, Map<string, QualityComponentValue>>();
  const put = (
    code: QualityComponentCode,
    report: { organisationId: number; year: number; isDemo: boolean; status: ReportStatus },
    value: number,
  ) => {
    const map = result.get(code) ?? new Map<string, QualityComponentValue>();
    map.set(`${report.organisationId}:${report.year}`, {
      organisationId: report.organisationId,
      year: report.year,
      value,
      isDemo: report.isDemo,
      status: report.status,
    });
    result.set(code, map);
  };
  const reports = db
    .select()
    .from(qualityReports)
    .where(scope ? and(eq(qualityReports.organisationId, scope.organisationId), eq(qualityReports.year, scope.year)) : undefined)
    .all();
  if (reports.length === 0) return result;
  const ids = (instrument: string) => reports.filter((r) => r.instrument === instrument).map((r) => r.id);
  const byId = new Map(reports.map((r) => [r.id, r]));
  // Rows per report, so that each report reads only its own (the demo has tens of thousands).
  const group = <T extends { reportId: number }>(rows: readonly T[]) => {
    const map = new Map<number, T[]>();
    for (const row of rows) map.set(row.reportId, [...(map.get(row.reportId) ?? []), row]);
    return map;
  };
  const inIds = (all: readonly number[]) => (scope ? all : undefined);

  const maturityIds = ids("maturity");
  if (maturityIds.length > 0) {
    const weights = loadMaturityWeights(db);
    const scores = group(
      db
        .select()
        .from(maturityScores)
        .where(filterBy(maturityScores.reportId, inIds(maturityIds)))
        .all(),
    );
    for (const id of maturityIds) {
      const report = byId.get(id);
      if (!report) continue;
      const index = maturityIndex(Object.fromEntries((scores.get(id) ?? []).map((s) => [s.area, s.score])), weights);
      if (index.denominator === 0) continue;
      put("maturityWeightedSum", report, index.numerator);
      put("maturityWeightSum", report, index.denominator);
    }
  }

  const satisfactionIds = ids("satisfaction");
  if (satisfactionIds.length > 0) {
    const rows = group(
      db
        .select()
        .from(satisfactionResults)
        .where(filterBy(satisfactionResults.reportId, inIds(satisfactionIds)))
        .all(),
    );
    for (const id of satisfactionIds) {
      const report = byId.get(id);
      if (!report) continue;
      const mine = rows.get(id) ?? [];
      const staff = mine.filter((r) => r.kind === "staff" && r.scaleMin === STAFF_SCALE.min && r.scaleMax === STAFF_SCALE.max);
      const citizen = mine.filter((r) => r.kind === "citizen");
      for (const [rowsOfKind, sum, count] of [
        [staff, "staffSatisfactionSum", "staffRespondents"],
        [citizen, "citizenSatisfactionSum", "citizenRespondents"],
      ] as const) {
        if (rowsOfKind.length === 0) continue;
        put(
          sum,
          report,
          rowsOfKind.reduce((s, r) => s + r.meanHundredths * r.respondents, 0),
        );
        put(
          count,
          report,
          rowsOfKind.reduce((s, r) => s + r.respondents, 0),
        );
      }
    }
  }

  const scopeIds = ids("scope");
  if (scopeIds.length > 0) {
    const steps = group(
      db
        .select()
        .from(serviceSteps)
        .where(filterBy(serviceSteps.reportId, inIds(scopeIds)))
        .all(),
    );
    const mail = group(
      db
        .select()
        .from(mailCounts)
        .where(filterBy(mailCounts.reportId, inIds(scopeIds)))
        .all(),
    );
    for (const id of scopeIds) {
      const report = byId.get(id);
      if (!report) continue;
      const basket = basketForYear(report.year);
      const mine = new Map((steps.get(id) ?? []).map((s) => [s.serviceCode, s]));
      const states: ServiceState[] = (basket?.services ?? []).map((service) => {
        const row = mine.get(service.code);
        if (!row) return null;
        if (row.notOffered) return { notOffered: true };
        return row.step === null ? null : { step: row.step as StaircaseStep };
      });
      const rates = digitalizationRates(states);
      if (rates.assessed > 0) {
        put("servicesDigitalFirst", report, rates.digitalFirst);
        put("servicesAssessed", report, rates.assessed);
        put("serviceStepSum", report, rates.stepSum);
      }
      const shipments = mail.get(id) ?? [];
      if (shipments.length > 0) {
        put(
          "mailDigital",
          report,
          shipments.reduce((s, m) => s + m.digital, 0),
        );
        put(
          "mailTotal",
          report,
          shipments.reduce((s, m) => s + m.digital + m.paper, 0),
        );
      }
    }
  }
  return result;
}
