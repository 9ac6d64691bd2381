import { and, eq, sql } from "drizzle-orm";
import type { MaturityArea, QualityContent, QualityInstrument, StaircaseStep } from "@malestokk/domain";

import type { DbOrTx } from "../client";
import { mailCounts, maturityScores, maturityWeights, qualityReports, satisfactionResults, serviceSteps } from "../schema/index";
import { statusStamp, type StatusChange, type VersionedWrite } from "./report-workflow";

export type QualityReportRow = typeof qualityReports.$inferSelect;
export type QualityWrite = VersionedWrite<QualityReportRow>;

export function getQualityReport(db: DbOrTx, organisationId: number, year: number, instrument: QualityInstrument): QualityReportRow | null {
  return (
    db
      .select()
      .from(qualityReports)
      .where(
        and(eq(qualityReports.organisationId, organisationId), eq(qualityReports.year, year), eq(qualityReports.instrument, instrument)),
      )
      .get() ?? null
  );
}

export function listQualityReports(db: DbOrTx, organisationId: number): QualityReportRow[] {
  return db.select().from(qualityReports).where(eq(qualityReports.organisationId, organisationId)).all();
}

/** What a report holds, in the shape the API takes it. */
export function loadQualityContent(db: DbOrTx, report: QualityReportRow): QualityContent {
  if (report.instrument === "maturity") {
    const scores = db.select().from(maturityScores).where(eq(maturityScores.reportId, report.id)).all();
    return {
      instrument: "maturity",
      content: { scores: scores.map(({ area, score, comment, evidence }) => ({ area, score, comment, evidence })) },
    };
  }
  if (report.instrument === "satisfaction") {
    const rows = db.select().from(satisfactionResults).where(eq(satisfactionResults.reportId, report.id)).all();
    const staff = rows.find((r) => r.kind === "staff");
    return {
      instrument: "satisfaction",
      content: {
        staff: staff
          ? { mean: staff.meanHundredths / 100, respondents: staff.respondents, scaleMin: staff.scaleMin, scaleMax: staff.scaleMax }
          : null,
        citizen: rows
          .filter((r) => r.kind === "citizen")
          .map((r) => ({ surveyType: r.surveyType, mean: r.meanHundredths / 100, respondents: r.respondents })),
      },
    };
  }
  const steps = db.select().from(serviceSteps).where(eq(serviceSteps.reportId, report.id)).all();
  const mail = db.select().from(mailCounts).where(eq(mailCounts.reportId, report.id)).all();
  return {
    instrument: "scope",
    content: {
      services: steps.map((s) => ({
        code: s.serviceCode,
        step: s.step as StaircaseStep | null,
        notOffered: s.notOffered,
        evidence: s.evidence,
      })),
      mail: mail.map(({ shipmentType, digital, paper }) => ({ shipmentType, digital, paper })),
    },
  };
}

function writeContent(db: DbOrTx, reportId: number, content: QualityContent): void {
  if (content.instrument === "maturity") {
    db.delete(maturityScores).where(eq(maturityScores.reportId, reportId)).run();
    if (content.content.scores.length > 0)
      db.insert(maturityScores)
        .values(content.content.scores.map((s) => ({ ...s, reportId })))
        .run();
  } else if (content.instrument === "satisfaction") {
    db.delete(satisfactionResults).where(eq(satisfactionResults.reportId, reportId)).run();
    const { staff, citizen } = content.content;
    const rows = [
      ...(staff
        ? [
            {
              reportId,
              kind: "staff" as const,
              surveyType: "",
              meanHundredths: Math.round(staff.mean * 100),
              respondents: staff.respondents,
              scaleMin: staff.scaleMin,
              scaleMax: staff.scaleMax,
            },
          ]
        : []),
      ...citizen.map((c) => ({
        reportId,
        kind: "citizen" as const,
        surveyType: c.surveyType,
        meanHundredths: Math.round(c.mean * 100),
        respondents: c.respondents,
        scaleMin: 1,
        scaleMax: 6,
      })),
    ];
    if (rows.length > 0) db.insert(satisfactionResults).values(rows).run();
  } else {
    db.delete(serviceSteps).where(eq(serviceSteps.reportId, reportId)).run();
    db.delete(mailCounts).where(eq(mailCounts.reportId, reportId)).run();
    const { services, mail } = content.content;
    if (services.length > 0) {
      db.insert(serviceSteps)
        .values(
          services.map((s) => ({
            reportId,
            serviceCode: s.code,
            step: s.notOffered ? null : s.step,
            notOffered: s.notOffered,
            evidence: s.evidence,
          })),
        )
        .run();
    }
    if (mail.length > 0)
      db.insert(mailCounts)
        .values(mail.map((m) => ({ ...m, reportId })))
        .run();
  }
}

