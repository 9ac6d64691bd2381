import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { LocalBenefit, ProjectSector, TemplateBenefit, TemplateInput } from "@malestokk/domain";

import type { DbOrTx } from "../client";
import { localPlanMeasurements, localPlans, organisations, projects, projectTemplates, projectTemplateVersions } from "../schema/index";

// Joint solutions (issue 26): a joint project's template plan, its published versions, and the local plans of
// the municipalities that adopted it (docs/indicators.md#joint-solutions).

export interface TemplateDraftRow {
  readonly content: TemplateInput;
  readonly version: number;
  readonly updatedAt: string;
}

/** The template being edited; null before the first save. */
export function getTemplateDraft(db: DbOrTx, projectId: number): TemplateDraftRow | null {
  const row = db.select().from(projectTemplates).where(eq(projectTemplates.projectId, projectId)).get();
  return row ? { content: JSON.parse(row.content) as TemplateInput, version: row.version, updatedAt: row.updatedAt } : null;
}

/** Saves the draft: the first time with `expectedVersion` null, then only over the version read. False when stale. */
export function saveTemplateDraft(
  db: DbOrTx,
  args: { projectId: number; expectedVersion: number | null; content: TemplateInput; now: string },
): boolean {
  const content = JSON.stringify(args.content);
  if (args.expectedVersion === null) {
    const inserted = db
      .insert(projectTemplates)
      .values({ projectId: args.projectId, content, updatedAt: args.now })
      .onConflictDoNothing()
      .run();
    return inserted.changes === 1;
  }
  const updated = db
    .update(projectTemplates)
    .set({ content, updatedAt: args.now, version: sql`${projectTemplates.version} + 1` })
    .where(and(eq(projectTemplates.projectId, args.projectId), eq(projectTemplates.version, args.expectedVersion)))
    .run();
  return updated.changes === 1;
}

export interface TemplateVersionRow {
  readonly number: number;
  readonly benefits: TemplateBenefit[];
  readonly publishedByName: string;
  readonly publishedAt: string;
  readonly comment: string | null;
}

/** Published versions, newest first. */
export function listTemplateVersions(db: DbOrTx, projectId: number): TemplateVersionRow[] {
  return db
    .select()
    .from(projectTemplateVersions)
    .where(eq(projectTemplateVersions.projectId, projectId))
    .orderBy(desc(projectTemplateVersions.number))
    .all()
    .map((r) => ({
      number: r.number,
      benefits: (JSON.parse(r.content) as TemplateInput).benefits,
      publishedByName: r.publishedByName,
      publishedAt: r.publishedAt,
      comment: r.comment,
    }));
}

export function insertTemplateVersion(
  db: DbOrTx,
  args: { projectId: number; content: TemplateInput; byName: string; userId: number | null; comment: string | null; now: string },
): number {
  const last = db
    .select({ number: sql<number>`coalesce(max(${projectTemplateVersions.number}), 0)` })
    .from(projectTemplateVersions)
    .where(eq(projectTemplateVersions.projectId, args.projectId))
    .get();
  const number = (last?.number ?? 0) + 1;
  db.insert(projectTemplateVersions)
    .values({
      projectId: args.projectId,
      number,
      content: JSON.stringify(args.content),
      publishedByName: args.byName,
      publishedByUserId: args.userId,
      publishedAt: args.now,
      comment: args.comment,
    })
    .run();
  return number;
}

export interface PublishedSolutionRow {
  readonly projectId: number;
  readonly name: string;
  readonly sector: ProjectSector;
  readonly ownerOrganisationId: number;
  readonly ownerNumber: string;
  readonly ownerName: string;
  readonly latestVersion: number;
  readonly publishedAt: string;
}

/** Joint projects with a published template: what any municipality may adopt. */
export function listPublishedSolutions(db: DbOrTx, projectId?: number): PublishedSolutionRow[] {
  return db
    .select({
      projectId: projects.id,
      name: projects.name,
      sector: projects.sector,
      ownerOrganisationId: projects.ownerOrganisationId,
      ownerNumber: organisations.number,
      ownerName: organisations.name,
      latestVersion: sql<number>`max(${projectTemplateVersions.number})`,
      publishedAt: sql<string>`max(${projectTemplateVersions.publishedAt})`,
    })
    .from(projectTemplateVersions)
    .innerJoin(projects, eq(projects.id, projectTemplateVersions.projectId))
    .innerJoin(organisations, eq(organisations.id, projects.ownerOrganisationId))
    .where(projectId === undefined ? undefined : eq(projects.id, projectId))
    .groupBy(projects.id)
    .orderBy(asc(projects.name), asc(projects.id))
    .all();
}

