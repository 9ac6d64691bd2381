import {
  appendAudit,
  countAdmins,
  deleteGrant,
  deleteUserSessions,
  findUserByEmail,
  getGrant,
  getMunicipalityByNumber,
  getReportingUnitByNumber,
  getUserById,
  insertGrant,
  deletePasswordResets,
  insertPasswordReset,
  insertUser,
  isFourEyesRequired,
  listAudit,
  listFourEyesOrganisations,
  listGrants,
  listUsersWithGrants,
  setFourEyesRequired,
  setUserDisabled,
  type AuditFilter,
  type AuditRow,
  type DbOrTx,
  type UserWithGrants,
} from "@malestokk/db";
import { isOrganisationRole, type Role, type Sector } from "@malestokk/domain";

import { auditBy, COMMAND_LINE_ACTOR, type Context, type SignedInContext } from "../../context";
import { AppError } from "../../errors";
import { createToken } from "../../auth/tokens";
import { queueResetLink } from "../../mail/security-notices";

export const RESET_LINK_HOURS = 24;

/** When and by whom, for an administrator's change. */
function actor(ctx: SignedInContext) {
  return { at: ctx.now().toISOString(), ...auditBy(ctx.actor) };
}

export function listUsers(ctx: Context): UserWithGrants[] {
  return listUsersWithGrants(ctx.db);
}

interface GrantInput {
  readonly role: Role;
  readonly municipalityNumber?: string | null | undefined;
  readonly sector?: Sector | null | undefined;
}

function resolveGrant(db: DbOrTx, input: GrantInput): { organisationId: number | null; sector: Sector | null } {
  if (isOrganisationRole(input.role)) {
    const number = input.municipalityNumber ?? "";
    // Finance and managers serve a municipality or an IT cooperative (which reports costs too).
    const municipality = getReportingUnitByNumber(db, number);
    if (!municipality) {
      throw new AppError("VALIDATION_FAILED", {
        message: `Role ${input.role} needs a municipality`,
        issues: [{ path: ["municipalityNumber"], code: number ? "NOT_FOUND" : "REQUIRED", params: { municipalityNumber: number } }],
      });
    }
    return { organisationId: municipality.id, sector: null };
  }
  if (input.role === "sectorCouncil") {
    if (!input.sector) {
      throw new AppError("VALIDATION_FAILED", { issues: [{ path: ["sector"], code: "REQUIRED", params: {} }] });
    }
    return { organisationId: null, sector: input.sector };
  }
  return { organisationId: null, sector: null };
}

/** Creates a user with a first role and returns a one-time link for setting the password. */
export function createUser(
  ctx: SignedInContext,
  input: { email: string; name: string } & GrantInput,
): { userId: number } & IssuedResetLink {
  return ctx.db.transaction((tx) => {
    if (findUserByEmail(tx, input.email)) {
      throw new AppError("VALIDATION_FAILED", {
        message: "E-mail already in use",
        issues: [{ path: ["email"], code: "EMAIL_TAKEN", params: {} }],
      });
    }
    const grant = resolveGrant(tx, input);
    const a = actor(ctx);
    const user = insertUser(tx, { email: input.email, name: input.name, passwordHash: null, now: a.at });
    insertGrant(tx, { userId: user.id, role: input.role, ...grant, now: a.at });
    appendAudit(tx, {
      ...a,
      action: "admin.userCreated",
      entity: "user",
      entityId: String(user.id),
      organisationId: grant.organisationId,
      details: { after: { email: input.email, name: input.name, role: input.role, ...grant } },
    });
    const reset = issueResetLink(tx, ctx, user.id);
    return { userId: user.id, ...reset };
  });
}

export function addRole(ctx: SignedInContext, input: { userId: number } & GrantInput): { grantId: number } {
  return ctx.db.transaction((tx) => {
    const user = getUserById(tx, input.userId);
    if (!user) throw new AppError("NOT_FOUND", { params: { userId: input.userId } });
    const grant = resolveGrant(tx, input);
    const a = actor(ctx);
    const inserted = insertGrant(tx, { userId: user.id, role: input.role, ...grant, now: a.at });
    if (!inserted) {
      throw new AppError("VALIDATION_FAILED", {
        message: "Role already held",
        issues: [{ path: ["role"], code: "ROLE_HELD", params: {} }],
      });
    }
    appendAudit(tx, {
      ...a,
      action: "admin.roleGranted",
      entity: "user",
      entityId: String(user.id),
      organisationId: grant.organisationId,
      details: { after: { role: input.role, ...grant } },
    });
    return { grantId: inserted.id };
  });
}

export function removeRole(ctx: SignedInContext, input: { grantId: number }): void {
  ctx.db.transaction((tx) => {
    const grant = getGrant(tx, input.grantId);
    if (!grant) throw new AppError("NOT_FOUND", { params: { grantId: input.grantId } });
    if (grant.role === "admin" && countAdmins(tx) <= 1) {
      throw new AppError("FORBIDDEN", { message: "Cannot remove the last admin", params: { reason: "LAST_ADMIN" } });
    }
    deleteGrant(tx, grant.id);
    appendAudit(tx, {
      ...actor(ctx),
      action: "admin.roleRevoked",
      entity: "user",
      entityId: String(grant.userId),
      organisationId: grant.organisationId,
      details: { before: { role: grant.role, organisationId: grant.organisationId, sector: grant.sector } },
    });
  });
}

/**
 * A new reset link: mailed to the user when mail is on (issue 25), and then not shown to the administrator
 * (`resetToken` null, `mailedTo` the address); with mail off, shown once to the administrator to pass on.
 */
export interface IssuedResetLink {
  readonly resetToken: string | null;
  readonly expiresAt: string;
  readonly mailedTo: string | null;
}

