import {
  BENEFIT_TYPES,
  BENEFIT_VALUATIONS,
  MEASUREMENT_FREQUENCIES,
  PARTICIPATION_STATUSES,
  PROJECT_PHASES,
  PROJECT_SECTORS,
} from "@malestokk/domain";
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

import { users } from "./auth";
import { organisations } from "./organisations";

/**
 * A digitalization project, owned by one municipality; a joint project invites other
 * municipalities to take part. The benefit map (gevinstkart) is kept as checked JSON with the project.
 */
export const projects = sqliteTable(
  "projects",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    ownerOrganisationId: integer()
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    name: text().notNull(),
    description: text(),
    sector: text({ enum: PROJECT_SECTORS }).notNull(),
    phase: text({ enum: PROJECT_PHASES }).notNull(),
    benefitMap: text().notNull().default('{"deliverables":[],"preconditions":[],"goals":[]}'),
    isDemo: integer({ mode: "boolean" }).notNull().default(false),
    version: integer().notNull().default(1),
    createdAt: text().notNull(),
    updatedAt: text().notNull(),
  },
  (t) => [index("projects_owner_idx").on(t.ownerOrganisationId)],
);

/**
 * A municipality invited to a joint project, and its answer (ADR 008): only an accepted one takes
 * part. Who last changed the status (a name) and when; the audit log has the whole story.
 */
export const projectParticipants = sqliteTable(
  "project_participants",
  {
    projectId: integer()
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    organisationId: integer()
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    // A row written without a status is an invitation, never a participant.
    status: text({ enum: PARTICIPATION_STATUSES }).notNull().default("invited"),
    changedAt: text(),
    changedByName: text(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.organisationId] }), index("project_participants_org_idx").on(t.organisationId)],
);

/** A benefit (gevinst) of a project's plan with every field of the plan (docs/indicators.md#benefits). */
export const benefits = sqliteTable(
  "benefits",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    projectId: integer()
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    title: text().notNull(),
    description: text(),
    ownerName: text().notNull(),
    ownerUserId: integer().references(() => users.id, { onDelete: "set null" }),
    type: text({ enum: BENEFIT_TYPES }).notNull(),
    valuation: text({ enum: BENEFIT_VALUATIONS }).notNull(),
    annualValueNok: integer(),
    cash: integer({ mode: "boolean" }).notNull(),
    quantitative: integer({ mode: "boolean" }).notNull(),
    disBenefit: integer({ mode: "boolean" }).notNull(),
    indicatorName: text().notNull(),
    unit: text().notNull(),
    direction: text({ enum: ["higher", "lower"] }).notNull(),
    method: text(),
    frequency: text({ enum: MEASUREMENT_FREQUENCIES }).notNull(),
    linkedIndicatorCode: text(),
    baselineValue: real().notNull(),
    baselineDate: text().notNull(),
    /** JSON arrays of benefit-map keys. */
    preconditionKeys: text().notNull().default("[]"),
    goalKeys: text().notNull().default("[]"),
    isDemo: integer({ mode: "boolean" }).notNull().default(false),
    version: integer().notNull().default(1),
    createdAt: text().notNull(),
    updatedAt: text().notNull(),
  },
  (t) => [index("benefits_project_idx").on(t.projectId), index("benefits_owner_user_idx").on(t.ownerUserId)],
);

/** Staged targets: a value due by a date; several per benefit. */
export const benefitTargets = sqliteTable(
  "benefit_targets",
  {
    benefitId: integer()
      .notNull()
      .references(() => benefits.id, { onDelete: "cascade" }),
    dueDate: text().notNull(),
    value: real().notNull(),
  },
  (t) => [primaryKey({ columns: [t.benefitId, t.dueDate] })],
);

/** A measurement entered by hand: who measured, when, and why it looks as it does. */
export const benefitMeasurements = sqliteTable(
  "benefit_measurements",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    benefitId: integer()
      .notNull()
      .references(() => benefits.id, { onDelete: "cascade" }),
    measuredOn: text().notNull(),
    value: real().notNull(),
    comment: text(),
    recordedByUserId: integer().references(() => users.id, { onDelete: "set null" }),
    recordedByName: text().notNull(),
    recordedAt: text().notNull(),
  },
  (t) => [index("benefit_measurements_benefit_idx").on(t.benefitId, t.measuredOn)],
);

