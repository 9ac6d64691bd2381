import {
  getIdeaOfProject,
  getReportingUnitByNumber,
  latestPlanVersions,
  listBenefits,
  listInvitations,
  listProjectsOf,
  listReportsAwaitingStep,
  type Db,
} from "@malestokk/db";
import { can, isOrganisationRole, type Permission } from "@malestokk/domain";

import type { Session } from "../../context";
import { benefitView, osloDate } from "../benefits/benefits.service";

/** One thing that waits for the signed-in user in their own organisation; the web links each to its page. */
export type AwaitingItem =
  | { readonly kind: "reportReturned"; readonly report: string; readonly year: number; readonly comment: string | null }
  | { readonly kind: "reportToApprove"; readonly report: string; readonly year: number }
  | { readonly kind: "planMissing"; readonly projectId: number; readonly name: string }
  | {
      readonly kind: "measurementOverdue";
      readonly projectId: number;
      readonly title: string;
      readonly projectName: string;
      readonly nextDue: string;
    }
  | { readonly kind: "projectInvitation"; readonly projectId: number; readonly name: string; readonly ownerName: string }
  | { readonly kind: "ideaInvitation"; readonly ideaId: number; readonly name: string; readonly ownerName: string };

/** The permission a report's step needs: finance corrects a returned cost report, a manager decides; quality as its table says. */
const STEP_PERMISSION: Record<"costs" | "quality", { returned: Permission; submitted: Permission }> = {
  costs: { returned: "costs.edit", submitted: "costs.approve" },
  quality: { returned: "quality.edit", submitted: "quality.approve" },
};

/**
 * "Min kommune" (issue 20, point 11): for each organisation where the user holds a role (manager,
 * finance), what waits for them there: reports returned or to approve in an open year, joint projects
 * without an approved benefit plan, benefits whose measurement is overdue, invitations to answer. Only
 * the user's own organisations are read, so another's items never show; no organisation, no list.
 */
export function getAwaiting(db: Db, session: Session, now: Date) {
  const today = osloDate(now);
  const grants = session.grants;
  const numbers = [
    ...new Set(grants.filter((g) => isOrganisationRole(g.role) && g.organisationNumber !== null).map((g) => g.organisationNumber)),
  ];
  const organisations = numbers.flatMap((number) => {
    const unit = number === null ? null : getReportingUnitByNumber(db, number);
    if (!unit) return [];
    const may = (permission: Permission) => can(grants, permission, unit.id);
    const items: AwaitingItem[] = [];
    for (const r of listReportsAwaitingStep(db, unit.id)) {
      const area = r.report === "costs" ? "costs" : "quality";
      if (!may(STEP_PERMISSION[area][r.status])) continue;
      items.push(
        r.status === "returned"
          ? { kind: "reportReturned", report: r.report, year: r.year, comment: r.returnComment }
          : { kind: "reportToApprove", report: r.report, year: r.year },
      );
    }
    if (may("benefits.read")) {
      const projects = listProjectsOf(db, unit.id);
      const plans = latestPlanVersions(
        db,
        projects.map((p) => p.id),
      );
      // A joint project: others take part, or the board said yes to an idea; the owner keeps its plan, every participant waits for it.
      for (const p of projects)
        if ((p.participants.length > 0 || getIdeaOfProject(db, p.id) !== null) && !plans.has(p.id))
          items.push({ kind: "planMissing", projectId: p.id, name: p.name });
      // The organisation measures the benefits of the projects it owns.
      const owned = projects.filter((p) => p.ownerOrganisationId === unit.id);
      const overdue = listBenefits(
        db,
        owned.map((p) => p.id),
      )
        .map((b) => ({ view: benefitView(db, b, unit.id, today), project: owned.find((p) => p.id === b.projectId) }))
        .filter(({ view }) => view.summary.overdue)
        .sort((a, b) => (a.view.summary.nextDue ?? today).localeCompare(b.view.summary.nextDue ?? today));
      for (const { view, project } of overdue)
        items.push({
          kind: "measurementOverdue",
          projectId: view.projectId,
          title: view.title,
          projectName: project?.name ?? "",
          nextDue: view.summary.nextDue ?? today,
        });
    }
    // A manager answers invitations (to joint projects, and to ideas).
    if (may("benefits.approve"))
      for (const i of listInvitations(db, "project", [unit.id]))
        items.push({ kind: "projectInvitation", projectId: i.id, name: i.name, ownerName: i.owner.name });
    if (may("ideas.submit"))
      for (const i of listInvitations(db, "idea", [unit.id]))
        items.push({ kind: "ideaInvitation", ideaId: i.id, name: i.name, ownerName: i.owner.name });
    return [{ number: unit.number, name: unit.name, kind: unit.kind, items }];
  });
  return { today, organisations };
}
