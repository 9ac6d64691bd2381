import { z } from "zod";

/**
 * Taking part in another municipality's joint project or idea (issue 17, ADR 008). Naming a
 * municipality invites it; it takes part only once its manager accepts, and it may leave later.
 * Until it has accepted, nothing of the project or idea is shown or counted as its own.
 */
export const PARTICIPATION_STATUSES = ["invited", "accepted", "declined", "left"] as const;
export type ParticipationStatus = (typeof PARTICIPATION_STATUSES)[number];

export const PARTICIPATION_STEPS = ["invite", "accept", "decline", "leave"] as const;
export type ParticipationStep = (typeof PARTICIPATION_STEPS)[number];

/** From which status (null: never invited, or the invitation was withdrawn) each step may be taken. */
const FROM: Record<ParticipationStep, readonly (ParticipationStatus | null)[]> = {
  // An owner may ask again after a no or a departure; the answer is again the invited municipality's.
  invite: [null, "declined", "left"],
  accept: ["invited"],
  decline: ["invited"],
  leave: ["accepted"],
};

const TO: Record<ParticipationStep, ParticipationStatus> = { invite: "invited", accept: "accepted", decline: "declined", leave: "left" };

/** The status a step leads to, or null when the step does not fit the status now. */
export function nextParticipationStatus(current: ParticipationStatus | null, step: ParticipationStep): ParticipationStatus | null {
  return FROM[step].includes(current) ? TO[step] : null;
}

/** An invited municipality's answer. */
export const InvitationAnswerSchema = z.enum(["accept", "decline"]);
export type InvitationAnswer = z.infer<typeof InvitationAnswerSchema>;

/** A municipality named as a participant (its number). */
export const ParticipantNumberSchema = z.string().regex(/^\d{4}$/);
