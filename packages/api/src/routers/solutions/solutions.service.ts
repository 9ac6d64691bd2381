import {
  approveLocalPlanRow,
  deleteLocalMeasurement,
  getLocalMeasurement,
  getLocalPlan,
  getMunicipalityByNumber,
  getTemplateDraft,
  insertLocalMeasurement,
  insertLocalPlan,
  insertTemplateVersion,
  listApprovedValuesOf,
  listLocalMeasurements,
  listLocalPlans,
  listLocalPlansOf,
  listOrganisationPeople,
  listPublishedSolutions,
  listTemplateVersions,
  saveTemplateDraft,
  updateLocalMeasurement,
  updateLocalPlan,
  type Db,
  type DbOrTx,
  type LocalPlanContent,
  type LocalPlanRow,
  type MunicipalityListItem,
  type ProjectRow,
} from "@malestokk/db";
import {
  acceptTemplateVersion,
  can,
  checkLocalMeasurement,
  checkLocalPlan,
  checkTemplate,
  computeIndicatorValue,
  followedTemplate,
  getIndicator,
  localMeasurements,
  rollUpJointSolution,
  targetsFromSuggestion,
  valueLocalBenefit,
  type BenefitPoint,
  type FieldIssue,
  type LocalBenefit,
  type LocalPlanInput,
  type MeasurementInput,
  type TemplateBenefit,
  type TemplateInput,
  type AuditAction,
} from "@malestokk/domain";

import type { ChangeOptions, Session } from "../../context";
import { AppError } from "../../errors";
import { audit, invalid, osloDate, requireProject } from "../benefits/benefits.service";

/**
 * Joint solutions (issue 26, docs/indicators.md#joint-solutions): a joint project's template plan, kept by its
 * owner or the secretariat and published in versions; adoption into a municipality's own local plan by its
 * manager; the local plan's approval and its moves to newer template versions; and the roll-up over adopters.
 * A local plan before approval is its municipality's own: others read the approved one.
 */

/** What the audit log names for each step: the project, its owner and the municipality concerned. */
function details(project: ProjectRow, municipality: { number: string } | null, more: Record<string, unknown>) {
  return { name: project.name, owner: project.ownerNumber, participant: municipality?.number ?? null, ...more };
}

/** The template as its keepers edit it, and the published versions, newest first. */
export function getTemplate(db: Db, projectId: number, session: Session) {
  const project = requireProject(db, projectId);
  const draft = getTemplateDraft(db, projectId);
  return {
    projectId,
    projectName: project.name,
    draft: draft ?? { content: { benefits: [] }, version: null, updatedAt: null },
    versions: listTemplateVersions(db, projectId),
    canEdit: can(session.grants, "benefits.template", project.ownerOrganisationId),
  };
}

export function saveTemplate(
  db: Db,
  projectId: number,
  args: { expectedVersion: number | null; template: TemplateInput },
  options: ChangeOptions,
) {
  const issues = checkTemplate(args.template);
  if (issues.length > 0) invalid(issues);
  return db.transaction(
    (tx) => {
      const project = requireProject(tx, projectId);
      const before = getTemplateDraft(tx, projectId);
      const ok = saveTemplateDraft(tx, {
        projectId,
        expectedVersion: args.expectedVersion,
        content: args.template,
        now: options.now.toISOString(),
      });
      if (!ok) throw new AppError("VERSION_CONFLICT", { params: { currentVersion: before?.version ?? null } });
      audit(tx, options.actor, options.now, "benefits.templateSaved", "project", projectId, project.ownerOrganisationId, {
        ...details(project, null, {}),
        before: before?.content ?? null,
        after: args.template,
      });
      return { version: (args.expectedVersion ?? 0) + 1 };
    },
    { behavior: "immediate" },
  );
}

