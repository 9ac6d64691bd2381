import { z } from "zod";

import type { FieldIssue } from "../errors";
import { INDICATORS } from "../indicators/catalogue";
import { nameSchema, textSchema } from "../text/schemas";
import {
  BENEFIT_TYPES,
  BENEFIT_VALUATIONS,
  BenefitPointSchema,
  checkMeasurement,
  IsoDateSchema,
  MapKeySchema,
  MAX_BENEFIT_VALUE_NOK,
  MAX_BENEFITS,
  MAX_TARGETS,
  MEASUREMENT_FREQUENCIES,
  nextMeasurementDue,
  type MeasurementInput,
} from "./plan";
import { benefitStatus, DEFAULT_TOLERANCE, plannedValue, type BenefitPoint, type BenefitStatus } from "./status";

/**
 * Joint solutions (issue 26, docs/indicators.md#joint-solutions): the programme proposes a benefit plan for a
 * joint project (the template), each municipality adopts it into a local plan of its own and realizes the
 * benefits locally, and the sector sees the sum per year.
 */

/**
 * How a template benefit is valued: `volume` — volume in the year × the unit value of that year (SvarUt:
 * digital shipments × (paper price − digital price)); `share` — the annual value in kroner × the share of the
 * planned change reached, as in a project's own plan (docs/indicators.md#benefits).
 */
export const VALUE_METHODS = ["volume", "share"] as const;
export type ValueMethod = (typeof VALUE_METHODS)[number];

export const MAX_UNIT_VALUES = 30;
export const MAX_SUGGESTED_TARGETS = 10;
/** Kroner per unit, to the øre: a paper letter costs a few kroner more than a digital one. */
export const MAX_UNIT_VALUE_NOK = 1_000_000;

/** A unit value from a year on (until a later one replaces it), with the date it was set and its source. */
export const UnitValueSchema = z.object({
  fromYear: z.number().int().min(2000).max(2100),
  valueNok: z
    .number()
    .finite()
    .min(0)
    .max(MAX_UNIT_VALUE_NOK)
    .refine((v) => Math.round(v * 100) === Number((v * 100).toFixed(6)), { message: "ORE_PRECISION" }),
  date: IsoDateSchema,
  source: nameSchema(300),
});
export type UnitValue = z.infer<typeof UnitValueSchema>;

export const TemplateBenefitSchema = z.object({
  /** Stays the same across the template's versions, so a local plan can follow a newer one. */
  key: MapKeySchema,
  title: nameSchema(200),
  description: textSchema(2_000).nullable(),
  type: z.enum(BENEFIT_TYPES),
  valuation: z.enum(BENEFIT_VALUATIONS),
  cash: z.boolean(),
  valueMethod: z.enum(VALUE_METHODS),
  indicator: z.object({
    name: nameSchema(200),
    unit: nameSchema(40),
    direction: z.enum(["higher", "lower"]),
    method: textSchema(2_000).nullable(),
    frequency: z.enum(MEASUREMENT_FREQUENCIES),
  }),
  /**
   * A benchmark indicator whose approved figures measure the benefit in each municipality. For a volume
   * benefit the volume is the indicator's numerator (S3: digital shipments); otherwise its value.
   */
  linkedIndicatorCode: z.enum(INDICATORS.map((i) => i.code) as [string, ...string[]]).nullable(),
  /** Suggested targets, in years after adoption (1 = the end of the year after the one it was adopted in). */
  suggestedTargets: z
    .array(z.object({ afterYears: z.number().int().min(0).max(20), value: z.number().finite().min(-1e12).max(1e12) }))
    .min(1)
    .max(MAX_SUGGESTED_TARGETS),
  /** Kroner per year at full realization, for a priced `share` benefit. */
  annualValueNok: z.number().int().min(0).max(MAX_BENEFIT_VALUE_NOK).nullable(),
  /** Kroner per unit by year, for a `volume` benefit. */
  unitValues: z.array(UnitValueSchema).max(MAX_UNIT_VALUES),
});
export type TemplateBenefit = z.infer<typeof TemplateBenefitSchema>;

export const TemplateInputSchema = z.object({ benefits: z.array(TemplateBenefitSchema).max(MAX_BENEFITS) });
export type TemplateInput = z.infer<typeof TemplateInputSchema>;

/** A benefit of a municipality's local plan: the template's benefit (by key) with the municipality's own owner, baseline and targets. */
export const LocalBenefitSchema = z.object({
  key: MapKeySchema,
  ownerName: nameSchema(200),
  ownerUserId: z.number().int().positive().nullable(),
  baseline: BenefitPointSchema,
  targets: z.array(BenefitPointSchema).min(1).max(MAX_TARGETS),
});
export type LocalBenefit = z.infer<typeof LocalBenefitSchema>;

