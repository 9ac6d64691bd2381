import { and, between, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type { ComponentCode, ComponentRow, IndicatorDefinition } from "@malestokk/domain";
import { INDICATORS, QUALITY_COMPONENT_CODES, type QualityComponentCode } from "@malestokk/domain";

import type { DbOrTx } from "../client";
import { allocatedComponents } from "./allocations";
import { bumpDataVersion, bumpDraftVersion } from "./counters";
import { loadQualityComponents } from "./quality-components";
import { preparedQuery } from "./prepared";
import { revisionRecorder } from "./revisions";
import { costLines, costReports, indicatorValues, organisations, publishedFigureTables, systems } from "../schema/index";

type Status = "draft" | "submitted" | "returned" | "approved";
// A returned report is back with finance: as unapproved as a draft.
const STATUS_RANK: Record<Status, number> = { draft: 0, returned: 0, submitted: 1, approved: 2 };

interface ComponentValue {
  readonly organisationId: number;
  readonly year: number;
  readonly value: number;
  readonly isDemo: boolean;
  readonly status: Status;
}

interface Scope {
  readonly organisationId: number;
  readonly year: number;
}

function isQualityComponent(code: ComponentCode): code is QualityComponentCode {
  return (QUALITY_COMPONENT_CODES as readonly string[]).includes(code);
}

/** The read model knows draft, submitted and approved; a returned report reads as a draft. */
function readStatus(status: Status): "draft" | "submitted" | "approved" {
  return status === "returned" ? "draft" : status;
}

const key = (organisationId: number, year: number) => `${organisationId}:${year}`;

function scoped(scope: Scope | null) {
  return scope ? and(eq(costReports.organisationId, scope.organisationId), eq(costReports.year, scope.year)) : undefined;
}

const REPORT_FIELDS = {
  organisationId: costReports.organisationId,
  year: costReports.year,
  isDemo: costReports.isDemo,
  status: costReports.status,
};

/** Where each component is stored; one query per component, for one organisation-year or all. */
function loadComponent(db: DbOrTx, code: ComponentCode, scope: Scope | null): Map<string, ComponentValue> {
  let rows: ComponentValue[];
  if (isQualityComponent(code)) return new Map(loadQualityComponents(db, scope).get(code) ?? []);
  if (code === "itCostTotal") {
    rows = db
      .select({ ...REPORT_FIELDS, value: costReports.totalItCost })
      .from(costReports)
      .where(scoped(scope))
      .all();
  } else if (code === "itUserAccounts") {
    rows = db
      .select({ ...REPORT_FIELDS, value: sql<number>`${costReports.itUserAccounts}` })
      .from(costReports)
      .where(and(scoped(scope), isNotNull(costReports.itUserAccounts)))
      .all();
  } else if (code === "population" || code === "grossOperatingExpenditure") {
    const table = publishedFigureTables[code];
    rows = db
      .select({
        organisationId: table.organisationId,
        year: table.year,
        value: table.value,
        isDemo: table.isDemo,
        // SSB statistics (or the demo generator): published figures, never drafts.
        status: sql<Status>`'approved'`,
      })
      .from(table)
      .where(scope ? and(eq(table.organisationId, scope.organisationId), eq(table.year, scope.year)) : undefined)
      .all();
    // A report may replace the published figure (with a reason); the replacement is as approved as the report.
    const override = code === "population" ? costReports.populationOverride : costReports.grossOperatingExpenditureOverride;
    const overrides = db
      .select({ ...REPORT_FIELDS, value: sql<number>`${override}` })
      .from(costReports)
      .where(and(scoped(scope), isNotNull(override)))
      .all();
    const merged = new Map(rows.map((r) => [key(r.organisationId, r.year), r]));
    for (const o of overrides) merged.set(key(o.organisationId, o.year), o);
    return merged;
  } else if (code.startsWith("serviceCost.")) {
    // Every report with lines has every service: a service without lines cost 0.
    const service = code.slice("serviceCost.".length);
    rows = db
      .select({
        ...REPORT_FIELDS,
        value: sql<number>`sum(case when ${costLines.service} = ${service} then ${costLines.amount} else 0 end)`,
      })
      .from(costLines)
      .innerJoin(costReports, eq(costLines.reportId, costReports.id))
      .where(scoped(scope))
      .groupBy(costReports.id)
      .all();
  } else {
    // A class has a cost only where some line is tied to a fagsystem of that class.
    const systemClass = code.slice("classCost.".length);
    rows = db
      .select({ ...REPORT_FIELDS, value: sql<number>`sum(${costLines.amount})` })
      .from(costLines)
      .innerJoin(costReports, eq(costLines.reportId, costReports.id))
      .innerJoin(systems, eq(costLines.systemId, systems.id))
      .where(and(scoped(scope), sql`${systems.systemClass} = ${systemClass}`))
      .groupBy(costReports.id)
      .all();
  }
  return new Map(rows.map((r) => [key(r.organisationId, r.year), r]));
}

/**
 * Recomputes the read model from the entry tables, for one organisation-year (after a save) or
 * for everything (after a seed or import): one row per indicator whose components are both
 * present; none, meaning missing, otherwise.
 */
export function recomputeIndicatorValues(
  db: DbOrTx,
  args: { scope: Scope | null; now: string; indicators?: readonly IndicatorDefinition[] },
): void {
  const { scope, now } = args;
  // What everyone reads in scope (approved values, or the last approved under correction), to tell afterwards whether it changed.
  const approvedInScope = () =>
    scope
      ? JSON.stringify(
          db
            .select(INDICATOR_VALUE_COLUMNS)
            .from(indicatorValues)
            .where(and(eq(indicatorValues.organisationId, scope.organisationId), eq(indicatorValues.year, scope.year)))
            .orderBy(indicatorValues.indicatorCode)
            .all()
            .flatMap((r) => {
              const read = readApproved(r);
              return read ? [[r.indicatorCode, read.numerator, read.denominator, read.isUnderCorrection]] : [];
            }),
        )
      : null;
  const approvedBefore = approvedInScope();
  const recordRevision = revisionRecorder(db, now);
  // One prepared statement run per row: about three times faster than multi-row inserts here.
  const insert = db
    .insert(indicatorValues)
    .values({
      indicatorCode: sql.placeholder("indicatorCode"),
      year: sql.placeholder("year"),
      organisationId: sql.placeholder("organisationId"),
      numerator: sql.placeholder("numerator"),
      denominator: sql.placeholder("denominator"),
      status: sql.placeholder("status"),
      isDemo: sql.placeholder("isDemo"),
      approvedNumerator: sql.placeholder("approvedNumerator"),
      approvedDenominator: sql.placeholder("approvedDenominator"),
      approvedIsDemo: sql.placeholder("approvedIsDemo"),
      computedAt: sql.placeholder("computedAt"),
    })
    .prepare();
  const components = new Map<ComponentCode, Map<string, ComponentValue>>();
  const allocated = allocatedComponents(db, scope);
  // A cooperative's costs reach the read model through its members only: never twice.
  const cooperatives = new Set(
    db
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.kind, "itCooperative"))
      .all()
      .map((o) => o.id),
  );
  // The quality components are computed together, once per recompute.
  let quality: ReturnType<typeof loadQualityComponents> | null = null;
  const load = (code: ComponentCode) => {
    let values = components.get(code);
    if (!values) {
      if (isQualityComponent(code)) {
        quality ??= loadQualityComponents(db, scope);
        values = new Map(quality.get(code) ?? []);
      } else values = loadComponent(db, code, scope);
      // A member's share of its IT cooperatives' approved costs is part of its own costs.
      for (const [k, share] of allocated) {
        const amount = share.components[code];
        if (amount === undefined) continue;
        const own = values.get(k);
        const [organisationId = 0, year = 0] = k.split(":").map(Number);
        values.set(
          k,
          own
            ? { ...own, value: own.value + amount, isDemo: own.isDemo || share.isDemo }
            : { organisationId, year, value: amount, isDemo: share.isDemo, status: "approved" },
        );
      }
      components.set(code, values);
    }
    return values;
  };
  for (const indicator of args.indicators ?? INDICATORS) {
    const numerators = load(indicator.numerator);
    const denominators = load(indicator.denominator);
    const inScope = scope
      ? and(
          eq(indicatorValues.indicatorCode, indicator.code),
          eq(indicatorValues.year, scope.year),
          eq(indicatorValues.organisationId, scope.organisationId),
        )
      : eq(indicatorValues.indicatorCode, indicator.code);
    // The figures as last approved, kept through a correction until the report is approved again.
    const lastApproved = new Map<string, { numerator: number; denominator: number; isDemo: boolean }>();
    for (const r of db.select(INDICATOR_VALUE_COLUMNS).from(indicatorValues).where(inScope).all()) {
      const read = readApproved(r);
      if (read) lastApproved.set(key(r.organisationId, r.year), read);
    }
    db.delete(indicatorValues).where(inScope).run();
    const rows = [];
    for (const [k, numerator] of numerators) {
      const denominator = denominators.get(k);
      if (!denominator || cooperatives.has(numerator.organisationId)) continue;
      rows.push({
        indicatorCode: indicator.code,
        year: numerator.year,
        organisationId: numerator.organisationId,
        numerator: numerator.value,
        denominator: denominator.value,
        isDemo: numerator.isDemo || denominator.isDemo,
        status: readStatus(STATUS_RANK[numerator.status] <= STATUS_RANK[denominator.status] ? numerator.status : denominator.status),
        computedAt: now,
      });
    }
    for (const row of rows) {
      const previous = lastApproved.get(key(row.organisationId, row.year));
      // A published value replaced by a new approval is kept as a revision (docs/open-data.md#revisions).
      if (row.status === "approved" && previous) recordRevision(indicator.code, row, previous);
      const kept = row.status === "approved" ? undefined : previous;
      insert.run({
        ...row,
        isDemo: row.isDemo ? 1 : 0,
        approvedNumerator: kept?.numerator ?? null,
        approvedDenominator: kept?.denominator ?? null,
        approvedIsDemo: kept ? (kept.isDemo ? 1 : 0) : null,
      });
    }
  }
  // What everyone sees changed only if the approved values did; a draft concerns its own readers.
  if (!scope || approvedInScope() !== approvedBefore) bumpDataVersion(db);
  else bumpDraftVersion(db, scope.organisationId);
}

