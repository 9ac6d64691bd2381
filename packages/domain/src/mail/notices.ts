import type { UiLanguage } from "../auth/ui-language";
import type { QualityInstrument } from "../quality/satisfaction";
import type { LocalizedText } from "../text/localized";
import { formatNoticeDate } from "./notice-date";
import { programmeNoticePath, writeProgrammeNotice, type ProgrammeNoticeContent } from "./programme-notices";

export { formatNoticeDate } from "./notice-date";

/**
 * The notices Målestokk sends by e-mail (issue 25), a closed list. Security notices always go out;
 * every other kind a user may turn off under Min konto (docs/decisions/030-mail-outbox.md).
 */
export const NOTICE_KINDS = [
  "resetLink",
  "passwordChanged",
  "secondFactorChanged",
  "reportSubmitted",
  "reportReturned",
  "deadlineReminder",
  "measurementDue",
  "invitation",
  "ideaStep",
  "meetingPack",
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export const SECURITY_NOTICE_KINDS = ["resetLink", "passwordChanged", "secondFactorChanged"] as const satisfies readonly NoticeKind[];

/** The kinds a user may turn off: every kind but the security notices. */
export const OPTIONAL_NOTICE_KINDS = NOTICE_KINDS.filter((kind) => !isSecurityNotice(kind));
export type OptionalNoticeKind = Exclude<NoticeKind, (typeof SECURITY_NOTICE_KINDS)[number]>;

export function isNoticeKind(value: unknown): value is NoticeKind {
  return typeof value === "string" && (NOTICE_KINDS as readonly string[]).includes(value);
}

export function isSecurityNotice(kind: NoticeKind): boolean {
  return (SECURITY_NOTICE_KINDS as readonly NoticeKind[]).includes(kind);
}

/** What the outbox holds per message: queued (waiting, maybe for a retry), sending, sent, failed. */
export const OUTBOX_STATUSES = ["queued", "sending", "sent", "failed"] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/** The reason a message left the outbox unsent, or was put back for a retry. */
export const MAIL_FAILURES = ["REFUSED", "UNREACHABLE", "INTERRUPTED", "RECIPIENT_GONE"] as const;
export type MailFailure = (typeof MAIL_FAILURES)[number];

export const MAIL_RETRY = {
  /** Tries in all before a message counts as failed. */
  maxAttempts: 8,
  firstDelayMs: 60_000,
  longestDelayMs: 3_600_000,
} as const;

/**
 * The wait before try `attempt + 1` after `attempt` tries failed: one minute, doubled each time, at
 * most an hour (1, 2, 4, 8, 16, 32, 60 min: about two hours before a message counts as failed).
 */
export function retryDelayMs(attempt: number, retry: { firstDelayMs: number; longestDelayMs: number } = MAIL_RETRY): number {
  const doubled = retry.firstDelayMs * 2 ** Math.max(0, attempt - 1);
  return Math.min(doubled, retry.longestDelayMs);
}

/**
 * After a failed try: another try later (null: none) and the reason kept. A permanent refusal (an SMTP
 * 5xx reply, e.g. an unknown mailbox) fails at once; a temporary one (4xx) or a server out of reach is
 * tried again with back-off until `maxAttempts`.
 */
export function nextTryAfterFailure(
  attempts: number,
  failure: { permanent: boolean },
  retry: { maxAttempts: number; firstDelayMs: number; longestDelayMs: number } = MAIL_RETRY,
): number | null {
  if (failure.permanent || attempts >= retry.maxAttempts) return null;
  return retryDelayMs(attempts, retry);
}

export type ReportArea = "costs" | "quality";
export type QualityInstrumentPath = "modenhet" | "tilfredshet" | "tjenester";

/** The web page of each quality instrument (as the web's `QUALITY_PATHS`), for a notice's link. */
export const QUALITY_INSTRUMENT_PATHS: Record<QualityInstrument, QualityInstrumentPath> = {
  maturity: "modenhet",
  satisfaction: "tilfredshet",
  scope: "tjenester",
};

/** A reporting unit as a notice names it and links to it. */
export interface NoticeUnit {
  readonly number: string;
  readonly name: string;
  readonly isCooperative: boolean;
}

/** What each kind of notice says, besides whom it goes to: only what its recipient may see in the app. */
export type NoticeContent =
  | { readonly kind: "resetLink"; readonly name: string; readonly expiresAt: string }
  | { readonly kind: "passwordChanged"; readonly name: string; readonly at: string }
  | { readonly kind: "secondFactorChanged"; readonly name: string; readonly at: string; readonly change: "enabled" | "replaced" | "reset" }
  | {
      readonly kind: "reportSubmitted";
      readonly area: ReportArea;
      readonly unit: NoticeUnit;
      readonly year: number;
      readonly by: string;
      readonly instrument?: QualityInstrumentPath | undefined;
    }
  | {
      readonly kind: "reportReturned";
      readonly area: ReportArea;
      readonly unit: NoticeUnit;
      readonly year: number;
      readonly by: string;
      readonly comment: string;
      readonly instrument?: QualityInstrumentPath | undefined;
    }
  | {
      readonly kind: "deadlineReminder";
      readonly unit: NoticeUnit;
      readonly year: number;
      readonly deadline: string;
      /** Days left to the deadline (0 on the day), or negative once it was missed. */
      readonly daysBefore: number;
    }
  | ProgrammeNoticeContent;

/** A rendered message: subject, plain text and simple HTML, and the page it links to. */
export interface RenderedNotice {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly url: string;
}

/** Where a notice's link points (a path of the web app), given its content; a reset link carries its token after '#'. */
export function noticePath(content: NoticeContent, secret: string | null = null): string {
  switch (content.kind) {
    case "resetLink":
      return `/tilbakestill-passord#${secret ?? ""}`;
    case "passwordChanged":
    case "secondFactorChanged":
      return "/konto";
    case "reportSubmitted":
    case "reportReturned":
      return reportPath(content.unit, content.year, content.area, content.instrument);
    case "deadlineReminder":
      return reportPath(content.unit, content.year, "costs");
    case "measurementDue":
    case "invitation":
    case "ideaStep":
    case "meetingPack":
      return programmeNoticePath(content);
  }
}

function reportPath(unit: NoticeUnit, year: number, area: ReportArea, instrument?: QualityInstrumentPath): string {
  const base = unit.isCooperative ? `/samarbeid/${unit.number}` : `/kommune/${unit.number}`;
  if (area === "quality") return `${base}/${instrument ?? "modenhet"}/${year}`;
  return `${base}/kostnader/${year}`;
}

/** An instant as the recipient reads it, in Norwegian time: 15.03.2026 kl. 14:05, or 15 March 2026 at 14:05. */
export function formatNoticeTime(iso: string, language: UiLanguage): string {
  const { date, time } = osloDateTime(new Date(iso));
  return language === "en" ? `${formatNoticeDate(date, language)} at ${time}` : `${formatNoticeDate(date, language)} kl. ${time}`;
}

/** The calendar date (YYYY-MM-DD) and time (HH:MM) in Europe/Oslo at an instant. */
export function osloDateTime(at: Date): { date: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", {
      timeZone: "Europe/Oslo",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

interface Lines {
  readonly subject: string;
  /** Paragraphs, in order; the link comes after them. */
  readonly body: readonly string[];
  readonly action: string;
}

type Writer = (language: UiLanguage) => Lines;

function pick(text: LocalizedText, language: UiLanguage): string {
  return text[language];
}

const AREA: Record<ReportArea, LocalizedText> = {
  costs: { nb: "kostnadsrapporten", nn: "kostnadsrapporten", en: "the cost report" },
  quality: { nb: "kvalitetsrapporten", nn: "kvalitetsrapporten", en: "the quality report" },
};

function unitLabel(unit: NoticeUnit): string {
  return `${unit.name} (${unit.number})`;
}

function writerOf(content: NoticeContent): Writer {
  switch (content.kind) {
    case "resetLink":
      return (l) => ({
        subject: pick(
          { nb: "Sett passordet ditt i Målestokk", nn: "Set passordet ditt i Målestokk", en: "Set your Målestokk password" },
          l,
        ),
        body: [
          pick({ nb: `Hei, ${content.name}.`, nn: `Hei, ${content.name}.`, en: `Hello, ${content.name}.` }, l),
          pick(
            {
              nb: `En administrator har laget en lenke du kan sette et nytt passord med. Lenken virker én gang, til ${formatNoticeTime(content.expiresAt, l)}.`,
              nn: `Ein administrator har laga ei lenkje du kan setje eit nytt passord med. Lenkja verkar éin gong, til ${formatNoticeTime(content.expiresAt, l)}.`,
              en: `An administrator has made a link for you to set a new password. It works once, until ${formatNoticeTime(content.expiresAt, l)}.`,
            },
            l,
          ),
          pick(
            {
              nb: "Ba du ikke om dette, kan du se bort fra e-posten og si fra til administratoren.",
              nn: "Bad du ikkje om dette, kan du sjå bort frå e-posten og seie frå til administratoren.",
              en: "If you did not ask for this, ignore this e-mail and tell the administrator.",
            },
            l,
          ),
        ],
        action: pick({ nb: "Sett passord", nn: "Set passord", en: "Set password" }, l),
      });
    case "passwordChanged":
      return (l) => ({
        subject: pick({ nb: "Passordet ditt er endret", nn: "Passordet ditt er endra", en: "Your password was changed" }, l),
        body: [
          pick({ nb: `Hei, ${content.name}.`, nn: `Hei, ${content.name}.`, en: `Hello, ${content.name}.` }, l),
          pick(
            {
              nb: `Passordet ditt i Målestokk ble endret ${formatNoticeTime(content.at, l)}. Var dette deg?`,
              nn: `Passordet ditt i Målestokk vart endra ${formatNoticeTime(content.at, l)}. Var dette deg?`,
              en: `Your Målestokk password was changed on ${formatNoticeTime(content.at, l)}. Was this you?`,
            },
            l,
          ),
          SECURITY_ADVICE[l],
        ],
        action: pick({ nb: "Se kontoen din", nn: "Sjå kontoen din", en: "See your account" }, l),
      });
    case "secondFactorChanged":
      return (l) => ({
        subject: pick(
          { nb: "Totrinnsinnloggingen din er endret", nn: "Totrinnsinnlogginga di er endra", en: "Your two-step sign-in was changed" },
          l,
        ),
        body: [
          pick({ nb: `Hei, ${content.name}.`, nn: `Hei, ${content.name}.`, en: `Hello, ${content.name}.` }, l),
          pick(SECOND_FACTOR_CHANGE[content.change], l).replace("{time}", formatNoticeTime(content.at, l)),
          SECURITY_ADVICE[l],
        ],
        action: pick({ nb: "Se kontoen din", nn: "Sjå kontoen din", en: "See your account" }, l),
      });
    case "reportSubmitted":
      return (l) => ({
        subject: pick(
          {
            nb: `${unitLabel(content.unit)}: ${AREA[content.area].nb} for ${content.year} venter på godkjenning`,
            nn: `${unitLabel(content.unit)}: ${AREA[content.area].nn} for ${content.year} ventar på godkjenning`,
            en: `${unitLabel(content.unit)}: ${AREA[content.area].en} for ${content.year} awaits approval`,
          },
          l,
        ),
        body: [
          pick(
            {
              nb: `${content.by} har sendt inn ${AREA[content.area].nb} for ${content.year} for ${unitLabel(content.unit)}. Den venter på at en leder godkjenner eller returnerer den.`,
              nn: `${content.by} har sendt inn ${AREA[content.area].nn} for ${content.year} for ${unitLabel(content.unit)}. Han ventar på at ein leiar godkjenner eller returnerer han.`,
              en: `${content.by} has submitted ${AREA[content.area].en} for ${content.year} for ${unitLabel(content.unit)}. It awaits a manager's approval or return.`,
            },
            l,
          ),
        ],
        action: pick({ nb: "Åpne rapporten", nn: "Opne rapporten", en: "Open the report" }, l),
      });
    case "reportReturned":
      return (l) => ({
        subject: pick(
          {
            nb: `${unitLabel(content.unit)}: ${AREA[content.area].nb} for ${content.year} er returnert`,
            nn: `${unitLabel(content.unit)}: ${AREA[content.area].nn} for ${content.year} er returnert`,
            en: `${unitLabel(content.unit)}: ${AREA[content.area].en} for ${content.year} was returned`,
          },
          l,
        ),
        body: [
          pick(
            {
              nb: `${content.by} har returnert ${AREA[content.area].nb} for ${content.year} for ${unitLabel(content.unit)} med denne kommentaren:`,
              nn: `${content.by} har returnert ${AREA[content.area].nn} for ${content.year} for ${unitLabel(content.unit)} med denne kommentaren:`,
              en: `${content.by} has returned ${AREA[content.area].en} for ${content.year} for ${unitLabel(content.unit)} with this comment:`,
            },
            l,
          ),
          `«${content.comment}»`,
          pick(
            {
              nb: "Rett det som trengs, og send rapporten inn igjen.",
              nn: "Rett det som trengst, og send rapporten inn att.",
              en: "Correct what is needed and submit the report again.",
            },
            l,
          ),
        ],
        action: pick({ nb: "Åpne rapporten", nn: "Opne rapporten", en: "Open the report" }, l),
      });
    case "deadlineReminder":
      return (l) => {
        const deadline = formatNoticeDate(content.deadline, l);
        const missed = content.daysBefore < 0;
        const days = content.daysBefore;
        const today = days === 0;
        return {
          subject: today
            ? pick(
                {
                  nb: `${unitLabel(content.unit)}: fristen for ${content.year} er i dag`,
                  nn: `${unitLabel(content.unit)}: fristen for ${content.year} er i dag`,
                  en: `${unitLabel(content.unit)}: the deadline for ${content.year} is today`,
                },
                l,
              )
            : missed
              ? pick(
                  {
                    nb: `${unitLabel(content.unit)}: fristen for ${content.year} gikk ut ${deadline}`,
                    nn: `${unitLabel(content.unit)}: fristen for ${content.year} gjekk ut ${deadline}`,
                    en: `${unitLabel(content.unit)}: the deadline for ${content.year} passed on ${deadline}`,
                  },
                  l,
                )
              : pick(
                  {
                    nb: `${unitLabel(content.unit)}: ${days === 1 ? "1 dag" : `${days} dager`} til fristen for ${content.year}`,
                    nn: `${unitLabel(content.unit)}: ${days === 1 ? "1 dag" : `${days} dagar`} til fristen for ${content.year}`,
                    en: `${unitLabel(content.unit)}: ${days === 1 ? "1 day" : `${days} days`} to the deadline for ${content.year}`,
                  },
                  l,
                ),
          body: [
            missed
              ? pick(
                  {
                    nb: `Kostnadsrapporten for ${content.year} for ${unitLabel(content.unit)} skulle vært sendt inn innen ${deadline}, og er ikke sendt inn ennå.`,
                    nn: `Kostnadsrapporten for ${content.year} for ${unitLabel(content.unit)} skulle vore send inn innan ${deadline}, og er ikkje send inn enno.`,
                    en: `The cost report for ${content.year} for ${unitLabel(content.unit)} was due on ${deadline} and has not been submitted yet.`,
                  },
                  l,
                )
              : pick(
                  {
                    nb: `Kostnadsrapporten for ${content.year} for ${unitLabel(content.unit)} skal sendes inn innen ${deadline}. Den er ikke sendt inn ennå.`,
                    nn: `Kostnadsrapporten for ${content.year} for ${unitLabel(content.unit)} skal sendast inn innan ${deadline}. Han er ikkje send inn enno.`,
                    en: `The cost report for ${content.year} for ${unitLabel(content.unit)} is due on ${deadline}. It has not been submitted yet.`,
                  },
                  l,
                ),
          ],
          action: pick({ nb: "Åpne rapporten", nn: "Opne rapporten", en: "Open the report" }, l),
        };
      };
    case "measurementDue":
    case "invitation":
    case "ideaStep":
    case "meetingPack":
      return (l) => writeProgrammeNotice(content, l);
  }
}

const SECURITY_ADVICE: Record<UiLanguage, string> = {
  nb: "Var det ikke deg, må du straks be en administrator om en ny passordlenke og si fra om hva som har skjedd.",
  nn: "Var det ikkje deg, må du straks be ein administrator om ei ny passordlenkje og seie frå om kva som har skjedd.",
  en: "If it was not you, ask an administrator for a new password link at once and report what happened.",
};

const SECOND_FACTOR_CHANGE: Record<"enabled" | "replaced" | "reset", LocalizedText> = {
  enabled: {
    nb: "En autentiseringsapp ble satt opp for kontoen din {time}. Var dette deg?",
    nn: "Ein autentiseringsapp vart sett opp for kontoen din {time}. Var dette deg?",
    en: "An authenticator app was set up for your account on {time}. Was this you?",
  },
  replaced: {
    nb: "Autentiseringsappen for kontoen din ble byttet {time}. Var dette deg?",
    nn: "Autentiseringsappen for kontoen din vart bytt {time}. Var dette deg?",
    en: "The authenticator app of your account was replaced on {time}. Was this you?",
  },
  reset: {
    nb: "En administrator nullstilte totrinnsinnloggingen din {time}; ved neste innlogging setter du den opp på nytt.",
    nn: "Ein administrator nullstilte totrinnsinnlogginga di {time}; ved neste innlogging set du henne opp på nytt.",
    en: "An administrator reset your two-step sign-in on {time}; you set it up again at your next sign-in.",
  },
};

const FOOTER: Record<UiLanguage, { auto: string; unsubscribe: string; security: string }> = {
  nb: {
    auto: "Denne e-posten er sendt automatisk av Målestokk; svar på den blir ikke lest.",
    unsubscribe: "Vil du ikke ha slike e-poster, kan du slå dem av under Min konto, eller med denne lenken:",
    security: "Sikkerhetsvarsler sendes alltid og kan ikke slås av.",
  },
  nn: {
    auto: "Denne e-posten er send automatisk av Målestokk; svar på han blir ikkje lesne.",
    unsubscribe: "Vil du ikkje ha slike e-postar, kan du slå dei av under Min konto, eller med denne lenkja:",
    security: "Tryggleiksvarsel blir alltid sende og kan ikkje slåast av.",
  },
  en: {
    auto: "This e-mail was sent automatically by Målestokk; replies are not read.",
    unsubscribe: "If you do not want such e-mails, turn them off under My account, or with this link:",
    security: "Security notices are always sent and cannot be turned off.",
  },
};

/** Escapes text for HTML (element content and quoted attribute values). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);
}

/**
 * A notice as the recipient reads it, in their language: subject, plain text and simple HTML, with a
 * link to the exact page (`baseUrl` + the notice's path) and, for a kind the user may turn off, the
 * one-click unsubscribe link.
 */
export function renderNotice(
  content: NoticeContent,
  language: UiLanguage,
  links: { readonly baseUrl: string; readonly secret?: string | null; readonly unsubscribeUrl?: string | null },
): RenderedNotice {
  const lines = writerOf(content)(language);
  const url = `${links.baseUrl.replace(/\/$/, "")}${noticePath(content, links.secret ?? null)}`;
  const footer = FOOTER[language];
  const unsubscribe = isSecurityNotice(content.kind) ? null : (links.unsubscribeUrl ?? null);
  const closing = unsubscribe
    ? [footer.auto, `${footer.unsubscribe} ${unsubscribe}`]
    : [footer.auto, ...(isSecurityNotice(content.kind) ? [footer.security] : [])];
  const text = [...lines.body, `${lines.action}: ${url}`, "--", ...closing].join("\n\n") + "\n";
  const paragraphs = lines.body.map((p) => `<p>${escapeHtml(p)}</p>`).join("\n");
  const footerHtml = unsubscribe
    ? `<p style="color:#555;font-size:90%">${escapeHtml(footer.auto)}<br>${escapeHtml(footer.unsubscribe)} <a href="${escapeHtml(unsubscribe)}">${escapeHtml(unsubscribe)}</a></p>`
    : `<p style="color:#555;font-size:90%">${escapeHtml(closing.join(" "))}</p>`;
  const html = [
    `<!doctype html><html lang="${language === "en" ? "en" : language === "nn" ? "nn" : "nb"}"><head><meta charset="utf-8"><title>${escapeHtml(lines.subject)}</title></head><body style="font-family:sans-serif;line-height:1.5;color:#1a1a1a">`,
    paragraphs,
    `<p><a href="${escapeHtml(url)}">${escapeHtml(lines.action)}</a></p>`,
    `<hr>`,
    footerHtml,
    `</body></html>`,
  ].join("\n");
  return { subject: lines.subject, text, html, url };
}
