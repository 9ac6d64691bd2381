import { createHash } from "node:crypto";

import {
  appendAudit,
  benefitPlanContent,
  getIdeaOfProject,
  getPlanVersion,
  getProject,
  listApprovedValuesOf,
  listBenefits,
  listBenefitsOwnedBy,
  listInvitations,
  listOrganisationPeople,
  listParticipation,
  latestPlanVersions,
  listPlanVersions,
  listProjectsOf,
  type BenefitRow,
  type Db,
  type DbOrTx,
  type MunicipalityListItem,
  type ProjectRow,
} from "@malestokk/db";
import {
  can,
  computeIndicatorValue,
  getIndicator,
  organisationsWhere,
  plannedValue,
  portfolioTotals,
  summarizeBenefit,
  type FieldIssue,
  type AuditAction,
} from "@malestokk/domain";

import { auditBy, type Actor, type Session } from "../../context";
import { AppError } from "../../errors";

// The benefit area's reads (portfolio, project, plan version, follow-up) and what its changes share;
// the changes are in benefits.plans.ts (projects and plans) and benefits.measurements.ts.

/** Today's date in Norway: a measurement taken this evening is not "in the future" because UTC says so. */
export function osloDate(now: Date): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Oslo" }).format(now);
}

export function audit(
  db: DbOrTx,
  actor: Actor,
  now: Date,
  action: AuditAction,
  entity: string,
  entityId: number,
  organisationId: number,
  details: unknown,
) {
  appendAudit(db, {
    at: now.toISOString(),
    ...auditBy(actor),
    action,
    entity,
    entityId: String(entityId),
    organisationId,
    details,
  });
}

export function invalid(issues: readonly FieldIssue[]): never {
  throw new AppError("VALIDATION_FAILED", { issues });
}

/** Measurements of a benefit: entered by hand, or the owner's approved figures of the linked indicator (one per year, dated 31 December). */
function measurementsOf(db: DbOrTx, benefit: BenefitRow, ownerOrganisationId: number) {
  const indicator = benefit.linkedIndicatorCode ? getIndicator(benefit.linkedIndicatorCode) : undefined;
  if (!indicator) return benefit.measurements.map((m) => ({ ...m, source: "manual" as const }));
  return listApprovedValuesOf(db, indicator.code, ownerOrganisationId).flatMap((r) => {
    const value = computeIndicatorValue(indicator, r.numerator, r.denominator);
    const date = `${r.year}-12-31`;
    return value === null || date < benefit.baseline.date
      ? []
      : [{ id: null, value, date, comment: null, recordedByName: null, recordedAt: null, source: "indicator" as const }];
  });
}

/** A benefit with its measurements (by hand or from the linked indicator), its status and its value so far. */
export function benefitView(db: DbOrTx, benefit: BenefitRow, ownerOrganisationId: number, today: string) {
  const measurements = measurementsOf(db, benefit, ownerOrganisationId);
  const summary = summarizeBenefit(
    {
      direction: benefit.indicator.direction,
      disBenefit: benefit.disBenefit,
      cash: benefit.cash,
      annualValueNok: benefit.annualValueNok,
      frequency: benefit.indicator.frequency,
      baseline: benefit.baseline,
      targets: benefit.targets,
      measurements,
    },
    today,
  );
  const latest = measurements.at(-1) ?? null;
  return {
    ...benefit,
    measurements,
    summary,
    latest: latest ? { ...latest, planned: plannedValue(benefit.baseline, benefit.targets, latest.date) } : null,
  };
}

export function planHash(content: unknown): string {
  return createHash("sha256").update(JSON.stringify(content)).digest("hex").slice(0, 16);
}

export function requireProject(db: DbOrTx, id: number): ProjectRow {
  const project = getProject(db, id);
  if (!project) throw new AppError("NOT_FOUND", { params: { projectId: id } });
  return project;
}

/**
 * A municipality's benefit portfolio: its own projects and the joint projects it accepted, each
 * benefit's status, and kroner expected against realized; the invitations it has not answered apart.
 */
export function getPortfolio(db: Db, municipality: MunicipalityListItem, now: Date) {
  const today = osloDate(now);
  const projects = listProjectsOf(db, municipality.id);
  const rows = listBenefits(
    db,
    projects.map((p) => p.id),
  );
  const views = rows.map((b) => {
    const project = projects.find((p) => p.id === b.projectId);
    return benefitView(db, b, project?.ownerOrganisationId ?? municipality.id, today);
  });
  const latestVersions = latestPlanVersions(
    db,
    projects.map((p) => p.id),
  );
  return {
    municipalityNumber: municipality.number,
    municipalityName: municipality.name,
    today,
    projects: projects.map((p) => {
      const own = views.filter((b) => b.projectId === p.id);
      return {
        id: p.id,
        name: p.name,
        sector: p.sector,
        phase: p.phase,
        isDemo: p.isDemo,
        owner: { number: p.ownerNumber, name: p.ownerName },
        joint: p.participants.length > 0,
        latestVersion: latestVersions.get(p.id) ?? null,
        totals: portfolioTotals(own.map((b) => ({ cash: b.cash, disBenefit: b.disBenefit, summary: b.summary }))),
      };
    }),
    benefits: views.map((b) => ({
      id: b.id,
      projectId: b.projectId,
      title: b.title,
      ownerName: b.ownerName,
      cash: b.cash,
      disBenefit: b.disBenefit,
      annualValueNok: b.annualValueNok,
      summary: b.summary,
    })),
    totals: portfolioTotals(views.map((b) => ({ cash: b.cash, disBenefit: b.disBenefit, summary: b.summary }))),
    invitations: listInvitations(db, "project", [municipality.id]).map(({ id, name, sector, owner, invitedByName, invitedAt }) => ({
      projectId: id,
      name,
      sector,
      owner,
      invitedByName,
      invitedAt,
    })),
  };
}