/** Publishes the draft exactly as the keeper saw it (its version) as the next numbered version. */
export function publishTemplate(
  db: Db,
  projectId: number,
  args: { expectedVersion: number; comment: string | null },
  options: ChangeOptions,
) {
  return db.transaction(
    (tx) => {
      const project = requireProject(tx, projectId);
      const draft = getTemplateDraft(tx, projectId);
      if (!draft || draft.content.benefits.length === 0) throw new AppError("INCOMPLETE", { params: { missing: "benefits", count: 1 } });
      if (draft.version !== args.expectedVersion) throw new AppError("VERSION_CONFLICT", { params: { currentVersion: draft.version } });
      const number = insertTemplateVersion(tx, {
        projectId,
        content: draft.content,
        byName: options.actor.name,
        userId: options.actor.userId,
        comment: args.comment,
        now: options.now.toISOString(),
      });
      audit(
        tx,
        options.actor,
        options.now,
        "benefits.templatePublished",
        "project",
        projectId,
        project.ownerOrganisationId,
        details(project, null, { number, benefits: draft.content.benefits.length }),
      );
      return { number };
    },
    { behavior: "immediate" },
  );
}

function requirePublished(db: DbOrTx, projectId: number) {
  const solution = listPublishedSolutions(db, projectId)[0];
  if (!solution) throw new AppError("NOT_FOUND", { params: { projectId } });
  const versions = listTemplateVersions(db, projectId);
  return { solution, versions };
}

/**
 * The figures a linked benefit is measured by in one municipality: its approved values of the indicator,
 * one per year dated 31 December; for a volume, the indicator's numerator (S3: digital shipments).
 */
function figuresOf(db: DbOrTx, benefit: TemplateBenefit, organisationId: number): BenefitPoint[] {
  const indicator = benefit.linkedIndicatorCode ? getIndicator(benefit.linkedIndicatorCode) : null;
  if (!indicator) return [];
  return listApprovedValuesOf(db, indicator.code, organisationId).flatMap((r) => {
    const value = benefit.valueMethod === "volume" ? r.numerator : computeIndicatorValue(indicator, r.numerator, r.denominator);
    return value === null ? [] : [{ value, date: `${r.year}-12-31` }];
  });
}

/** The baseline from the municipality's own approved figures: the latest year before the one it took the solution into use. */
function baselineFromFigures(db: DbOrTx, benefit: TemplateBenefit, organisationId: number, inUseFrom: string): BenefitPoint | null {
  const before = figuresOf(db, benefit, organisationId).filter((f) => f.date < inUseFrom);
  return before.at(-1) ?? null;
}

/** A local plan as entered, with the baselines of linked benefits taken from the municipality's approved figures where it has them. */
function withFigureBaselines(
  db: DbOrTx,
  plan: LocalPlanInput,
  template: readonly TemplateBenefit[],
  organisationId: number,
): LocalBenefit[] {
  return plan.benefits.map((b) => {
    const t = template.find((x) => x.key === b.key);
    const figure = t ? baselineFromFigures(db, t, organisationId, plan.inUseFrom) : null;
    return figure ? { ...b, baseline: figure } : b;
  });
}

/** Owners named by account must have a role in the municipality. */
function checkOwners(db: DbOrTx, plan: { benefits: readonly LocalBenefit[] }, organisationId: number): FieldIssue[] {
  const people = new Set(listOrganisationPeople(db, organisationId).map((p) => p.id));
  return plan.benefits.flatMap((b, i) =>
    b.ownerUserId !== null && !people.has(b.ownerUserId)
      ? [{ path: ["benefits", i, "ownerUserId"], code: "NOT_IN_ORGANISATION", params: {} }]
      : [],
  );
}

function checkPlan(db: DbOrTx, plan: LocalPlanInput, template: readonly TemplateBenefit[], organisationId: number, today: string) {
  const issues = [...checkLocalPlan(plan, template), ...checkOwners(db, plan, organisationId)];
  if (plan.inUseFrom > today) issues.push({ path: ["inUseFrom"], code: "DATE_IN_FUTURE", params: { today } });
  if (issues.length > 0) invalid(issues);
}

