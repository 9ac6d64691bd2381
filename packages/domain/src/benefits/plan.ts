import { z } from "zod";

import type { FieldIssue } from "../errors";
import { INDICATORS } from "../indicators/catalogue";
import { nameSchema, textSchema } from "../text/schemas";
import { benefitStatus, DEFAULT_TOLERANCE, type BenefitPoint, type BenefitStatus } from "./status";

/**
 * Projects, benefit plans (gevinstrealiseringsplaner) and benefits (gevinster) as DFØ's method and
 * KS's toolbox describe them (docs/indicators.md#benefits, decision 019).
 */

/** Konsept, planlegging, gjennomføring, avsluttet, realisering: in that order. */
export const PROJECT_PHASES = ["concept", "planning", "execution", "closed", "realization"] as const;
export type ProjectPhase = (typeof PROJECT_PHASES)[number];

/** The service sectors of the sector councils, and "felles" for cross-cutting projects. */
export const PROJECT_SECTORS = ["helseVelferd", "skoleOppvekst", "planByggGeodata", "common"] as const;
export type ProjectSector = (typeof PROJECT_SECTORS)[number];

/** Effektivisering, kvalitet, gevinst for andre aktører. */
export const BENEFIT_TYPES = ["efficiency", "quality", "otherActors"] as const;
export type BenefitType = (typeof BENEFIT_TYPES)[number];

/**
 * Budget effect in the own organisation, freed capacity used elsewhere, a priced benefit for
 * others, or not priced.
 */
export const BENEFIT_VALUATIONS = ["budgetOwn", "freedCapacity", "pricedOthers", "unpriced"] as const;
export type BenefitValuation = (typeof BENEFIT_VALUATIONS)[number];

export const MEASUREMENT_FREQUENCIES = ["monthly", "quarterly", "halfYearly", "yearly"] as const;
export type MeasurementFrequency = (typeof MEASUREMENT_FREQUENCIES)[number];
const MONTHS: Record<MeasurementFrequency, number> = { monthly: 1, quarterly: 3, halfYearly: 6, yearly: 12 };

export const MAX_BENEFITS = 50;
export const MAX_TARGETS = 10;
export const MAX_MAP_NODES = 30;
/** The largest value in kroner a benefit may be said to be worth per year. */
export const MAX_BENEFIT_VALUE_NOK = 100_000_000_000;

export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "DATE_FORMAT" })
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), {
    message: "DATE_INVALID",
  });
const Measured = z.number().finite().min(-1e12).max(1e12);
export const BenefitPointSchema = z.object({ value: Measured, date: IsoDateSchema });
/** Names, titles and labels. */
const ShortText = nameSchema(200);
const LongText = textSchema(2_000).nullable();
export const MapKeySchema = z.string().regex(/^[a-z0-9-]{1,40}$/);

/** What a project's owner changes about it; who takes part is changed by invitation (ADR 008). */
export const ProjectFieldsSchema = z.object({
  name: ShortText,
  description: LongText,
  sector: z.enum(PROJECT_SECTORS),
  phase: z.enum(PROJECT_PHASES),
});
export type ProjectFields = z.infer<typeof ProjectFieldsSchema>;

export const ProjectInputSchema = ProjectFieldsSchema.extend({
  /** Municipalities invited to a joint project (municipality numbers); empty for the owner's own. */
  participants: z.array(z.string().regex(/^\d{4}$/)).max(400),
});
export type ProjectInput = z.infer<typeof ProjectInputSchema>;

/**
 * The benefit map (gevinstkart): deliverables lead to preconditions (changes the organisation must
 * make), which lead to benefits, which serve goals. Benefits name their preconditions and goals.
 */
export const BenefitMapSchema = z.object({
  deliverables: z.array(z.object({ key: MapKeySchema, label: ShortText })).max(MAX_MAP_NODES),
  preconditions: z
    .array(z.object({ key: MapKeySchema, label: ShortText, from: z.array(MapKeySchema).max(MAX_MAP_NODES) }))
    .max(MAX_MAP_NODES),
  goals: z.array(z.object({ key: MapKeySchema, label: ShortText })).max(MAX_MAP_NODES),
});
export type BenefitMap = z.infer<typeof BenefitMapSchema>;
export const EMPTY_BENEFIT_MAP: BenefitMap = { deliverables: [], preconditions: [], goals: [] };

