import { z } from "zod";

import { ALLOCATION_KEYS, FULL_SHARE } from "./allocation";
import { computeIndicatorValue, INDICATORS, type ComponentCode, type IndicatorCode } from "../indicators/catalogue";
import { MAX_YEAR, MIN_YEAR } from "../reporting/years";
import { COST_TYPES, IT_SERVICES, type CostType, type ItService, type SystemClass } from "./catalogue";
import { MAX_IT_COST_NOK } from "./limits";
import { textSchema } from "../text/schemas";

export const MAX_COST_LINES = 2_000;
export const MAX_COMMENT_LENGTH = 500;

/** One line of a cost report: what an IT service cost, of one cost type, optionally on one fagsystem. */
export const CostLineSchema = z.object({
  service: z.enum(IT_SERVICES),
  costType: z.enum(COST_TYPES),
  systemId: z.number().int().positive().nullable(),
  amount: z.number().int().min(0).max(MAX_IT_COST_NOK),
  comment: textSchema(MAX_COMMENT_LENGTH).nullable(),
});
export type CostLine = z.infer<typeof CostLineSchema>;

const ReasonSchema = textSchema(MAX_COMMENT_LENGTH, { min: 3 });

/** A figure from the register or SSB replaced for this report, with the reason why. */
const OverrideSchema = z.object({ value: z.number().int().positive().max(MAX_IT_COST_NOK), reason: ReasonSchema });

export const CostReportInputSchema = z.object({
  /** 4 digits for a municipality, 9 for an IT cooperative. */
  municipalityNumber: z.string().regex(/^(\d{4}|\d{9})$/),
  year: z.number().int().min(MIN_YEAR).max(MAX_YEAR),
  /** The version the user read; null when creating the report. */
  expectedVersion: z.number().int().min(0).nullable(),
  lines: z.array(CostLineSchema).max(MAX_COST_LINES),
  itUserAccounts: z.number().int().min(0).max(10_000_000).nullable(),
  /** Employees in full-time equivalents, one decimal. */
  employeesFte: z.number().min(0).max(1_000_000).multipleOf(0.1).nullable(),
  populationOverride: OverrideSchema.nullable(),
  grossOperatingExpenditureOverride: OverrideSchema.nullable(),
  /** Explanations of plausibility warnings, keyed by warning key. */
  warningComments: z.record(z.string().max(60), textSchema(MAX_COMMENT_LENGTH)),
  /** Only an IT cooperative's report: how its costs are divided between its members. */
  allocation: z
    .object({
      key: z.enum(ALLOCATION_KEYS),
      /** For fixed shares: member municipality number → basis points (1/100 %), adding up to 10 000. */
      shares: z.record(z.string().regex(/^\d{4}$/), z.number().int().min(0).max(FULL_SHARE)).nullable(),
    })
    .nullable()
    .default(null),
});
export type CostReportInput = z.infer<typeof CostReportInputSchema>;

/** The key a line is unique by: one amount per service, cost type and fagsystem. */
export function costLineKey(line: Pick<CostLine, "service" | "costType" | "systemId">): string {
  return `${line.service}|${line.costType}|${line.systemId ?? ""}`;
}

export interface LineIssue {
  readonly path: readonly (string | number)[];
  readonly code: "DUPLICATE_LINE" | "UNKNOWN_SYSTEM";
  readonly params: Readonly<Record<string, string | number>>;
}

/** Problems zod cannot see: two lines with one key, or a fagsystem that is not the organisation's. */
export function checkCostLines(lines: readonly CostLine[], systemIds: ReadonlySet<number>): LineIssue[] {
  const issues: LineIssue[] = [];
  const first = new Map<string, number>();
  lines.forEach((line, index) => {
    const key = costLineKey(line);
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, index);
    else issues.push({ path: ["lines", index, "service"], code: "DUPLICATE_LINE", params: { row: index + 1, firstRow: earlier + 1 } });
    if (line.systemId !== null && !systemIds.has(line.systemId)) {
      issues.push({ path: ["lines", index, "systemId"], code: "UNKNOWN_SYSTEM", params: { row: index + 1 } });
    }
  });
  return issues;
}

export interface CostTotals {
  readonly total: number;
  readonly byService: Readonly<Record<ItService, number>>;
  readonly byCostType: Readonly<Record<CostType, number>>;
  /** Only classes with at least one line on a fagsystem of that class. */
  readonly bySystemClass: Readonly<Partial<Record<SystemClass, number>>>;
  readonly bySystem: ReadonlyMap<number, number>;
}

function zeros<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}

/** Totals per service, cost type, fagsystem and fagsystem class, as the form shows them while typing. */
export function costTotals(
  lines: readonly Pick<CostLine, "service" | "costType" | "systemId" | "amount">[],
  classOfSystem: ReadonlyMap<number, SystemClass> = new Map(),
): CostTotals {
  const byService = zeros(IT_SERVICES);
  const byCostType = zeros(COST_TYPES);
  const bySystemClass: Partial<Record<SystemClass, number>> = {};
  const bySystem = new Map<number, number>();
  let total = 0;
  for (const line of lines) {
    total += line.amount;
    byService[line.service] += line.amount;
    byCostType[line.costType] += line.amount;
    if (line.systemId !== null) {
      bySystem.set(line.systemId, (bySystem.get(line.systemId) ?? 0) + line.amount);
      const systemClass = classOfSystem.get(line.systemId);
      if (systemClass) bySystemClass[systemClass] = (bySystemClass[systemClass] ?? 0) + line.amount;
    }
  }
  return { total, byService, byCostType, bySystemClass, bySystem };
}

/** What a report holds besides its lines, and the published denominators it is measured against. */
export interface ReportFigures {
  readonly lines: readonly Pick<CostLine, "service" | "costType" | "systemId" | "amount">[];
  readonly itUserAccounts: number | null;
  readonly population: number | null;
  readonly grossOperatingExpenditure: number | null;
}

/**
 * The components a report gives, with the same rules the read model uses: a report with lines has
 * a cost for every service (0 without lines), but a fagsystem class only where a line is tied to it.
 */
export function reportComponents(
  figures: ReportFigures,
  classOfSystem: ReadonlyMap<number, SystemClass>,
): Partial<Record<ComponentCode, number>> {
  const totals = costTotals(figures.lines, classOfSystem);
  const components: Partial<Record<ComponentCode, number>> = {};
  if (figures.lines.length > 0) {
    components.itCostTotal = totals.total;
    for (const service of IT_SERVICES) components[`serviceCost.${service}`] = totals.byService[service];
    for (const [systemClass, amount] of Object.entries(totals.bySystemClass) as [SystemClass, number][]) {
      components[`classCost.${systemClass}`] = amount;
    }
  }
  if (figures.itUserAccounts !== null) components.itUserAccounts = figures.itUserAccounts;
  if (figures.population !== null) components.population = figures.population;
  if (figures.grossOperatingExpenditure !== null) components.grossOperatingExpenditure = figures.grossOperatingExpenditure;
  return components;
}

/** Every indicator's value for a report as it stands (null: a component is missing). */
export function reportIndicatorValues(
  figures: ReportFigures,
  classOfSystem: ReadonlyMap<number, SystemClass>,
): { readonly code: IndicatorCode; readonly value: number | null }[] {
  const components = reportComponents(figures, classOfSystem);
  return INDICATORS.map((indicator) => ({
    code: indicator.code,
    value: computeIndicatorValue(indicator, components[indicator.numerator] ?? null, components[indicator.denominator] ?? null),
  }));
}