/**
 * Joint solutions any municipality may adopt, and where this one stands: not adopted, adopted (awaiting its
 * manager's approval) or approved, and whether a newer template version waits.
 */
export function listSolutions(db: Db, municipality: MunicipalityListItem) {
  const plans = listLocalPlansOf(db, municipality.id);
  return listPublishedSolutions(db).map((s) => {
    const plan = plans.find((p) => p.projectId === s.projectId);
    return {
      projectId: s.projectId,
      name: s.name,
      sector: s.sector,
      owner: { number: s.ownerNumber, name: s.ownerName },
      latestVersion: s.latestVersion,
      publishedAt: s.publishedAt,
      localPlan: plan
        ? {
            templateVersion: plan.templateVersion,
            approved: plan.approved !== null,
            newerAvailable: s.latestVersion > plan.templateVersion,
          }
        : null,
    };
  });
}

/**
 * What adopting would give the municipality: the latest template version's benefits with the baselines its
 * approved figures give, the suggested targets as dates, and the people who may own a benefit.
 */
export function getAdoptionDraft(db: Db, municipality: MunicipalityListItem, projectId: number, now: Date) {
  const { solution, versions } = requirePublished(db, projectId);
  const latest = versions[0];
  if (!latest) throw new AppError("NOT_FOUND", { params: { projectId } });
  const today = osloDate(now);
  const year = Number(today.slice(0, 4));
  return {
    projectId,
    name: solution.name,
    owner: { number: solution.ownerNumber, name: solution.ownerName },
    templateVersion: latest.number,
    template: latest.benefits,
    plan: {
      inUseFrom: today,
      benefits: latest.benefits.map((t) => {
        const figure = baselineFromFigures(db, t, municipality.id, today);
        return {
          key: t.key,
          ownerName: "",
          ownerUserId: null,
          baseline: figure ?? { value: 0, date: today },
          baselineFromFigures: figure !== null,
          targets: targetsFromSuggestion(t, year),
        };
      }),
    },
    people: listOrganisationPeople(db, municipality.id),
    alreadyAdopted: getLocalPlan(db, projectId, municipality.id) !== null,
  };
}

/** The municipality's manager adopts the latest template version into its own local plan ("ta i bruk"). */
export function adoptSolution(db: Db, municipality: MunicipalityListItem, projectId: number, plan: LocalPlanInput, options: ChangeOptions) {
  const today = osloDate(options.now);
  return db.transaction(
    (tx) => {
      const { versions } = requirePublished(tx, projectId);
      const project = requireProject(tx, projectId);
      const latest = versions[0];
      if (!latest) throw new AppError("NOT_FOUND", { params: { projectId } });
      if (getLocalPlan(tx, projectId, municipality.id))
        throw new AppError("STATUS_CONFLICT", { params: { status: "adopted", action: "adopt" } });
      checkPlan(tx, plan, latest.benefits, municipality.id, today);
      const content: LocalPlanContent = {
        templateVersion: latest.number,
        inUseFrom: plan.inUseFrom,
        benefits: withFigureBaselines(tx, plan, latest.benefits, municipality.id),
      };
      const id = insertLocalPlan(tx, {
        projectId,
        organisationId: municipality.id,
        content,
        byName: options.actor.name,
        now: options.now.toISOString(),
      });
      audit(
        tx,
        options.actor,
        options.now,
        "benefits.solutionAdopted",
        "project",
        projectId,
        municipality.id,
        details(project, municipality, { templateVersion: latest.number, after: content }),
      );
      return { id, version: 1 };
    },
    { behavior: "immediate" },
  );
}

function requireLocalPlan(db: DbOrTx, projectId: number, organisationId: number): LocalPlanRow {
  const plan = getLocalPlan(db, projectId, organisationId);
  if (!plan) throw new AppError("NOT_FOUND", { params: { projectId } });
  return plan;
}

