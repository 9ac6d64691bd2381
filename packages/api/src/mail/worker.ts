import {
  claimOutboxMessage,
  failInterruptedOutboxMessages,
  getSetting,
  listDueOutboxMessages,
  markOutboxFailedTry,
  markOutboxSent,
  pruneOutboxMessages,
  setSetting,
  type Db,
  type OutboxRow,
} from "@malestokk/db";
import {
  isOutboxPruneDue,
  isSecurityNotice,
  MAIL_RETENTION,
  MAIL_RETRY,
  nextTryAfterFailure,
  outboxPruneCutoffs,
  renderNotice,
  type MailFailure,
  type MailRetention,
  type NoticeContent,
  type NoticeKind,
} from "@malestokk/domain";
import { createTransport } from "nodemailer";

import type { SecretBox } from "../auth/secret-box";
import { unsubscribeToken, unsubscribeUrl } from "./unsubscribe";

/** The message the worker hands to the transport: one recipient, never another address in To or Cc. */
export interface OutgoingMail {
  readonly from: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly messageId: string;
  readonly headers: Record<string, string>;
}

/** What sends: nodemailer's transport in the server, the same over loopback in tests. */
export interface MailTransport {
  sendMail(mail: OutgoingMail): Promise<unknown>;
  close?(): void;
}

/**
 * An SMTP transport from SMTP_URL (smtp:// or smtps://, user and password in the URL), with timeouts so a
 * silent server fails a try. Pooled: the worker sends one message after another, so one connection carries
 * a round's messages (a new one after 100, or when the server drops it) instead of one connection, greeting
 * and login per message, and it is closed after a minute without messages or when the worker stops.
 */
export function createSmtpTransport(url: string): MailTransport {
  return createTransport({
    url,
    pool: true,
    maxConnections: 1,
    maxMessages: 100,
    idleTimeout: 60_000,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  });
}

export interface MailLogger {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
}

export interface MailWorkerOptions {
  readonly db: Db;
  readonly transport: MailTransport;
  /** MAIL_FROM. */
  readonly from: string;
  /** PUBLIC_ORIGIN: the base of every link. */
  readonly baseUrl: string;
  readonly secrets: SecretBox;
  /** Signs unsubscribe links (`unsubscribeKeyOf`). */
  readonly unsubscribeKey: Buffer;
  readonly now?: () => Date;
  readonly retry?: { maxAttempts: number; firstDelayMs: number; longestDelayMs: number };
  /** Messages per round. */
  readonly batch?: number;
  /** How long sent and failed messages are kept (`MAIL_RETENTION`: 90 and 180 days); pruned at most daily. */
  readonly retention?: MailRetention;
  readonly logger?: MailLogger;
  /** Queues what is due by the clock (deadline reminders) before each round; in the outbox's own transactions. */
  readonly queueDue?: (now: Date) => void;
}

export interface MailRound {
  readonly sent: number;
  readonly retrying: number;
  readonly failed: number;
}

const INTERRUPTED: MailFailure = "INTERRUPTED";

/** When the outbox was last pruned, kept in the settings so a restart does not prune again the same day. */
const PRUNED_AT = "mail.outboxPrunedAt";

/**
 * Sends the outbox (docs/decisions/030-mail-outbox.md). Each message is claimed and its try recorded
 * (status sending, one more attempt) before it is handed to the server, and marked sent after; a
 * failure is queued again with back-off or, after the last try or a permanent refusal, failed with the
 * reason. A message found "sending" at start was interrupted between hand-over and record: it may have
 * arrived, so it is failed as INTERRUPTED and never sent again by itself (at most once).
 */
export class MailWorker {
  private readonly now: () => Date;
  private readonly retry: { maxAttempts: number; firstDelayMs: number; longestDelayMs: number };
  private timer: NodeJS.Timeout | null = null;
  private round: Promise<MailRound> | null = null;

  constructor(private readonly options: MailWorkerOptions) {
    this.now = options.now ?? (() => new Date());
    this.retry = options.retry ?? MAIL_RETRY;
  }

  /** Fails what a stopped process left "sending"; call once before the first round. */
  recover(): number {
    const interrupted = failInterruptedOutboxMessages(
      this.options.db,
      `${INTERRUPTED}: the server stopped while handing this message over; it may have arrived. Retry only if the recipient did not get it.`,
    );
    if (interrupted > 0)
      this.options.logger?.warn({ interrupted }, "mail: messages interrupted by a stop were marked failed, not sent again");
    return interrupted;
  }

  /** Starts rounds every `intervalMs` (after recovering); the timer does not keep the process alive. */
  start(intervalMs: number): void {
    this.recover();
    this.timer = setInterval(() => void this.runOnce(), intervalMs);
    this.timer.unref();
    void this.runOnce();
  }

