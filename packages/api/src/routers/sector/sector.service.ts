import {
  getReportingYear,
  listAllProjects,
  listBenefits,
  listCostReportStatuses,
  listCostReportsUnderCorrection,
  listIndicatorValues,
  listIndicatorValuesOfCodes,
  listMunicipalities,
  listReportingYears,
  type Db,
} from "@malestokk/db";
import {
  coverageBy,
  getIndicator,
  HEADLINE_INDICATOR_CODES,
  INDICATORS,
  movement,
  portfolioOverTime,
  portfolioTotals,
  sectorDistribution,
  SVARUT_REFERENCE,
  type BenefitStatus,
} from "@malestokk/domain";

import { AppError } from "../../errors";
import { cached } from "../benchmarks/cache";
import { benefitView, osloDate } from "../benefits/benefits.service";
import { projectSummary } from "./plan-coverage.service";

const APPROVED_ONLY = { all: false, organisationIds: new Set<number>() } as const;

/**
 * The sector for one year: who has reported (by county and KOSTRA group, and who is still missing),
 * every indicator's national and group distribution from approved figures with the movement from
 * the year before, the headline indicators' national figures over the years (the first screen's
 * tiles), and the long trend of the digital mail share from the 2014 reference.
 */
export function getSectorDashboard(db: Db, args: { year?: number | undefined }) {
  const years = listReportingYears(db).map((y) => y.year);
  const year = args.year ?? years.at(-1) ?? 0;
  if (!years.includes(year)) throw new AppError("YEAR_OUT_OF_RANGE", { params: { min: years[0] ?? 0, max: years.at(-1) ?? 0 } });
  const municipalities = listMunicipalities(db);
  const ids = new Set(municipalities.map((m) => m.id));
  const statuses = listCostReportStatuses(db, year);
  // An approved report returned for correction keeps its last approved figures: not missing (issue 20).
  const underCorrection = listCostReportsUnderCorrection(db, year);
  const kostraName = new Map(municipalities.map((m) => [m.kostraGroup, m.kostraGroupName]));
  const countyName = new Map(municipalities.map((m) => [m.countyNumber, m.countyName]));
  const previous = years.includes(year - 1) ? year - 1 : null;
  // Approved figures and the register only: cached until either changes (reports saved as drafts leave it alone).
  const groupOf = new Map(municipalities.map((m) => [m.id, m.kostraGroup]));
  const groupNames = [...new Set(municipalities.map((m) => m.kostraGroup))].filter((g): g is string => g !== null).sort();
  const indicators = cached(
    db,
    `sector|${year}|${previous ?? ""}`,
    () =>
      INDICATORS.map((indicator) => {
        const rows = listIndicatorValues(db, indicator.code, previous === null ? [year] : [previous, year], APPROVED_ONLY).filter((r) =>
          ids.has(r.organisationId),
        );
        const current = rows.filter((r) => r.year === year);
        const national = sectorDistribution(current, indicator.scale);
        const before =
          previous === null
            ? null
            : sectorDistribution(
                rows.filter((r) => r.year === previous),
                indicator.scale,
              );
        const groups = groupNames.map((group) => ({
          group,
          name: kostraName.get(group) ?? group,
          ...sectorDistribution(
            current.filter((r) => groupOf.get(r.organisationId) === group),
            indicator.scale,
          ),
        }));
        return {
          code: indicator.code,
          dimension: indicator.dimension,
          national,
          movement: movement(national.ratioOfSums, before?.ratioOfSums ?? null),
          coverage: { approved: national.n, units: municipalities.length },
          groups,
        };
      }),
    ["dataVersion", "registerVersion"],
  );
  // The headline tiles' trend lines: each headline indicator's national figure for every year up to this one, in one query.
  const headlines = cached(
    db,
    `sector-headlines|${year}`,
    () => {
      const upTo = years.filter((y) => y <= year);
      const rows = listIndicatorValuesOfCodes(db, HEADLINE_INDICATOR_CODES, upTo, APPROVED_ONLY).filter((r) => ids.has(r.organisationId));
      return HEADLINE_INDICATOR_CODES.map((code) => ({
        code,
        series: upTo.map((y) => {
          const { ratioOfSums, n } = sectorDistribution(
            rows.filter((r) => r.indicatorCode === code && r.year === y),
            getIndicator(code)?.scale ?? 1,
          );
          return { year: y, ratioOfSums, n };
        }),
      }));
    },
    ["dataVersion", "registerVersion"],
  );
  const trend = listIndicatorValues(db, "S3", years, APPROVED_ONLY).filter((r) => ids.has(r.organisationId));
  const deadline = getReportingYear(db, year)?.deadline ?? null;
  return {
    year,
    years,
    previousYear: previous,
    units: municipalities.length,
    deadline,
    coverage: {
      byCounty: coverageBy(
        municipalities.map((m) => ({ id: m.id, group: m.countyNumber })),
        statuses,
        underCorrection,
      ).map((c) => ({ ...c, name: c.group === null ? null : (countyName.get(c.group) ?? c.group) })),
      byKostraGroup: coverageBy(
        municipalities.map((m) => ({ id: m.id, group: m.kostraGroup })),
        statuses,
        underCorrection,
      ).map((c) => ({ ...c, name: c.group === null ? null : (kostraName.get(c.group) ?? c.group) })),
      missing: municipalities
        .filter((m) => statuses.get(m.id) !== "approved" && !underCorrection.has(m.id))
        .map((m) => ({ number: m.number, name: m.name, countyName: m.countyName, status: statuses.get(m.id) ?? null })),
      underCorrection: municipalities
        .filter((m) => underCorrection.has(m.id))
        .map((m) => ({ number: m.number, name: m.name, countyName: m.countyName, status: statuses.get(m.id) ?? null })),
    },
    indicators,
    headlines,
    mailTrend: {
      reference: SVARUT_REFERENCE,
      points: years
        .map((y) => ({
          year: y,
          ...sectorDistribution(
            trend.filter((r) => r.year === y),
            100,
          ),
        }))
        .map((p) => ({ year: p.year, ratioOfSums: p.ratioOfSums, n: p.n })),
    },
  };
}