function contentOf(plan: LocalPlanContent): LocalPlanContent {
  return { templateVersion: plan.templateVersion, inUseFrom: plan.inUseFrom, benefits: plan.benefits };
}

/**
 * One step on a municipality's local plan, in one transaction: the project and the plan are read first; the
 * step writes over the version read (stale: VERSION_CONFLICT, nothing changed) and names its audit entry.
 */
function localPlanStep(
  db: Db,
  municipality: MunicipalityListItem,
  projectId: number,
  expectedVersion: number,
  options: ChangeOptions,
  step: (tx: DbOrTx, current: LocalPlanRow) => { write: (now: string) => boolean; action: AuditAction; details: Record<string, unknown> },
) {
  return db.transaction(
    (tx) => {
      const project = requireProject(tx, projectId);
      const current = requireLocalPlan(tx, projectId, municipality.id);
      const { write, action, details: more } = step(tx, current);
      if (!write(options.now.toISOString())) throw new AppError("VERSION_CONFLICT", { params: { currentVersion: current.version } });
      audit(tx, options.actor, options.now, action, "project", projectId, municipality.id, details(project, municipality, more));
      return { version: expectedVersion + 1 };
    },
    { behavior: "immediate" },
  );
}

/** The municipality's keepers change its local plan: owners, dates, targets, typed baselines. */
export function saveLocalPlan(
  db: Db,
  municipality: MunicipalityListItem,
  projectId: number,
  args: { expectedVersion: number; plan: LocalPlanInput },
  options: ChangeOptions,
) {
  const today = osloDate(options.now);
  return localPlanStep(db, municipality, projectId, args.expectedVersion, options, (tx, current) => {
    const template = listTemplateVersions(tx, projectId).find((v) => v.number === current.templateVersion)?.benefits ?? [];
    checkPlan(tx, args.plan, template, municipality.id, today);
    const content: LocalPlanContent = {
      templateVersion: current.templateVersion,
      inUseFrom: args.plan.inUseFrom,
      benefits: withFigureBaselines(tx, args.plan, template, municipality.id),
    };
    return {
      write: (now) => updateLocalPlan(tx, { id: current.id, expectedVersion: args.expectedVersion, content, now }),
      action: "benefits.localPlanSaved",
      details: { before: contentOf(current), after: content },
    };
  });
}

/** The municipality's manager approves the local plan as read (its version): others read this one from now on. */
export function approveLocalPlan(
  db: Db,
  municipality: MunicipalityListItem,
  projectId: number,
  args: { expectedVersion: number },
  options: ChangeOptions,
) {
  return localPlanStep(db, municipality, projectId, args.expectedVersion, options, (tx, current) => {
    const content = contentOf(current);
    return {
      write: (now) =>
        approveLocalPlanRow(tx, { id: current.id, expectedVersion: args.expectedVersion, content, byName: options.actor.name, now }),
      action: "benefits.localPlanApproved",
      details: { templateVersion: current.templateVersion, approved: content },
    };
  });
}

/**
 * The municipality's manager moves its local plan onto a newer template version: what stays keeps the local
 * owners, baselines and targets; new benefits get the suggested targets and a baseline from the figures
 * (typed later otherwise). The plan needs approval again.
 */
