import {
  appendAudit,
  getIdea,
  insertIdea,
  insertIdeaEvent,
  insertProject,
  listIdeaEvents,
  listIdeas,
  listInvitations,
  listParticipation,
  setParticipation,
  updateIdeaStatus,
  type Db,
  type DbOrTx,
  type IdeaRow,
  type MunicipalityListItem,
} from "@malestokk/db";
import {
  availableIdeaActions,
  can,
  canEverywhere,
  ideaActionAllowed,
  mayActOnIdea,
  nextIdeaStatus,
  organisationsWhere,
  type IdeaInput,
  type IdeaStep,
  type InvitationAnswer,
} from "@malestokk/domain";

import { auditBy, type ChangeOptions, type Session } from "../../context";
import { AppError } from "../../errors";
import { queueIdeaStepNotice, queueMeetingPackNotice } from "../../mail/idea-notices";
import { queueInvitationNotice } from "../../mail/invitation-notices";
import { answer, invite, removeParticipant, resolveParticipants, type JointRef } from "../joint/joint.service";

/** The ideas a user may see: all for the sector bodies, else those of the user's own organisations and those they accepted to take part in. */
export function listVisibleIdeas(db: Db, session: Session) {
  const scope = canEverywhere(session.grants, "ideas.read") ? "all" : [...organisationsWhere(session.grants, "ideas.read")];
  return listIdeas(db, scope).map((idea) => ({ ...idea, actions: availableIdeaActions(session.grants, idea) }));
}

/** One idea with its history; the invitations' answers go to those who may change them (the submitter's managers, admins). */
export function getVisibleIdea(db: Db, session: Session, id: number) {
  const idea = getIdea(db, id);
  const mine =
    idea &&
    [idea.organisationId, ...idea.participants.map((p) => p.id)].some((o) => organisationsWhere(session.grants, "ideas.read").has(o));
  // An idea the user may not see is "not found": its existence is not theirs to learn.
  if (!idea || !(canEverywhere(session.grants, "ideas.read") || mine)) throw new AppError("NOT_FOUND", { params: { ideaId: id } });
  const participation = can(session.grants, "ideas.submit", idea.organisationId)
    ? listParticipation(db, "idea", id).map(({ number, name, status, changedAt, changedByName }) => ({
        number,
        name,
        status,
        changedAt,
        changedByName,
      }))
    : [];
  return { ...idea, actions: availableIdeaActions(session.grants, idea), events: listIdeaEvents(db, id), participation };
}

/** Invitations to ideas that the user's municipalities have not answered (a manager answers; others see them). */
export function listIdeaInvitations(db: Db, session: Session) {
  return listInvitations(db, "idea", [...organisationsWhere(session.grants, "ideas.read")]).map(({ id, name, ...invitation }) => ({
    ideaId: id,
    title: name,
    ...invitation,
  }));
}

function jointRef(idea: IdeaRow): JointRef {
  return { kind: "idea", id: idea.id, ownerNumber: idea.organisationNumber, name: idea.title };
}

function requireIdea(db: DbOrTx, id: number): IdeaRow {
  const idea = getIdea(db, id);
  if (!idea) throw new AppError("NOT_FOUND", { params: { ideaId: id } });
  return idea;
}

/** The invited municipality accepts or declines, or leaves an idea it accepted. */
export function answerIdeaInvitation(
  db: Db,
  municipality: MunicipalityListItem,
  ideaId: number,
  step: InvitationAnswer | "leave",
  options: ChangeOptions,
) {
  return db.transaction((tx) => ({ status: answer(tx, jointRef(requireIdea(tx, ideaId)), municipality, step, options) }), {
    behavior: "immediate",
  });
}

/** The submitting municipality withdraws an invitation or removes a participant; another's idea is "not found". */
export function removeIdeaParticipant(db: Db, municipality: MunicipalityListItem, ideaId: number, number: string, options: ChangeOptions) {
  db.transaction(
    (tx) => {
      const idea = requireIdea(tx, ideaId);
      if (idea.organisationId !== municipality.id) throw new AppError("NOT_FOUND", { params: { ideaId } });
      removeParticipant(tx, jointRef(idea), number, options);
    },
    { behavior: "immediate" },
  );
}

