import {
  appendAudit,
  getPublishedFigure,
  getQualityReport,
  listApprovedMaturityScores,
  listReportingYears,
  listQualityReports,
  loadMaturityWeights,
  loadQualityContent,
  recomputeIndicatorValues,
  saveMaturityWeights,
  saveQualityReport,
  setQualityReportStatus,
  type Db,
  type DbOrTx,
  type ReportingUnit,
} from "@malestokk/db";
import {
  checkPeersOf,
  basketForYear,
  canReadReportContent,
  checkSurveyResult,
  CITIZEN_SCALE,
  digitalizationRates,
  getIndicator,
  isUncertain,
  MATURITY_AREAS,
  QUALITY_INSTRUMENTS,
  maturityBand,
  maturityIndex,
  median,
  type FieldIssue,
  type MaturityArea,
  type QualityContent,
  type QualityInstrument,
  type ReportAction,
  type ReportStatus,
  type RoleGrant,
  type ServiceState,
  reportState,
  withheldReport,
  type AuditAction,
} from "@malestokk/domain";

import { auditBy, type Actor, type ChangeOptions } from "../../context";
import { AppError } from "../../errors";
import {
  allowedActions,
  requireEditable,
  requireStep,
  requireYear,
  stepAuditAction,
  versionConflict,
  withMoverNames,
} from "../../reporting/report-workflow";
import { listPeerUnits } from "../peers/peer-units";
import { queueReportStepNotice } from "../../mail/report-notices";

function emptyContent(instrument: QualityInstrument): QualityContent {
  if (instrument === "maturity") return { instrument, content: { scores: [] } };
  if (instrument === "satisfaction") return { instrument, content: { staff: null, citizen: [] } };
  return { instrument, content: { services: [], mail: [] } };
}

/** Problems zod cannot see: a mean off its scale, a service not in the year's basket. */
function contentIssues(content: QualityContent, year: number): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (content.instrument === "satisfaction") {
    const { staff, citizen } = content.content;
    if (staff) {
      for (const issue of checkSurveyResult(staff)) {
        issues.push({
          path: ["content", "staff", issue.field],
          code: issue.code,
          params: issue.code === "OUTSIDE_SCALE" ? { min: issue.min, max: issue.max } : {},
        });
      }
    }
    citizen.forEach((c, index) => {
      for (const issue of checkSurveyResult({ ...c, scaleMin: CITIZEN_SCALE.min, scaleMax: CITIZEN_SCALE.max })) {
        issues.push({
          path: ["content", "citizen", index, issue.field],
          code: issue.code,
          params: issue.code === "OUTSIDE_SCALE" ? { min: issue.min, max: issue.max } : {},
        });
      }
    });
    const types = citizen.map((c) => c.surveyType.toLocaleLowerCase("nb"));
    types.forEach((type, index) => {
      if (types.indexOf(type) !== index) issues.push({ path: ["content", "citizen", index, "surveyType"], code: "DUPLICATE", params: {} });
    });
  }
  if (content.instrument === "scope") {
    // One total, or counts per shipment type: both at once would count the mail twice.
    const types = content.content.mail.map((m) => m.shipmentType.toLocaleLowerCase("nb"));
    types.forEach((type, index) => {
      if (type === "" && types.length > 1)
        issues.push({ path: ["content", "mail", index, "shipmentType"], code: "MIXED_TOTAL", params: {} });
      else if (types.indexOf(type) !== index)
        issues.push({ path: ["content", "mail", index, "shipmentType"], code: "DUPLICATE", params: {} });
    });
    const basket = new Set(basketForYear(year)?.services.map((s) => s.code) ?? []);
    content.content.services.forEach((s, index) => {
      if (!basket.has(s.code))
        issues.push({ path: ["content", "services", index, "code"], code: "NOT_IN_BASKET", params: { code: s.code } });
    });
  }
  return issues;
}

/** What a report still lacks before it can be submitted. */
function missingAnswers(db: DbOrTx, content: QualityContent, year: number): string[] {
  if (content.instrument === "maturity") {
    const weights = loadMaturityWeights(db);
    const answered = new Set(content.content.scores.filter((s) => s.score !== null).map((s) => s.area));
    return MATURITY_AREAS.filter((a) => (weights[a] ?? 1) > 0 && !answered.has(a));
  }
  if (content.instrument === "satisfaction") {
    return content.content.staff === null && content.content.citizen.length === 0 ? ["results"] : [];
  }
  const answered = new Map(content.content.services.map((s) => [s.code, s]));
  return (basketForYear(year)?.services ?? [])
    .filter((s) => {
      const a = answered.get(s.code);
      return !a || (!a.notOffered && a.step === null);
    })
    .map((s) => s.code);
}