export function acceptNewerTemplate(
  db: Db,
  municipality: MunicipalityListItem,
  projectId: number,
  args: { expectedVersion: number; number: number },
  options: ChangeOptions,
) {
  return localPlanStep(db, municipality, projectId, args.expectedVersion, options, (tx, current) => {
    const target = listTemplateVersions(tx, projectId).find((v) => v.number === args.number);
    if (!target) throw new AppError("NOT_FOUND", { params: { projectId, number: args.number } });
    if (target.number <= current.templateVersion)
      throw new AppError("STATUS_CONFLICT", { params: { status: `v${current.templateVersion}`, action: "accept" } });
    const moved = acceptTemplateVersion(
      current.benefits,
      target.benefits,
      Number(current.inUseFrom.slice(0, 4)),
      (t) => baselineFromFigures(tx, t, municipality.id, current.inUseFrom) ?? { value: 0, date: current.inUseFrom },
      current.benefits[0]?.ownerName ?? options.actor.name,
    );
    const content: LocalPlanContent = { templateVersion: target.number, inUseFrom: current.inUseFrom, benefits: moved.benefits };
    return {
      write: (now) => updateLocalPlan(tx, { id: current.id, expectedVersion: args.expectedVersion, content, now }),
      action: "benefits.templateVersionAccepted",
      details: {
        before: { templateVersion: current.templateVersion },
        after: { templateVersion: target.number },
        added: moved.added,
        dropped: moved.dropped,
      },
    };
  });
}

/**
 * A local plan as one reader may see it: the working plan for those who may read the municipality's
 * drafts, otherwise the approved plan (none before the first approval). Each benefit valued per year with
 * its inputs (volume, unit value, source) so the computation can be shown beside the value.
 */
function localPlanView(db: DbOrTx, plan: LocalPlanRow, versions: ReturnType<typeof listTemplateVersions>, session: Session, today: string) {
  const own = can(session.grants, "drafts.read", plan.organisationId);
  const content = own ? contentOf(plan) : plan.approved;
  const follow = followedTemplate({ templateVersion: content?.templateVersion ?? plan.templateVersion }, versions);
  const typed = content ? listLocalMeasurements(db, [plan.id]) : [];
  const benefits = (content?.benefits ?? []).flatMap((b) => {
    const t = follow.followed?.benefits.find((x) => x.key === b.key);
    if (!t) return [];
    const mine = typed.filter((m) => m.benefitKey === b.key);
    const measurements = localMeasurements(t, t.linkedIndicatorCode === null ? [] : figuresOf(db, t, plan.organisationId), mine);
    const valued = valueLocalBenefit(t, b, content?.inUseFrom ?? plan.inUseFrom, measurements, today);
    return [
      {
        key: b.key,
        title: t.title,
        type: t.type,
        cash: t.cash,
        valueMethod: t.valueMethod,
        indicator: t.indicator,
        linkedIndicatorCode: t.linkedIndicatorCode,
        annualValueNok: t.annualValueNok,
        ownerName: b.ownerName,
        ...(own ? { ownerUserId: b.ownerUserId } : {}),
        baseline: b.baseline,
        targets: b.targets,
        ...valued,
        /**
         * Typed by hand (not linked to an indicator): the list with comments and who recorded each is the
         * municipality's own; others read the values through the approved plan's years only (decision 040).
         */
        measuredByHand: t.linkedIndicatorCode === null,
        typedMeasurements:
          own && t.linkedIndicatorCode === null
            ? mine.map((m) => ({
                id: m.id,
                date: m.date,
                value: m.value,
                comment: m.comment,
                recordedByName: m.recordedByName,
                recordedAt: m.recordedAt,
                version: m.version,
              }))
            : [],
      },
    ];
  });
  const approvedCurrent = plan.approved !== null && JSON.stringify(contentOf(plan)) === JSON.stringify(contentOf(plan.approved));
  return {
    number: plan.number,
    name: plan.name,
    adoptedAt: plan.adoptedAt,
    adoptedByName: plan.adoptedByName,
    inUseFrom: content?.inUseFrom ?? null,
    status: plan.approved === null ? ("adopted" as const) : approvedCurrent ? ("approved" as const) : ("changedSinceApproval" as const),
    approvedAt: plan.approved?.at ?? null,
    approvedByName: plan.approved?.byName ?? null,
    templateVersion: content?.templateVersion ?? null,
    latestTemplateVersion: follow.latest,
    newerAvailable: follow.newerAvailable,
    /** Whether the figures below are the working plan (the municipality's own) or the approved one. */
    showsWorkingPlan: own,
    version: own ? plan.version : null,
    benefits,
  };
}