/** Creates or replaces a report's content from the version the caller read; it becomes a draft. */
export function saveQualityReport(
  db: DbOrTx,
  args: { organisationId: number; year: number; expectedVersion: number | null; content: QualityContent; now: string },
): QualityWrite {
  const { organisationId, year, expectedVersion, content, now } = args;
  const row =
    expectedVersion === null
      ? db
          .insert(qualityReports)
          .values({ organisationId, year, instrument: content.instrument, status: "draft", updatedAt: now })
          .onConflictDoNothing()
          .returning()
          .get()
      : db
          .update(qualityReports)
          // A return comment stays (with who and when) until the report is submitted again.
          .set({ status: "draft", isDemo: false, version: sql`${qualityReports.version} + 1`, updatedAt: now })
          .where(
            and(
              eq(qualityReports.organisationId, organisationId),
              eq(qualityReports.year, year),
              eq(qualityReports.instrument, content.instrument),
              eq(qualityReports.version, expectedVersion),
            ),
          )
          .returning()
          .get();
  if (!row) return { ok: false, currentVersion: getQualityReport(db, organisationId, year, content.instrument)?.version ?? null };
  writeContent(db, row.id, content);
  return { ok: true, row };
}

export function setQualityReportStatus(db: DbOrTx, args: StatusChange): QualityWrite {
  const row = db
    .update(qualityReports)
    .set({ ...statusStamp(args), version: sql`${qualityReports.version} + 1` })
    .where(and(eq(qualityReports.id, args.reportId), eq(qualityReports.version, args.expectedVersion)))
    .returning()
    .get();
  if (row) return { ok: true, row };
  return {
    ok: false,
    currentVersion:
      db.select({ v: qualityReports.version }).from(qualityReports).where(eq(qualityReports.id, args.reportId)).get()?.v ?? null,
  };
}

/** Replaces the area weights of Q1 (whole numbers; 1 where none is set). */
export function saveMaturityWeights(db: DbOrTx, weights: Readonly<Partial<Record<MaturityArea, number>>>): void {
  db.delete(maturityWeights).run();
  const rows = Object.entries(weights).map(([area, weight]) => ({ area: area as MaturityArea, weight: weight ?? 1 }));
  if (rows.length > 0) db.insert(maturityWeights).values(rows).run();
}

/** Each area's approved scores of the year, per organisation: the peer medians of the radar chart. */
export function listApprovedMaturityScores(db: DbOrTx, year: number): { organisationId: number; area: MaturityArea; score: number }[] {
  return db
    .select({ organisationId: qualityReports.organisationId, area: maturityScores.area, score: maturityScores.score })
    .from(maturityScores)
    .innerJoin(qualityReports, eq(qualityReports.id, maturityScores.reportId))
    .where(and(eq(qualityReports.year, year), eq(qualityReports.instrument, "maturity"), eq(qualityReports.status, "approved")))
    .all()
    .filter((r): r is { organisationId: number; area: MaturityArea; score: number } => r.score !== null);
}
