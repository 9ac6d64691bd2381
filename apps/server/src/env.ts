import { fileURLToPath } from "node:url";

import { EnvIdentityProviderSchema, type Language } from "@malestokk/domain";
import { z } from "zod";

const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  HOST: z.string().min(1).default("127.0.0.1"),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  DATABASE_PATH: z.string().min(1).default(`${REPO_ROOT}data/malestokk.db`),
  WEB_DIST_DIR: z.string().min(1).default(`${REPO_ROOT}apps/web/dist`),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** on: demo data and demo users (flagged); off: neither, and existing demo users are removed. */
  DEMO: z.enum(["on", "off"]).default("on"),
  /** The demo users' password; a random one is made and printed at start when unset. */
  DEMO_PASSWORD: z.string().min(12, "must be at least 12 characters").optional(),
  /**
   * The address users reach the app at: https makes the session cookie Secure with the __Host-
   * prefix; the provider callback is built from it, and it is the one origin the CSRF check accepts.
   */
  PUBLIC_ORIGIN: z
    .url({ protocol: /^https?$/ })
    .refine((value) => {
      if (!URL.canParse(value)) return true; // the url check above has said so
      const url = new URL(value);
      return url.pathname === "/" && !url.search && !url.hash && !url.username && !url.password;
    }, "must be scheme, host and port only, e.g. https://malestokk.kommune.no")
    .transform((value) => new URL(value).origin)
    .optional(),
  /** Express "trust proxy": set it (e.g. 1 or "loopback") only behind a reverse proxy, so X-Forwarded-For is believed. */
  TRUST_PROXY: z.string().optional(),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 7)
    .default(12),
  /** on: serve /metrics in Prometheus text format (keep it behind the proxy, it is not signed in). */
  METRICS: z.enum(["on", "off"]).default("off"),
  /** A directory for scheduled backups; none are made when unset. */
  BACKUP_DIR: z.string().min(1).optional(),
  /** How many scheduled backups to keep (the oldest go first). */
  BACKUP_KEEP: z.coerce.number().int().min(1).max(1_000).default(14),
  // Fractions of an hour are allowed (tests use about a second).
  BACKUP_INTERVAL_HOURS: z.coerce
    .number()
    .min(0.0002)
    .max(24 * 31)
    .default(24),
  /** Seals TOTP keys and identity providers' client secrets in the database (any random text of 32+ characters). */
  SECRET_KEY: z.string().min(32, "must be at least 32 characters (random text)").optional(),
  /**
   * OpenID Connect providers as a JSON array: [{ "slug", "name", "issuer", "clientId", "clientSecret",
   * "emailClaim", "requireVerifiedEmail", "organisations": ["5001"], "nationalRoles", "vouchesForMfa",
   * "mfaAmrValues", "mfaAcrValues" }]. Admins can add more in the app.
   */
  OIDC_PROVIDERS: z
    .string()
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: "must be a JSON array of providers" });
        return z.NEVER;
      }
    })
    .pipe(
      z
        .array(EnvIdentityProviderSchema)
        .max(20)
        .refine((list) => new Set(list.map((p) => p.slug)).size === list.length, "each provider needs its own slug"),
    )
    .default([]),
  /**
   * The SMTP server notices are sent through (issue 25): smtp://user:password@host:587 (STARTTLS when
   * offered) or smtps://…:465. Mail is off when unset.
   */
  SMTP_URL: z
    .url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL, e.g. smtp://user:password@smtp.kommune.no:587" })
    .optional(),
  /** The sender of every notice, e.g. "Målestokk <noreply@kommune.no>"; needed with SMTP_URL. */
  MAIL_FROM: z.string().min(3).max(200).optional(),
  /** How often the mail worker looks for messages to send, and for reminders that are due. */
  MAIL_INTERVAL_SECONDS: z.coerce.number().min(0.05).max(3_600).default(15),
  /** The public API's budget per client address: "requests/seconds", e.g. 120/60 (docs/open-data.md#api). */
  API_RATE_LIMIT: z
    .string()
    .regex(/^\d+\/\d+$/, "must be requests/seconds, e.g. 120/60")
    .transform((text) => {
      const [limit, windowSeconds] = text.split("/").map(Number) as [number, number];
      return { limit, windowSeconds };
    })
    .refine(
      (rule) => rule.limit >= 1 && rule.windowSeconds >= 1 && rule.windowSeconds <= 86_400,
      "needs at least 1 request and a window of 1 to 86400 seconds",
    )
    .default({ limit: 120, windowSeconds: 60 }),
});