/** The peer medians of each maturity area (KOSTRA group or its stand-in, approved assessments), for the radar chart. */
function maturityPeers(db: DbOrTx, unit: ReportingUnit, year: number) {
  const units = listPeerUnits(db);
  const { peers, kind, standInFor } = checkPeersOf(
    units,
    units.find((u) => u.id === unit.id),
  );
  const scores = listApprovedMaturityScores(db, year).filter((s) => peers.has(s.organisationId));
  const areas = MATURITY_AREAS.map((area) => {
    const values = scores.filter((s) => s.area === area).map((s) => s.score);
    return { area, median: values.length >= 3 ? median(values) : null, n: values.length };
  });
  return { areas, group: { kind, standInFor } };
}

/**
 * The report screen of one instrument, organisation and year: content, derived figures and allowed
 * steps. A report not approved yet is shown, to those without `drafts.read` in the unit, as its
 * status and who moved it when (`withheld`), with no content, derived figure or missing answer (ADR 007).
 */
export function getQualityReportView(
  db: DbOrTx,
  unit: ReportingUnit,
  year: number,
  instrument: QualityInstrument,
  reader: { grants: readonly RoleGrant[]; email: string },
) {
  const { grants } = reader;
  const reportingYear = requireYear(db, year);
  const stored = getQualityReport(db, unit.id, year, instrument);
  const visible = canReadReportContent(grants, unit.id, stored?.status ?? null);
  const report = visible ? stored : null;
  const content = visible ? (report ? loadQualityContent(db, report) : emptyContent(instrument)) : null;
  const actions = allowedActions("quality", { db, ...reader }, unit.id, stored ?? null, reportingYear.state);
  const weights = loadMaturityWeights(db);
  return {
    year,
    instrument,
    yearState: reportingYear.state,
    deadline: reportingYear.deadline,
    report: report ? withMoverNames(db, reportState(report)) : null,
    /** A report this reader sees the status of only. */
    withheld: stored && !visible ? withMoverNames(db, withheldReport(stored)) : null,
    content,
    derived: content ? derivedFigures(db, unit, year, content, weights) : null,
    weights: MATURITY_AREAS.map((area) => ({ area, weight: weights[area] ?? 1 })),
    basket: basketForYear(year)?.services ?? [],
    missing: content ? missingAnswers(db, content, year) : [],
    actions,
    population: getPublishedFigure(db, "population", unit.id, year)?.value ?? null,
  };
}

/** What the form shows beside the answers: the maturity index and the peers', uncertain surveys, digitalization rates. */
function derivedFigures(
  db: DbOrTx,
  unit: ReportingUnit,
  year: number,
  content: QualityContent,
  weights: Partial<Record<MaturityArea, number>>,
) {
  if (content.instrument === "maturity") {
    const index = maturityIndex(Object.fromEntries(content.content.scores.map((s) => [s.area, s.score])), weights);
    const peers = maturityPeers(db, unit, year);
    return {
      kind: "maturity" as const,
      index: index.value,
      band: index.value === null ? null : maturityBand(index.value),
      complete: index.complete,
      peers: peers.areas,
      peerGroup: peers.group,
    };
  }
  if (content.instrument === "satisfaction") {
    const { staff, citizen } = content.content;
    return {
      kind: "satisfaction" as const,
      staffUncertain: staff ? isUncertain(staff.respondents) : false,
      staffComparable: staff ? staff.scaleMin === 1 && staff.scaleMax === 6 : true,
      citizenUncertain: citizen.filter((c) => isUncertain(c.respondents)).map((c) => c.surveyType),
    };
  }
  const basket = basketForYear(year)?.services ?? [];
  const answered = new Map(content.content.services.map((s) => [s.code, s]));
  const states: ServiceState[] = basket.map((s) => {
    const a = answered.get(s.code);
    if (!a) return null;
    return a.notOffered ? { notOffered: true } : a.step === null ? null : { step: a.step };
  });
  const rates = digitalizationRates(states);
  const digital = content.content.mail.reduce((s, m) => s + m.digital, 0);
  const total = content.content.mail.reduce((s, m) => s + m.digital + m.paper, 0);
  return {
    kind: "scope" as const,
    s1: rates.s1,
    s2: rates.s2,
    notOffered: rates.notOffered,
    unanswered: rates.unanswered,
    s3: total > 0 ? (digital / total) * 100 : null,
  };
}

function audit(db: DbOrTx, actor: Actor, now: string, unit: ReportingUnit, action: AuditAction, reportId: number, details: unknown) {
  appendAudit(db, {
    at: now,
    ...auditBy(actor),
    action,
    entity: "qualityReport",
    entityId: String(reportId),
    organisationId: unit.id,
    details,
  });
}

