/**
 * The status of a benefit (gevinst), computed and never typed (docs/indicators.md#benefit-status, issue 8). The rule:
 *
 * 1. No measurement after the baseline: `noData`.
 * 2. The planned path runs from the baseline (value, date) through each staged target (value, due
 *    date), straight between them; before the first stage it rises from the baseline, after the
 *    last it stays at the final target.
 * 3. The latest measurement is compared with the path on its own date. The tolerance is a share of
 *    the whole planned change (baseline → final target), 10 % unless the plan says otherwise.
 * 4. A benefit that has reached its final target is `realized`, early or not. A dis-benefit (an
 *    accepted negative effect) is `realized` once its final due date has passed within its limit.
 * 5. Otherwise: at or ahead of the path, or behind by at most the tolerance: `onTrack`; behind by
 *    at most twice the tolerance: `atRisk`; further behind: `offTrack`.
 *
 * "Ahead" follows the indicator's direction (higher or lower is better). For a dis-benefit the
 * targets are the worst value accepted, so "behind" means past that limit.
 */
export type BenefitStatus = "onTrack" | "atRisk" | "offTrack" | "realized" | "noData";

export const DEFAULT_TOLERANCE = 0.1;

export interface BenefitPoint {
  readonly value: number;
  /** ISO date, YYYY-MM-DD. */
  readonly date: string;
}

export interface BenefitStatusInput {
  readonly direction: "higher" | "lower";
  readonly baseline: BenefitPoint;
  /** Staged targets; `date` is the due date. At least one. */
  readonly targets: readonly BenefitPoint[];
  readonly measurements: readonly BenefitPoint[];
  readonly disBenefit?: boolean;
  /** Share of the planned change that counts as "close enough" (default 0.1). */
  readonly tolerance?: number;
  /** ISO date of today, for a dis-benefit's final due date. */
  readonly today: string;
}

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

/** The planned value on a date: straight lines from the baseline through the staged targets. */
export function plannedValue(baseline: BenefitPoint, targets: readonly BenefitPoint[], date: string): number {
  const path = [baseline, ...[...targets].sort((a, b) => a.date.localeCompare(b.date))];
  const t = day(date);
  if (t <= day(baseline.date)) return baseline.value;
  for (let i = 1; i < path.length; i += 1) {
    const from = path[i - 1];
    const to = path[i];
    if (!from || !to) continue;
    if (t <= day(to.date)) {
      const span = day(to.date) - day(from.date);
      return span <= 0 ? to.value : from.value + ((to.value - from.value) * (t - day(from.date))) / span;
    }
  }
  return path.at(-1)?.value ?? baseline.value;
}

export function benefitStatus(input: BenefitStatusInput): BenefitStatus {
  const sortedTargets = [...input.targets].sort((a, b) => a.date.localeCompare(b.date));
  const final = sortedTargets.at(-1);
  const latest = [...input.measurements]
    .filter((m) => m.date >= input.baseline.date)
    .sort((a, b) => a.date.localeCompare(b.date))
    .at(-1);
  if (!latest || !final) return "noData";
  // +1 when higher is better; a dis-benefit's targets are limits in the same direction.
  const sign = input.direction === "higher" ? 1 : -1;
  const wholeChange = Math.abs(final.value - input.baseline.value);
  const tolerance = (input.tolerance ?? DEFAULT_TOLERANCE) * (wholeChange > 0 ? wholeChange : Math.abs(input.baseline.value) || 1);
  const shortfall = sign * (plannedValue(input.baseline, sortedTargets, latest.date) - latest.value);
  if (input.disBenefit) {
    if (shortfall <= tolerance && input.today > final.date) return "realized";
  } else if (sign * (latest.value - final.value) >= 0) {
    return "realized";
  }
  if (shortfall <= tolerance) return "onTrack";
  if (shortfall <= 2 * tolerance) return "atRisk";
  return "offTrack";
}

/** A baseline must be measured before any effect: a measurement dated before it is refused. */
export function checkBaseline(
  baseline: BenefitPoint,
  measurements: readonly BenefitPoint[],
): { code: "BASELINE_AFTER_MEASUREMENT"; date: string } | null {
  const early = measurements.find((m) => m.date < baseline.date);
  return early ? { code: "BASELINE_AFTER_MEASUREMENT", date: early.date } : null;
}
