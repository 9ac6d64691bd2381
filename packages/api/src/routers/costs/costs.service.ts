import {
  appendAudit,
  getCostReport,
  getPublishedFigure,
  listCostLines,
  listCostReports,
  listCooperatives,
  listCooperativeAllocations,
  cooperativesOf,
  membersOf,
  parseShares,
  listIndicatorValues,
  listMunicipalities,
  listReportingYears,
  listSystems,
  recomputeIndicatorValues,
  saveCostReport,
  setCostReportStatus,
  type CostReportContent,
  type CostReportRow,
  type Db,
  type DbOrTx,
  type MunicipalityListItem,
  type ReportingUnit,
} from "@malestokk/db";
import {
  kostraPeersOf,
  can,
  canReadReportContent,
  checkCostLines,
  costReportWarnings,
  type CheckBasis,
  costLineChanges,
  costLineKey,
  FULL_SHARE,
  INDICATORS,
  type CostFileIssue,
  type CostFileWarning,
  type CostFileError,
  median,
  unexplainedWarnings,
  reportState,
  withheldReport,
  type CostLine,
  type CostLineChanges,
  type CostReportInput,
  type ReportAction,
  type ReportStatus,
  type RoleGrant,
} from "@malestokk/domain";

import type { ChangeOptions } from "../../context";
import { AppError } from "../../errors";
import type { FileReader } from "../../files/file-reader";
import { allowedActions, requireEditable, requireStep, requireYear, stepAuditAction, versionConflict } from "../../reporting/report-workflow";

export interface CostYear {
  readonly year: number;
  readonly yearState: "open" | "closed";
  readonly deadline: string | null;
  readonly totalItCost: number | null;
  readonly version: number | null;
  readonly status: ReportStatus | null;
  readonly source: "entered" | "import" | "demo" | null;
  readonly isDemo: boolean;
  readonly updatedAt: string | null;
  /** A report not approved yet, which this reader sees the status of only (ADR 007). */
  readonly withheld: boolean;
}

/** Every reporting year with the organisation's report status and, where the reader may see it, its total. */
export function listCostYears(db: DbOrTx, municipality: ReportingUnit, grants: readonly RoleGrant[]): CostYear[] {
  const reports = new Map(listCostReports(db, municipality.id).map((r) => [r.year, r]));
  return listReportingYears(db).map((y) => {
    const report = reports.get(y.year);
    const visible = canReadReportContent(grants, municipality.id, report?.status ?? null);
    return {
      year: y.year,
      yearState: y.state,
      deadline: y.deadline,
      totalItCost: visible ? (report?.totalItCost ?? null) : null,
      version: visible ? (report?.version ?? null) : null,
      status: report?.status ?? null,
      source: visible ? (report?.source ?? null) : null,
      isDemo: report?.isDemo ?? false,
      updatedAt: report?.updatedAt ?? null,
      withheld: !visible,
    };
  });
}

function parseComments(json: string): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(json);
    if (typeof parsed !== "object" || parsed === null) return {};
    return Object.fromEntries(Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === "string"));
  } catch {
    return {};
  }
}

function contentOf(report: CostReportRow, lines: readonly CostLine[]): CostReportContent {
  return {
    lines,
    itUserAccounts: report.itUserAccounts,
    employeesFte: report.employeesFte,
    populationOverride:
      report.populationOverride === null ? null : { value: report.populationOverride, reason: report.populationOverrideReason ?? "" },
    grossOperatingExpenditureOverride:
      report.grossOperatingExpenditureOverride === null
        ? null
        : { value: report.grossOperatingExpenditureOverride, reason: report.grossOperatingExpenditureOverrideReason ?? "" },
    warningComments: parseComments(report.warningComments),
    allocation: report.allocationKey ? { key: report.allocationKey, shares: report.allocationKey === "fixedShares" ? Object.fromEntries(parseShares(report.allocationShares)) : null } : null,
  };
}

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

/**
 * What the unit's IT cooperatives allocate to it for the year (for a cooperative: what it allocates
 * to each member). A cooperative's report not approved yet shows only to those who may read its
 * drafts (`canReadDraftsOf`); others learn its status.
 */