/** Saves a report's content from the version read, recomputes its indicators and audits old → new, in one transaction. */
export function saveQualityContent(
  db: Db,
  unit: ReportingUnit,
  input: { year: number; expectedVersion: number | null; body: QualityContent },
  options: ChangeOptions,
): { version: number } {
  const now = options.now.toISOString();
  return db.transaction(
    (tx) => {
      const current = requireEditable(
        getQualityReport(tx, unit.id, input.year, input.body.instrument),
        requireYear(tx, input.year),
        input.expectedVersion,
      );
      const issues = contentIssues(input.body, input.year);
      if (issues.length > 0) throw new AppError("VALIDATION_FAILED", { issues });
      const before = current ? loadQualityContent(tx, current) : null;
      const result = saveQualityReport(tx, {
        organisationId: unit.id,
        year: input.year,
        expectedVersion: input.expectedVersion,
        content: input.body,
        now,
      });
      if (!result.ok) throw versionConflict(result.currentVersion);
      recomputeIndicatorValues(tx, { scope: { organisationId: unit.id, year: input.year }, now });
      audit(tx, options.actor, now, unit, "quality.reportSaved", result.row.id, {
        year: input.year,
        instrument: input.body.instrument,
        status: { before: current?.status ?? null, after: result.row.status },
        before: before?.content ?? null,
        after: input.body.content,
      });
      return { version: result.row.version };
    },
    { behavior: "immediate" },
  );
}

/** Submit (needs every answer), approve or return (with a comment) a quality or scope report. */
export function changeQualityStatus(
  db: Db,
  unit: ReportingUnit,
  input: {
    year: number;
    instrument: QualityInstrument;
    expectedVersion: number;
    action: Exclude<ReportAction, "edit">;
    comment?: string | null;
  },
  options: ChangeOptions,
): { status: ReportStatus; version: number } {
  const now = options.now.toISOString();
  return db.transaction(
    (tx) => {
      const reportingYear = requireYear(tx, input.year);
      const { report: current, to } = requireStep(
        getQualityReport(tx, unit.id, input.year, input.instrument),
        input.action,
        reportingYear,
        input.expectedVersion,
        { db: tx, unitId: unit.id, actor: options.actor },
      );
      if (input.action === "submit") {
        const missing = missingAnswers(tx, loadQualityContent(tx, current), input.year);
        if (missing.length > 0) throw new AppError("INCOMPLETE", { params: { missing: missing.join(","), count: missing.length } });
      }
      const comment = (input.comment ?? "").trim();
      const result = setQualityReportStatus(tx, {
        reportId: current.id,
        expectedVersion: input.expectedVersion,
        status: to,
        now,
        by: options.actor.email,
        returnComment: comment || null,
      });
      if (!result.ok) throw versionConflict(result.currentVersion);
      recomputeIndicatorValues(tx, { scope: { organisationId: unit.id, year: input.year }, now });
      audit(tx, options.actor, now, unit, stepAuditAction("quality", input.action), current.id, {
        year: input.year,
        instrument: input.instrument,
        status: { before: current.status, after: result.row.status },
        comment: comment || null,
      });
      queueReportStepNotice(options, tx, {
        area: "quality",
        instrument: input.instrument,
        action: input.action,
        unit,
        year: input.year,
        reportId: current.id,
        version: result.row.version,
        comment: comment || null,
      });
      return { status: result.row.status, version: result.row.version };
    },
    { behavior: "immediate" },
  );
}

/** New weights for Q1: every organisation's Q1 is recomputed with them, and the change is audited. */
export function setMaturityWeights(db: Db, weights: readonly { area: MaturityArea; weight: number }[], options: ChangeOptions) {
  const now = options.now.toISOString();
  return db.transaction(
    (tx) => {
      const before = loadMaturityWeights(tx);
      saveMaturityWeights(tx, Object.fromEntries(weights.map((w) => [w.area, w.weight])));
      const q1 = getIndicator("Q1");
      if (q1) recomputeIndicatorValues(tx, { scope: null, now, indicators: [q1] });
      appendAudit(tx, {
        at: now,
        ...auditBy(options.actor),
        action: "quality.weightsSet",
        entity: "maturityWeights",
        entityId: null,
        details: { before, after: loadMaturityWeights(tx) },
      });
      return { weights: MATURITY_AREAS.map((area) => ({ area, weight: loadMaturityWeights(tx)[area] ?? 1 })) };
    },
    { behavior: "immediate" },
  );
}

/** Per reporting year, the status of each instrument's report (null: not started). */
export function listQualityYears(db: DbOrTx, unit: ReportingUnit) {
  const reports = listQualityReports(db, unit.id);
  return listReportingYears(db).map((y) => ({
    year: y.year,
    yearState: y.state,
    deadline: y.deadline,
    status: Object.fromEntries(
      QUALITY_INSTRUMENTS.map((instrument) => [
        instrument,
        reports.find((r) => r.year === y.year && r.instrument === instrument)?.status ?? null,
      ]),
    ) as Record<QualityInstrument, ReportStatus | null>,
  }));
}