export interface LocalPlanContent {
  readonly templateVersion: number;
  readonly inUseFrom: string;
  readonly benefits: LocalBenefit[];
}

export interface LocalPlanRow extends LocalPlanContent {
  readonly id: number;
  readonly projectId: number;
  readonly organisationId: number;
  readonly number: string;
  readonly name: string;
  readonly adoptedByName: string;
  readonly adoptedAt: string;
  readonly approved: (LocalPlanContent & { readonly byName: string; readonly at: string }) | null;
  readonly version: number;
  readonly updatedAt: string;
}

function localPlanRows(db: DbOrTx, where: ReturnType<typeof eq>): LocalPlanRow[] {
  return db
    .select({ plan: localPlans, number: organisations.number, name: organisations.name })
    .from(localPlans)
    .innerJoin(organisations, eq(organisations.id, localPlans.organisationId))
    .where(where)
    .orderBy(asc(localPlans.adoptedAt), asc(organisations.number))
    .all()
    .map(({ plan, number, name }) => ({
      id: plan.id,
      projectId: plan.projectId,
      organisationId: plan.organisationId,
      number,
      name,
      templateVersion: plan.templateVersion,
      inUseFrom: plan.inUseFrom,
      benefits: JSON.parse(plan.benefits) as LocalBenefit[],
      adoptedByName: plan.adoptedByName,
      adoptedAt: plan.adoptedAt,
      approved:
        plan.approvedContent && plan.approvedByName && plan.approvedAt
          ? { ...(JSON.parse(plan.approvedContent) as LocalPlanContent), byName: plan.approvedByName, at: plan.approvedAt }
          : null,
      version: plan.version,
      updatedAt: plan.updatedAt,
    }));
}

/** Every local plan of a joint solution, in the order they were adopted. */
export function listLocalPlans(db: DbOrTx, projectId: number): LocalPlanRow[] {
  return localPlanRows(db, eq(localPlans.projectId, projectId));
}

/** The local plans of one municipality, across joint solutions. */
export function listLocalPlansOf(db: DbOrTx, organisationId: number): LocalPlanRow[] {
  return localPlanRows(db, eq(localPlans.organisationId, organisationId));
}

export function getLocalPlan(db: DbOrTx, projectId: number, organisationId: number): LocalPlanRow | null {
  return listLocalPlans(db, projectId).find((p) => p.organisationId === organisationId) ?? null;
}

export function insertLocalPlan(
  db: DbOrTx,
  args: { projectId: number; organisationId: number; content: LocalPlanContent; byName: string; isDemo?: boolean; now: string },
): number {
  return db
    .insert(localPlans)
    .values({
      projectId: args.projectId,
      organisationId: args.organisationId,
      templateVersion: args.content.templateVersion,
      inUseFrom: args.content.inUseFrom,
      benefits: JSON.stringify(args.content.benefits),
      adoptedByName: args.byName,
      adoptedAt: args.now,
      isDemo: args.isDemo ?? false,
      createdAt: args.now,
      updatedAt: args.now,
    })
    .returning({ id: localPlans.id })
    .get().id;
}

/** Changes the working plan over the version read; false when stale. */
export function updateLocalPlan(
  db: DbOrTx,
  args: { id: number; expectedVersion: number; content: LocalPlanContent; now: string },
): boolean {
  return (
    db
      .update(localPlans)
      .set({
        templateVersion: args.content.templateVersion,
        inUseFrom: args.content.inUseFrom,
        benefits: JSON.stringify(args.content.benefits),
        updatedAt: args.now,
        version: sql`${localPlans.version} + 1`,
      })
      .where(and(eq(localPlans.id, args.id), eq(localPlans.version, args.expectedVersion)))
      .run().changes === 1
  );
}