export interface IndicatorValueRow extends ComponentRow {
  readonly isDemo: boolean;
  readonly status: "draft" | "submitted" | "approved";
  /** The last approved figure of a report being corrected, read by those who may not see the correction. */
  readonly isUnderCorrection: boolean;
}

/** The stored columns of the read model, with the values as last approved. */
export const INDICATOR_VALUE_COLUMNS = {
  indicatorCode: indicatorValues.indicatorCode,
  organisationId: indicatorValues.organisationId,
  year: indicatorValues.year,
  numerator: indicatorValues.numerator,
  denominator: indicatorValues.denominator,
  isDemo: indicatorValues.isDemo,
  status: indicatorValues.status,
  approvedNumerator: indicatorValues.approvedNumerator,
  approvedDenominator: indicatorValues.approvedDenominator,
  approvedIsDemo: indicatorValues.approvedIsDemo,
};

type StoredRow = Omit<IndicatorValueRow, "isUnderCorrection"> & {
  readonly approvedNumerator: number | null;
  readonly approvedDenominator: number | null;
  readonly approvedIsDemo: boolean | null;
};

/**
 * What a reader who may not see the organisation's drafts reads of a stored row: the approved
 * value, or while a report is corrected the value as last approved, or nothing.
 */
export function readApproved<R extends StoredRow>(r: R): (ComponentRow & { isDemo: boolean; isUnderCorrection: boolean }) | null {
  if (r.status === "approved")
    return {
      organisationId: r.organisationId,
      year: r.year,
      numerator: r.numerator,
      denominator: r.denominator,
      isDemo: r.isDemo,
      isUnderCorrection: false,
    };
  if (r.approvedNumerator === null || r.approvedDenominator === null) return null;
  return {
    organisationId: r.organisationId,
    year: r.year,
    numerator: r.approvedNumerator,
    denominator: r.approvedDenominator,
    isDemo: r.approvedIsDemo ?? false,
    isUnderCorrection: true,
  };
}

