import { and, eq, inArray } from "drizzle-orm";
import type { ComponentCode, ComponentRow, IndicatorDefinition } from "@malestokk/domain";
import { INDICATORS } from "@malestokk/domain";

import type { DbOrTx } from "../client";
import { costReports, indicatorValues, populations } from "../schema/index";

interface ComponentValue {
  readonly organisationId: number;
  readonly year: number;
  readonly value: number;
  readonly isDemo: boolean;
}

interface Scope {
  readonly organisationId: number;
  readonly year: number;
}

const key = (organisationId: number, year: number) => `${organisationId}:${year}`;

/** Where each component is stored; one query per component, for one organisation-year or all. */
function loadComponent(db: DbOrTx, code: ComponentCode, scope: Scope | null): Map<string, ComponentValue> {
  let rows: ComponentValue[];
  switch (code) {
    case "itCostTotal": {
      const where = scope
        ? and(eq(costReports.organisationId, scope.organisationId), eq(costReports.year, scope.year))
        : undefined;
      rows = db
        .select({
          organisationId: costReports.organisationId,
          year: costReports.year,
          value: costReports.totalItCost,
          isDemo: costReports.isDemo,
        })
        .from(costReports)
        .where(where)
        .all();
      break;
    }
    case "population": {
      const where = scope
        ? and(eq(populations.organisationId, scope.organisationId), eq(populations.year, scope.year))
        : undefined;
      rows = db
        .select({
          organisationId: populations.organisationId,
          year: populations.year,
          value: populations.value,
          isDemo: populations.isDemo,
        })
        .from(populations)
        .where(where)
        .all();
      break;
    }
  }
  return new Map(rows.map((r) => [key(r.organisationId, r.year), r]));
}

const INSERT_CHUNK = 500;

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
  for (const indicator of args.indicators ?? INDICATORS) {
    const numerators = loadComponent(db, indicator.numerator, scope);
    const denominators = loadComponent(db, indicator.denominator, scope);
    db.delete(indicatorValues)
      .where(
        scope
          ? and(
              eq(indicatorValues.indicatorCode, indicator.code),
              eq(indicatorValues.year, scope.year),
              eq(indicatorValues.organisationId, scope.organisationId),
            )
          : eq(indicatorValues.indicatorCode, indicator.code),
      )
      .run();
    const rows = [];
    for (const [k, numerator] of numerators) {
      const denominator = denominators.get(k);
      if (!denominator) continue;
      rows.push({
        indicatorCode: indicator.code,
        year: numerator.year,
        organisationId: numerator.organisationId,
        numerator: numerator.value,
        denominator: denominator.value,
        isDemo: numerator.isDemo || denominator.isDemo,
        computedAt: now,
      });
    }
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      db.insert(indicatorValues).values(rows.slice(i, i + INSERT_CHUNK)).run();
    }
  }
}

export interface IndicatorValueRow extends ComponentRow {
  readonly isDemo: boolean;
}

/** Every organisation's components of one indicator for the given years (benchmark input). */
export function listIndicatorValues(db: DbOrTx, indicatorCode: string, years: readonly number[]): IndicatorValueRow[] {
  if (years.length === 0) return [];
  return db
    .select({
      organisationId: indicatorValues.organisationId,
      year: indicatorValues.year,
      numerator: indicatorValues.numerator,
      denominator: indicatorValues.denominator,
      isDemo: indicatorValues.isDemo,
    })
    .from(indicatorValues)
    .where(and(eq(indicatorValues.indicatorCode, indicatorCode), inArray(indicatorValues.year, [...years])))
    .all();
}

export function hasDemoData(db: DbOrTx): boolean {
  return db.select({ x: indicatorValues.year }).from(indicatorValues).where(eq(indicatorValues.isDemo, true)).limit(1).all().length > 0;
}