export function submitIdea(db: Db, municipality: MunicipalityListItem, input: IdeaInput, options: ChangeOptions) {
  return db.transaction(
    (tx) => {
      const { participants, ...fields } = input;
      const now = options.now.toISOString();
      const invited = resolveParticipants(tx, municipality.id, participants, "participants");
      const id = insertIdea(tx, { organisationId: municipality.id, fields, now });
      insertIdeaEvent(tx, {
        ideaId: id,
        action: "submit",
        fromStatus: null,
        toStatus: "submitted",
        userId: options.actor.userId,
        userName: options.actor.name,
        at: now,
        comment: null,
      });
      appendAudit(tx, {
        at: now,
        ...auditBy(options.actor),
        action: "ideas.submitted",
        entity: "idea",
        entityId: String(id),
        organisationId: municipality.id,
        details: { after: input },
      });
      // The municipalities named are invited; the idea is theirs too once they accept (ADR 008).
      for (const unit of invited) invite(tx, { kind: "idea", id, ownerNumber: municipality.number, name: fields.title }, unit, options);
      queueIdeaStepNotice(options, tx, {
        id,
        title: fields.title,
        sector: fields.sector,
        status: "submitted",
        owner: { number: municipality.number, name: municipality.name },
      });
      return { id };
    },
    { behavior: "immediate" },
  );
}

/**
 * One step of the pipeline, by its role, from the status and version the user read. A yes from the
 * board creates the joint project (submitter owns it, the idea's accepted participants take part),
 * which then asks for a benefit plan.
 */
export function takeIdeaStep(
  db: Db,
  session: Session,
  args: { id: number; expectedVersion: number; step: IdeaStep },
  options: ChangeOptions,
) {
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
      let carried: { number: string; status: string }[] = [];
      if (step.action === "decide" && step.decision === "yes") {
        projectId = insertProject(tx, {
          ownerOrganisationId: idea.organisationId,
          fields: { name: idea.title, description: idea.problem, sector: idea.sector, phase: "concept" },
          now,
        });
        // Who accepted the idea takes part in its project; who has not answered yet is invited to it.
        const answers = listParticipation(tx, "idea", idea.id).filter((p) => p.status === "accepted" || p.status === "invited");
        for (const p of answers)
          setParticipation(tx, "project", {
            parentId: projectId,
            organisationId: p.organisationId,
            status: p.status,
            byName: p.changedByName ?? options.actor.name,
            at: p.changedAt ?? now,
          });
        carried = answers.map((p) => ({ number: p.number, status: p.status }));
        // Those not answered yet now find the project among their invitations: their managers are told.
        for (const p of answers.filter((a) => a.status === "invited"))
          queueInvitationNotice(options, tx, {
            kind: "project",
            id: projectId,
            name: idea.title,
            ownerNumber: idea.organisationNumber,
            invitee: { id: p.organisationId, number: p.number, name: p.name },
            by: p.changedByName ?? options.actor.name,
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
      insertIdeaEvent(tx, {
        ideaId: idea.id,
        action,
        fromStatus: idea.status,
        toStatus: status,
        userId: options.actor.userId,
        userName: options.actor.name,
        at: now,
        comment,
        details: { ...details, ...(projectId === undefined ? {} : { projectId }) },
      });
      appendAudit(tx, {
        at: now,
        ...auditBy(options.actor),
        action: `ideas.${action}`,
        entity: "idea",
        entityId: String(idea.id),
        organisationId: idea.organisationId,
        details: { from: idea.status, to: status, step, ...(projectId === undefined ? {} : { projectId, participants: carried }) },
      });
      queueIdeaStepNotice(options, tx, {
        id: idea.id,
        title: idea.title,
        sector: idea.sector,
        status,
        owner: { number: idea.organisationNumber, name: idea.organisationName },
      });
      return { status, projectId: projectId ?? null };
    },
    { behavior: "immediate" },
  );
}

/**
 * The secretariat says the board's meeting pack for a meeting is ready (issue 25): the board is told by
 * e-mail, once per meeting date, which items wait for its decision. The pack itself is the page
 * `/ideer/motepakke`, always up to date; this is the one moment it is "ready" (docs/decisions/038-programme-notices.md).
 */
export function announceMeetingPack(db: Db, input: { meetingDate: string }, options: ChangeOptions) {
  return db.transaction(
    (tx) => {
      const items = listIdeas(tx, "all")
        .filter((idea) => idea.status === "compiled")
        .map((idea) => idea.title);
      const { told, toldBefore } = queueMeetingPackNotice(options, tx, { meetingDate: input.meetingDate, items });
      return { mailOn: options.mail?.enabled ?? false, items: items.length, told, toldBefore };
    },
    { behavior: "immediate" },
  );
}
