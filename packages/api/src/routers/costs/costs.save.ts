import {
  appendAudit,
  getCostReport,
  listCostLines,
  listCooperatives,
  cooperativesOf,
  membersOf,
  listSystems,
  recomputeIndicatorValues,
  saveCostReport,
  setCostReportStatus,
  type CostReportContent,
  type CostReportRow,
  type Db,
  type DbOrTx,
  type ReportingUnit,
} from "@malestokk/db";
import {
  checkCostLines,
  costLineKey,
  FULL_SHARE,
  unexplainedWarnings,
  type CostLine,
  type CostReportInput,
  type ReportAction,
  type ReportStatus,
} from "@malestokk/domain";

import { auditBy, type ChangeOptions } from "../../context";
import { AppError } from "../../errors";
import { requireEditable, requireStep, requireYear, stepAuditAction, versionConflict } from "../../reporting/report-workflow";
import { checkBasis, contentOf, reportWarnings } from "./costs.view";
import { queueReportStepNotice } from "../../mail/report-notices";

// Saving a cost report and moving it through its workflow (submit, return, approve, reopen).

/**
 * Recomputes the read model for a unit and year, and, when `dependants`, for every unit whose
 * figures follow it: a cooperative's members (they carry its approved costs), and a member's fellow
 * members (their shares follow its approved figures). A draft moves only its own unit (ADR 007).
 */
function recomputeUnit(db: DbOrTx, unit: ReportingUnit, year: number, now: string, dependants: boolean): void {
  const units = new Set<number>([unit.id]);
  if (dependants) {
    const cooperatives = unit.kind === "itCooperative" ? [unit.id] : cooperativesOf(db, unit.id);
    for (const cooperative of cooperatives) for (const member of membersOf(db, cooperative)) units.add(member);
  }
  for (const organisationId of units) recomputeIndicatorValues(db, { scope: { organisationId, year }, now });
}

/**
 * Whether a status change moves what other units see: a member's approval gives its cooperatives
 * new figures to divide by, and a cooperative's costs reach its members while approved.
 */
function movesDependants(unit: ReportingUnit, before: ReportStatus, after: ReportStatus): boolean {
  return after === "approved" || (unit.kind === "itCooperative" && before === "approved");
}

function sameContent(a: CostReportContent, b: CostReportContent): boolean {
  const normal = (c: CostReportContent) =>
    JSON.stringify({
      ...c,
      // Fixed key order: lines from a file and from the database list their fields differently.
      lines: [...c.lines]
        .map((l) => [l.service, l.costType, l.systemId, l.amount, l.comment ?? null])
        .sort((x, y) => String(x.slice(0, 3)).localeCompare(String(y.slice(0, 3)))),
      warningComments: Object.fromEntries(
        Object.entries(c.warningComments)
          .filter(([, v]) => v.trim() !== "")
          .sort(),
      ),
    });
  return normal(a) === normal(b);
}

/** Which lines were added, removed or changed, by key, with old → new amounts: the audit's detail (the preview's is `costLineChanges`). */
function diffLines(before: readonly CostLine[], after: readonly CostLine[]) {
  const old = new Map(before.map((l) => [costLineKey(l), l]));
  const next = new Map(after.map((l) => [costLineKey(l), l]));
  const added = [...next.entries()].filter(([k]) => !old.has(k)).map(([key, l]) => ({ key, amount: l.amount }));
  const removed = [...old.entries()].filter(([k]) => !next.has(k)).map(([key, l]) => ({ key, amount: l.amount }));
  const changed = [...next.entries()]
    .filter(([k, l]) => old.has(k) && (old.get(k)?.amount !== l.amount || (old.get(k)?.comment ?? null) !== (l.comment ?? null)))
    .map(([key, l]) => ({ key, before: old.get(key)?.amount ?? 0, after: l.amount }));
  return { added, removed, changed };
}

/**
 * The report of the unit and year as it may be edited now, read at the version the user read:
 * refused as STATUS_CONFLICT (submitted, approved), PERIOD_LOCKED (closed year) or VERSION_CONFLICT.
 * A save and an import (its preview too) ask this same question, so a preview predicts the refusal.
 */
export function requireEditableReport(db: DbOrTx, unit: ReportingUnit, year: number, expectedVersion: number | null): CostReportRow | null {
  return requireEditable(getCostReport(db, unit.id, year), requireYear(db, year), expectedVersion);
}

/**
 * Saves a report's content (lines whole, volumes, overrides, explanations) from the version the
 * user read, recomputes its indicators and writes the audit entry, in one transaction. Content
 * equal to what is stored writes nothing, so importing the same file twice changes nothing.
 */