export const LocalPlanInputSchema = z.object({
  /** The day the municipality took the solution into use: value is counted from its year. */
  inUseFrom: IsoDateSchema,
  benefits: z.array(LocalBenefitSchema).max(MAX_BENEFITS),
});
export type LocalPlanInput = z.infer<typeof LocalPlanInputSchema>;

/** What the schema cannot say about a template: unique keys, the value each method needs and no other, unit values once a year. */
export function checkTemplate(input: TemplateInput): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const keys = new Set<string>();
  input.benefits.forEach((b, i) => {
    const at = (...path: (string | number)[]) => ["benefits", i, ...path];
    if (keys.has(b.key)) issues.push({ path: at("key"), code: "MAP_KEY_TWICE", params: { key: b.key } });
    keys.add(b.key);
    if (b.valueMethod === "volume") {
      if (b.unitValues.length === 0) issues.push({ path: at("unitValues"), code: "VALUE_REQUIRED", params: {} });
      if (b.annualValueNok !== null) issues.push({ path: at("annualValueNok"), code: "VALUE_FOR_VOLUME", params: {} });
    } else {
      if (b.unitValues.length > 0) issues.push({ path: at("unitValues"), code: "UNIT_VALUE_FOR_SHARE", params: {} });
      if (b.valuation === "unpriced" && b.annualValueNok !== null)
        issues.push({ path: at("annualValueNok"), code: "VALUE_FOR_UNPRICED", params: {} });
      if (b.valuation !== "unpriced" && b.annualValueNok === null)
        issues.push({ path: at("annualValueNok"), code: "VALUE_REQUIRED", params: {} });
    }
    const years = new Set<number>();
    b.unitValues.forEach((u, j) => {
      if (years.has(u.fromYear)) issues.push({ path: at("unitValues", j, "fromYear"), code: "YEAR_TWICE", params: { year: u.fromYear } });
      years.add(u.fromYear);
    });
    const after = new Set<number>();
    b.suggestedTargets.forEach((t, j) => {
      if (after.has(t.afterYears))
        issues.push({ path: at("suggestedTargets", j, "afterYears"), code: "TARGET_DATE_TWICE", params: { afterYears: t.afterYears } });
      after.add(t.afterYears);
    });
  });
  return issues;
}

