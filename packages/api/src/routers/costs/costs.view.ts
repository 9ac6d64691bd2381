import {
  getCostReport,
  getPublishedFigure,
  listCostLines,
  listCostReports,
  listCooperatives,
  listCooperativeAllocations,
  cooperativesOf,
  parseShares,
  listIndicatorValues,
  listMunicipalities,
  listReportingYears,
  listSystems,
  type CostReportContent,
  type CostReportRow,
  type DbOrTx,
  type MunicipalityListItem,
  type ReportingUnit,
} from "@malestokk/db";
import {
  checkPeersOf,
  can,
  canReadReportContent,
  costReportWarnings,
  type CheckBasis,
  INDICATORS,
  median,
  unexplainedWarnings,
  reportState,
  withheldReport,
  type CostLine,
  type ReportStatus,
  type RoleGrant,
} from "@malestokk/domain";

import { allowedActions, requireYear, withMoverNames } from "../../reporting/report-workflow";
import { listPeerUnits } from "../peers/peer-units";

// The cost report as it is read: the years, the view of one report with its allocation and warnings.

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

export function contentOf(report: CostReportRow, lines: readonly CostLine[]): CostReportContent {
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
    allocation: report.allocationKey
      ? {
          key: report.allocationKey,
          shares: report.allocationKey === "fixedShares" ? Object.fromEntries(parseShares(report.allocationShares)) : null,
        }
      : null,
  };
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

/** The peers a unit's report is checked against: its KOSTRA group, or the comparison pages' stand-in for one too small (issue 20). */
export function checkGroupOf(db: DbOrTx, unit: MunicipalityListItem) {
  const units = listPeerUnits(db);
  return checkPeersOf(
    units,
    units.find((u) => u.id === unit.id),
  );
}

export function checkBasis(
  db: DbOrTx,
  municipality: MunicipalityListItem,
  year: number,
  group = checkGroupOf(db, municipality),
): CheckBasis[] {
  const { peers } = group;
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
export function reportWarnings(db: DbOrTx, unit: ReportingUnit, year: number, content: CostReportContent, basis: readonly CheckBasis[]) {
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
      published: {
        population: published.population?.value ?? null,
        grossOperatingExpenditure: published.grossOperatingExpenditure?.value ?? null,
      },
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
export function getCostReportView(
  db: DbOrTx,
  municipality: ReportingUnit,
  year: number,
  reader: { grants: readonly RoleGrant[]; email: string },
) {
  const { grants } = reader;
  const reportingYear = requireYear(db, year);
  const stored = getCostReport(db, municipality.id, year);
  const visible = canReadReportContent(grants, municipality.id, stored?.status ?? null);
  const report = visible ? stored : null;
  const lines = report ? listCostLines(db, report.id) : [];
  const systems = listSystems(db, municipality.id);
  const published = publishedFigures(db, municipality.id, year);
  const checkGroup = checkGroupOf(db, municipality);
  const basis = visible ? checkBasis(db, municipality, year, checkGroup) : [];
  const content = report ? contentOf(report, lines) : null;
  const { warnings, allocatedLines } = visible
    ? reportWarnings(db, municipality, year, content ?? EMPTY_CONTENT, basis)
    : { warnings: [], allocatedLines: [] };
  const allocations = visible ? allocationView(db, municipality, year, (id) => can(grants, "drafts.read", id)) : [];
  const cooperativeSystems =
    municipality.kind === "municipality" ? cooperativesOf(db, municipality.id).flatMap((id) => listSystems(db, id)) : [];
  const actions = allowedActions("costs", { db, ...reader }, municipality.id, stored ?? null, reportingYear.state);
  return {
    year,
    yearState: reportingYear.state,
    deadline: reportingYear.deadline,
    report:
      report && content
        ? {
            id: report.id,
            ...withMoverNames(db, reportState(report)),
            source: report.source,
            totalItCost: report.totalItCost,
            ...content,
          }
        : null,
    /** A report this reader sees the status of only. */
    withheld: stored && !visible ? withMoverNames(db, withheldReport(stored)) : null,
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
    /** The group the checks' peer medians come from, and the group it stands in for (shown as "tilnærmet"). */
    checkGroup: { kind: checkGroup.kind, standInFor: checkGroup.standInFor },
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