function allocationView(db: DbOrTx, unit: ReportingUnit, year: number, canReadDraftsOf: (organisationId: number) => boolean) {
  const ids = unit.kind === "itCooperative" ? [unit.id] : cooperativesOf(db, unit.id);
  const allocations = ids.length === 0 ? [] : listCooperativeAllocations(db, { year, cooperativeIds: ids, approvedOnly: false });
  const names = new Map(listMunicipalities(db).map((m) => [m.id, m.name]));
  return allocations.map((a) => {
    const heading = { cooperativeNumber: a.cooperativeNumber, cooperativeName: a.cooperativeName, status: a.status };
    if (a.status !== "approved" && !canReadDraftsOf(a.cooperativeId)) {
      return { ...heading, withheld: true, key: null, complete: false, missing: [], members: [] };
    }
    const totalWeight = a.weights.ok ? [...a.weights.weights.values()].reduce((x, y) => x + y, 0) : 0;
    const members = a.members.map((m) => {
      const lines = a.memberLines.get(m.id) ?? [];
      return {
        number: m.number,
        name: names.get(m.id) ?? m.number,
        population: m.population,
        itUserAccounts: m.itUserAccounts,
        fixedShare: m.fixedShare,
        basis: m.basis,
        share: a.weights.ok && totalWeight > 0 ? (a.weights.weights.get(m.id) ?? 0) / totalWeight : null,
        total: lines.reduce((sum, l) => sum + l.amount, 0),
        lines,
      };
    });
    return {
      ...heading,
      withheld: false,
      key: a.key,
      complete: a.weights.ok,
      missing: a.weights.ok ? [] : a.members.filter((m) => a.weights.ok === false && a.weights.missing.includes(m.id)).map((m) => m.number),
      members: unit.kind === "itCooperative" ? members : members.filter((m) => m.number === unit.number),
    };
  });
}

function checkBasis(db: DbOrTx, municipality: MunicipalityListItem, year: number): CheckBasis[] {
  const peers = kostraPeersOf(listMunicipalities(db), municipality);
  // Only cost indicators are checked on a cost report; the quality ones have their own reports.
  return INDICATORS.filter((indicator) => indicator.dimension === "cost").map((indicator) => {
    const rows = listIndicatorValues(db, indicator.code, [year - 1, year]);
    const peerValues = rows
      .filter((r) => r.year === year && peers.has(r.organisationId) && r.denominator > 0)
      .map((r) => (r.numerator / r.denominator) * indicator.scale);
    const last = rows.find((r) => r.year === year - 1 && r.organisationId === municipality.id && r.denominator > 0);
    return {
      code: indicator.code,
      peerMedian: peerValues.length >= 3 ? median(peerValues) : null,
      peerCount: peerValues.length,
      lastYear: last ? (last.numerator / last.denominator) * indicator.scale : null,
    };
  });
}

function publishedFigures(db: DbOrTx, organisationId: number, year: number) {
  return {
    population: getPublishedFigure(db, "population", organisationId, year),
    grossOperatingExpenditure: getPublishedFigure(db, "grossOperatingExpenditure", organisationId, year),
  };
}

/** The plausibility warnings of a report's content, with the unit's approved cooperative shares counted in. */
function reportWarnings(db: DbOrTx, unit: ReportingUnit, year: number, content: CostReportContent, basis: readonly CheckBasis[]) {
  const allocations = unit.kind === "municipality" ? allocationView(db, unit, year, () => false) : [];
  const allocatedLines = allocations.flatMap((a) => (a.status === "approved" ? a.members.flatMap((m) => m.lines) : []));
  const cooperativeIds = unit.kind === "municipality" ? cooperativesOf(db, unit.id) : [];
  const classOfSystem = new Map(
    [unit.id, ...cooperativeIds].flatMap((id) => listSystems(db, id)).map((s) => [s.id, s.systemClass] as const),
  );
  const published = publishedFigures(db, unit.id, year);
  return {
    allocatedLines,
    warnings: costReportWarnings(content, {
      allocatedLines,
      published: { population: published.population?.value ?? null, grossOperatingExpenditure: published.grossOperatingExpenditure?.value ?? null },
      classOfSystem,
      basis,
    }),
  };
}

/**
 * Everything the report screen shows for one organisation and year, and the steps this user may
 * take. A report not approved yet is shown, to those without `drafts.read` in the unit, as its
 * status and who moved it when (`withheld`), with none of its content (ADR 007).
 */