/**
 * One project with its plan: benefits with measurements and status, the map, the version history, and
 * whether the plan changed since it was approved. Names only for readers outside the owner's editors
 * (participants, the board): the benefit owners' user ids, the people to pick from and the
 * invitations' answers go to those who keep the plan (issue 17, finding 10).
 */
export function getProjectDetail(db: Db, projectId: number, session: Session, now: Date) {
  const today = osloDate(now);
  const project = requireProject(db, projectId);
  const rows = listBenefits(db, [project.id]);
  const versions = listPlanVersions(db, project.id);
  const content = benefitPlanContent(project, rows);
  const latest = versions[0] ? getPlanVersion(db, project.id, versions[0].number) : null;
  const hash = planHash(content);
  const keeper = can(session.grants, "benefits.edit", project.ownerOrganisationId);
  const benefits: (Omit<ReturnType<typeof benefitView>, "ownerUserId"> & { ownerUserId?: number | null })[] = rows.map((b) => {
    const { ownerUserId, ...view } = benefitView(db, b, project.ownerOrganisationId, today);
    return keeper ? { ...view, ownerUserId } : view;
  });
  return {
    project,
    benefits,
    versions,
    planHash: hash,
    changedSinceApproval: latest ? planHash(latest.content) !== hash : true,
    // A new version is due at each phase end: the approved one was for another phase.
    newVersionDue: latest ? latest.phase !== project.phase : false,
    people: keeper ? listOrganisationPeople(db, project.ownerOrganisationId) : [],
    participation: keeper
      ? listParticipation(db, "project", project.id).map(({ number, name, status, changedAt, changedByName }) => ({
          number,
          name,
          status,
          changedAt,
          changedByName,
        }))
      : [],
    // A project the board said yes to must get a benefit plan: the page asks for one.
    fromIdea: getIdeaOfProject(db, project.id),
    today,
  };
}

/** An approved version as it was; the page names benefit owners, so their user ids stay behind. */
export function getPlanVersionContent(db: Db, projectId: number, number: number) {
  const version = getPlanVersion(db, projectId, number) as
    (NonNullable<ReturnType<typeof getPlanVersion>> & { content: ReturnType<typeof benefitPlanContent> }) | null;
  if (!version) throw new AppError("NOT_FOUND", { params: { projectId, number } });
  return { ...version, content: { ...version.content, benefits: version.content.benefits.map(({ ownerUserId: _o, ...b }) => b) } };
}

/**
 * Benefits whose next measurement is overdue, per owner: those the user owns, and those of the
 * organisations where they keep benefit plans; and the joint projects the user's municipalities are
 * invited to. Shown on sign-in.
 */
export function getFollowUp(db: Db, session: Session, now: Date) {
  const today = osloDate(now);
  const seen = new Map<number, { benefit: BenefitRow; project: ProjectRow }>();
  const projectCache = new Map<number, ProjectRow | null>();
  const projectOf = (id: number) => {
    if (!projectCache.has(id)) projectCache.set(id, getProject(db, id));
    return projectCache.get(id) ?? null;
  };
  for (const benefit of listBenefitsOwnedBy(db, session.user.id)) {
    const project = projectOf(benefit.projectId);
    if (project) seen.set(benefit.id, { benefit, project });
  }
  for (const organisationId of organisationsWhere(session.grants, "benefits.edit")) {
    const projects = listProjectsOf(db, organisationId).filter((p) => p.ownerOrganisationId === organisationId);
    for (const p of projects) projectCache.set(p.id, p);
    for (const benefit of listBenefits(
      db,
      projects.map((p) => p.id),
    )) {
      const project = projectOf(benefit.projectId);
      if (project) seen.set(benefit.id, { benefit, project });
    }
  }
  const overdue = [...seen.values()]
    .map(({ benefit, project }) => ({ view: benefitView(db, benefit, project.ownerOrganisationId, today), project }))
    .filter(({ view }) => view.summary.overdue)
    .map(({ view, project }) => ({
      benefitId: view.id,
      title: view.title,
      ownerName: view.ownerName,
      mine: view.ownerUserId === session.user.id,
      nextDue: view.summary.nextDue ?? today,
      status: view.summary.status,
      projectId: project.id,
      projectName: project.name,
      municipalityNumber: project.ownerNumber,
    }))
    .sort((a, b) => a.nextDue.localeCompare(b.nextDue));
  const owners = [...new Set(overdue.map((o) => o.ownerName))].sort((a, b) => a.localeCompare(b, "nb"));
  // Invitations to joint projects wait for an answer in the user's own municipalities (a manager gives it).
  const invitations = listInvitations(db, "project", [...organisationsWhere(session.grants, "benefits.read")]).map(
    ({ id, ...invitation }) => ({ projectId: id, ...invitation }),
  );
  return {
    today,
    owners: owners.map((ownerName) => ({ ownerName, items: overdue.filter((o) => o.ownerName === ownerName) })),
    count: overdue.length,
    invitations,
  };
}