/** Whose values a reader may see before they are approved (docs/indicators.md#general-rules). */
export type DraftVisibility = { readonly all: true } | { readonly all: false; readonly organisationIds: ReadonlySet<number> };

/**
 * Every organisation's components of one indicator for the given years (benchmark input): approved
 * values, or drafts for the organisations the reader may see drafts of. Where a reader may not see
 * the draft of a report under correction, the value as last approved, marked `isUnderCorrection`.
 */
export function listIndicatorValues(
  db: DbOrTx,
  indicatorCode: string,
  years: readonly number[],
  drafts: DraftVisibility = { all: false, organisationIds: new Set() },
): IndicatorValueRow[] {
  if (years.length === 0) return [];
  const wanted = new Set(years);
  // Prepared once and filtered here: building the SQL per call cost as much as reading the rows.
  return valuesOfIndicator(db)
    .all({ indicatorCode, from: Math.min(...years), to: Math.max(...years) })
    .flatMap((r): IndicatorValueRow[] => {
      const row = wanted.has(r.year) ? visibleRow(r, drafts) : null;
      return row ? [row] : [];
    });
}

/** A stored row as the reader sees it: approved, a draft they may see, the value as last approved, or nothing. */
function visibleRow(r: StoredRow, drafts: DraftVisibility): IndicatorValueRow | null {
  if (drafts.all || r.status === "approved" || drafts.organisationIds.has(r.organisationId))
    return { ...withoutApproved(r), isUnderCorrection: false };
  const read = readApproved(r);
  return read ? { ...read, status: "approved" as const } : null;
}