/** Each of the template's benefits once, targets after the baseline and one per date. */
export function checkLocalPlan(input: LocalPlanInput, template: readonly TemplateBenefit[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const known = new Set(template.map((b) => b.key));
  const seen = new Set<string>();
  input.benefits.forEach((b, i) => {
    if (!known.has(b.key)) issues.push({ path: ["benefits", i, "key"], code: "MAP_KEY_UNKNOWN", params: { key: b.key } });
    if (seen.has(b.key)) issues.push({ path: ["benefits", i, "key"], code: "MAP_KEY_TWICE", params: { key: b.key } });
    seen.add(b.key);
    const dates = new Set<string>();
    b.targets.forEach((t, j) => {
      if (t.date <= b.baseline.date)
        issues.push({
          path: ["benefits", i, "targets", j, "date"],
          code: "TARGET_BEFORE_BASELINE",
          params: { baselineDate: b.baseline.date },
        });
      if (dates.has(t.date))
        issues.push({ path: ["benefits", i, "targets", j, "date"], code: "TARGET_DATE_TWICE", params: { date: t.date } });
      dates.add(t.date);
    });
  });
  template.forEach((b) => {
    if (!seen.has(b.key)) issues.push({ path: ["benefits"], code: "BENEFIT_MISSING", params: { key: b.key, title: b.title } });
  });
  return issues;
}

/** The unit value that holds in a year: the latest set from that year or before; none before the first. */
export function unitValueFor(values: readonly UnitValue[], year: number): UnitValue | null {
  return values.filter((v) => v.fromYear <= year).reduce<UnitValue | null>((a, v) => (a === null || v.fromYear > a.fromYear ? v : a), null);
}

/** A volume in a year at that year's unit value, in whole kroner (the computation shown beside the value). */
export interface VolumeValue {
  readonly year: number;
  readonly volume: number;
  /** Null when no unit value holds yet in that year: the value is then unknown, not zero. */
  readonly unitValue: UnitValue | null;
  readonly valueNok: number | null;
}

export function valueOfVolume(volume: number, year: number, values: readonly UnitValue[]): VolumeValue {
  const unitValue = unitValueFor(values, year);
  return { year, volume, unitValue, valueNok: unitValue ? Math.round(volume * unitValue.valueNok) : null };
}

/** A measurement of a local benefit: the value of its indicator (or, for a volume, the volume) at the end of a year or on a day. */
export interface LocalMeasurement extends BenefitPoint {
  readonly source: "indicator" | "manual";
}

/**
 * What a local benefit is measured by: a benefit linked to an indicator by the municipality's approved figures
 * only (a typed value beside them would count twice), any other by the measurements typed by hand.
 */
export function localMeasurements(
  template: Pick<TemplateBenefit, "linkedIndicatorCode">,
  figures: readonly BenefitPoint[],
  typed: readonly BenefitPoint[],
): LocalMeasurement[] {
  const points = template.linkedIndicatorCode === null ? typed : figures;
  const source = template.linkedIndicatorCode === null ? "manual" : "indicator";
  return points.map((m) => ({ value: m.value, date: m.date, source }));
}

/**
 * A measurement typed for a local benefit: refused for a benefit measured by an indicator's approved figures,
 * before the local baseline or after today (as a plan's own measurements, docs/indicators.md#benefits).
 */
export function checkLocalMeasurement(
  measurement: MeasurementInput,
  template: Pick<TemplateBenefit, "linkedIndicatorCode">,
  local: Pick<LocalBenefit, "baseline">,
  today: string,
): FieldIssue[] {
  if (template.linkedIndicatorCode !== null)
    return [{ path: ["value"], code: "MEASURED_BY_INDICATOR", params: { indicatorCode: template.linkedIndicatorCode } }];
  return checkMeasurement(measurement, local.baseline, today);
}

export interface LocalBenefitYear {
  readonly year: number;
  /** Planned: the volume (or indicator value) on the planned path at the year's end, and its value. */
  readonly planned: { readonly value: number; readonly valueNok: number | null; readonly unitValue: UnitValue | null };
  /** Realized: the year's measurement and its value; null for a year with no measurement (yet), or after today. */
  readonly realized: {
    readonly value: number;
    readonly date: string;
    readonly valueNok: number | null;
    readonly unitValue: UnitValue | null;
  } | null;
}

export interface LocalBenefitValuation {
  readonly status: BenefitStatus;
  readonly nextDue: string | null;
  readonly years: readonly LocalBenefitYear[];
}

const yearOf = (iso: string) => Number(iso.slice(0, 4));

/**
 * A local benefit's value per year, from the year it came into use to the year of its last target: planned
 * from the path through its targets, realized from the measurement of each year (the latest one of the year)
 * up to today only. Volume: volume × the year's unit value. Share: the annual value × the share of the
 * planned change reached (0–1).
 */
export function valueLocalBenefit(
  template: Pick<TemplateBenefit, "valueMethod" | "annualValueNok" | "unitValues" | "indicator">,
  local: Pick<LocalBenefit, "baseline" | "targets">,
  inUseFrom: string,
  measurements: readonly BenefitPoint[],
  today: string,
): LocalBenefitValuation {
  const targets = [...local.targets].sort((a, b) => a.date.localeCompare(b.date));
  const final = targets.at(-1)?.value ?? local.baseline.value;
  const planned = final - local.baseline.value;
  const share = (value: number) => (planned === 0 ? 1 : Math.min(1, Math.max(0, (value - local.baseline.value) / planned)));
  const priced = (value: number, year: number) => {
    if (template.valueMethod === "volume") {
      const v = valueOfVolume(value, year, template.unitValues);
      return { valueNok: v.valueNok, unitValue: v.unitValue };
    }
    return { valueNok: template.annualValueNok === null ? null : Math.round(template.annualValueNok * share(value)), unitValue: null };
  };
  const counted = measurements.filter((m) => m.date >= local.baseline.date && m.date <= today);
  const first = Math.max(yearOf(inUseFrom), yearOf(local.baseline.date));
  const last = Math.max(first, yearOf(targets.at(-1)?.date ?? inUseFrom), ...counted.map((m) => yearOf(m.date)));
  const years: LocalBenefitYear[] = [];
  for (let year = first; year <= last; year += 1) {
    const plannedValueAtEnd = plannedValue(local.baseline, targets, `${year}-12-31`);
    const measured = counted
      .filter((m) => yearOf(m.date) === year)
      .sort((a, b) => a.date.localeCompare(b.date))
      .at(-1);
    years.push({
      year,
      planned: { value: plannedValueAtEnd, ...priced(plannedValueAtEnd, year) },
      realized: measured ? { value: measured.value, date: measured.date, ...priced(measured.value, year) } : null,
    });
  }
  const status = benefitStatus({
    direction: template.indicator.direction,
    baseline: local.baseline,
    targets,
    measurements: counted,
    tolerance: DEFAULT_TOLERANCE,
    today,
  });
  const nextDue =
    status === "realized"
      ? null
      : nextMeasurementDue(
          template.indicator.frequency,
          local.baseline.date,
          counted.map((m) => m.date),
        );
  return { status, nextDue, years };
}

/** Suggested targets turned into dates for a municipality adopting in `year`: the end of the year `afterYears` later. */
export function targetsFromSuggestion(template: Pick<TemplateBenefit, "suggestedTargets">, adoptedYear: number): BenefitPoint[] {
  return template.suggestedTargets
    .map((t) => ({ value: t.value, date: `${adoptedYear + Math.max(1, t.afterYears)}-12-31` }))
    .sort((a, b) => a.date.localeCompare(b.date))
    .filter((t, i, all) => i === 0 || all[i - 1]?.date !== t.date);
}

export interface TemplateVersionRef {
  readonly number: number;
  readonly benefits: readonly TemplateBenefit[];
}

/**
 * Which template version a local plan follows: the one it adopted or last accepted, never a later one by
 * itself; and whether a newer one waits for the municipality to accept it.
 */
export function followedTemplate(
  local: { readonly templateVersion: number },
  versions: readonly TemplateVersionRef[],
): { followed: TemplateVersionRef | null; latest: number | null; newerAvailable: boolean } {
  const followed = versions.find((v) => v.number === local.templateVersion) ?? null;
  const latest = versions.reduce<number | null>((a, v) => (a === null || v.number > a ? v.number : a), null);
  return { followed, latest, newerAvailable: latest !== null && latest > local.templateVersion };
}

/**
 * A local plan moved onto a newer template version when the municipality accepts it: benefits that stay
 * (same key) keep the municipality's owner, baseline and targets; new ones get the suggested targets and
 * a baseline from `baselineFor`; those the template dropped leave the plan (and are listed).
 */
export function acceptTemplateVersion(
  local: readonly LocalBenefit[],
  template: readonly TemplateBenefit[],
  adoptedYear: number,
  baselineFor: (benefit: TemplateBenefit) => BenefitPoint,
  defaultOwner: string,
): { benefits: LocalBenefit[]; added: string[]; dropped: string[] } {
  const byKey = new Map(local.map((b) => [b.key, b]));
  const keys = new Set(template.map((b) => b.key));
  const benefits = template.map(
    (t): LocalBenefit =>
      byKey.get(t.key) ?? {
        key: t.key,
        ownerName: defaultOwner,
        ownerUserId: null,
        baseline: baselineFor(t),
        targets: targetsFromSuggestion(t, adoptedYear),
      },
  );
  return {
    benefits,
    added: template.filter((t) => !byKey.has(t.key)).map((t) => t.key),
    dropped: local.filter((b) => !keys.has(b.key)).map((b) => b.key),
  };
}

/** One adopting municipality's benefits, valued, as the roll-up reads them. */
export interface AdopterValues {
  readonly number: string;
  readonly name: string;
  readonly adoptedOn: string;
  readonly inUseFrom: string;
  readonly benefits: readonly { readonly cash: boolean; readonly disBenefit?: boolean; readonly years: readonly LocalBenefitYear[] }[];
}

export interface RollUpYear {
  readonly year: number;
  /** Municipalities that had adopted by the end of the year. */
  readonly adopters: number;
  readonly cash: { readonly plannedNok: number; readonly realizedNok: number };
  readonly nonCash: { readonly plannedNok: number; readonly realizedNok: number };
  /** Adopters in use that year whose realized value is missing for a year that has ended (not imputed: the sum leaves them out). */
  readonly missing: readonly string[];
}

/**
 * The sector's sum per year over the adopting municipalities: planned and realized kroner, cash and non-cash
 * apart; realized only from measurements up to today; a year an adopter has no measurement for is listed as
 * missing, and adds nothing (never an estimate). Adopters over time by adoption date.
 */
export function rollUpJointSolution(adopters: readonly AdopterValues[], today: string): RollUpYear[] {
  const years = new Set<number>();
  for (const a of adopters) {
    years.add(yearOf(a.adoptedOn));
    for (const b of a.benefits) for (const y of b.years) years.add(y.year);
  }
  const thisYear = yearOf(today);
  return [...years]
    .sort((a, b) => a - b)
    .map((year) => {
      const cash = { plannedNok: 0, realizedNok: 0 };
      const nonCash = { plannedNok: 0, realizedNok: 0 };
      const missing: string[] = [];
      for (const a of adopters) {
        let lacks = false;
        for (const b of a.benefits) {
          if (b.disBenefit) continue;
          const y = b.years.find((v) => v.year === year);
          if (!y) continue;
          const bucket = b.cash ? cash : nonCash;
          bucket.plannedNok += y.planned.valueNok ?? 0;
          if (y.realized && y.realized.date <= today) bucket.realizedNok += y.realized.valueNok ?? 0;
          else if (year < thisYear) lacks = true;
        }
        if (lacks) missing.push(a.number);
      }
      return {
        year,
        adopters: adopters.filter((a) => yearOf(a.adoptedOn) <= year).length,
        cash,
        nonCash,
        missing,
      };
    });
}