/** One municipality's local plan of a joint solution, as the reader may see it. */
export function getLocalPlanDetail(db: Db, municipality: MunicipalityListItem, projectId: number, session: Session, now: Date) {
  const { solution, versions } = requirePublished(db, projectId);
  const plan = requireLocalPlan(db, projectId, municipality.id);
  const today = osloDate(now);
  const view = localPlanView(db, plan, versions, session, today);
  const own = view.showsWorkingPlan;
  return {
    projectId,
    today,
    name: solution.name,
    owner: { number: solution.ownerNumber, name: solution.ownerName },
    plan: view,
    template: versions.find((v) => v.number === view.templateVersion)?.benefits ?? [],
    newerTemplate: view.newerAvailable ? (versions[0] ?? null) : null,
    people: own && can(session.grants, "benefits.edit", municipality.id) ? listOrganisationPeople(db, municipality.id) : [],
    /** Whether the reader records the measurements typed by hand: the municipality's keepers, as for a plan's own. */
    canMeasure: own && can(session.grants, "benefits.edit", municipality.id),
  };
}

/**
 * The joint solution across the sector: per adopting municipality its status, planned and realized value and
 * next measurement due; the sum per year (cash and non-cash apart, realized up to today, missing years named);
 * adopters over time; and the participants that have not adopted. A plan not yet approved counts for its own
 * municipality's readers only.
 */
export function getRollUp(db: Db, projectId: number, session: Session, now: Date) {
  const today = osloDate(now);
  const project = requireProject(db, projectId);
  const versions = listTemplateVersions(db, projectId);
  const plans = listLocalPlans(db, projectId).map((p) => localPlanView(db, p, versions, session, today));
  const adopters = plans.map((p) => {
    const years = p.benefits.flatMap((b) => b.years);
    const sum = (pick: (y: (typeof years)[number]) => number | null | undefined) => years.reduce((a, y) => a + (pick(y) ?? 0), 0);
    const nextDue = p.benefits
      .map((b) => b.nextDue)
      .filter((d): d is string => d !== null)
      .sort()[0];
    return {
      number: p.number,
      name: p.name,
      adoptedAt: p.adoptedAt,
      status: p.status,
      templateVersion: p.templateVersion,
      newerAvailable: p.newerAvailable,
      figuresShown: p.benefits.length > 0,
      plannedNok: sum((y) => (Number(y.year) <= Number(today.slice(0, 4)) ? y.planned.valueNok : 0)),
      realizedNok: sum((y) => (y.realized && y.realized.date <= today ? y.realized.valueNok : 0)),
      nextDue: nextDue ?? null,
      overdue: nextDue !== undefined && nextDue < today,
    };
  });
  const years = rollUpJointSolution(
    plans
      .filter((p) => p.benefits.length > 0 && p.inUseFrom !== null)
      .map((p) => ({
        number: p.number,
        name: p.name,
        adoptedOn: p.adoptedAt.slice(0, 10),
        inUseFrom: p.inUseFrom ?? p.adoptedAt.slice(0, 10),
        benefits: p.benefits.map((b) => ({ cash: b.cash, years: b.years })),
      })),
    today,
  );
  const adopted = new Set(plans.map((p) => p.number));
  const owner = getMunicipalityByNumber(db, project.ownerNumber);
  return {
    projectId,
    name: project.name,
    today,
    published: versions.length > 0,
    latestVersion: versions[0]?.number ?? null,
    adopters,
    years,
    // Who takes part (the owner and accepted participants) but has not adopted it.
    notAdopted: [...(owner ? [{ number: owner.number, name: owner.name }] : []), ...project.participants]
      .filter((m) => !adopted.has(m.number))
      .map(({ number, name }) => ({ number, name })),
  };
}