/** Freezes the working plan as approved; false when stale. */
export function approveLocalPlanRow(
  db: DbOrTx,
  args: { id: number; expectedVersion: number; content: LocalPlanContent; byName: string; now: string },
) {
  return (
    db
      .update(localPlans)
      .set({
        approvedContent: JSON.stringify(args.content),
        approvedByName: args.byName,
        approvedAt: args.now,
        updatedAt: args.now,
        version: sql`${localPlans.version} + 1`,
      })
      .where(and(eq(localPlans.id, args.id), eq(localPlans.version, args.expectedVersion)))
      .run().changes === 1
  );
}

export interface LocalMeasurementRow {
  readonly id: number;
  readonly localPlanId: number;
  readonly benefitKey: string;
  readonly date: string;
  readonly value: number;
  readonly comment: string | null;
  readonly recordedByName: string;
  readonly recordedAt: string;
  readonly version: number;
}

const localMeasurementColumns = {
  id: localPlanMeasurements.id,
  localPlanId: localPlanMeasurements.localPlanId,
  benefitKey: localPlanMeasurements.benefitKey,
  date: localPlanMeasurements.measuredOn,
  value: localPlanMeasurements.value,
  comment: localPlanMeasurements.comment,
  recordedByName: localPlanMeasurements.recordedByName,
  recordedAt: localPlanMeasurements.recordedAt,
  version: localPlanMeasurements.version,
};

/** The measurements typed by hand for local plans, by date. */
export function listLocalMeasurements(db: DbOrTx, localPlanIds: readonly number[]): LocalMeasurementRow[] {
  if (localPlanIds.length === 0) return [];
  return db
    .select(localMeasurementColumns)
    .from(localPlanMeasurements)
    .where(inArray(localPlanMeasurements.localPlanId, [...localPlanIds]))
    .orderBy(asc(localPlanMeasurements.measuredOn), asc(localPlanMeasurements.id))
    .all();
}

/** One measurement of a local plan; null when it is not that plan's. */
export function getLocalMeasurement(db: DbOrTx, localPlanId: number, id: number): LocalMeasurementRow | null {
  return (
    db
      .select(localMeasurementColumns)
      .from(localPlanMeasurements)
      .where(and(eq(localPlanMeasurements.localPlanId, localPlanId), eq(localPlanMeasurements.id, id)))
      .get() ?? null
  );
}

export function insertLocalMeasurement(
  db: DbOrTx,
  args: {
    localPlanId: number;
    benefitKey: string;
    date: string;
    value: number;
    comment: string | null;
    userId: number | null;
    userName: string;
    now: string;
  },
): number {
  return db
    .insert(localPlanMeasurements)
    .values({
      localPlanId: args.localPlanId,
      benefitKey: args.benefitKey,
      measuredOn: args.date,
      value: args.value,
      comment: args.comment,
      recordedByUserId: args.userId,
      recordedByName: args.userName,
      recordedAt: args.now,
      updatedAt: args.now,
    })
    .returning({ id: localPlanMeasurements.id })
    .get().id;
}

/** Changes a measurement over the version read; false when stale or not the plan's. */
export function updateLocalMeasurement(
  db: DbOrTx,
  args: {
    localPlanId: number;
    id: number;
    expectedVersion: number;
    date: string;
    value: number;
    comment: string | null;
    userId: number | null;
    userName: string;
    now: string;
  },
): boolean {
  return (
    db
      .update(localPlanMeasurements)
      .set({
        measuredOn: args.date,
        value: args.value,
        comment: args.comment,
        recordedByUserId: args.userId,
        recordedByName: args.userName,
        updatedAt: args.now,
        version: sql`${localPlanMeasurements.version} + 1`,
      })
      .where(
        and(
          eq(localPlanMeasurements.localPlanId, args.localPlanId),
          eq(localPlanMeasurements.id, args.id),
          eq(localPlanMeasurements.version, args.expectedVersion),
        ),
      )
      .run().changes === 1
  );
}

/** Deletes a measurement of the version read; false when stale or not the plan's. */
export function deleteLocalMeasurement(db: DbOrTx, args: { localPlanId: number; id: number; expectedVersion: number }): boolean {
  return (
    db
      .delete(localPlanMeasurements)
      .where(
        and(
          eq(localPlanMeasurements.localPlanId, args.localPlanId),
          eq(localPlanMeasurements.id, args.id),
          eq(localPlanMeasurements.version, args.expectedVersion),
        ),
      )
      .run().changes === 1
  );
}
