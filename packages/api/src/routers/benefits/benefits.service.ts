import { createHash } from "node:crypto";

import {
  appendAudit,
  benefitPlanContent,
  deleteBenefit,
  deleteMeasurement,
  deleteProject,
  getBenefit,
  getIdeaOfProject,
  getPlanVersion,
  getProject,
  insertBenefit,
  insertMeasurement,
  insertPlanVersion,
  insertProject,
  listApprovedValuesOf,
  listBenefits,
  listBenefitsOwnedBy,
  listInvitations,
  listOrganisationPeople,
  listParticipation,
  latestPlanVersions,
  listPlanVersions,
  listProjectsOf,
  updateBenefit,
  updateProject,
  type BenefitRow,
  type Db,
  type DbOrTx,
  type MunicipalityListItem,
  type ProjectRow,
} from "@malestokk/db";
import {
  can,
  checkBaseline,
  checkBenefit,
  checkBenefitMap,
  checkMeasurement,
  computeIndicatorValue,
  getIndicator,
  MAX_BENEFITS,
  organisationsWhere,
  plannedValue,
  portfolioTotals,
  summarizeBenefit,
  type BenefitInput,
  type BenefitMap,
  type FieldIssue,
  type InvitationAnswer,
  type MeasurementInput,
  type ProjectFields,
  type ProjectInput,
  type AuditAction,
} from "@malestokk/domain";

import { auditBy, type Actor, type ChangeOptions, type Session } from "../../context";
import { AppError } from "../../errors";
import { answer, invite, removeParticipant, requireInvitee, resolveParticipants, type JointRef } from "../joint/joint.service";

/** Today's date in Norway: a measurement taken this evening is not "in the future" because UTC says so. */
export function osloDate(now: Date): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Oslo" }).format(now);
}

