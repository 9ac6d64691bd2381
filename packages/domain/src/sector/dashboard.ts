import { plannedValue, type BenefitPoint } from "../benefits/status";
import { realizedShare } from "../benefits/plan";
import { quartiles } from "../statistics/descriptive";
import { ratioOfSums, type RatioComponents } from "../statistics/ratio-of-sums";

/**
 * The sector's view of one indicator in one year: the national figure as SSB computes it (ratio of
 * sums: Σ numerators / Σ denominators), the mean of the units' own ratios beside it (they differ:
 * a large unit weighs more in the first), and the spread of the units' values.
 */
export interface SectorDistribution {
  readonly n: number;
  readonly ratioOfSums: number | null;
  readonly meanOfRatios: number | null;
  readonly q1: number | null;
  readonly median: number | null;
  readonly q3: number | null;
}

export function sectorDistribution(rows: readonly RatioComponents[], scale = 1): SectorDistribution {
  const present = rows.filter((r) => r.denominator > 0);
  const values = present.map((r) => (r.numerator / r.denominator) * scale);
  const q = quartiles(values);
  const ros = ratioOfSums(present);
  return {
    n: present.length,
    ratioOfSums: ros === null ? null : ros * scale,
    meanOfRatios: values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length,
    q1: q?.q1 ?? null,
    median: q?.median ?? null,
    q3: q?.q3 ?? null,
  };
}

/** Change from the previous year, in the indicator's units and in per cent; null without both figures. */
export function movement(current: number | null, previous: number | null): { change: number; percent: number | null } | null {
  if (current === null || previous === null) return null;
  return { change: current - previous, percent: previous === 0 ? null : ((current - previous) / Math.abs(previous)) * 100 };
}

/**
 * How many units of each group have reported, and how many of those are approved. A unit in
 * `underCorrection` (an approved report returned for correction) still has its last approved
 * figures: it counts as reported and approved, and apart as under correction.
 */
export function coverageBy<K extends string>(
  units: readonly { id: number; group: K | null }[],
  reported: ReadonlyMap<number, "draft" | "submitted" | "returned" | "approved">,
  underCorrection: ReadonlySet<number> = new Set(),
): { group: K | null; units: number; reported: number; approved: number; underCorrection: number }[] {
  const groups = new Map<K | null, { units: number; reported: number; approved: number; underCorrection: number }>();
  for (const unit of units) {
    const entry = groups.get(unit.group) ?? { units: 0, reported: 0, approved: 0, underCorrection: 0 };
    entry.units += 1;
    const status = underCorrection.has(unit.id) ? "approved" : reported.get(unit.id);
    if (status === "submitted" || status === "approved") entry.reported += 1;
    if (status === "approved") entry.approved += 1;
    if (underCorrection.has(unit.id)) entry.underCorrection += 1;
    groups.set(unit.group, entry);
  }
  return [...groups]
    .map(([group, counts]) => ({ group, ...counts }))
    .sort((a, b) => (a.group === null ? 1 : b.group === null ? -1 : a.group.localeCompare(b.group, "nb")));
}

export interface PortfolioBenefit {
  readonly cash: boolean;
  readonly disBenefit: boolean;
  readonly annualValueNok: number | null;
  readonly baseline: BenefitPoint;
  readonly targets: readonly BenefitPoint[];
  readonly measurements: readonly BenefitPoint[];
}

/**
 * Planned against realized kroner at the end of each year, cash and non-cash apart: a benefit's
 * yearly value times the share of its planned change the plan foresaw by then (planned) and the
 * share its latest measurement by then had reached (realized). Nothing is realized after `today`:
 * a later year has no realized value (null, not a carried-forward one) and the current year counts
 * what was measured by today (`realizedUntil`). Dis-benefits are left out.
 */
export function portfolioOverTime(benefits: readonly PortfolioBenefit[], years: readonly number[], today: string) {
  return years.map((year) => {
    const date = `${year}-12-31`;
    const realizedUntil = `${year}-01-01` > today ? null : date < today ? date : today;
    const planned = { cash: 0, nonCash: 0 };
    const realized = { cash: 0, nonCash: 0 };
    for (const b of benefits) {
      if (b.disBenefit || b.annualValueNok === null) continue;
      const final = [...b.targets].sort((x, y) => x.date.localeCompare(y.date)).at(-1);
      if (!final) continue;
      const whole = final.value - b.baseline.value;
      const plannedShare =
        whole === 0 ? 1 : Math.min(1, Math.max(0, (plannedValue(b.baseline, b.targets, date) - b.baseline.value) / whole));
      const bucket = b.cash ? "cash" : "nonCash";
      planned[bucket] += Math.round(b.annualValueNok * plannedShare);
      if (realizedUntil === null) continue;
      const share = realizedShare({
        baseline: b.baseline,
        targets: b.targets,
        measurements: b.measurements.filter((m) => m.date <= realizedUntil),
      });
      realized[bucket] += Math.round(b.annualValueNok * share);
    }
    const realizedNok = (bucket: "cash" | "nonCash") => (realizedUntil === null ? null : realized[bucket]);
    return {
      year,
      realizedUntil,
      cash: { plannedNok: planned.cash, realizedNok: realizedNok("cash") },
      nonCash: { plannedNok: planned.nonCash, realizedNok: realizedNok("nonCash") },
    };
  });
}