/**
 * Every published joint solution as the board and the secretariat see it (their portfolio and meeting pack):
 * adopters, approved plans, the sums per year and the participants that have not adopted.
 */
export function listSectorSolutions(db: Db, session: Session, now: Date) {
  return listPublishedSolutions(db).map((s) => {
    const rollUp = getRollUp(db, s.projectId, session, now);
    return {
      projectId: s.projectId,
      name: s.name,
      sector: s.sector,
      owner: { number: s.ownerNumber, name: s.ownerName },
      latestVersion: s.latestVersion,
      adopters: rollUp.adopters.length,
      approved: rollUp.adopters.filter((a) => a.status !== "adopted").length,
      notAdopted: rollUp.notAdopted,
      years: rollUp.years,
      today: rollUp.today,
    };
  });
}

/** A local plan's benefit whose next measurement has a due date, for the measurement notices (issue 25). */
export interface LocalMeasurementDue {
  readonly projectId: number;
  readonly projectName: string;
  readonly organisation: { readonly id: number; readonly number: string; readonly name: string };
  readonly key: string;
  readonly title: string;
  readonly indicator: string;
  readonly ownerName: string;
  readonly ownerUserId: number | null;
  readonly nextDue: string;
}

/**
 * Every local plan's benefits with the next measurement due, as the municipality's own keepers read them
 * (the working plan, valued as `localPlanView` values it): none once a benefit is realized.
 */
export function listLocalMeasurementsDue(db: DbOrTx, today: string): LocalMeasurementDue[] {
  return listPublishedSolutions(db).flatMap((solution) => {
    const versions = listTemplateVersions(db, solution.projectId);
    return listLocalPlans(db, solution.projectId).flatMap((plan) => {
      const content = contentOf(plan);
      const followed = followedTemplate({ templateVersion: content.templateVersion }, versions).followed;
      const typed = listLocalMeasurements(db, [plan.id]);
      return content.benefits.flatMap((b) => {
        const t = followed?.benefits.find((x) => x.key === b.key);
        if (!t) return [];
        const figures = t.linkedIndicatorCode === null ? [] : figuresOf(db, t, plan.organisationId);
        const measurements = localMeasurements(
          t,
          figures,
          typed.filter((m) => m.benefitKey === b.key),
        );
        const { nextDue } = valueLocalBenefit(t, b, content.inUseFrom, measurements, today);
        if (nextDue === null) return [];
        return [
          {
            projectId: solution.projectId,
            projectName: solution.name,
            organisation: { id: plan.organisationId, number: plan.number, name: plan.name },
            key: b.key,
            title: t.title,
            indicator: t.indicator.name,
            ownerName: b.ownerName,
            ownerUserId: b.ownerUserId,
            nextDue,
          },
        ];
      });
    });
  });
}

/** A benefit of the working local plan, with its template benefit, that a typed measurement belongs to. */
function requirePlanBenefit(db: DbOrTx, projectId: number, plan: LocalPlanRow, key: string) {
  const template = listTemplateVersions(db, projectId).find((v) => v.number === plan.templateVersion)?.benefits ?? [];
  const t = template.find((x) => x.key === key);
  const b = plan.benefits.find((x) => x.key === key);
  if (!t || !b) throw new AppError("NOT_FOUND", { params: { key } });
  return { template: t, local: b };
}

/**
 * One step on a typed measurement of a local plan, in one transaction, audited under the municipality with
 * the benefit it measures.
 */
function localMeasurementStep<T>(
  db: Db,
  municipality: MunicipalityListItem,
  projectId: number,
  options: ChangeOptions,
  step: (tx: DbOrTx, plan: LocalPlanRow) => { result: T; action: AuditAction; details: Record<string, unknown> },
): T {
  return db.transaction(
    (tx) => {
      const project = requireProject(tx, projectId);
      const plan = requireLocalPlan(tx, projectId, municipality.id);
      const { result, action, details: more } = step(tx, plan);
      audit(tx, options.actor, options.now, action, "project", projectId, municipality.id, details(project, municipality, more));
      return result;
    },
    { behavior: "immediate" },
  );
}

