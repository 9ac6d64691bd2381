import {
  benefitPlanContent,
  deleteProject,
  insertPlanVersion,
  insertProject,
  listBenefits,
  updateProject,
  type Db,
  type MunicipalityListItem,
  type ProjectRow,
} from "@malestokk/db";
import { checkBenefitMap, type BenefitMap, type InvitationAnswer, type ProjectFields, type ProjectInput } from "@malestokk/domain";

import type { ChangeOptions } from "../../context";
import { AppError } from "../../errors";
import { answer, invite, removeParticipant, requireInvitee, resolveParticipants, type JointRef } from "../joint/joint.service";
import { auditToolboxRemovedWithProject } from "../toolbox/toolbox.service";
import { audit, invalid, osloDate, planHash, requireProject } from "./benefits.service";

// Projects and their plans: create, change, invite, map, approve, delete.

function jointRef(project: ProjectRow): JointRef {
  return { kind: "project", id: project.id, ownerNumber: project.ownerNumber, name: project.name };
}

/** Creates a project; the municipalities it names are invited, and take part once they accept (ADR 008). */
export function createProject(db: Db, municipality: MunicipalityListItem, input: ProjectInput, options: ChangeOptions) {
  return db.transaction(
    (tx) => {
      const { participants, ...fields } = input;
      const invited = resolveParticipants(tx, municipality.id, participants, "participants");
      const id = insertProject(tx, { ownerOrganisationId: municipality.id, fields, now: options.now.toISOString() });
      audit(tx, options.actor, options.now, "benefits.projectCreated", "project", id, municipality.id, { after: input });
      const ref: JointRef = { kind: "project", id, ownerNumber: municipality.number, name: fields.name };
      for (const unit of invited) invite(tx, ref, unit, options);
      return { id };
    },
    { behavior: "immediate" },
  );
}

export function saveProject(db: Db, projectId: number, args: { expectedVersion: number; input: ProjectFields }, options: ChangeOptions) {
  return db.transaction(
    (tx) => {
      const before = requireProject(tx, projectId);
      const ok = updateProject(tx, {
        id: projectId,
        expectedVersion: args.expectedVersion,
        fields: args.input,
        now: options.now.toISOString(),
      });
      if (!ok) throw new AppError("VERSION_CONFLICT", { params: { currentVersion: before.version } });
      const { name, description, sector, phase } = before;
      audit(tx, options.actor, options.now, "benefits.projectUpdated", "project", projectId, before.ownerOrganisationId, {
        before: { name, description, sector, phase },
        after: args.input,
      });
      return { version: args.expectedVersion + 1 };
    },
    { behavior: "immediate" },
  );
}

/** The owner invites one more municipality (or again, after it declined or left). */
export function inviteParticipant(db: Db, projectId: number, number: string, options: ChangeOptions) {
  db.transaction(
    (tx) => {
      const project = requireProject(tx, projectId);
      invite(tx, jointRef(project), requireInvitee(tx, project.ownerOrganisationId, number), options);
    },
    { behavior: "immediate" },
  );
}

/** The owner withdraws an invitation or removes a participant. */
export function removeProjectParticipant(db: Db, projectId: number, number: string, options: ChangeOptions) {
  db.transaction((tx) => removeParticipant(tx, jointRef(requireProject(tx, projectId)), number, options), { behavior: "immediate" });
}

/** The invited municipality accepts or declines, or leaves a project it accepted. */
export function answerProjectInvitation(
  db: Db,
  municipality: MunicipalityListItem,
  projectId: number,
  step: InvitationAnswer | "leave",
  options: ChangeOptions,
) {
  return db.transaction((tx) => ({ status: answer(tx, jointRef(requireProject(tx, projectId)), municipality, step, options) }), {
    behavior: "immediate",
  });
}

/** Replaces the benefit map; a precondition or goal that a benefit still points to stays. */
export function saveBenefitMap(db: Db, projectId: number, args: { expectedVersion: number; map: BenefitMap }, options: ChangeOptions) {
  const issues = checkBenefitMap(args.map);
  if (issues.length > 0) invalid(issues);
  return db.transaction(
    (tx) => {
      const project = requireProject(tx, projectId);
      const keys = new Set([...args.map.preconditions, ...args.map.goals].map((n) => n.key));
      const orphaned = listBenefits(tx, [projectId]).flatMap((b) =>
        [...b.preconditionKeys, ...b.goalKeys]
          .filter((k) => !keys.has(k))
          .map((key) => ({ path: ["benefitMap"], code: "MAP_KEY_IN_USE", params: { key, benefit: b.title } })),
      );
      if (orphaned.length > 0) invalid(orphaned);
      if (
        !updateProject(tx, { id: projectId, expectedVersion: args.expectedVersion, benefitMap: args.map, now: options.now.toISOString() })
      ) {
        throw new AppError("VERSION_CONFLICT", { params: { currentVersion: project.version } });
      }
      audit(tx, options.actor, options.now, "benefits.mapSaved", "project", projectId, project.ownerOrganisationId, {
        before: project.benefitMap,
        after: args.map,
      });
      return { version: args.expectedVersion + 1 };
    },
    { behavior: "immediate" },
  );
}

/**
 * Approves the plan exactly as the approver saw it (its hash): a new version, frozen, with the
 * phase, the person who approved it and the date. Earlier versions stay readable. The approver is
 * the signed-in user, by the name the session holds (issue 20, point 16); older versions keep the
 * name that was typed then.
 */
export function approvePlan(
  db: Db,
  projectId: number,
  args: { planHash: string; approvedOn: string; comment: string | null },
  options: ChangeOptions,
) {
  const today = osloDate(options.now);
  if (args.approvedOn > today) invalid([{ path: ["approvedOn"], code: "DATE_IN_FUTURE", params: { today } }]);
  return db.transaction(
    (tx) => {
      const project = requireProject(tx, projectId);
      const rows = listBenefits(tx, [projectId]);
      if (rows.length === 0) throw new AppError("INCOMPLETE", { params: { missing: "benefits", count: 1 } });
      const content = benefitPlanContent(project, rows);
      if (planHash(content) !== args.planHash) throw new AppError("VERSION_CONFLICT", { params: { currentVersion: project.version } });
      const approvedByName = options.actor.name;
      const number = insertPlanVersion(tx, {
        projectId,
        phase: project.phase,
        approvedByName,
        approvedOn: args.approvedOn,
        comment: args.comment,
        userId: options.actor.userId,
        now: options.now.toISOString(),
        content,
      });
      audit(tx, options.actor, options.now, "benefits.planApproved", "project", projectId, project.ownerOrganisationId, {
        number,
        phase: project.phase,
        approvedByName,
        approvedOn: args.approvedOn,
      });
      return { number };
    },
    { behavior: "immediate" },
  );
}

export function removeProject(db: Db, projectId: number, args: { expectedVersion: number }, options: ChangeOptions) {
  db.transaction(
    (tx) => {
      const project = requireProject(tx, projectId);
      if (project.version !== args.expectedVersion) throw new AppError("VERSION_CONFLICT", { params: { currentVersion: project.version } });
      const rows = listBenefits(tx, [projectId]);
      auditToolboxRemovedWithProject(tx, project, options);
      deleteProject(tx, projectId);
      // The whole plan goes into the log, so a deletion can be read back (and undone by hand).
      audit(tx, options.actor, options.now, "benefits.projectDeleted", "project", projectId, project.ownerOrganisationId, {
        before: { project, benefits: rows },
      });
    },
    { behavior: "immediate" },
  );
}