export const BenefitInputSchema = z.object({
  title: ShortText,
  description: LongText,
  /** The line manager answerable for realizing it. */
  ownerName: ShortText,
  /** The owner's user account, when they have one: their sign-in lists what is due. */
  ownerUserId: z.number().int().positive().nullable(),
  type: z.enum(BENEFIT_TYPES),
  valuation: z.enum(BENEFIT_VALUATIONS),
  /** Kroner per year at full realization; none for an unpriced benefit. */
  annualValueNok: z.number().int().min(0).max(MAX_BENEFIT_VALUE_NOK).nullable(),
  cash: z.boolean(),
  quantitative: z.boolean(),
  disBenefit: z.boolean(),
  indicator: z.object({
    name: ShortText,
    unit: nameSchema(40),
    direction: z.enum(["higher", "lower"]),
    method: LongText,
    frequency: z.enum(MEASUREMENT_FREQUENCIES),
  }),
  /** A benchmark indicator (§3) whose approved figures are this benefit's measurements. */
  linkedIndicatorCode: z.enum(INDICATORS.map((i) => i.code) as [string, ...string[]]).nullable(),
  baseline: BenefitPointSchema,
  targets: z.array(BenefitPointSchema).min(1).max(MAX_TARGETS),
  preconditionKeys: z.array(MapKeySchema).max(MAX_MAP_NODES),
  goalKeys: z.array(MapKeySchema).max(MAX_MAP_NODES),
});
export type BenefitInput = z.infer<typeof BenefitInputSchema>;

export const MeasurementInputSchema = z.object({
  value: Measured,
  date: IsoDateSchema,
  comment: textSchema(1_000).nullable(),
});
export type MeasurementInput = z.infer<typeof MeasurementInputSchema>;

/**
 * What the schema cannot say about one benefit: targets after the baseline, one target per date,
 * a value for every priced benefit and none for an unpriced one, map keys that exist.
 */
export function checkBenefit(input: BenefitInput, map: BenefitMap): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const dates = new Set<string>();
  input.targets.forEach((target, index) => {
    if (target.date <= input.baseline.date)
      issues.push({ path: ["targets", index, "date"], code: "TARGET_BEFORE_BASELINE", params: { baselineDate: input.baseline.date } });
    if (dates.has(target.date)) issues.push({ path: ["targets", index, "date"], code: "TARGET_DATE_TWICE", params: { date: target.date } });
    dates.add(target.date);
  });
  if (input.valuation === "unpriced" && input.annualValueNok !== null)
    issues.push({ path: ["annualValueNok"], code: "VALUE_FOR_UNPRICED", params: {} });
  if (input.valuation !== "unpriced" && input.annualValueNok === null)
    issues.push({ path: ["annualValueNok"], code: "VALUE_REQUIRED", params: {} });
  const preconditions = new Set(map.preconditions.map((p) => p.key));
  const goals = new Set(map.goals.map((g) => g.key));
  input.preconditionKeys.forEach((key, index) => {
    if (!preconditions.has(key)) issues.push({ path: ["preconditionKeys", index], code: "MAP_KEY_UNKNOWN", params: { key } });
  });
  input.goalKeys.forEach((key, index) => {
    if (!goals.has(key)) issues.push({ path: ["goalKeys", index], code: "MAP_KEY_UNKNOWN", params: { key } });
  });
  return issues;
}

/** Keys unique across the map, and preconditions that come from deliverables that exist. */
export function checkBenefitMap(map: BenefitMap): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  const deliverables = new Set(map.deliverables.map((d) => d.key));
  (["deliverables", "preconditions", "goals"] as const).forEach((column) => {
    map[column].forEach((node, index) => {
      if (seen.has(node.key)) issues.push({ path: [column, index, "key"], code: "MAP_KEY_TWICE", params: { key: node.key } });
      seen.add(node.key);
    });
  });
  map.preconditions.forEach((p, index) => {
    p.from.forEach((key, j) => {
      if (!deliverables.has(key)) issues.push({ path: ["preconditions", index, "from", j], code: "MAP_KEY_UNKNOWN", params: { key } });
    });
  });
  return issues;
}

/**
 * A measurement must come after the baseline (the baseline is measured before any effect) and not
 * lie in the future.
 */
export function checkMeasurement(measurement: MeasurementInput, baseline: BenefitPoint, today: string): FieldIssue[] {
  if (measurement.date < baseline.date)
    return [{ path: ["date"], code: "BASELINE_AFTER_MEASUREMENT", params: { baselineDate: baseline.date } }];
  if (measurement.date > today) return [{ path: ["date"], code: "DATE_IN_FUTURE", params: { today } }];
  return [];
}

function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  // The 31st plus a month is the last day of the next month, not the 1st of the one after.
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

/** When the next measurement is due: one period after the latest measurement, or after the baseline. */
export function nextMeasurementDue(frequency: MeasurementFrequency, baselineDate: string, measurementDates: readonly string[]): string {
  const latest = measurementDates.reduce((a, b) => (b > a ? b : a), baselineDate);
  return addMonths(latest, MONTHS[frequency]);
}

/**
 * How much of the planned change the latest measurement has reached, 0–1: (latest − baseline) /
 * (final target − baseline), in the direction that counts. Used to price what is realized so far.
 */
