/**
 * How long the outbox keeps a message once it is done (docs/decisions/039-outbox-operations.md): a sent
 * one 90 days after it was sent, long enough to answer "did it go?" about a quarter's notices; a failed one
 * 180 days after its last try, since someone has to look at it (a retry makes it queued again and starts
 * over). Queued and sending messages are never pruned. The content (which may hold links) goes with the row.
 */
export const MAIL_RETENTION = { sentDays: 90, failedDays: 180 } as const;

export type MailRetention = { readonly sentDays: number; readonly failedDays: number };

const DAY_MS = 86_400_000;

/** The pruning runs at most once a day. */
export const MAIL_PRUNE_INTERVAL_MS = DAY_MS;

/** The times before which a sent message (by when it was sent) and a failed one (by its last try) are pruned at `now`. */
export function outboxPruneCutoffs(now: Date, retention: MailRetention = MAIL_RETENTION): { sentBefore: string; failedBefore: string } {
  return {
    sentBefore: new Date(now.getTime() - retention.sentDays * DAY_MS).toISOString(),
    failedBefore: new Date(now.getTime() - retention.failedDays * DAY_MS).toISOString(),
  };
}

/** Whether a day has passed since the last pruning (`null`: never pruned). A clock set back counts as due. */
export function isOutboxPruneDue(lastPrunedAt: string | null, now: Date): boolean {
  if (lastPrunedAt === null) return true;
  const last = Date.parse(lastPrunedAt);
  return !Number.isFinite(last) || now.getTime() - last >= MAIL_PRUNE_INTERVAL_MS || now.getTime() < last;
}