export function getCostReportView(db: DbOrTx, municipality: ReportingUnit, year: number, grants: readonly RoleGrant[]) {
  const reportingYear = requireYear(db, year);
  const stored = getCostReport(db, municipality.id, year);
  const visible = canReadReportContent(grants, municipality.id, stored?.status ?? null);
  const report = visible ? stored : null;
  const lines = report ? listCostLines(db, report.id) : [];
  const systems = listSystems(db, municipality.id);
  const published = publishedFigures(db, municipality.id, year);
  const basis = visible ? checkBasis(db, municipality, year) : [];
  const content = report ? contentOf(report, lines) : null;
  const { warnings, allocatedLines } = visible ? reportWarnings(db, municipality, year, content ?? EMPTY_CONTENT, basis) : { warnings: [], allocatedLines: [] };
  const allocations = visible ? allocationView(db, municipality, year, (id) => can(grants, "drafts.read", id)) : [];
  const cooperativeSystems = municipality.kind === "municipality" ? cooperativesOf(db, municipality.id).flatMap((id) => listSystems(db, id)) : [];
  const actions = allowedActions("costs", grants, municipality.id, stored?.status ?? null, reportingYear.state);
  return {
    year,
    yearState: reportingYear.state,
    deadline: reportingYear.deadline,
    report: report && content
      ? {
          id: report.id,
          ...reportState(report),
          source: report.source,
          totalItCost: report.totalItCost,
          ...content,
        }
      : null,
    /** A report this reader sees the status of only. */
    withheld: stored && !visible ? withheldReport(stored) : null,
    published,
    kind: municipality.kind,
    systems: systems.map((s) => ({ id: s.id, name: s.name, systemClass: s.systemClass, inUseFrom: s.inUseFrom, inUseTo: s.inUseTo })),
    /** Fagsystemer of the unit's cooperatives, which allocated lines may name. */
    cooperativeSystems: cooperativeSystems.map((s) => ({ id: s.id, name: s.name, systemClass: s.systemClass })),
    allocations,
    /** A cooperative's members, whom its costs are divided between. */
    members: municipality.kind === "itCooperative" ? (listCooperatives(db).find((c) => c.id === municipality.id)?.members ?? []) : [],
    /** The unit's share of its cooperatives' approved costs, line by line (counted in its indicators). */
    allocatedLines,
    checkBasis: basis,
    warnings: content ? warnings : [],
    unexplained: content ? unexplainedWarnings(warnings, content.warningComments).map((w) => w.key) : [],
    actions,
  };
}

export type CostReportView = ReturnType<typeof getCostReportView>;

const EMPTY_CONTENT: CostReportContent = {
  lines: [],
  itUserAccounts: null,
  employeesFte: null,
  populationOverride: null,
  grossOperatingExpenditureOverride: null,
  warningComments: {},
  allocation: null,
};

