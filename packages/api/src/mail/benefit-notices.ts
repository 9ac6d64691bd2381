import { listAllProjects, listBenefits, listOrganisationRecipients, type Db, type DbOrTx, type MailRecipient } from "@malestokk/db";
import { dueMeasurementNotice, osloDateTime, type MeasuredPlan } from "@malestokk/domain";

import { createSecretBox } from "../auth/secret-box";
import { benefitView } from "../routers/benefits/benefits.service";
import { listLocalMeasurementsDue } from "../routers/solutions/solutions.service";
import { queueNotice, type MailSettings } from "./notify";

const NO_SECRETS = createSecretBox(null);

/** One benefit whose next measurement has a due date, wherever its plan lives. */
interface MeasuredBenefit {
  /** Names the benefit in the idempotency key: `b<id>` for a project's benefit, `l<project>.<organisation>.<key>` for a local plan's. */
  readonly ref: string;
  readonly plan: MeasuredPlan;
  readonly projectName: string;
  readonly organisation: { readonly id: number; readonly number: string; readonly name: string };
  readonly benefit: string;
  readonly indicator: string;
  readonly ownerName: string;
  readonly ownerUserId: number | null;
  readonly nextDue: string;
}

/** The project benefits with a next measurement due (none once realized), with their owning municipality. */
function projectBenefitsDue(db: DbOrTx, today: string): MeasuredBenefit[] {
  const projects = listAllProjects(db);
  const byId = new Map(projects.map((p) => [p.id, p]));
  return listBenefits(
    db,
    projects.map((p) => p.id),
  ).flatMap((benefit) => {
    const project = byId.get(benefit.projectId);
    if (!project) return [];
    const { summary } = benefitView(db, benefit, project.ownerOrganisationId, today);
    if (summary.nextDue === null) return [];
    return [
      {
        ref: `b${benefit.id}`,
        plan: { kind: "project", projectId: project.id },
        projectName: project.name,
        organisation: { id: project.ownerOrganisationId, number: project.ownerNumber, name: project.ownerName },
        benefit: benefit.title,
        indicator: benefit.indicator.name,
        ownerName: benefit.ownerName,
        ownerUserId: benefit.ownerUserId,
        nextDue: summary.nextDue,
      },
    ];
  });
}

function localBenefitsDue(db: DbOrTx, today: string): MeasuredBenefit[] {
  return listLocalMeasurementsDue(db, today).map((b) => ({
    ref: `l${b.projectId}.${b.organisation.id}.${b.key}`,
    plan: { kind: "local", projectId: b.projectId, number: b.organisation.number },
    projectName: b.projectName,
    organisation: b.organisation,
    benefit: b.title,
    indicator: b.indicator,
    ownerName: b.ownerName,
    ownerUserId: b.ownerUserId,
    nextDue: b.nextDue,
  }));
}

/**
 * Queues the benefit measurement notices due at `now` (issue 25): 14 days before a measurement is due and
 * once it is overdue (`dueMeasurementNotice`, Europe/Oslo dates), for the benefits of projects' own plans
 * and of municipalities' local plans of joint solutions. They go to the plan's keepers, the managers and
 * finance staff of the organisation whose plan it is (who may edit it, `benefits.edit`); the benefit's
 * owner is always one of them (an owner is chosen among the organisation's people), and is told so. An
 * owner who no longer holds a role there cannot see the plan and is not told. The key (benefit + due date
 * + stage + user) sends each stage once per due date; a recorded measurement moves the due date. One
 * transaction per benefit.
 */
export function queueDueMeasurements(db: Db, now: Date, mail: MailSettings): number {
  if (!mail.enabled) return 0;
  const today = osloDateTime(now).date;
  let queued = 0;
  for (const measured of [...projectBenefitsDue(db, today), ...localBenefitsDue(db, today)]) {
    const due = dueMeasurementNotice(today, measured.nextDue);
    if (!due) continue;
    queued += db.transaction((tx) => {
      const keepers = listOrganisationRecipients(tx, {
        organisationId: measured.organisation.id,
        roles: ["manager", "finance"],
        kind: "measurementDue",
      });
      const isOwner = (r: MailRecipient) => r.id === measured.ownerUserId;
      const notice = (ownerCopy: boolean) => ({
        key: `measurementDue:${measured.ref}:${measured.nextDue}:${due.stage}`,
        content: {
          kind: "measurementDue" as const,
          plan: measured.plan,
          projectName: measured.projectName,
          organisation: { number: measured.organisation.number, name: measured.organisation.name },
          benefit: measured.benefit,
          indicator: measured.indicator,
          dueDate: measured.nextDue,
          daysLeft: due.daysLeft,
          ownerName: measured.ownerName,
          isOwner: ownerCopy,
        },
      });
      const ctx = { mail, secrets: NO_SECRETS, now: () => now };
      return (
        queueNotice(ctx, tx, keepers.filter(isOwner), notice(true)) +
        queueNotice(
          ctx,
          tx,
          keepers.filter((r) => !isOwner(r)),
          notice(false),
        )
      );
    });
  }
  return queued;
}
