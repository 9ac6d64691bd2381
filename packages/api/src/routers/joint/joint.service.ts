import {
  appendAudit,
  deleteParticipation,
  getMunicipalityByNumber,
  getParticipationStatus,
  setParticipation,
  type DbOrTx,
  type JointKind,
} from "@malestokk/db";
import { nextParticipationStatus, type FieldIssue, type InvitationAnswer, type ParticipationStatus } from "@malestokk/domain";

import { auditBy, type ChangeOptions } from "../../context";
import { AppError } from "../../errors";
import { queueInvitationNotice } from "../../mail/invitation-notices";

/**
 * Invitations to joint projects and ideas, and their answers (issue 17, ADR 008): the owner invites,
 * withdraws or removes; the invited municipality's manager accepts or declines, and may leave later.
 * Each step is one audit entry, filed under the municipality whose standing changed.
 */
/** The project or idea, as the log names it. */
export interface JointRef {
  readonly kind: JointKind;
  readonly id: number;
  readonly ownerNumber: string;
  readonly name: string;
}

const AREA = { project: "benefits", idea: "ideas" } as const satisfies Record<JointKind, string>;

type JointAuditStep =
  "participantInvited" | "invitationAccepted" | "invitationDeclined" | "participantLeft" | "invitationWithdrawn" | "participantRemoved";

type Invitee = { readonly id: number; readonly number: string; readonly name: string };

function audit(
  tx: DbOrTx,
  ref: JointRef,
  municipality: { id: number; number: string },
  action: JointAuditStep,
  change: { from: ParticipationStatus | null; to: ParticipationStatus | null },
  options: ChangeOptions,
) {
  appendAudit(tx, {
    at: options.now.toISOString(),
    ...auditBy(options.actor),
    action: `${AREA[ref.kind]}.${action}`,
    entity: ref.kind,
    entityId: String(ref.id),
    organisationId: municipality.id,
    details: {
      name: ref.name,
      owner: ref.ownerNumber,
      participant: municipality.number,
      before: { status: change.from },
      after: { status: change.to },
    },
  });
}

/**
 * The municipalities an owner names (numbers): unknown numbers are field issues under `path`; the
 * owner itself and repeats are left out, as naming them changes nothing.
 */
export function resolveParticipants(db: DbOrTx, ownerId: number, numbers: readonly string[], path: string): Invitee[] {
  const issues: FieldIssue[] = [];
  const found = new Map<number, Invitee>();
  numbers.forEach((number, index) => {
    const unit = getMunicipalityByNumber(db, number);
    if (!unit) issues.push({ path: [path, index], code: "UNKNOWN_MUNICIPALITY", params: { number } });
    else if (unit.id !== ownerId) found.set(unit.id, unit);
  });
  if (issues.length > 0) throw new AppError("VALIDATION_FAILED", { issues });
  return [...found.values()];
}

/** The one municipality an owner names: an unknown number or the owner itself is a field issue. */
export function requireInvitee(db: DbOrTx, ownerId: number, number: string, path = "participant"): Invitee {
  const unit = getMunicipalityByNumber(db, number);
  if (!unit) throw new AppError("VALIDATION_FAILED", { issues: [{ path: [path], code: "UNKNOWN_MUNICIPALITY", params: { number } }] });
  if (unit.id === ownerId)
    throw new AppError("VALIDATION_FAILED", {
      issues: [{ path: [path], code: "OWNER_NOT_PARTICIPANT", params: { number, name: unit.name } }],
    });
  return unit;
}

/**
 * Invites one municipality (again, after a no or a departure); one already invited or taking part is a field issue.
 * Its managers are told by e-mail in the same transaction (issue 25).
 */
export function invite(tx: DbOrTx, ref: JointRef, municipality: Invitee, options: ChangeOptions, path = "participant"): void {
  const current = getParticipationStatus(tx, ref.kind, ref.id, municipality.id);
  if (nextParticipationStatus(current, "invite") === null) {
    throw new AppError("VALIDATION_FAILED", {
      issues: [
        { path: [path], code: "ALREADY_INVITED", params: { number: municipality.number, name: municipality.name, status: current } },
      ],
    });
  }
  setParticipation(tx, ref.kind, {
    parentId: ref.id,
    organisationId: municipality.id,
    status: "invited",
    byName: options.actor.name,
    at: options.now.toISOString(),
  });
  audit(tx, ref, municipality, "participantInvited", { from: current, to: "invited" }, options);
  queueInvitationNotice(options, tx, { kind: ref.kind, id: ref.id, name: ref.name, ownerNumber: ref.ownerNumber, invitee: municipality });
}

const ANSWER_ACTIONS = { accept: "invitationAccepted", decline: "invitationDeclined", leave: "participantLeft" } as const;

/**
 * The invited municipality answers, or leaves what it accepted. Not invited at all is "not found"
 * (whether another municipality's project exists is not the caller's to learn); a step that does
 * not fit the status is a status conflict.
 */
export function answer(
  tx: DbOrTx,
  ref: JointRef,
  municipality: { id: number; number: string },
  step: InvitationAnswer | "leave",
  options: ChangeOptions,
): ParticipationStatus {
  const current = getParticipationStatus(tx, ref.kind, ref.id, municipality.id);
  if (current === null) throw new AppError("NOT_FOUND", { params: { [`${ref.kind}Id`]: ref.id } });
  const next = nextParticipationStatus(current, step);
  if (next === null) throw new AppError("STATUS_CONFLICT", { params: { status: current, action: step } });
  setParticipation(tx, ref.kind, {
    parentId: ref.id,
    organisationId: municipality.id,
    status: next,
    byName: options.actor.name,
    at: options.now.toISOString(),
  });
  audit(tx, ref, municipality, ANSWER_ACTIONS[step], { from: current, to: next }, options);
  return next;
}

/** The owner withdraws an invitation, or removes a municipality from the participants (or a past answer from the list). */
export function removeParticipant(tx: DbOrTx, ref: JointRef, number: string, options: ChangeOptions): void {
  const unit = getMunicipalityByNumber(tx, number);
  const current = unit ? getParticipationStatus(tx, ref.kind, ref.id, unit.id) : null;
  if (!unit || current === null) throw new AppError("NOT_FOUND", { params: { number } });
  deleteParticipation(tx, ref.kind, ref.id, unit.id);
  audit(tx, ref, unit, current === "invited" ? "invitationWithdrawn" : "participantRemoved", { from: current, to: null }, options);
}
