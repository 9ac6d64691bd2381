import { IDEA_SECTORS, IDEA_STATUSES, PARTICIPATION_STATUSES } from "@malestokk/domain";
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

import { users } from "./auth";
import { projects } from "./benefits";
import { organisations } from "./organisations";

/** A project idea a municipality submits to the sector's pipeline (docs/indicators.md#idea-pipeline). */
export const ideas = sqliteTable(
  "ideas",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    organisationId: integer()
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    title: text().notNull(),
    problem: text().notNull(),
    sector: text({ enum: IDEA_SECTORS }).notNull(),
    expectedBenefits: text().notNull(),
    roughCostNok: integer().notNull(),
    status: text({ enum: IDEA_STATUSES }).notNull().default("submitted"),
    priorityScore: integer(),
    recommendation: text({ enum: ["yes", "no"] }),
    /** The joint project a yes created. */
    projectId: integer().references(() => projects.id, { onDelete: "set null" }),
    isDemo: integer({ mode: "boolean" }).notNull().default(false),
    version: integer().notNull().default(1),
    createdAt: text().notNull(),
    updatedAt: text().notNull(),
  },
  (t) => [index("ideas_organisation_idx").on(t.organisationId), index("ideas_status_idx").on(t.status)],
);

/** A municipality invited to take part in an idea, and its answer (as `project_participants`). */
export const ideaParticipants = sqliteTable(
  "idea_participants",
  {
    ideaId: integer()
      .notNull()
      .references(() => ideas.id, { onDelete: "cascade" }),
    organisationId: integer()
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    status: text({ enum: PARTICIPATION_STATUSES }).notNull().default("invited"),
    changedAt: text(),
    changedByName: text(),
  },
  (t) => [primaryKey({ columns: [t.ideaId, t.organisationId] }), index("idea_participants_org_idx").on(t.organisationId)],
);

/** Every step of an idea: who, when, from which status to which, and why. Never changed. */
export const ideaEvents = sqliteTable(
  "idea_events",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    ideaId: integer()
      .notNull()
      .references(() => ideas.id, { onDelete: "cascade" }),
    action: text({ enum: ["submit", "prioritize", "compile", "decide", "withdraw"] }).notNull(),
    fromStatus: text({ enum: IDEA_STATUSES }),
    toStatus: text({ enum: IDEA_STATUSES }).notNull(),
    userId: integer().references(() => users.id, { onDelete: "set null" }),
    userName: text().notNull(),
    at: text().notNull(),
    comment: text(),
    /** JSON: the score, recommendation or decision the step gave. */
    details: text(),
  },
  (t) => [index("idea_events_idea_idx").on(t.ideaId)],
);