/**
 * Several indicators' components for the given years in one query (the sector's headline trends):
 * what `listIndicatorValues` gives for each code, with the code on each row.
 */
export function listIndicatorValuesOfCodes(
  db: DbOrTx,
  indicatorCodes: readonly string[],
  years: readonly number[],
  drafts: DraftVisibility = { all: false, organisationIds: new Set() },
): (IndicatorValueRow & { indicatorCode: string })[] {
  if (years.length === 0 || indicatorCodes.length === 0) return [];
  const wanted = new Set(years);
  return db
    .select(INDICATOR_VALUE_COLUMNS)
    .from(indicatorValues)
    .where(
      and(
        inArray(indicatorValues.indicatorCode, [...indicatorCodes]),
        between(indicatorValues.year, Math.min(...years), Math.max(...years)),
      ),
    )
    .all()
    .flatMap((r): (IndicatorValueRow & { indicatorCode: string })[] => {
      const row = wanted.has(r.year) ? visibleRow(r, drafts) : null;
      return row ? [{ ...row, indicatorCode: r.indicatorCode }] : [];
    });
}

function withoutApproved(r: StoredRow): Omit<IndicatorValueRow, "isUnderCorrection"> {
  return {
    organisationId: r.organisationId,
    year: r.year,
    numerator: r.numerator,
    denominator: r.denominator,
    isDemo: r.isDemo,
    status: r.status,
  };
}

const valuesOfIndicator = preparedQuery((db) =>
  db
    .select(INDICATOR_VALUE_COLUMNS)
    .from(indicatorValues)
    .where(
      and(
        eq(indicatorValues.indicatorCode, sql.placeholder("indicatorCode")),
        between(indicatorValues.year, sql.placeholder("from"), sql.placeholder("to")),
      ),
    )
    .prepare(),
);

export function hasDemoData(db: DbOrTx): boolean {
  return db.select({ x: indicatorValues.year }).from(indicatorValues).where(eq(indicatorValues.isDemo, true)).limit(1).all().length > 0;
}

/** When an organisation's value of an indicator was last computed (its freshness), or null. */
export function listIndicatorComputedAt(db: DbOrTx, indicatorCode: string, organisationId: number, year: number): string | null {
  return (
    db
      .select({ at: indicatorValues.computedAt })
      .from(indicatorValues)
      .where(
        and(
          eq(indicatorValues.indicatorCode, indicatorCode),
          eq(indicatorValues.organisationId, organisationId),
          eq(indicatorValues.year, year),
        ),
      )
      .get()?.at ?? null
  );
}