function audit(db: DbOrTx, actor: Actor, now: Date, action: AuditAction, entity: string, entityId: number, organisationId: number, details: unknown) {
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

function invalid(issues: readonly FieldIssue[]): never {
  throw new AppError("VALIDATION_FAILED", { issues });
}

/** Measurements of a benefit: entered by hand, or the owner's approved figures of the linked indicator (one per year, dated 31 December). */
function measurementsOf(db: DbOrTx, benefit: BenefitRow, ownerOrganisationId: number) {
  const indicator = benefit.linkedIndicatorCode ? getIndicator(benefit.linkedIndicatorCode) : undefined;
  if (!indicator) return benefit.measurements.map((m) => ({ ...m, source: "manual" as const }));
  return listApprovedValuesOf(db, indicator.code, ownerOrganisationId).flatMap((r) => {
    const value = computeIndicatorValue(indicator, r.numerator, r.denominator);
    const date = `${r.year}-12-31`;
    return value === null || date < benefit.baseline.date ? [] : [{ id: null, value, date, comment: null, recordedByName: null, recordedAt: null, source: "indicator" as const }];
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

function planHash(content: unknown): string {
  return createHash("sha256").update(JSON.stringify(content)).digest("hex").slice(0, 16);
}

function requireProject(db: DbOrTx, id: number): ProjectRow {
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
    invitations: listInvitations(db, "project", [municipality.id]).map(({ id, name, sector, owner, invitedByName, invitedAt }) => ({ projectId: id, name, sector, owner, invitedByName, invitedAt })),
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
    participation: keeper ? listParticipation(db, "project", project.id).map(({ number, name, status, changedAt, changedByName }) => ({ number, name, status, changedAt, changedByName })) : [],
    // A project the board said yes to must get a benefit plan: the page asks for one.
    fromIdea: getIdeaOfProject(db, project.id),
    today,
  };
}

/** An approved version as it was; the page names benefit owners, so their user ids stay behind. */
export function getPlanVersionContent(db: Db, projectId: number, number: number) {
  const version = getPlanVersion(db, projectId, number) as (NonNullable<ReturnType<typeof getPlanVersion>> & { content: ReturnType<typeof benefitPlanContent> }) | null;
  if (!version) throw new AppError("NOT_FOUND", { params: { projectId, number } });
  return { ...version, content: { ...version.content, benefits: version.content.benefits.map(({ ownerUserId: _o, ...b }) => b) } };
}

function jointRef(project: ProjectRow): JointRef {
  return { kind: "project", id: project.id, ownerNumber: project.ownerNumber, name: project.name };
}

/** Creates a project; the municipalities it names are invited, and take part once they accept (ADR 008). */
export function createProject(db: Db, municipality: MunicipalityListItem, input: ProjectInput, options: ChangeOptions) {
  return db.transaction(
    (tx) => {
      const { participants, ...fields } = input;
      const invited = resolveParticipants(tx, municipality.id, participants, "participants");
      const id = insertProject(tx, { ownerOrganisationId: municipality.id, fields, now: options.now.toISOString() });
      audit(tx, options.actor, options.now, "benefits.projectCreated", "project", id, municipality.id, { after: input });
      const ref: JointRef = { kind: "project", id, ownerNumber: municipality.number, name: fields.name };
      for (const unit of invited) invite(tx, ref, unit, options);
      return { id };
    },
    { behavior: "immediate" },
  );
}

export function saveProject(db: Db, projectId: number, args: { expectedVersion: number; input: ProjectFields }, options: ChangeOptions) {
  return db.transaction(
    (tx) => {
      const before = requireProject(tx, projectId);
      const ok = updateProject(tx, { id: projectId, expectedVersion: args.expectedVersion, fields: args.input, now: options.now.toISOString() });
      if (!ok) throw new AppError("VERSION_CONFLICT", { params: { currentVersion: before.version } });
      const { name, description, sector, phase } = before;
      audit(tx, options.actor, options.now, "benefits.projectUpdated", "project", projectId, before.ownerOrganisationId, { before: { name, description, sector, phase }, after: args.input });
      return { version: args.expectedVersion + 1 };
    },
    { behavior: "immediate" },
  );
}

/** The owner invites one more municipality (or again, after it declined or left). */
export function inviteParticipant(db: Db, projectId: number, number: string, options: ChangeOptions) {
  db.transaction(
    (tx) => {
      const project = requireProject(tx, projectId);
      invite(tx, jointRef(project), requireInvitee(tx, project.ownerOrganisationId, number), options);
    },
    { behavior: "immediate" },
  );
}

/** The owner withdraws an invitation or removes a participant. */
export function removeProjectParticipant(db: Db, projectId: number, number: string, options: ChangeOptions) {
  db.transaction((tx) => removeParticipant(tx, jointRef(requireProject(tx, projectId)), number, options), { behavior: "immediate" });
}

/** The invited municipality accepts or declines, or leaves a project it accepted. */
export function answerProjectInvitation(db: Db, municipality: MunicipalityListItem, projectId: number, step: InvitationAnswer | "leave", options: ChangeOptions) {
  return db.transaction((tx) => ({ status: answer(tx, jointRef(requireProject(tx, projectId)), municipality, step, options) }), { behavior: "immediate" });
}

/** Replaces the benefit map; a precondition or goal that a benefit still points to stays. */
export function saveBenefitMap(db: Db, projectId: number, args: { expectedVersion: number; map: BenefitMap }, options: ChangeOptions) {
  const issues = checkBenefitMap(args.map);
  if (issues.length > 0) invalid(issues);
  return db.transaction(
    (tx) => {
      const project = requireProject(tx, projectId);
      const keys = new Set([...args.map.preconditions, ...args.map.goals].map((n) => n.key));
      const orphaned = listBenefits(tx, [projectId]).flatMap((b) =>
        [...b.preconditionKeys, ...b.goalKeys].filter((k) => !keys.has(k)).map((key) => ({ path: ["benefitMap"], code: "MAP_KEY_IN_USE", params: { key, benefit: b.title } })),
      );
      if (orphaned.length > 0) invalid(orphaned);
      if (!updateProject(tx, { id: projectId, expectedVersion: args.expectedVersion, benefitMap: args.map, now: options.now.toISOString() })) {
        throw new AppError("VERSION_CONFLICT", { params: { currentVersion: project.version } });
      }
      audit(tx, options.actor, options.now, "benefits.mapSaved", "project", projectId, project.ownerOrganisationId, { before: project.benefitMap, after: args.map });
      return { version: args.expectedVersion + 1 };
    },
    { behavior: "immediate" },
  );
}

/** Creates (id null) or replaces a benefit from the version read, with every rule checked first. */
export function saveBenefit(
  db: Db,
  projectId: number,
  args: { id: number | null; expectedVersion: number | null; input: BenefitInput },
  options: ChangeOptions,
) {
  return db.transaction(
    (tx) => {
      const project = requireProject(tx, projectId);
      const before = args.id === null ? null : getBenefit(tx, projectId, args.id);
      if (args.id !== null && !before) throw new AppError("NOT_FOUND", { params: { benefitId: args.id } });
      const issues = checkBenefit(args.input, project.benefitMap);
      if (before) {
        const early = checkBaseline(args.input.baseline, before.measurements);
        if (early) issues.push({ path: ["baseline", "date"], code: early.code, params: { date: early.date } });
        if (args.input.linkedIndicatorCode !== null && before.measurements.length > 0) {
          issues.push({ path: ["linkedIndicatorCode"], code: "HAS_MEASUREMENTS", params: { count: before.measurements.length } });
        }
      }
      if (args.input.ownerUserId !== null && !listOrganisationPeople(tx, project.ownerOrganisationId).some((p) => p.id === args.input.ownerUserId)) {
        issues.push({ path: ["ownerUserId"], code: "NOT_IN_ORGANISATION", params: {} });
      }
      if (issues.length > 0) invalid(issues);
      const now = options.now.toISOString();
      let id: number;
      if (before && args.id !== null) {
        if (!updateBenefit(tx, { projectId, id: args.id, expectedVersion: args.expectedVersion ?? 0, input: args.input, now })) {
          throw new AppError("VERSION_CONFLICT", { params: { currentVersion: before.version } });
        }
        id = args.id;
      } else {
        if (listBenefits(tx, [projectId]).length >= MAX_BENEFITS) throw new AppError("VALIDATION_FAILED", { params: { max: MAX_BENEFITS }, issues: [{ path: [], code: "TOO_MANY_BENEFITS", params: { max: MAX_BENEFITS } }] });
        id = insertBenefit(tx, { projectId, input: args.input, now });
      }
      const { measurements: _m, ...beforeFields } = before ?? { measurements: null };
      audit(tx, options.actor, options.now, before ? "benefits.benefitUpdated" : "benefits.benefitCreated", "benefit", id, project.ownerOrganisationId, {
        projectId,
        before: before ? beforeFields : null,
        after: args.input,
      });
      return { id };
    },
    { behavior: "immediate" },
  );
}

export function removeBenefit(db: Db, projectId: number, args: { id: number; expectedVersion: number }, options: ChangeOptions) {
  db.transaction(
    (tx) => {
      const project = requireProject(tx, projectId);
      const before = getBenefit(tx, projectId, args.id);
      if (!before) throw new AppError("NOT_FOUND", { params: { benefitId: args.id } });
      if (before.version !== args.expectedVersion) throw new AppError("VERSION_CONFLICT", { params: { currentVersion: before.version } });
      deleteBenefit(tx, projectId, args.id);
      audit(tx, options.actor, options.now, "benefits.benefitDeleted", "benefit", args.id, project.ownerOrganisationId, { projectId, before });
    },
    { behavior: "immediate" },
  );
}

export function addMeasurement(db: Db, projectId: number, args: { benefitId: number; measurement: MeasurementInput }, options: ChangeOptions) {
  return db.transaction(
    (tx) => {
      const project = requireProject(tx, projectId);
      const benefit = getBenefit(tx, projectId, args.benefitId);
      if (!benefit) throw new AppError("NOT_FOUND", { params: { benefitId: args.benefitId } });
      if (benefit.linkedIndicatorCode !== null) {
        invalid([{ path: ["value"], code: "MEASURED_BY_INDICATOR", params: { indicatorCode: benefit.linkedIndicatorCode } }]);
      }
      const issues = checkMeasurement(args.measurement, benefit.baseline, osloDate(options.now));
      if (issues.length > 0) invalid(issues);
      const id = insertMeasurement(tx, {
        benefitId: benefit.id,
        ...args.measurement,
        userId: options.actor.userId,
        userName: options.actor.name,
        now: options.now.toISOString(),
      });
      audit(tx, options.actor, options.now, "benefits.measurementAdded", "benefit", benefit.id, project.ownerOrganisationId, { projectId, measurementId: id, after: args.measurement });
      return { id };
    },
    { behavior: "immediate" },
  );
}

export function removeMeasurement(db: Db, projectId: number, args: { benefitId: number; measurementId: number }, options: ChangeOptions) {
  db.transaction(
    (tx) => {
      const project = requireProject(tx, projectId);
      const benefit = getBenefit(tx, projectId, args.benefitId);
      const before = benefit?.measurements.find((m) => m.id === args.measurementId);
      if (!benefit || !before || !deleteMeasurement(tx, benefit.id, args.measurementId)) {
        throw new AppError("NOT_FOUND", { params: { measurementId: args.measurementId } });
      }
      audit(tx, options.actor, options.now, "benefits.measurementDeleted", "benefit", benefit.id, project.ownerOrganisationId, { projectId, before });
    },
    { behavior: "immediate" },
  );
}

/**
 * Approves the plan exactly as the approver saw it (its hash): a new version, frozen, with the
 * phase, the person who approved it and the date. Earlier versions stay readable.
 */
export function approvePlan(
  db: Db,
  projectId: number,
  args: { planHash: string; approvedByName: string; approvedOn: string; comment: string | null },
  options: ChangeOptions,
) {
  const today = osloDate(options.now);
  if (args.approvedOn > today) invalid([{ path: ["approvedOn"], code: "DATE_IN_FUTURE", params: { today } }]);
  return db.transaction(
    (tx) => {
      const project = requireProject(tx, projectId);
      const rows = listBenefits(tx, [projectId]);
      if (rows.length === 0) throw new AppError("INCOMPLETE", { params: { missing: "benefits", count: 1 } });
      const content = benefitPlanContent(project, rows);
      if (planHash(content) !== args.planHash) throw new AppError("VERSION_CONFLICT", { params: { currentVersion: project.version } });
      const number = insertPlanVersion(tx, {
        projectId,
        phase: project.phase,
        approvedByName: args.approvedByName,
        approvedOn: args.approvedOn,
        comment: args.comment,
        userId: options.actor.userId,
        now: options.now.toISOString(),
        content,
      });
      audit(tx, options.actor, options.now, "benefits.planApproved", "project", projectId, project.ownerOrganisationId, {
        number,
        phase: project.phase,
        approvedByName: args.approvedByName,
        approvedOn: args.approvedOn,
      });
      return { number };
    },
    { behavior: "immediate" },
  );
}

export function removeProject(db: Db, projectId: number, args: { expectedVersion: number }, options: ChangeOptions) {
  db.transaction(
    (tx) => {
      const project = requireProject(tx, projectId);
      if (project.version !== args.expectedVersion) throw new AppError("VERSION_CONFLICT", { params: { currentVersion: project.version } });
      const rows = listBenefits(tx, [projectId]);
      deleteProject(tx, projectId);
      // The whole plan goes into the log, so a deletion can be read back (and undone by hand).
      audit(tx, options.actor, options.now, "benefits.projectDeleted", "project", projectId, project.ownerOrganisationId, { before: { project, benefits: rows } });
    },
    { behavior: "immediate" },
  );
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
  const invitations = listInvitations(db, "project", [...organisationsWhere(session.grants, "benefits.read")]).map(({ id, ...invitation }) => ({ projectId: id, ...invitation }));
  return { today, owners: owners.map((ownerName) => ({ ownerName, items: overdue.filter((o) => o.ownerName === ownerName) })), count: overdue.length, invitations };
}
