import { listProgrammeRecipients, type DbOrTx } from "@malestokk/db";
import { ideaWaitingFor, type IdeaSector, type IdeaStatus, type IdeaStepAwaited, type IdeaTurn } from "@malestokk/domain";

import { createSecretBox } from "../auth/secret-box";
import type { ChangeOptions } from "../context";
import { MAIL_OFF, queueNotice } from "./notify";

const NO_SECRETS = createSecretBox(null);

const AWAITS: Record<IdeaTurn["role"], IdeaStepAwaited> = { sectorCouncil: "prioritize", secretariat: "compile", board: "decide" };

/**
 * An idea waiting for a step (issue 25), queued in the transaction that moved it (or submitted it): to those
 * whose turn it is (`ideaWaitingFor`): the prioritization council of the idea's sector (every council for a
 * common idea), the secretariat, or the board. They all read every idea in the app (`ideas.read`); the one
 * who took the step is not told. Keyed by the status reached, so a council revising its score does not tell
 * the secretariat again; a decided or withdrawn idea waits for no one.
 */
export function queueIdeaStepNotice(
  options: ChangeOptions,
  tx: DbOrTx,
  idea: {
    readonly id: number;
    readonly title: string;
    readonly sector: IdeaSector;
    readonly status: IdeaStatus;
    readonly owner: { readonly number: string; readonly name: string };
  },
): void {
  const turn = ideaWaitingFor(idea);
  if (!turn) return;
  const sector = turn.role === "sectorCouncil" && turn.sector !== "common" ? turn.sector : null;
  const recipients = listProgrammeRecipients(tx, { role: turn.role, sector, kind: "ideaStep" }).filter(
    (r) => r.email.toLowerCase() !== options.actor.email.toLowerCase(),
  );
  queueNotice({ mail: options.mail ?? MAIL_OFF, secrets: NO_SECRETS, now: () => options.now }, tx, recipients, {
    key: `ideaStep:${idea.id}:${idea.status}`,
    content: {
      kind: "ideaStep",
      ideaId: idea.id,
      title: idea.title,
      owner: { number: idea.owner.number, name: idea.owner.name },
      awaits: AWAITS[turn.role],
      by: options.actor.name,
    },
  });
}

/**
 * The board's meeting pack is ready (issue 25): the secretariat says so for a meeting, and the board is told,
 * in the secretariat's transaction, which items wait for its decision (the compiled ideas, as the pack at
 * `/ideer/motepakke` shows them; the board reads every idea). Once per meeting date: saying it again for the
 * same meeting tells no one twice. Returns how many were told now and how many had been told before.
 */
export function queueMeetingPackNotice(
  options: ChangeOptions,
  tx: DbOrTx,
  pack: { readonly meetingDate: string; readonly items: readonly string[] },
): { told: number; toldBefore: number } {
  const recipients = listProgrammeRecipients(tx, { role: "board", kind: "meetingPack" }).filter(
    (r) => r.email.toLowerCase() !== options.actor.email.toLowerCase(),
  );
  const told = queueNotice({ mail: options.mail ?? MAIL_OFF, secrets: NO_SECRETS, now: () => options.now }, tx, recipients, {
    key: `meetingPack:${pack.meetingDate}`,
    content: { kind: "meetingPack", meetingDate: pack.meetingDate, items: [...pack.items], by: options.actor.name },
  });
  return { told, toldBefore: options.mail?.enabled ? recipients.length - told : 0 };
}