/**
 * The municipality's keepers record a measurement of a local benefit no indicator measures (date, value,
 * optional comment): not before its baseline, not after today.
 */
export function addLocalMeasurement(
  db: Db,
  municipality: MunicipalityListItem,
  projectId: number,
  args: { key: string; measurement: MeasurementInput },
  options: ChangeOptions,
) {
  const today = osloDate(options.now);
  return localMeasurementStep(db, municipality, projectId, options, (tx, plan) => {
    const { template, local } = requirePlanBenefit(tx, projectId, plan, args.key);
    const issues = checkLocalMeasurement(args.measurement, template, local, today);
    if (issues.length > 0) invalid(issues);
    const id = insertLocalMeasurement(tx, {
      localPlanId: plan.id,
      benefitKey: args.key,
      ...args.measurement,
      userId: options.actor.userId,
      userName: options.actor.name,
      now: options.now.toISOString(),
    });
    return {
      result: { id, version: 1 },
      action: "benefits.localMeasurementAdded",
      details: { key: args.key, title: template.title, measurementId: id, after: args.measurement },
    };
  });
}

function requireLocalMeasurement(db: DbOrTx, plan: LocalPlanRow, id: number) {
  const measurement = getLocalMeasurement(db, plan.id, id);
  if (!measurement) throw new AppError("NOT_FOUND", { params: { measurementId: id } });
  return measurement;
}

/** Changes a typed measurement over the version read (stale: VERSION_CONFLICT, nothing changed). */
export function changeLocalMeasurement(
  db: Db,
  municipality: MunicipalityListItem,
  projectId: number,
  args: { id: number; expectedVersion: number; measurement: MeasurementInput },
  options: ChangeOptions,
) {
  const today = osloDate(options.now);
  return localMeasurementStep(db, municipality, projectId, options, (tx, plan) => {
    const before = requireLocalMeasurement(tx, plan, args.id);
    const { template, local } = requirePlanBenefit(tx, projectId, plan, before.benefitKey);
    const issues = checkLocalMeasurement(args.measurement, template, local, today);
    if (issues.length > 0) invalid(issues);
    const written = updateLocalMeasurement(tx, {
      localPlanId: plan.id,
      id: args.id,
      expectedVersion: args.expectedVersion,
      ...args.measurement,
      userId: options.actor.userId,
      userName: options.actor.name,
      now: options.now.toISOString(),
    });
    if (!written) throw new AppError("VERSION_CONFLICT", { params: { currentVersion: before.version } });
    return {
      result: { id: args.id, version: args.expectedVersion + 1 },
      action: "benefits.localMeasurementChanged",
      details: {
        key: before.benefitKey,
        title: template.title,
        measurementId: args.id,
        before: { value: before.value, date: before.date, comment: before.comment },
        after: args.measurement,
      },
    };
  });
}

/** Deletes a typed measurement of the version read (stale: VERSION_CONFLICT, nothing deleted). */
export function removeLocalMeasurement(
  db: Db,
  municipality: MunicipalityListItem,
  projectId: number,
  args: { id: number; expectedVersion: number },
  options: ChangeOptions,
) {
  return localMeasurementStep(db, municipality, projectId, options, (tx, plan) => {
    const before = requireLocalMeasurement(tx, plan, args.id);
    if (!deleteLocalMeasurement(tx, { localPlanId: plan.id, id: args.id, expectedVersion: args.expectedVersion }))
      throw new AppError("VERSION_CONFLICT", { params: { currentVersion: before.version } });
    return {
      result: { id: args.id },
      action: "benefits.localMeasurementDeleted",
      details: {
        key: before.benefitKey,
        measurementId: args.id,
        before: { value: before.value, date: before.date, comment: before.comment },
      },
    };
  });
}