export function saveCostReportContent(
  db: Db,
  municipality: ReportingUnit,
  input: Omit<CostReportInput, "municipalityNumber">,
  options: ChangeOptions & { source: "entered" | "import"; fileName?: string | null },
): { written: boolean; version: number } {
  const nowIso = options.now.toISOString();
  return db.transaction(
    (tx) => {
      const current = requireEditableReport(tx, municipality, input.year, input.expectedVersion);
      const systemIds = new Set(listSystems(tx, municipality.id).map((s) => s.id));
      const issues = checkCostLines(input.lines, systemIds);
      if (issues.length > 0) throw new AppError("VALIDATION_FAILED", { message: "Invalid cost lines", issues });
      const allocation = checkAllocation(tx, municipality, input.allocation ?? null);
      const content: CostReportContent = {
        lines: input.lines,
        itUserAccounts: input.itUserAccounts,
        employeesFte: input.employeesFte,
        populationOverride: input.populationOverride,
        grossOperatingExpenditureOverride: input.grossOperatingExpenditureOverride,
        warningComments: Object.fromEntries(Object.entries(input.warningComments).filter(([, v]) => v.trim() !== "")),
        allocation,
      };
      const before = current ? contentOf(current, listCostLines(tx, current.id)) : null;
      if (current && before && current.status === "draft" && sameContent(before, content))
        return { written: false, version: current.version };
      const result = saveCostReport(tx, {
        organisationId: municipality.id,
        year: input.year,
        expectedVersion: input.expectedVersion,
        content,
        source: options.source,
        now: nowIso,
      });
      if (!result.ok) throw versionConflict(result.currentVersion);
      recomputeUnit(tx, municipality, input.year, nowIso, false);
      const { lines: beforeLines = [], ...beforeRest } = before ?? {};
      const { lines: afterLines, ...afterRest } = content;
      appendAudit(tx, {
        at: nowIso,
        ...auditBy(options.actor),
        action: options.source === "import" ? "costs.reportImported" : "costs.reportSaved",
        entity: "costReport",
        entityId: String(result.row.id),
        organisationId: municipality.id,
        details: {
          year: input.year,
          fileName: options.fileName ?? null,
          version: { before: current?.version ?? null, after: result.row.version },
          status: { before: current?.status ?? null, after: result.row.status },
          total: { before: current?.totalItCost ?? null, after: result.row.totalItCost },
          lines: diffLines(beforeLines, afterLines),
          before: before ? beforeRest : null,
          after: afterRest,
        },
      });
      return { written: true, version: result.row.version };
    },
    { behavior: "immediate" },
  );
}

/** An allocation key belongs to a cooperative's report; fixed shares name every member once and add up to 100 %. */
function checkAllocation(db: DbOrTx, unit: ReportingUnit, allocation: CostReportContent["allocation"]): CostReportContent["allocation"] {
  if (allocation === null) return null;
  if (unit.kind !== "itCooperative") {
    throw new AppError("VALIDATION_FAILED", { issues: [{ path: ["allocation"], code: "NOT_A_COOPERATIVE", params: {} }] });
  }
  if (allocation.key !== "fixedShares") return { key: allocation.key, shares: null };
  const members = new Set(
    listCooperatives(db)
      .find((c) => c.id === unit.id)
      ?.members.map((m) => m.number) ?? [],
  );
  const shares = allocation.shares ?? {};
  const unknown = Object.keys(shares).filter((number) => !members.has(number));
  if (unknown.length > 0) {
    throw new AppError("VALIDATION_FAILED", {
      issues: [{ path: ["allocation", "shares"], code: "NOT_A_MEMBER", params: { numbers: unknown.join(", ") } }],
    });
  }
  const sum = [...members].reduce((total, number) => total + (shares[number] ?? 0), 0);
  if (sum !== FULL_SHARE) {
    throw new AppError("VALIDATION_FAILED", {
      issues: [{ path: ["allocation", "shares"], code: "SHARES_NOT_FULL", params: { sum: sum / 100 } }],
    });
  }
  return { key: "fixedShares", shares: Object.fromEntries([...members].map((number) => [number, shares[number] ?? 0])) };
}

/** Submit, approve or return: the state machine, the permission (checked by the router) and, for submit, the explanations. */
export function changeReportStatus(
  db: Db,
  municipality: ReportingUnit,
  input: { year: number; expectedVersion: number; action: Exclude<ReportAction, "edit">; comment?: string | null },
  options: ChangeOptions,
): { status: ReportStatus; version: number } {
  const nowIso = options.now.toISOString();
  return db.transaction(
    (tx) => {
      const reportingYear = requireYear(tx, input.year);
      const { report: current, to } = requireStep(
        getCostReport(tx, municipality.id, input.year),
        input.action,
        reportingYear,
        input.expectedVersion,
        { db: tx, unitId: municipality.id, actor: options.actor },
      );
      if (input.action === "submit") {
        const content = contentOf(current, listCostLines(tx, current.id));
        const { warnings } = reportWarnings(tx, municipality, input.year, content, checkBasis(tx, municipality, input.year));
        const missing = unexplainedWarnings(warnings, content.warningComments);
        if (missing.length > 0) {
          throw new AppError("WARNINGS_UNEXPLAINED", {
            message: "Explain the plausibility warnings first",
            params: { keys: missing.map((w) => w.key).join(",") },
          });
        }
      }
      const comment = (input.comment ?? "").trim();
      if (input.action === "return" && comment.length < 3) {
        throw new AppError("VALIDATION_FAILED", { issues: [{ path: ["comment"], code: "too_small", params: { minimum: 3 } }] });
      }
      const result = setCostReportStatus(tx, {
        reportId: current.id,
        expectedVersion: input.expectedVersion,
        status: to,
        now: nowIso,
        by: options.actor.email,
        returnComment: comment || null,
      });
      if (!result.ok) throw versionConflict(result.currentVersion);
      recomputeUnit(tx, municipality, input.year, nowIso, movesDependants(municipality, current.status, result.row.status));
      appendAudit(tx, {
        at: nowIso,
        ...auditBy(options.actor),
        action: stepAuditAction("costs", input.action),
        entity: "costReport",
        entityId: String(current.id),
        organisationId: municipality.id,
        details: { year: input.year, status: { before: current.status, after: result.row.status }, comment: comment || null },
      });
      queueReportStepNotice(options, tx, {
        area: "costs",
        action: input.action,
        unit: municipality,
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