export type Env = z.infer<typeof EnvSchema>;

export class EnvError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid environment:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "EnvError";
  }
}

/**
 * A real installation (DEMO=off) keeps TOTP keys and identity providers' client secrets: without
 * SECRET_KEY they would lie in the database and its backups in plain text, so the server will not
 * start. The demo may, and says so at every start.
 */
export function secretKeyRefusal(env: Pick<Env, "DEMO" | "SECRET_KEY">): string | null {
  if (env.DEMO !== "off" || env.SECRET_KEY) return null;
  return [
    "Cannot start: SECRET_KEY is not set. With DEMO=off the database holds real TOTP keys and identity providers' client secrets,",
    "and without a key they would be stored in plain text (in every backup too).",
    "Make a key with `openssl rand -base64 32`, keep it safe and apart from the backups, and start with SECRET_KEY set to it.",
  ].join("\n");
}

/**
 * Mail needs all three: SMTP_URL to send through, MAIL_FROM to send as, and PUBLIC_ORIGIN for the
 * links (a link built from a request's Host header could point anywhere). One without the others stops the start.
 */
export function mailRefusal(env: Pick<Env, "SMTP_URL" | "MAIL_FROM" | "PUBLIC_ORIGIN">): string | null {
  if (!env.SMTP_URL && !env.MAIL_FROM) return null;
  if (!env.SMTP_URL) return "Cannot start: MAIL_FROM is set but SMTP_URL is not; set both to send notices by e-mail, or neither.";
  if (!env.MAIL_FROM)
    return 'Cannot start: SMTP_URL is set but MAIL_FROM is not; set the sender, e.g. MAIL_FROM="Målestokk <noreply@kommune.no>".';
  if (!env.PUBLIC_ORIGIN)
    return "Cannot start: SMTP_URL is set but PUBLIC_ORIGIN is not; the links in notices are built from it (e.g. PUBLIC_ORIGIN=https://malestokk.kommune.no).";
  return null;
}

/**
 * The language of the command line's messages, from the locale as POSIX orders it (LC_ALL, then
 * LC_MESSAGES, then LANG): "en_US.UTF-8" and other English locales give English, "nn_NO.UTF-8"
 * (and "nn") nynorsk, anything else (nb_NO, C, none) bokmål.
 */
export function cliLanguage(source: Record<string, string | undefined>): Language {
  const locale = [source.LC_ALL, source.LC_MESSAGES, source.LANG].find((value) => value !== undefined && value !== "") ?? "";
  if (/^en([_.@-]|$)/i.test(locale)) return "en";
  return /^nn([_.@-]|$)/i.test(locale) ? "nn" : "nb";
}

/** The command line's language from this process's locale. */
export function loadCliLanguage(): Language {
  return cliLanguage(process.env);
}

/** Reads this process's environment: the only place that touches process.env. */
export function loadEnv(): Env {
  return parseEnv(process.env);
}

/** Parses the environment once; a wrong value names the variable and why (docs/style.md#server). */
export function parseEnv(source: Record<string, string | undefined>): Env {
  // An empty variable means "not set", as in most shells' `VAR= command`.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = EnvSchema.safeParse(cleaned);
  if (result.success) return result.data;
  throw new EnvError(
    result.error.issues.map((issue) => {
      const [variable, ...inside] = issue.path.map(String);
      const name = variable ?? "";
      // Inside a JSON variable, name the place, not the value: it may hold a client secret.
      if (inside.length > 0) return `${name}: entry ${inside.join(".")}: ${issue.message}`;
      // SMTP_URL may hold the mail server's password.
      if (name === "OIDC_PROVIDERS" || name === "SMTP_URL") return `${name}: ${issue.message}`;
      return `${name}=${JSON.stringify(source[name] ?? "")}: ${issue.message}`;
    }),
  );
}
