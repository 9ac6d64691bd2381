import { getMunicipalityByNumber, listOrganisationRecipients, type DbOrTx, type JointKind } from "@malestokk/db";

import { createSecretBox } from "../auth/secret-box";
import type { ChangeOptions } from "../context";
import { MAIL_OFF, queueNotice } from "./notify";

const NO_SECRETS = createSecretBox(null);

/**
 * An invitation to a joint project or idea (issue 25), queued in the invitation's transaction: to the invited
 * municipality's managers, who answer it (ADR 008). It names what their invitation list in the app shows
 * (the project or idea, its owner, who invited) and nothing else. The one who invited is not told. Each
 * invitation is its own notice (keyed by when it was made), so a municipality invited again after it
 * declined or left is told again, and the same invitation never twice.
 */
export function queueInvitationNotice(
  options: ChangeOptions,
  tx: DbOrTx,
  invitation: {
    readonly kind: JointKind;
    readonly id: number;
    readonly name: string;
    readonly ownerNumber: string;
    readonly invitee: { readonly id: number; readonly number: string; readonly name: string };
    /** Who invited; the actor unless the invitation was carried over (an idea's invitation into its project). */
    readonly by?: string;
    readonly at?: string;
  },
): void {
  const owner = getMunicipalityByNumber(tx, invitation.ownerNumber);
  if (!owner) return;
  const recipients = listOrganisationRecipients(tx, {
    organisationId: invitation.invitee.id,
    roles: ["manager"],
    kind: "invitation",
  }).filter((r) => r.email.toLowerCase() !== options.actor.email.toLowerCase());
  const at = invitation.at ?? options.now.toISOString();
  queueNotice({ mail: options.mail ?? MAIL_OFF, secrets: NO_SECRETS, now: () => options.now }, tx, recipients, {
    key: `invitation:${invitation.kind}:${invitation.id}:o${invitation.invitee.id}:${at}`,
    content: {
      kind: "invitation",
      joint: invitation.kind,
      id: invitation.id,
      name: invitation.name,
      owner: { number: owner.number, name: owner.name },
      invitee: { number: invitation.invitee.number, name: invitation.invitee.name },
      by: invitation.by ?? options.actor.name,
    },
  });
}
