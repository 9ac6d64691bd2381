import {
  appendAudit,
  getIdea,
  getMunicipalityByNumber,
  insertIdea,
  insertIdeaEvent,
  insertProject,
  listIdeaEvents,
  listIdeas,
  updateIdeaStatus,
  type Db,
  type DbOrTx,
  type MunicipalityListItem,
} from "@malestokk/db";
import {
  availableIdeaActions,
  canEverywhere,
  ideaActionAllowed,
  mayActOnIdea,
  nextIdeaStatus,
  organisationsWhere,
  type FieldIssue,
  type IdeaInput,
  type IdeaStep,
} from "@malestokk/domain";

import { AppError } from "../../errors";
import type { Session } from "../../context";

type Actor = { userId: number; email: string; name: string; ip: string | null };

function participantIds(db: DbOrTx, numbers: readonly string[]): number[] {
  const issues: FieldIssue[] = [];
  const ids = numbers.flatMap((number, index) => {
    const unit = getMunicipalityByNumber(db, number);
    if (!unit) issues.push({ path: ["participants", index], code: "UNKNOWN_MUNICIPALITY", params: { number } });
    return unit ? [unit.id] : [];
  });
  if (issues.length > 0) throw new AppError("VALIDATION_FAILED", { issues });
  return ids;
}

/** The ideas a user may see: all for the sector bodies, else those of the user's own organisations. */
export function listVisibleIdeas(db: Db, session: Session) {
  const scope = canEverywhere(session.grants, "ideas.read") ? "all" : [...organisationsWhere(session.grants, "ideas.read")];
  return listIdeas(db, scope).map((idea) => ({ ...idea, actions: availableIdeaActions(session.grants, idea) }));
}

export function getVisibleIdea(db: Db, session: Session, id: number) {
  const idea = getIdea(db, id);
  const mine = idea && [idea.organisationId, ...idea.participants.map((p) => p.id)].some((o) => organisationsWhere(session.grants, "ideas.read").has(o));
  // An idea the user may not see is "not found": its existence is not theirs to learn.
  if (!idea || !(canEverywhere(session.grants, "ideas.read") || mine)) throw new AppError("NOT_FOUND", { params: { ideaId: id } });
  return { ...idea, actions: availableIdeaActions(session.grants, idea), events: listIdeaEvents(db, id) };
}

export function submitIdea(db: Db, municipality: MunicipalityListItem, input: IdeaInput, options: { now: Date; actor: Actor }) {
  return db.transaction(
    (tx) => {
      const { participants, ...fields } = input;
      const now = options.now.toISOString();
      const id = insertIdea(tx, { organisationId: municipality.id, fields, participantIds: participantIds(tx, participants), now });
      insertIdeaEvent(tx, { ideaId: id, action: "submit", fromStatus: null, toStatus: "submitted", userId: options.actor.userId, userName: options.actor.name, at: now, comment: null });
      appendAudit(tx, { at: now, actorUserId: options.actor.userId, actorEmail: options.actor.email, ip: options.actor.ip, action: "ideas.submitted", entity: "idea", entityId: String(id), organisationId: municipality.id, details: { after: input } });
      return { id };
    },
    { behavior: "immediate" },
  );
}

/**
 * One step of the pipeline, by its role, from the status and version the user read. A yes from the
 * board creates the joint project (submitter owns it, participants take part), which then asks for
 * a benefit plan.
 */
export function takeIdeaStep(db: Db, session: Session, args: { id: number; expectedVersion: number; step: IdeaStep }, options: { now: Date; actor: Actor }) {
  return db.transaction(
    (tx) => {
      const idea = getIdea(tx, args.id);
      if (!idea) throw new AppError("NOT_FOUND", { params: { ideaId: args.id } });
      const { action } = args.step;
      if (!mayActOnIdea(session.grants, action, idea)) throw new AppError("FORBIDDEN", { message: `May not ${action} idea ${idea.id}` });
      if (!ideaActionAllowed(idea.status, action)) throw new AppError("STATUS_CONFLICT", { params: { status: idea.status, action } });
      if (idea.version !== args.expectedVersion) throw new AppError("VERSION_CONFLICT", { params: { currentVersion: idea.version } });
      const now = options.now.toISOString();
      const step = args.step;
      const status = step.action === "decide" ? nextIdeaStatus("decide", step.decision) : nextIdeaStatus(step.action);
      let projectId: number | undefined;
      if (step.action === "decide" && step.decision === "yes") {
        projectId = insertProject(tx, {
          ownerOrganisationId: idea.organisationId,
          fields: { name: idea.title, description: idea.problem, sector: idea.sector, phase: "concept" },
          participantIds: idea.participants.map((p) => p.id),
          now,
        });
      }
      const moved = updateIdeaStatus(tx, {
        id: idea.id,
        expectedVersion: args.expectedVersion,
        status,
        ...(step.action === "prioritize" ? { priorityScore: step.score } : {}),
        ...(step.action === "compile" ? { recommendation: step.recommendation } : {}),
        ...(projectId === undefined ? {} : { projectId }),
        now,
      });
      if (!moved) throw new AppError("VERSION_CONFLICT", { params: { currentVersion: idea.version } });
      const { action: _a, comment, ...details } = step;
      insertIdeaEvent(tx, { ideaId: idea.id, action, fromStatus: idea.status, toStatus: status, userId: options.actor.userId, userName: options.actor.name, at: now, comment, details: { ...details, ...(projectId === undefined ? {} : { projectId }) } });
      appendAudit(tx, {
        at: now,
        actorUserId: options.actor.userId,
        actorEmail: options.actor.email,
        ip: options.actor.ip,
        action: `ideas.${action}`,
        entity: "idea",
        entityId: String(idea.id),
        organisationId: idea.organisationId,
        details: { from: idea.status, to: status, step },
      });
      return { status, projectId: projectId ?? null };
    },
    { behavior: "immediate" },
  );
}
