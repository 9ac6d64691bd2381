/**
 * Who may do what (docs/architecture.md#where-things-live), written once. The server's base procedures check it, the
 * admin screen shows it as a matrix, and a test walks it against every procedure.
 */
export const ROLES = ["admin", "board", "secretariat", "sectorCouncil", "manager", "finance"] as const;
export type Role = (typeof ROLES)[number];

/** Roles held in one organisation; the others are sector-wide. */
export const ORGANISATION_ROLES = ["manager", "finance"] as const satisfies readonly Role[];
export type OrganisationRole = (typeof ORGANISATION_ROLES)[number];

export const SECTORS = ["helseVelferd", "skoleOppvekst", "planByggGeodata"] as const;
export type Sector = (typeof SECTORS)[number];

export function isOrganisationRole(role: Role): role is OrganisationRole {
  return (ORGANISATION_ROLES as readonly Role[]).includes(role);
}

export const PERMISSIONS = [
  "register.read",
  "benchmarks.read",
  "costs.read",
  "costs.edit",
  "costs.submit",
  "costs.approve",
  "years.manage",
  "quality.read",
  "quality.edit",
  "quality.submit",
  "quality.approve",
  "quality.weights",
  "drafts.read",
  "benefits.read",
  "benefits.edit",
  "benefits.approve",
  "benefits.template",
  "ideas.read",
  "ideas.submit",
  "ideas.prioritize",
  "ideas.compile",
  "ideas.decide",
  "sector.read",
  "users.manage",
  "audit.read",
  "reference.import",
  "register.manage",
  "benefits.toolbox",
  "apiTokens.manage",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/**
 * For each permission: the roles that hold it everywhere, and the organisation roles that hold
 * it in their own organisation only.
 */
export const PERMISSION_TABLE: Record<
  Permission,
  { readonly everywhere: readonly Role[]; readonly ownOrganisation: readonly OrganisationRole[] }
> = {
  // Every signed-in user: the register and approved indicator values are shared knowledge.
  "register.read": { everywhere: ROLES, ownOrganisation: [] },
  "benchmarks.read": { everywhere: ROLES, ownOrganisation: [] },
  // Raw cost figures: the own organisation, the board and admins.
  "costs.read": { everywhere: ["admin", "board"], ownOrganisation: ["manager", "finance"] },
  // Entering data is finance's job; admins correct on request.
  "costs.edit": { everywhere: ["admin"], ownOrganisation: ["finance"] },
  // Finance vouches for the figures by submitting them; a manager of the same organisation approves or returns.
  "costs.submit": { everywhere: ["admin"], ownOrganisation: ["finance"] },
  "costs.approve": { everywhere: ["admin"], ownOrganisation: ["manager"] },
  // Closing a reporting year locks every report in it; reopening needs a reason.
  "years.manage": { everywhere: ["admin"], ownOrganisation: [] },
  // Maturity, satisfaction and service scope: the organisation's management assesses and answers
  // for them; finance may help enter; a manager approves. Raw reports are read as costs are.
  "quality.read": { everywhere: ["admin", "board"], ownOrganisation: ["manager", "finance"] },
  "quality.edit": { everywhere: ["admin"], ownOrganisation: ["manager", "finance"] },
  "quality.submit": { everywhere: ["admin"], ownOrganisation: ["manager"] },
  "quality.approve": { everywhere: ["admin"], ownOrganisation: ["manager"] },
  // The weights of the maturity areas in Q1 are the same for everyone.
  "quality.weights": { everywhere: ["admin"], ownOrganisation: [] },
  // Draft and submitted (not approved) values: only the own organisation and admins.
  "drafts.read": { everywhere: ["admin"], ownOrganisation: ["manager", "finance"] },
  // Benefit plans: the organisation's own (and joint projects it takes part in), the programme
  // board and its secretariat; kept by the organisation; a manager approves a plan version.
  "benefits.read": { everywhere: ["admin", "board", "secretariat"], ownOrganisation: ["manager", "finance"] },
  "benefits.edit": { everywhere: ["admin"], ownOrganisation: ["manager", "finance"] },
  "benefits.approve": { everywhere: ["admin"], ownOrganisation: ["manager"] },
  // A joint project's proposed plan (issue 26): the owner's plan keepers and the programme's secretariat.
  "benefits.template": { everywhere: ["admin", "secretariat"], ownOrganisation: ["manager", "finance"] },
  // The project-idea pipeline: the sector bodies see every idea, a municipality its own. Each step
  // belongs to one role; a sector council prioritizes only its own sector's ideas (checked per idea).
  "ideas.read": { everywhere: ["admin", "board", "secretariat", "sectorCouncil"], ownOrganisation: ["manager", "finance"] },
  "ideas.submit": { everywhere: ["admin"], ownOrganisation: ["manager"] },
  "ideas.prioritize": { everywhere: ["admin", "sectorCouncil"], ownOrganisation: [] },
  "ideas.compile": { everywhere: ["admin", "secretariat"], ownOrganisation: [] },
  "ideas.decide": { everywhere: ["admin", "board"], ownOrganisation: [] },
  // The sector at a glance: coverage, distributions and the benefit portfolio across municipalities.
  "sector.read": { everywhere: ["admin", "board", "secretariat", "sectorCouncil"], ownOrganisation: [] },
  "users.manage": { everywhere: ["admin"], ownOrganisation: [] },
  "audit.read": { everywhere: ["admin"], ownOrganisation: [] },
  // Register and SSB statistics: shared reference data, changed by admins only.
  "reference.import": { everywhere: ["admin"], ownOrganisation: [] },
  // The register's own entries, such as IT cooperatives and their members.
  "register.manage": { everywhere: ["admin"], ownOrganisation: [] },
  // A joint project's toolbox (links and documents for those who take it up): kept by the owning
  // municipality, who keeps its plan, and by the programme's secretariat (issue 26).
  "benefits.toolbox": { everywhere: ["admin", "secretariat"], ownOrganisation: ["manager", "finance"] },
  // API tokens that read the organisation's own figures, drafts included: its manager, and admins (issue 23).
  "apiTokens.manage": { everywhere: ["admin"], ownOrganisation: ["manager"] },
};

/** Permissions that only make sense for a given organisation (the procedure names one). */
export function isOrganisationScoped(permission: Permission): boolean {
  return PERMISSION_TABLE[permission].ownOrganisation.length > 0;
}

export interface RoleGrant {
  readonly role: Role;
  /** Set for manager and finance: the organisation the role is held in. */
  readonly organisationId: number | null;
  /** Set for a sector council member. */
  readonly sector: Sector | null;
}

/**
 * Whether grants allow `permission`, in `organisationId` when the permission is about one
 * organisation. A role held in one organisation never reaches another.
 */
export function can(grants: readonly RoleGrant[], permission: Permission, organisationId: number | null = null): boolean {
  const rule = PERMISSION_TABLE[permission];
  return grants.some((grant) => {
    if (rule.everywhere.includes(grant.role) && !isOrganisationRole(grant.role)) return true;
    if (isOrganisationRole(grant.role) && rule.ownOrganisation.includes(grant.role)) {
      return organisationId !== null && grant.organisationId === organisationId;
    }
    // Organisation roles listed under "everywhere" (register.read) hold wherever the user is.
    return rule.everywhere.includes(grant.role);
  });
}

/** The organisations where grants allow `permission` through an organisation role. */
export function organisationsWhere(grants: readonly RoleGrant[], permission: Permission): Set<number> {
  const rule = PERMISSION_TABLE[permission];
  const ids = new Set<number>();
  for (const grant of grants) {
    if (isOrganisationRole(grant.role) && rule.ownOrganisation.includes(grant.role) && grant.organisationId !== null) {
      ids.add(grant.organisationId);
    }
  }
  return ids;
}

/** Whether grants allow `permission` in every organisation (admin, board, …). */
export function canEverywhere(grants: readonly RoleGrant[], permission: Permission): boolean {
  const rule = PERMISSION_TABLE[permission];
  return grants.some((g) => rule.everywhere.includes(g.role) && !isOrganisationRole(g.role));
}