export function realizedShare(input: {
  baseline: BenefitPoint;
  targets: readonly BenefitPoint[];
  measurements: readonly BenefitPoint[];
}): number {
  const final = [...input.targets].sort((a, b) => a.date.localeCompare(b.date)).at(-1);
  const latest = [...input.measurements]
    .filter((m) => m.date >= input.baseline.date)
    .sort((a, b) => a.date.localeCompare(b.date))
    .at(-1);
  if (!final || !latest) return 0;
  const planned = final.value - input.baseline.value;
  if (planned === 0) return 1;
  return Math.min(1, Math.max(0, (latest.value - input.baseline.value) / planned));
}

export interface BenefitSummaryInput {
  readonly direction: "higher" | "lower";
  readonly disBenefit: boolean;
  readonly cash: boolean;
  readonly annualValueNok: number | null;
  readonly frequency: MeasurementFrequency;
  readonly baseline: BenefitPoint;
  readonly targets: readonly BenefitPoint[];
  readonly measurements: readonly BenefitPoint[];
}

export interface BenefitSummary {
  readonly status: BenefitStatus;
  readonly nextDue: string | null;
  readonly overdue: boolean;
  readonly realizedShare: number;
  readonly expectedNok: number;
  readonly realizedNok: number;
}

/** Status, the next measurement (none once realized) and the value expected and realized so far. */
export function summarizeBenefit(input: BenefitSummaryInput, today: string): BenefitSummary {
  const status = benefitStatus({ ...input, today, tolerance: DEFAULT_TOLERANCE });
  const nextDue =
    status === "realized"
      ? null
      : nextMeasurementDue(
          input.frequency,
          input.baseline.date,
          input.measurements.map((m) => m.date),
        );
  const share = realizedShare(input);
  const expectedNok = input.disBenefit ? 0 : (input.annualValueNok ?? 0);
  return {
    status,
    nextDue,
    overdue: nextDue !== null && nextDue < today,
    realizedShare: share,
    expectedNok,
    realizedNok: Math.round(expectedNok * share),
  };
}

export interface PortfolioTotals {
  readonly benefits: number;
  readonly disBenefits: number;
  readonly byStatus: Record<BenefitStatus, number>;
  readonly cash: { readonly expectedNok: number; readonly realizedNok: number };
  readonly nonCash: { readonly expectedNok: number; readonly realizedNok: number };
}

/** A portfolio's counts by status and its expected against realized kroner, cash and non-cash apart. */
export function portfolioTotals(benefits: readonly { cash: boolean; disBenefit: boolean; summary: BenefitSummary }[]): PortfolioTotals {
  const byStatus: Record<BenefitStatus, number> = { onTrack: 0, atRisk: 0, offTrack: 0, realized: 0, noData: 0 };
  const cash = { expectedNok: 0, realizedNok: 0 };
  const nonCash = { expectedNok: 0, realizedNok: 0 };
  let disBenefits = 0;
  for (const b of benefits) {
    byStatus[b.summary.status] += 1;
    if (b.disBenefit) disBenefits += 1;
    const bucket = b.cash ? cash : nonCash;
    bucket.expectedNok += b.summary.expectedNok;
    bucket.realizedNok += b.summary.realizedNok;
  }
  return { benefits: benefits.length - disBenefits, disBenefits, byStatus, cash, nonCash };
}

export interface MapNode {
  readonly key: string;
  readonly label: string;
  readonly column: 0 | 1 | 2 | 3;
  readonly row: number;
}

/**
 * The benefit map as four columns (deliverables, preconditions, benefits, goals) and the edges
 * between them, for a diagram. Benefits are keyed "benefit-<id>".
 */
export function benefitMapLayout(
  map: BenefitMap,
  benefits: readonly { id: number; title: string; preconditionKeys: readonly string[]; goalKeys: readonly string[] }[],
) {
  const nodes: MapNode[] = [
    ...map.deliverables.map((d, row) => ({ key: d.key, label: d.label, column: 0 as const, row })),
    ...map.preconditions.map((p, row) => ({ key: p.key, label: p.label, column: 1 as const, row })),
    ...benefits.map((b, row) => ({ key: `benefit-${b.id}`, label: b.title, column: 2 as const, row })),
    ...map.goals.map((g, row) => ({ key: g.key, label: g.label, column: 3 as const, row })),
  ];
  const known = new Set(nodes.map((n) => n.key));
  const edges = [
    ...map.preconditions.flatMap((p) => p.from.map((from) => ({ from, to: p.key }))),
    ...benefits.flatMap((b) => [
      ...b.preconditionKeys.map((key) => ({ from: key, to: `benefit-${b.id}` })),
      ...b.goalKeys.map((key) => ({ from: `benefit-${b.id}`, to: key })),
    ]),
  ].filter((e) => known.has(e.from) && known.has(e.to));
  return { nodes, edges, rows: Math.max(1, map.deliverables.length, map.preconditions.length, benefits.length, map.goals.length) };
}