function sameContent(a: CostReportContent, b: CostReportContent): boolean {
  const normal = (c: CostReportContent) =>
    JSON.stringify({
      ...c,
      // Fixed key order: lines from a file and from the database list their fields differently.
      lines: [...c.lines]
        .map((l) => [l.service, l.costType, l.systemId, l.amount, l.comment ?? null])
        .sort((x, y) => String(x.slice(0, 3)).localeCompare(String(y.slice(0, 3)))),
      warningComments: Object.fromEntries(Object.entries(c.warningComments).filter(([, v]) => v.trim() !== "").sort()),
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
function requireEditableReport(db: DbOrTx, unit: ReportingUnit, year: number, expectedVersion: number | null): CostReportRow | null {
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
      if (current && before && current.status === "draft" && sameContent(before, content)) return { written: false, version: current.version };
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
        actorUserId: options.actor.userId,
        actorEmail: options.actor.email,
        ip: options.actor.ip,
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
  const members = new Set(listCooperatives(db).find((c) => c.id === unit.id)?.members.map((m) => m.number) ?? []);
  const shares = allocation.shares ?? {};
  const unknown = Object.keys(shares).filter((number) => !members.has(number));
  if (unknown.length > 0) {
    throw new AppError("VALIDATION_FAILED", { issues: [{ path: ["allocation", "shares"], code: "NOT_A_MEMBER", params: { numbers: unknown.join(", ") } }] });
  }
  const sum = [...members].reduce((total, number) => total + (shares[number] ?? 0), 0);
  if (sum !== FULL_SHARE) {
    throw new AppError("VALIDATION_FAILED", { issues: [{ path: ["allocation", "shares"], code: "SHARES_NOT_FULL", params: { sum: sum / 100 } }] });
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
      const { report: current, to } = requireStep(getCostReport(tx, municipality.id, input.year), input.action, reportingYear, input.expectedVersion);
      if (input.action === "submit") {
        const content = contentOf(current, listCostLines(tx, current.id));
        const { warnings } = reportWarnings(tx, municipality, input.year, content, checkBasis(tx, municipality, input.year));
        const missing = unexplainedWarnings(warnings, content.warningComments);
        if (missing.length > 0) {
          throw new AppError("WARNINGS_UNEXPLAINED", { message: "Explain the plausibility warnings first", params: { keys: missing.map((w) => w.key).join(",") } });
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
        actorEmail: options.actor.email,
        returnComment: comment || null,
      });
      if (!result.ok) throw versionConflict(result.currentVersion);
      recomputeUnit(tx, municipality, input.year, nowIso, movesDependants(municipality, current.status, result.row.status));
      appendAudit(tx, {
        at: nowIso,
        actorUserId: options.actor.userId,
        actorEmail: options.actor.email,
        ip: options.actor.ip,
        action: stepAuditAction("costs", input.action),
        entity: "costReport",
        entityId: String(current.id),
        organisationId: municipality.id,
        details: { year: input.year, status: { before: current.status, after: result.row.status }, comment: comment || null },
      });
      return { status: result.row.status, version: result.row.version };
    },
    { behavior: "immediate" },
  );
}

export interface CostImportReport {
  readonly ok: boolean;
  readonly dryRun: boolean;
  readonly written: boolean;
  readonly version: number | null;
  readonly format: "csv" | "xlsx";
  readonly encoding: string | null;
  readonly delimiter: string | null;
  readonly fileError: CostFileError | null;
  /** Every problem, by row (as numbered in the spreadsheet), column, value and reason. */
  readonly issues: readonly CostFileIssue[];
  readonly warnings: readonly CostFileWarning[];
  readonly lineCount: number;
  readonly total: { readonly before: number | null; readonly after: number | null };
  /** What the import changes, line by line and per IT service (null when the file is refused). */
  readonly changes: CostLineChanges | null;
}

/**
 * Imports a report's lines from a CSV or XLSX file: the lines replace the report's lines, the
 * rest of the report (volumes, overrides, explanations) stays. A dry run (and a refused file)
 * writes nothing; a commit is all or nothing, and the same file twice changes nothing the second time.
 * A dry run is refused as the commit would be: a report that cannot take lines (its status, a closed
 * year) or that changed since the version read throws the same AppError, before the file is read.
 */
export async function importCostFile(
  db: Db,
  municipality: ReportingUnit,
  input: {
    year: number;
    expectedVersion: number | null;
    bytes: Uint8Array;
    /** The size on disk when `bytes` may be only the start of a file too large to read (see `readLocalFile`). */
    size?: number;
    fileName: string;
    dryRun: boolean;
  },
  options: ChangeOptions & { fileReader: FileReader },
): Promise<CostImportReport> {
  requireEditableReport(db, municipality, input.year, input.expectedVersion);
  const systems = listSystems(db, municipality.id).map(({ id, name }) => ({ id, name }));
  // Read in a worker thread; from here on everything is synchronous, so the report and the lines
  // compared against are read in the same turn as the write.
  const parsed = await options.fileReader.readCostFile({ bytes: input.bytes, size: input.size, fileName: input.fileName, systems });
  const current = getCostReport(db, municipality.id, input.year);
  const currentLines = current ? listCostLines(db, current.id) : [];
  const base = {
    dryRun: input.dryRun,
    format: parsed.format,
    encoding: parsed.ok ? (parsed.encoding ?? null) : null,
    delimiter: parsed.ok ? (parsed.delimiter ?? null) : null,
    warnings: parsed.warnings,
  };
  if (!parsed.ok) {
    const report: CostImportReport = {
      ...base,
      ok: false,
      written: false,
      version: current?.version ?? null,
      fileError: parsed.fileError ?? null,
      issues: parsed.issues,
      lineCount: 0,
      total: { before: current?.totalItCost ?? null, after: null },
      changes: null,
    };
    if (input.dryRun) return report;
    throw new AppError("IMPORT_REJECTED", {
      message: "The cost file has errors",
      params: { reason: parsed.fileError?.code ?? "ROW_ERRORS", count: parsed.issues.length },
      issues: parsed.issues.map((i) => ({ path: ["rows", i.row, i.column], code: i.code, params: { ...i.params, row: i.row, value: i.value } })),
    });
  }
  const lines: CostLine[] = parsed.lines.map(({ row: _row, ...line }) => line);
  const changes = costLineChanges(currentLines, lines, new Map(systems.map((s) => [s.id, s.name])));
  let written = false;
  let version = current?.version ?? null;
  if (!input.dryRun) {
    const content = current ? contentOf(current, currentLines) : null;
    const result = saveCostReportContent(
      db,
      municipality,
      {
        year: input.year,
        expectedVersion: input.expectedVersion,
        lines,
        itUserAccounts: content?.itUserAccounts ?? null,
        employeesFte: content?.employeesFte ?? null,
        populationOverride: content?.populationOverride ?? null,
        grossOperatingExpenditureOverride: content?.grossOperatingExpenditureOverride ?? null,
        warningComments: content?.warningComments ?? {},
        allocation: content?.allocation ?? null,
      },
      { now: options.now, actor: options.actor, source: "import", fileName: input.fileName },
    );
    written = result.written;
    version = result.version;
  }
  return {
    ...base,
    ok: true,
    written,
    version,
    fileError: null,
    issues: [],
    lineCount: lines.length,
    total: { before: current?.totalItCost ?? null, after: parsed.totals.total },
    changes,
  };
}
