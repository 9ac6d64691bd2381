import { and, asc, eq, inArray, isNotNull, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { BenefitInput, BenefitMap, ProjectFields } from "@malestokk/domain";

import type { DbOrTx } from "../client";
import { readApproved, INDICATOR_VALUE_COLUMNS } from "./indicators";
import {
  benefitMeasurements,
  benefits,
  benefitTargets,
  indicatorValues,
  localPlans,
  organisations,
  projectParticipants,
  projects,
  roleAssignments,
  users,
} from "../schema/index";

export interface ProjectRow extends ProjectFields {
  readonly id: number;
  readonly ownerOrganisationId: number;
  readonly ownerNumber: string;
  readonly ownerName: string;
  readonly benefitMap: BenefitMap;
  readonly isDemo: boolean;
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** The municipalities that accepted: those taking part (ADR 008). */
  readonly participants: readonly { id: number; number: string; name: string }[];
}

const owner = alias(organisations, "owner");
const accepted = eq(projectParticipants.status, "accepted");

function projectRows(db: DbOrTx, where: SQL | undefined): ProjectRow[] {
  const rows = db
    .select({
      id: projects.id,
      ownerOrganisationId: projects.ownerOrganisationId,
      ownerNumber: owner.number,
      ownerName: owner.name,
      name: projects.name,
      description: projects.description,
      sector: projects.sector,
      phase: projects.phase,
      benefitMap: projects.benefitMap,
      isDemo: projects.isDemo,
      version: projects.version,
      createdAt: projects.createdAt,
      updatedAt: projects.updatedAt,
    })
    .from(projects)
    .innerJoin(owner, eq(owner.id, projects.ownerOrganisationId))
    .where(where)
    .orderBy(asc(projects.name), asc(projects.id))
    .all();
  if (rows.length === 0) return [];
  const participants = db
    .select({ projectId: projectParticipants.projectId, id: organisations.id, number: organisations.number, name: organisations.name })
    .from(projectParticipants)
    .innerJoin(organisations, eq(organisations.id, projectParticipants.organisationId))
    .where(
      and(
        inArray(
          projectParticipants.projectId,
          rows.map((r) => r.id),
        ),
        accepted,
      ),
    )
    .orderBy(asc(organisations.number))
    .all();
  return rows.map((r) => ({
    ...r,
    benefitMap: JSON.parse(r.benefitMap) as BenefitMap,
    participants: participants.filter((p) => p.projectId === r.id).map(({ id, number, name }) => ({ id, number, name })),
  }));
}

export function getProject(db: DbOrTx, id: number): ProjectRow | null {
  return projectRows(db, eq(projects.id, id))[0] ?? null;
}

/** Projects an organisation owns or takes part in (accepted; an invitation is not taking part). */
export function listProjectsOf(db: DbOrTx, organisationId: number): ProjectRow[] {
  const joined = db
    .select({ id: projectParticipants.projectId })
    .from(projectParticipants)
    .where(and(eq(projectParticipants.organisationId, organisationId), accepted));
  return projectRows(db, or(eq(projects.ownerOrganisationId, organisationId), inArray(projects.id, joined)));
}

export function listAllProjects(db: DbOrTx): ProjectRow[] {
  return projectRows(db, undefined);
}

/**
 * Who owns a project, who takes part (accepted) and who adopted it as a joint solution (issue 26), for the
 * access check before anything else is read.
 */
export function getProjectAccess(
  db: DbOrTx,
  id: number,
): { ownerOrganisationId: number; participantIds: number[]; adopterIds: number[] } | null {
  const row = db.select({ ownerOrganisationId: projects.ownerOrganisationId }).from(projects).where(eq(projects.id, id)).get();
  if (!row) return null;
  const participantIds = db
    .select({ id: projectParticipants.organisationId })
    .from(projectParticipants)
    .where(and(eq(projectParticipants.projectId, id), accepted))
    .all()
    .map((p) => p.id);
  const adopterIds = db
    .select({ id: localPlans.organisationId })
    .from(localPlans)
    .where(eq(localPlans.projectId, id))
    .all()
    .map((p) => p.id);
  return { ownerOrganisationId: row.ownerOrganisationId, participantIds, adopterIds };
}

export function insertProject(
  db: DbOrTx,
  args: { ownerOrganisationId: number; fields: ProjectFields; isDemo?: boolean; now: string },
): number {
  return db
    .insert(projects)
    .values({
      ownerOrganisationId: args.ownerOrganisationId,
      ...args.fields,
      isDemo: args.isDemo ?? false,
      createdAt: args.now,
      updatedAt: args.now,
    })
    .returning({ id: projects.id })
    .get().id;
}

/** Writes only from the version read: false when someone else saved in between. */
export function updateProject(
  db: DbOrTx,
  args: { id: number; expectedVersion: number; fields?: ProjectFields; benefitMap?: BenefitMap; now: string },
): boolean {
  const changed = db
    .update(projects)
    .set({
      ...(args.fields ?? {}),
      ...(args.benefitMap ? { benefitMap: JSON.stringify(args.benefitMap) } : {}),
      version: sql`${projects.version} + 1`,
      updatedAt: args.now,
    })
    .where(and(eq(projects.id, args.id), eq(projects.version, args.expectedVersion)))
    .run().changes;
  return changed > 0;
}

export function deleteProject(db: DbOrTx, id: number): void {
  db.delete(projects).where(eq(projects.id, id)).run();
}

/** Marks a project changed (its plan differs from the approved version) without touching its fields. */
export function touchProject(db: DbOrTx, id: number, now: string): void {
  db.update(projects)
    .set({ version: sql`${projects.version} + 1`, updatedAt: now })
    .where(eq(projects.id, id))
    .run();
}

export interface BenefitRow extends Omit<BenefitInput, "targets" | "preconditionKeys" | "goalKeys"> {
  readonly id: number;
  readonly projectId: number;
  readonly targets: { value: number; date: string }[];
  readonly preconditionKeys: string[];
  readonly goalKeys: string[];
  readonly measurements: MeasurementRow[];
  readonly isDemo: boolean;
  readonly version: number;
  readonly updatedAt: string;
}

export interface MeasurementRow {
  readonly id: number;
  readonly value: number;
  readonly date: string;
  readonly comment: string | null;
  readonly recordedByName: string;
  readonly recordedAt: string;
}

/** The benefits of the given projects with their targets and hand-entered measurements, oldest first. */
export function listBenefits(db: DbOrTx, projectIds: readonly number[]): BenefitRow[] {
  if (projectIds.length === 0) return [];
  const rows = db
    .select()
    .from(benefits)
    .where(inArray(benefits.projectId, [...projectIds]))
    .orderBy(asc(benefits.id))
    .all();
  return withDetails(db, rows);
}

export function getBenefit(db: DbOrTx, projectId: number, id: number): BenefitRow | null {
  const rows = db
    .select()
    .from(benefits)
    .where(and(eq(benefits.id, id), eq(benefits.projectId, projectId)))
    .all();
  return withDetails(db, rows)[0] ?? null;
}

/** Benefits owned by one user (their follow-up list). */
export function listBenefitsOwnedBy(db: DbOrTx, userId: number): BenefitRow[] {
  return withDetails(db, db.select().from(benefits).where(eq(benefits.ownerUserId, userId)).orderBy(asc(benefits.id)).all());
}

function withDetails(db: DbOrTx, rows: (typeof benefits.$inferSelect)[]): BenefitRow[] {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const targets = db.select().from(benefitTargets).where(inArray(benefitTargets.benefitId, ids)).orderBy(asc(benefitTargets.dueDate)).all();
  const measurements = db
    .select()
    .from(benefitMeasurements)
    .where(inArray(benefitMeasurements.benefitId, ids))
    .orderBy(asc(benefitMeasurements.measuredOn), asc(benefitMeasurements.id))
    .all();
  return rows.map((r) => ({
    id: r.id,
    projectId: r.projectId,
    title: r.title,
    description: r.description,
    ownerName: r.ownerName,
    ownerUserId: r.ownerUserId,
    type: r.type,
    valuation: r.valuation,
    annualValueNok: r.annualValueNok,
    cash: r.cash,
    quantitative: r.quantitative,
    disBenefit: r.disBenefit,
    indicator: { name: r.indicatorName, unit: r.unit, direction: r.direction, method: r.method, frequency: r.frequency },
    linkedIndicatorCode: r.linkedIndicatorCode,
    baseline: { value: r.baselineValue, date: r.baselineDate },
    targets: targets.filter((t) => t.benefitId === r.id).map((t) => ({ value: t.value, date: t.dueDate })),
    preconditionKeys: JSON.parse(r.preconditionKeys) as string[],
    goalKeys: JSON.parse(r.goalKeys) as string[],
    measurements: measurements
      .filter((m) => m.benefitId === r.id)
      .map((m) => ({
        id: m.id,
        value: m.value,
        date: m.measuredOn,
        comment: m.comment,
        recordedByName: m.recordedByName,
        recordedAt: m.recordedAt,
      })),
    isDemo: r.isDemo,
    version: r.version,
    updatedAt: r.updatedAt,
  }));
}

function benefitColumns(input: BenefitInput) {
  return {
    title: input.title,
    description: input.description,
    ownerName: input.ownerName,
    ownerUserId: input.ownerUserId,
    type: input.type,
    valuation: input.valuation,
    annualValueNok: input.annualValueNok,
    cash: input.cash,
    quantitative: input.quantitative,
    disBenefit: input.disBenefit,
    indicatorName: input.indicator.name,
    unit: input.indicator.unit,
    direction: input.indicator.direction,
    method: input.indicator.method,
    frequency: input.indicator.frequency,
    linkedIndicatorCode: input.linkedIndicatorCode,
    baselineValue: input.baseline.value,
    baselineDate: input.baseline.date,
    preconditionKeys: JSON.stringify(input.preconditionKeys),
    goalKeys: JSON.stringify(input.goalKeys),
  };
}

function replaceTargets(db: DbOrTx, benefitId: number, targets: BenefitInput["targets"]): void {
  db.delete(benefitTargets).where(eq(benefitTargets.benefitId, benefitId)).run();
  db.insert(benefitTargets)
    .values(targets.map((t) => ({ benefitId, dueDate: t.date, value: t.value })))
    .run();
}

export function insertBenefit(db: DbOrTx, args: { projectId: number; input: BenefitInput; isDemo?: boolean; now: string }): number {
  const id = db
    .insert(benefits)
    .values({
      projectId: args.projectId,
      ...benefitColumns(args.input),
      isDemo: args.isDemo ?? false,
      createdAt: args.now,
      updatedAt: args.now,
    })
    .returning({ id: benefits.id })
    .get().id;
  replaceTargets(db, id, args.input.targets);
  return id;
}

/** Replaces a benefit's fields and targets from the version read: false when someone saved in between. */
export function updateBenefit(
  db: DbOrTx,
  args: { projectId: number; id: number; expectedVersion: number; input: BenefitInput; now: string },
): boolean {
  const changed = db
    .update(benefits)
    .set({ ...benefitColumns(args.input), version: sql`${benefits.version} + 1`, updatedAt: args.now })
    .where(and(eq(benefits.id, args.id), eq(benefits.projectId, args.projectId), eq(benefits.version, args.expectedVersion)))
    .run().changes;
  if (changed === 0) return false;
  replaceTargets(db, args.id, args.input.targets);
  return true;
}

export function deleteBenefit(db: DbOrTx, projectId: number, id: number): void {
  db.delete(benefits)
    .where(and(eq(benefits.id, id), eq(benefits.projectId, projectId)))
    .run();
}

export function insertMeasurement(
  db: DbOrTx,
  args: { benefitId: number; value: number; date: string; comment: string | null; userId: number | null; userName: string; now: string },
): number {
  return db
    .insert(benefitMeasurements)
    .values({
      benefitId: args.benefitId,
      value: args.value,
      measuredOn: args.date,
      comment: args.comment,
      recordedByUserId: args.userId,
      recordedByName: args.userName,
      recordedAt: args.now,
    })
    .returning({ id: benefitMeasurements.id })
    .get().id;
}

export function deleteMeasurement(db: DbOrTx, benefitId: number, id: number): boolean {
  return (
    db
      .delete(benefitMeasurements)
      .where(and(eq(benefitMeasurements.id, id), eq(benefitMeasurements.benefitId, benefitId)))
      .run().changes > 0
  );
}

/**
 * An organisation's approved values of one indicator, by year: the measurements of a linked benefit.
 * A year whose report is being corrected keeps its value as last approved.
 */
export function listApprovedValuesOf(
  db: DbOrTx,
  indicatorCode: string,
  organisationId: number,
): { year: number; numerator: number; denominator: number }[] {
  return db
    .select(INDICATOR_VALUE_COLUMNS)
    .from(indicatorValues)
    .where(and(eq(indicatorValues.indicatorCode, indicatorCode), eq(indicatorValues.organisationId, organisationId)))
    .orderBy(asc(indicatorValues.year))
    .all()
    .flatMap((r) => {
      const read = readApproved(r);
      return read ? [{ year: read.year, numerator: read.numerator, denominator: read.denominator }] : [];
    });
}

/** People with a role in the organisation: who can be named owner of a benefit there (names, no addresses). */
export function listOrganisationPeople(db: DbOrTx, organisationId: number): { id: number; name: string }[] {
  return db
    .selectDistinct({ id: users.id, name: users.name })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(and(eq(roleAssignments.organisationId, organisationId), isNotNull(roleAssignments.organisationId), eq(users.disabled, false)))
    .orderBy(asc(users.name))
    .all();
}
