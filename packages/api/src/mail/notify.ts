import { insertOutboxMessage, type DbOrTx, type MailRecipient } from "@malestokk/db";
import { defaultUiLanguage, type NoticeContent } from "@malestokk/domain";

import type { SecretBox } from "../auth/secret-box";

/** Whether mail is on (SMTP_URL and MAIL_FROM set) and the sender, as the admin page shows it. */
export interface MailSettings {
  readonly enabled: boolean;
  readonly from: string | null;
}

export const MAIL_OFF: MailSettings = { enabled: false, from: null };

/** The language a notice is written in: the user's choice, else their municipality's written standard, else bokmål (ADR 026). */
export function recipientLanguage(recipient: MailRecipient) {
  return defaultUiLanguage({ chosen: recipient.language, writtenStandard: recipient.writtenStandard, browser: [] });
}

/**
 * Queues a notice to each recipient in the transaction of the change that causes it (the outbox,
 * docs/decisions/030-mail-outbox.md): one message per recipient, keyed `key` + the user, so the same
 * notice is never queued twice. Nothing is queued while mail is off. Returns how many were queued.
 */
export function queueNotice(
  ctx: { readonly mail: MailSettings; readonly secrets: SecretBox; readonly now: () => Date },
  tx: DbOrTx,
  recipients: readonly MailRecipient[],
  notice: { readonly key: string; readonly content: NoticeContent; readonly secret?: string | null },
): number {
  if (!ctx.mail.enabled) return 0;
  const now = ctx.now().toISOString();
  let queued = 0;
  for (const recipient of recipients) {
    const inserted = insertOutboxMessage(tx, {
      idempotencyKey: `${notice.key}:u${recipient.id}`,
      kind: notice.content.kind,
      recipientUserId: recipient.id,
      recipientEmail: recipient.email,
      language: recipientLanguage(recipient),
      content: JSON.stringify(notice.content),
      secret: notice.secret ? ctx.secrets.seal(notice.secret) : null,
      now,
    });
    if (inserted) queued += 1;
  }
  return queued;
}
