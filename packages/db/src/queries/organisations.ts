import { and, asc, count, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { APPROXIMATE_KOSTRA_SOURCE, type OfficialName, type WrittenStandard } from "@malestokk/domain";

import type { DbOrTx } from "../client";
import { organisations, populations, publishedFigureTables } from "../schema/index";
import { preparedQuery } from "./prepared";

export interface MunicipalityListItem {
  readonly id: number;
  readonly number: string;
  readonly name: string;
  readonly altName: string | null;
  /** Every official name with its language, in KLASS 131's order; the Norwegian name alone where there is one. */
  readonly officialNames: readonly OfficialName[];
  /** The official written standard (målform); null where unknown. */
  readonly writtenStandard: WrittenStandard | null;
  readonly countyNumber: string;
  readonly countyName: string;
  readonly kostraGroup: string | null;
  readonly kostraGroupName: string | null;
  readonly kostraGroupSource: string | null;
  /** True while the group is the built-in stand-in, not one imported from KLASS. */
  readonly kostraGroupApproximate: boolean;
}

/** Every name in the register, official Sámi and Kven names included: words a password must not be made of. */
export function listOrganisationNames(db: DbOrTx): string[] {
  return db
    .select({ name: organisations.name, altName: organisations.altName })
    .from(organisations)
    .all()
    .flatMap((row) => (row.altName ? [row.name, row.altName] : [row.name]));
}

/** All municipalities (not counties) with their county's name, ordered by number. */
export function listMunicipalities(db: DbOrTx): MunicipalityListItem[] {
  const counties = new Map(
    db
      .select({ number: organisations.number, name: organisations.name })
      .from(organisations)
      .where(eq(organisations.kind, "county"))
      .all()
      .map((c) => [c.number, c.name] as const),
  );
  return db
    .select({
      id: organisations.id,
      number: organisations.number,
      name: organisations.name,
      altName: organisations.altName,
      officialNames: organisations.officialNames,
      writtenStandard: organisations.writtenStandard,
      countyNumber: organisations.countyNumber,
      kostraGroup: organisations.kostraGroup,
      kostraGroupName: organisations.kostraGroupName,
      kostraGroupSource: organisations.kostraGroupSource,
    })
    .from(organisations)
    .where(eq(organisations.kind, "municipality"))
    .orderBy(asc(organisations.number))
    .all()
    .map((m) => ({
      ...m,
      officialNames: officialNamesOf(m),
      countyName: counties.get(m.countyNumber) ?? m.countyNumber,
      kostraGroupApproximate: isApproximateSource(m.kostraGroupSource),
    }));
}

/** The names a row keeps, or its one Norwegian name (a unit without Sámi or Kven names). */
function officialNamesOf(row: { readonly name: string; readonly officialNames: readonly OfficialName[] | null }): readonly OfficialName[] {
  return row.officialNames ?? [{ name: row.name, language: "no" }];
}

function isApproximateSource(source: string | null): boolean {
  return source === APPROXIMATE_KOSTRA_SOURCE;
}

const municipalityByNumber = preparedQuery((db) => {
  const county = alias(organisations, "county");
  return db
    .select({
      id: organisations.id,
      number: organisations.number,
      name: organisations.name,
      altName: organisations.altName,
      officialNames: organisations.officialNames,
      writtenStandard: organisations.writtenStandard,
      countyNumber: organisations.countyNumber,
      countyName: sql<string>`coalesce(${county.name}, ${organisations.countyNumber})`,
      kostraGroup: organisations.kostraGroup,
      kostraGroupName: organisations.kostraGroupName,
      kostraGroupSource: organisations.kostraGroupSource,
    })
    .from(organisations)
    .leftJoin(county, and(eq(county.number, organisations.countyNumber), eq(county.kind, "county")))
    .where(and(eq(organisations.number, sql.placeholder("number")), eq(organisations.kind, "municipality")))
    .prepare();
});

export function getMunicipalityByNumber(db: DbOrTx, number: string): MunicipalityListItem | null {
  const row = municipalityByNumber(db).get({ number }) ?? null;
  return row ? { ...row, officialNames: officialNamesOf(row), kostraGroupApproximate: isApproximateSource(row.kostraGroupSource) } : null;
}

/** A unit that reports costs: a municipality, or an IT cooperative (9-digit organisation number). */
export interface ReportingUnit extends MunicipalityListItem {
  readonly kind: "municipality" | "itCooperative";
}

export function getReportingUnitByNumber(db: DbOrTx, number: string): ReportingUnit | null {
  const municipality = getMunicipalityByNumber(db, number);
  if (municipality) return { ...municipality, kind: "municipality" };
  const cooperative = db
    .select({ id: organisations.id, number: organisations.number, name: organisations.name, countyNumber: organisations.countyNumber })
    .from(organisations)
    .where(and(eq(organisations.number, number), eq(organisations.kind, "itCooperative")))
    .get();
  if (!cooperative) return null;
  return {
    ...cooperative,
    kind: "itCooperative",
    altName: null,
    officialNames: [{ name: cooperative.name, language: "no" }],
    writtenStandard: null,
    countyName: cooperative.countyNumber,
    kostraGroup: null,
    kostraGroupName: null,
    kostraGroupSource: null,
    kostraGroupApproximate: false,
  };
}

/** The written standard of the first of these organisations that has one (a user's municipalities, in grant order). */
export function getFirstWrittenStandard(db: DbOrTx, organisationIds: readonly number[]): WrittenStandard | null {
  if (organisationIds.length === 0) return null;
  const rows = db
    .select({ id: organisations.id, writtenStandard: organisations.writtenStandard })
    .from(organisations)
    .where(inArray(organisations.id, [...organisationIds]))
    .all();
  const byId = new Map(rows.map((row) => [row.id, row.writtenStandard]));
  for (const id of organisationIds) {
    const standard = byId.get(id);
    if (standard) return standard;
  }
  return null;
}

export function countOrganisations(db: DbOrTx): number {
  return db.select({ n: count() }).from(organisations).get()?.n ?? 0;
}

export function getPopulation(db: DbOrTx, organisationId: number, year: number): number | null {
  const row = db
    .select({ value: populations.value })
    .from(populations)
    .where(and(eq(populations.organisationId, organisationId), eq(populations.year, year)))
    .get();
  return row?.value ?? null;
}

/** A published figure (population, gross operating expenditure) with where it came from. */
export function getPublishedFigure(
  db: DbOrTx,
  measure: keyof typeof publishedFigureTables,
  organisationId: number,
  year: number,
): { value: number; source: string; isDemo: boolean } | null {
  const table = publishedFigureTables[measure];
  return (
    db
      .select({ value: table.value, source: table.source, isDemo: table.isDemo })
      .from(table)
      .where(and(eq(table.organisationId, organisationId), eq(table.year, year)))
      .get() ?? null
  );
}

/** Each municipality's most recent population, for size-class peer groups. */
export function listLatestPopulations(db: DbOrTx): Map<number, number> {
  const rows = db
    .select({ organisationId: populations.organisationId, year: populations.year, value: populations.value })
    .from(populations)
    .all();
  const latest = new Map<number, { year: number; value: number }>();
  for (const row of rows) {
    const current = latest.get(row.organisationId);
    if (!current || row.year > current.year) latest.set(row.organisationId, row);
  }
  return new Map([...latest].map(([id, { value }]) => [id, value]));
}

export interface PopulationFact {
  readonly year: number;
  readonly value: number;
  readonly source: string;
  readonly isDemo: boolean;
  readonly updatedAt: string;
}

/** One municipality's population by year, each with where it came from. */
export function listPopulationFacts(db: DbOrTx, organisationId: number): PopulationFact[] {
  return db
    .select({
      year: populations.year,
      value: populations.value,
      source: populations.source,
      isDemo: populations.isDemo,
      updatedAt: populations.updatedAt,
    })
    .from(populations)
    .where(eq(populations.organisationId, organisationId))
    .orderBy(asc(populations.year))
    .all();
}

/** Each municipality's land area in km², where known (the density's denominator in peer suggestions). */
export function listMunicipalityAreas(db: DbOrTx): Map<number, number> {
  const rows = db
    .select({ id: organisations.id, area: organisations.areaKm2 })
    .from(organisations)
    .where(eq(organisations.kind, "municipality"))
    .all();
  return new Map(rows.flatMap((r) => (r.area !== null && r.area > 0 ? [[r.id, r.area] as const] : [])));
}

/** Whether the organisation requires four eyes: the one who submitted a report may not approve it. */
export function isFourEyesRequired(db: DbOrTx, organisationId: number): boolean {
  return (
    db.select({ on: organisations.requireFourEyes }).from(organisations).where(eq(organisations.id, organisationId)).get()?.on ?? false
  );
}

/** Every organisation that requires four eyes, by number. */
export function listFourEyesOrganisations(db: DbOrTx): { id: number; number: string; name: string }[] {
  return db
    .select({ id: organisations.id, number: organisations.number, name: organisations.name })
    .from(organisations)
    .where(eq(organisations.requireFourEyes, true))
    .orderBy(asc(organisations.number))
    .all();
}

/** Turns four eyes on or off for one organisation; false when there is no such organisation. */
export function setFourEyesRequired(db: DbOrTx, organisationId: number, on: boolean): boolean {
  return db.update(organisations).set({ requireFourEyes: on }).where(eq(organisations.id, organisationId)).run().changes > 0;
}
