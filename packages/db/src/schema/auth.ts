import { DEFAULT_MFA_ACR_VALUES, DEFAULT_MFA_AMR_VALUES } from "@malestokk/domain";
import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

import { organisations } from "./organisations";

export const users = sqliteTable("users", {
  id: integer().primaryKey({ autoIncrement: true }),
  /** Stored lower-cased and trimmed. */
  email: text().notNull().unique(),
  name: text().notNull(),
  /** argon2id PHC string; null until the user sets a password through a reset link. */
  passwordHash: text(),
  isDemo: integer({ mode: "boolean" }).notNull().default(false),
  disabled: integer({ mode: "boolean" }).notNull().default(false),
  version: integer().notNull().default(1),
  createdAt: text().notNull(),
  updatedAt: text().notNull(),
  /** The TOTP secret (base32) once a second factor is enrolled; null without one. */
  totpSecret: text(),
  /** A secret shown for enrolment, until the first code confirms it. */
  totpPendingSecret: text(),
  totpEnabledAt: text(),
  /** The last time step a code was accepted for: older and equal steps are refused (no replay). */
  totpLastCounter: integer(),
  /** The interface language the user chose ('nb', 'nn', 'en'); null before a choice (ADR 026). */
  language: text({ enum: ["nb", "nn", "en"] }),
});

/** One-time recovery codes for a lost authenticator, kept as SHA-256. */
export const recoveryCodes = sqliteTable(
  "recovery_codes",
  {
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text().notNull(),
    usedAt: text(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.codeHash] })],
);

/** The step between a right password and the second factor: short-lived, a few tries, then gone. */
export const signInChallenges = sqliteTable("sign_in_challenges", {
  tokenHash: text().primaryKey(),
  userId: integer()
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  /** "verify": enter a code; "enrol": the second factor is required and not set up yet. */
  purpose: text({ enum: ["verify", "enrol"] }).notNull(),
  expiresAt: text().notNull(),
  attempts: integer().notNull().default(0),
});

export const roleAssignments = sqliteTable(
  "role_assignments",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text({ enum: ["admin", "board", "secretariat", "sectorCouncil", "manager", "finance"] }).notNull(),
    organisationId: integer().references(() => organisations.id, { onDelete: "cascade" }),
    sector: text({ enum: ["helseVelferd", "skoleOppvekst", "planByggGeodata"] }),
    createdAt: text().notNull(),
  },
  (t) => [
    // The unique index over (user, role, organisation, sector) uses coalesce(), which drizzle-kit
    // cannot express: it is in migration 0002.
    index("role_assignments_user_idx").on(t.userId),
    // Organisation roles name an organisation; the others never do.
    check(
      "role_assignments_scope_check",
      sql`(${t.role} in ('manager', 'finance')) = (${t.organisationId} is not null) and (${t.role} = 'sectorCouncil') = (${t.sector} is not null)`,
    ),
  ],
);

/** Server-side sessions; the cookie holds a random token, the table only its SHA-256. */
export const sessions = sqliteTable(
  "sessions",
  {
    tokenHash: text().primaryKey(),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: text().notNull(),
    lastSeenAt: text().notNull(),
    /** Absolute expiry, fixed at sign-in. */
    expiresAt: text().notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** One-time password reset links made by an admin; only the SHA-256 of the token is kept. */
export const passwordResets = sqliteTable("password_resets", {
  tokenHash: text().primaryKey(),
  userId: integer()
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  createdByUserId: integer().references(() => users.id, { onDelete: "set null" }),
  createdAt: text().notNull(),
  expiresAt: text().notNull(),
  usedAt: text(),
});

/** Failed sign-in counters per e-mail and per client address, for backoff (docs/quality-targets.md#s-10). */
export const signInThrottle = sqliteTable("sign_in_throttle", {
  key: text().primaryKey(),
  failures: integer().notNull(),
  lastFailureAt: text().notNull(),
  lockedUntil: text(),
});

/** Append-only (triggers refuse UPDATE and DELETE): who did what, when, and the old → new values. */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    at: text().notNull(),
    actorUserId: integer(),
    actorEmail: text(),
    action: text().notNull(),
    entity: text(),
    entityId: text(),
    organisationId: integer(),
    /** JSON: { before, after } for data changes, or context for events. */
    details: text(),
    ip: text(),
  },
  (t) => [index("audit_log_at_idx").on(t.at), index("audit_log_action_idx").on(t.action), index("audit_log_org_idx").on(t.organisationId)],
);

/** Settings an administrator changes in the app (key → JSON value), such as requiring a second factor. */
export const appSettings = sqliteTable("app_settings", {
  key: text().primaryKey(),
  value: text().notNull(),
  updatedAt: text().notNull(),
});

/**
 * OpenID Connect providers configured by an administrator (those from the environment are not
 * stored). The slug names the provider in URLs; the client secret is kept as entered.
 */
export const identityProviders = sqliteTable("identity_providers", {
  id: integer().primaryKey({ autoIncrement: true }),
  slug: text().notNull().unique(),
  name: text().notNull(),
  issuer: text().notNull(),
  clientId: text().notNull(),
  /** Null for a public client, which relies on PKCE alone. */
  clientSecret: text(),
  /** The ID token claim that holds the user's e-mail (Entra ID: often preferred_username). */
  emailClaim: text().notNull().default("email"),
  /** Require email_verified = true in the token before linking by e-mail. */
  requireVerifiedEmail: integer({ mode: "boolean" }).notNull().default(true),
  enabled: integer({ mode: "boolean" }).notNull().default(true),
  /** An administrator says the ID token's amr/acr shows MFA (values below); otherwise the local second factor is asked. */
  vouchesForMfa: integer({ mode: "boolean" }).notNull().default(false),
  mfaAmrValues: text({ mode: "json" })
    .$type<readonly string[]>()
    .notNull()
    .default([...DEFAULT_MFA_AMR_VALUES]),
  mfaAcrValues: text({ mode: "json" })
    .$type<readonly string[]>()
    .notNull()
    .default([...DEFAULT_MFA_ACR_VALUES]),
  /** May sign in national roles (admin, board, secretariat, sector council); off unless an administrator marks it. */
  nationalRoles: integer({ mode: "boolean" }).notNull().default(false),
  version: integer().notNull().default(1),
  createdAt: text().notNull(),
  updatedAt: text().notNull(),
});

/** The organisations a provider may sign users in for; none means any user. */
export const identityProviderOrganisations = sqliteTable(
  "identity_provider_organisations",
  {
    providerId: integer()
      .notNull()
      .references(() => identityProviders.id, { onDelete: "cascade" }),
    organisationId: integer()
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.providerId, t.organisationId] })],
);

/** A user's account at an identity provider: (issuer, subject) is the stable OpenID Connect identity. */
export const userIdentities = sqliteTable(
  "user_identities",
  {
    issuer: text().notNull(),
    subject: text().notNull(),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    linkedAt: text().notNull(),
    lastSignInAt: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.issuer, t.subject] }), index("user_identities_user_idx").on(t.userId)],
);

/** An OpenID Connect sign-in under way: the state (as SHA-256), nonce and PKCE verifier, used once. */
export const oidcSignIns = sqliteTable("oidc_sign_ins", {
  stateHash: text().primaryKey(),
  providerSlug: text().notNull(),
  nonce: text().notNull(),
  codeVerifier: text().notNull(),
  returnTo: text().notNull(),
  /** Who started it: a cap per address keeps a flood of unfinished sign-ins from filling the table. */
  clientIp: text(),
  expiresAt: text().notNull(),
});