function issueResetLink(tx: DbOrTx, ctx: SignedInContext, userId: number): IssuedResetLink {
  const { token, hash } = createToken();
  const a = actor(ctx);
  const expiresAt = new Date(ctx.now().getTime() + RESET_LINK_HOURS * 3_600_000).toISOString();
  // Only the newest link works (issue 17, finding 11).
  deletePasswordResets(tx, userId);
  insertPasswordReset(tx, { tokenHash: hash, userId, createdByUserId: ctx.session.user.id, createdAt: a.at, expiresAt });
  const mailed = queueResetLink(ctx, tx, { userId, token, expiresAt });
  appendAudit(tx, { ...a, action: "admin.resetLinkCreated", entity: "user", entityId: String(userId), details: { mailed } });
  return mailed
    ? { resetToken: null, expiresAt, mailedTo: getUserById(tx, userId)?.email ?? null }
    : { resetToken: token, expiresAt, mailedTo: null };
}

/** A one-time link for a user to set a new password, shown to the admin (no mail server needed). */
export function createResetLink(ctx: SignedInContext, input: { userId: number }): IssuedResetLink {
  return ctx.db.transaction((tx) => {
    if (!getUserById(tx, input.userId)) throw new AppError("NOT_FOUND", { params: { userId: input.userId } });
    return issueResetLink(tx, ctx, input.userId);
  });
}

export function setDisabled(ctx: SignedInContext, input: { userId: number; disabled: boolean }): void {
  ctx.db.transaction((tx) => {
    const user = getUserById(tx, input.userId);
    if (!user) throw new AppError("NOT_FOUND", { params: { userId: input.userId } });
    if (input.disabled && user.id === ctx.session.user.id) {
      throw new AppError("FORBIDDEN", { message: "Cannot disable yourself", params: { reason: "SELF" } });
    }
    const isAdmin = listGrants(tx, user.id).some((g) => g.role === "admin");
    if (input.disabled && isAdmin && countAdmins(tx) <= 1) {
      throw new AppError("FORBIDDEN", { message: "Cannot disable the last admin", params: { reason: "LAST_ADMIN" } });
    }
    const a = actor(ctx);
    setUserDisabled(tx, { userId: user.id, disabled: input.disabled, now: a.at });
    if (input.disabled) deleteUserSessions(tx, user.id);
    appendAudit(tx, {
      ...a,
      action: input.disabled ? "admin.userDisabled" : "admin.userEnabled",
      entity: "user",
      entityId: String(user.id),
      details: { before: { disabled: user.disabled }, after: { disabled: input.disabled } },
    });
  });
}

export interface FourEyesUnit {
  readonly number: string;
  readonly name: string;
}

/** The organisations (municipalities and IT cooperatives) that require four eyes on their reports. */
export function listFourEyes(ctx: Context): FourEyesUnit[] {
  return listFourEyesOrganisations(ctx.db).map(({ number, name }) => ({ number, name }));
}

/**
 * Turns four eyes on or off for one organisation (issue 20, point 16): while on, the one who submitted
 * a cost or quality report there may not approve it. Audited with the organisation, before and after.
 */
export function setFourEyes(ctx: SignedInContext, input: { unitNumber: string; required: boolean }): { required: boolean } {
  return ctx.db.transaction((tx) => {
    const unit = getReportingUnitByNumber(tx, input.unitNumber);
    if (!unit) {
      throw new AppError("VALIDATION_FAILED", {
        issues: [{ path: ["unitNumber"], code: "NOT_FOUND", params: { municipalityNumber: input.unitNumber } }],
      });
    }
    const before = isFourEyesRequired(tx, unit.id);
    if (before === input.required) return { required: before };
    setFourEyesRequired(tx, unit.id, input.required);
    appendAudit(tx, {
      ...actor(ctx),
      action: "admin.fourEyesChanged",
      entity: "organisation",
      entityId: String(unit.id),
      organisationId: unit.id,
      details: { before: { requireFourEyes: before }, after: { requireFourEyes: input.required } },
    });
    return { required: input.required };
  });
}

export function readAudit(
  ctx: Context,
  filter: Omit<AuditFilter, "organisationId"> & { municipalityNumber?: string | undefined },
): AuditRow[] {
  const { municipalityNumber, ...rest } = filter;
  if (municipalityNumber === undefined) return listAudit(ctx.db, rest);
  const municipality = getMunicipalityByNumber(ctx.db, municipalityNumber);
  return municipality ? listAudit(ctx.db, { ...rest, organisationId: municipality.id }) : [];
}

/**
 * Creates a user with a password from the command line (the first admin of a real deployment).
 * Audited with the actor "cli".
 */
export function createUserWithPassword(
  db: DbOrTx,
  input: { email: string; name: string; passwordHash: string; now: Date } & GrantInput,
): { userId: number } {
  return db.transaction((tx) => {
    if (findUserByEmail(tx, input.email)) {
      throw new AppError("VALIDATION_FAILED", {
        message: `E-mail ${input.email} already in use`,
        issues: [{ path: ["email"], code: "EMAIL_TAKEN", params: {} }],
      });
    }
    const grant = resolveGrant(tx, input);
    const at = input.now.toISOString();
    const user = insertUser(tx, { email: input.email, name: input.name, passwordHash: input.passwordHash, now: at });
    insertGrant(tx, { userId: user.id, role: input.role, ...grant, now: at });
    appendAudit(tx, {
      at,
      ...auditBy(COMMAND_LINE_ACTOR),
      action: "admin.userCreated",
      entity: "user",
      entityId: String(user.id),
      organisationId: grant.organisationId,
      details: { after: { email: input.email, name: input.name, role: input.role, ...grant } },
    });
    return { userId: user.id };
  });
}