  /** Stops the timer and waits for a round under way. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.round;
    this.options.transport.close?.();
  }

  /** One round: queue what is due, then try each due message once. A round already under way is joined, not doubled. */
  runOnce(): Promise<MailRound> {
    this.round ??= this.sendDue().finally(() => {
      this.round = null;
    });
    return this.round;
  }

  /**
   * Deletes sent and failed messages past their retention, with their content, once a day at most
   * (docs/decisions/039-outbox-operations.md). Returns how many, or null when not due.
   */
  pruneIfDue(): { sent: number; failed: number } | null {
    const now = this.now();
    const pruned = this.options.db.transaction((tx) => {
      if (!isOutboxPruneDue(getSetting<string | null>(tx, PRUNED_AT, null), now)) return null;
      setSetting(tx, PRUNED_AT, now.toISOString(), now.toISOString());
      return pruneOutboxMessages(tx, outboxPruneCutoffs(now, this.options.retention ?? MAIL_RETENTION));
    });
    if (pruned && pruned.sent + pruned.failed > 0)
      this.options.logger?.info(pruned, "mail: pruned sent and failed messages past their retention");
    return pruned;
  }

  private async sendDue(): Promise<MailRound> {
    const { db } = this.options;
    this.pruneIfDue();
    this.options.queueDue?.(this.now());
    const due = listDueOutboxMessages(db, { now: this.now().toISOString(), limit: this.options.batch ?? 50 });
    const round = { sent: 0, retrying: 0, failed: 0 };
    for (const row of due) {
      if (!claimOutboxMessage(db, { id: row.id, now: this.now().toISOString() })) continue;
      const attempts = row.attempts + 1;
      let mail: OutgoingMail;
      try {
        mail = this.compose(row);
      } catch (error) {
        this.fail(row, attempts, "RECIPIENT_GONE", error, true);
        round.failed += 1;
        continue;
      }
      try {
        await this.options.transport.sendMail(mail);
      } catch (error) {
        const permanent = isPermanent(error);
        const retrying = this.fail(row, attempts, permanent ? "REFUSED" : reasonOf(error), error, permanent);
        if (retrying) round.retrying += 1;
        else round.failed += 1;
        continue;
      }
      markOutboxSent(db, { id: row.id, now: this.now().toISOString() });
      round.sent += 1;
    }
    return round;
  }

  /** Records a failed try; true when another try is queued. */
  private fail(row: OutboxRow, attempts: number, reason: MailFailure, error: unknown, permanent: boolean): boolean {
    const delay = nextTryAfterFailure(attempts, { permanent }, this.retry);
    const nextAttemptAt = delay === null ? null : new Date(this.now().getTime() + delay).toISOString();
    const detail = describe(error);
    markOutboxFailedTry(this.options.db, { id: row.id, error: `${reason}: ${detail}`.slice(0, 500), nextAttemptAt });
    this.options.logger?.warn(
      { outboxId: row.id, kind: row.kind, attempts, reason, nextAttemptAt },
      nextAttemptAt ? "mail: a try failed; it will be tried again" : "mail: a message failed for good",
    );
    return nextAttemptAt !== null;
  }

  private compose(row: OutboxRow): OutgoingMail {
    const content = JSON.parse(row.content) as NoticeContent;
    const secret = row.secret ? this.options.secrets.open(row.secret) : null;
    const kind = row.kind as NoticeKind;
    const optional = !isSecurityNotice(kind) && row.recipientUserId !== null;
    const unsubscribe = optional
      ? unsubscribeUrl(this.options.baseUrl, unsubscribeToken(this.options.unsubscribeKey, row.recipientUserId ?? 0, kind))
      : null;
    const rendered = renderNotice(content, row.language, { baseUrl: this.options.baseUrl, secret, unsubscribeUrl: unsubscribe });
    const headers: Record<string, string> = {
      // RFC 3834: no vacation replies or other automatic answers to this message.
      "Auto-Submitted": "auto-generated",
      "X-Auto-Response-Suppress": "All",
    };
    if (unsubscribe) {
      headers["List-Unsubscribe"] = `<${unsubscribe}>`;
      headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click";
    }
    return {
      from: this.options.from,
      to: row.recipientEmail,
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      messageId: messageIdOf(row, this.options.baseUrl),
      headers,
    };
  }
}

/** The idempotency key as the Message-ID (with the row's id, in the characters a Message-ID allows): a repeat is recognisable. */
export function messageIdOf(row: Pick<OutboxRow, "id" | "idempotencyKey">, baseUrl: string): string {
  const host = URL.canParse(baseUrl) ? new URL(baseUrl).hostname : "malestokk.invalid";
  return `<${row.id}.${row.idempotencyKey.replace(/[^A-Za-z0-9._-]/g, ".")}@${host || "malestokk.invalid"}>`;
}

function isPermanent(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === "number" && code >= 500;
}

function reasonOf(error: unknown): MailFailure {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === "number" ? "REFUSED" : "UNREACHABLE";
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const response = (error as { response?: unknown }).response;
  return typeof response === "string" ? response : error.message;
}
