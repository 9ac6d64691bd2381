import {
  appendAudit,
  getCostReport,
  getPopulation,
  getReportingYear,
  listCostReports,
  listReportingYears,
  recomputeIndicatorValues,
  saveCostTotal,
  type Db,
  type DbOrTx,
  type MunicipalityListItem,
} from "@malestokk/db";
import { checkItCostPlausibility, MAX_IT_COST_PER_INHABITANT_NOK, type ItCostTotalInput } from "@malestokk/domain";

import { AppError } from "../../errors";

export interface CostYear {
  readonly year: number;
  readonly yearState: "open" | "closed";
  readonly totalItCost: number | null;
  readonly version: number | null;
  readonly status: "draft" | "submitted" | "approved" | null;
  readonly source: "entered" | "import" | "demo" | null;
  readonly isDemo: boolean;
  readonly updatedAt: string | null;
}

/** Every reporting year with the municipality's total IT cost, if any. */
export function listCostYears(db: DbOrTx, municipality: MunicipalityListItem): CostYear[] {
  const reports = new Map(listCostReports(db, municipality.id).map((r) => [r.year, r]));
  return listReportingYears(db).map((y) => {
    const report = reports.get(y.year);
    return {
      year: y.year,
      yearState: y.state,
      totalItCost: report?.totalItCost ?? null,
      version: report?.version ?? null,
      status: report?.status ?? null,
      source: report?.source ?? null,
      isDemo: report?.isDemo ?? false,
      updatedAt: report?.updatedAt ?? null,
    };
  });
}

/**
 * Saves the total IT cost for a year and refreshes the indicators in the same transaction, so
 * benchmark screens never see a cost without its K1.
 */
export function saveItCostTotal(
  db: Db,
  municipality: MunicipalityListItem,
  input: ItCostTotalInput,
  options: { now: Date; actor: { userId: number; email: string; ip: string | null } },
): CostYear {
  const nowIso = options.now.toISOString();
  return db.transaction(
    (tx) => {
      const reportingYear = getReportingYear(tx, input.year);
      if (!reportingYear) {
        const years = listReportingYears(tx).map((y) => y.year);
        const params = { min: Math.min(...years), max: Math.max(...years) };
        throw new AppError("YEAR_OUT_OF_RANGE", {
          message: `Year ${input.year} is not a reporting year`,
          params,
          issues: [{ path: ["year"], code: "YEAR_OUT_OF_RANGE", params }],
        });
      }
      if (reportingYear.state === "closed") {
        throw new AppError("PERIOD_LOCKED", { params: { year: input.year } });
      }
      const perInhabitant = checkItCostPlausibility(input.totalItCost, getPopulation(tx, municipality.id, input.year));
      if (perInhabitant !== null) {
        const params = { perInhabitant, max: MAX_IT_COST_PER_INHABITANT_NOK };
        throw new AppError("AMOUNT_IMPLAUSIBLE", {
          message: `IT cost of ${perInhabitant} NOK per inhabitant is implausible`,
          params,
          issues: [{ path: ["totalItCost"], code: "AMOUNT_IMPLAUSIBLE", params }],
        });
      }
      const before = getCostReport(tx, municipality.id, input.year);
      const result = saveCostTotal(tx, {
        organisationId: municipality.id,
        year: input.year,
        totalItCost: input.totalItCost,
        expectedVersion: input.expectedVersion,
        now: nowIso,
      });
      if (!result.ok) {
        throw new AppError("VERSION_CONFLICT", {
          message: "The cost report was changed by someone else",
          params: { currentVersion: result.currentVersion },
        });
      }
      recomputeIndicatorValues(tx, { scope: { organisationId: municipality.id, year: input.year }, now: nowIso });
      appendAudit(tx, {
        at: nowIso,
        actorUserId: options.actor.userId,
        actorEmail: options.actor.email,
        ip: options.actor.ip,
        action: "costs.totalSaved",
        entity: "costReport",
        entityId: String(result.row.id),
        organisationId: municipality.id,
        details: {
          year: input.year,
          before: before ? { totalItCost: before.totalItCost, version: before.version, status: before.status } : null,
          after: { totalItCost: result.row.totalItCost, version: result.row.version, status: result.row.status },
        },
      });
      const saved = listCostYears(tx, municipality).find((y) => y.year === input.year);
      if (!saved) throw new Error("saved cost year vanished");
      return saved;
    },
    { behavior: "immediate" },
  );
}