/** Every municipality's benefit plans: by sector and status, planned against realized kroner over the years, and the joint projects. */
export function getSectorPortfolio(db: Db, now: Date) {
  const today = osloDate(now);
  const projects = listAllProjects(db);
  const benefits = listBenefits(
    db,
    projects.map((p) => p.id),
  );
  const byId = new Map(projects.map((p) => [p.id, p]));
  // The same view as the municipality's own page: a linked benefit is measured by its indicator's approved figures.
  const summaries = benefits.map((b) => {
    const project = byId.get(b.projectId);
    const view = benefitView(db, b, project?.ownerOrganisationId ?? 0, today);
    return { benefit: view, sector: project?.sector ?? "common", summary: view.summary };
  });
  const sectors = [...new Set(projects.map((p) => p.sector))].sort();
  const dates = benefits.flatMap((b) => [b.baseline.date, ...b.targets.map((t) => t.date)]).sort();
  const first = Number((dates[0] ?? today).slice(0, 4));
  const last = Math.min(Number((dates.at(-1) ?? today).slice(0, 4)), first + 20);
  const years = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  return {
    today,
    projects: projects.length,
    bySector: sectors.map((sector) => {
      const own = summaries.filter((s) => s.sector === sector);
      return {
        sector,
        projects: projects.filter((p) => p.sector === sector).length,
        totals: portfolioTotals(own.map((s) => ({ cash: s.benefit.cash, disBenefit: s.benefit.disBenefit, summary: s.summary }))),
      };
    }),
    totals: portfolioTotals(summaries.map((s) => ({ cash: s.benefit.cash, disBenefit: s.benefit.disBenefit, summary: s.summary }))),
    overTime: portfolioOverTime(
      summaries.map((s) => s.benefit),
      years,
      today,
    ),
    joint: projects.filter((p) => p.participants.length > 0).map(projectSummary),
    statuses: ["onTrack", "atRisk", "offTrack", "realized", "noData"] as BenefitStatus[],
  };
}