/**
 * An approved version of a project's benefit plan: the plan as it stood (project, map, benefits
 * with baselines and targets) frozen as JSON, with the phase, who approved it and when.
 */
export const benefitPlanVersions = sqliteTable(
  "benefit_plan_versions",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    projectId: integer()
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    number: integer().notNull(),
    phase: text({ enum: PROJECT_PHASES }).notNull(),
    approvedByName: text().notNull(),
    approvedOn: text().notNull(),
    recordedByUserId: integer().references(() => users.id, { onDelete: "set null" }),
    recordedAt: text().notNull(),
    comment: text(),
    content: text().notNull(),
  },
  (t) => [uniqueIndex("benefit_plan_versions_number_idx").on(t.projectId, t.number)],
);

/**
 * The proposed benefit plan of a joint project (issue 26): the owner or the secretariat edits it as a draft
 * (checked JSON, `TemplateInput`) and publishes numbered versions that municipalities adopt.
 */
export const projectTemplates = sqliteTable("project_templates", {
  projectId: integer()
    .primaryKey()
    .references(() => projects.id, { onDelete: "cascade" }),
  content: text().notNull().default('{"benefits":[]}'),
  version: integer().notNull().default(1),
  updatedAt: text().notNull(),
});

/** A published version of a template, frozen as JSON, with who published it and when. */
export const projectTemplateVersions = sqliteTable(
  "project_template_versions",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    projectId: integer()
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    number: integer().notNull(),
    content: text().notNull(),
    publishedByName: text().notNull(),
    publishedByUserId: integer().references(() => users.id, { onDelete: "set null" }),
    publishedAt: text().notNull(),
    comment: text(),
  },
  (t) => [uniqueIndex("project_template_versions_number_idx").on(t.projectId, t.number)],
);

/**
 * A municipality's local plan for a joint solution it adopted ("ta i bruk"): the template version it follows,
 * the day it took the solution into use, and its benefits (checked JSON, `LocalBenefit[]`: its own owners,
 * baselines, targets). Its manager approves it; the approved plan is frozen beside the working one, and
 * only that is read outside the municipality.
 */
export const localPlans = sqliteTable(
  "local_plans",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    projectId: integer()
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    organisationId: integer()
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    templateVersion: integer().notNull(),
    inUseFrom: text().notNull(),
    benefits: text().notNull(),
    adoptedByName: text().notNull(),
    adoptedAt: text().notNull(),
    /** `{ templateVersion, inUseFrom, benefits }` as approved; null until the first approval. */
    approvedContent: text(),
    approvedByName: text(),
    approvedAt: text(),
    isDemo: integer({ mode: "boolean" }).notNull().default(false),
    version: integer().notNull().default(1),
    createdAt: text().notNull(),
    updatedAt: text().notNull(),
  },
  (t) => [uniqueIndex("local_plans_project_org_idx").on(t.projectId, t.organisationId), index("local_plans_org_idx").on(t.organisationId)],
);

/**
 * A measurement typed by hand for a local plan's benefit that is not linked to an indicator (issue 26): the
 * benefit by its template key, the value on a day, who recorded it and why it looks as it does. Versioned,
 * as it may be changed; it belongs to its municipality until the local plan is approved (decision 040).
 */
export const localPlanMeasurements = sqliteTable(
  "local_plan_measurements",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    localPlanId: integer()
      .notNull()
      .references(() => localPlans.id, { onDelete: "cascade" }),
    benefitKey: text().notNull(),
    measuredOn: text().notNull(),
    value: real().notNull(),
    comment: text(),
    recordedByUserId: integer().references(() => users.id, { onDelete: "set null" }),
    recordedByName: text().notNull(),
    recordedAt: text().notNull(),
    version: integer().notNull().default(1),
    updatedAt: text().notNull(),
  },
  (t) => [index("local_plan_measurements_plan_idx").on(t.localPlanId, t.benefitKey, t.measuredOn)],
);
