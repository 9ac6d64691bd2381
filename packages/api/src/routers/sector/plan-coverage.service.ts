import { latestPlanVersions, listAllProjects, listBenefits, type Db, type ProjectRow } from "@malestokk/db";

/** A project as the sector's lists name it: sector, phase, owner and who takes part. */
export function projectSummary(p: ProjectRow) {
  return {
    id: p.id,
    name: p.name,
    sector: p.sector,
    phase: p.phase,
    owner: { number: p.ownerNumber, name: p.ownerName },
    participants: p.participants.map(({ number, name }) => ({ number, name })),
  };
}

/**
 * The projects that still lack a benefit plan, for the board's meeting pack (issue 20): a plan counts
 * once a manager has approved a version of it (decision 019); until then the project is listed, with
 * whether it has benefits yet, so the board sees who is to make a plan and who to approve one.
 */
export function listProjectsWithoutPlan(db: Db) {
  const projects = listAllProjects(db);
  const ids = projects.map((p) => p.id);
  const approved = latestPlanVersions(db, ids);
  const benefits = listBenefits(db, ids);
  return projects
    .filter((p) => !approved.has(p.id))
    .map((p) => {
      const count = benefits.filter((b) => b.projectId === p.id).length;
      return {
        ...projectSummary(p),
        benefits: count,
        reason: count === 0 ? ("noBenefits" as const) : ("notApproved" as const),
      };
    })
    .sort((a, b) => a.owner.number.localeCompare(b.owner.number) || a.name.localeCompare(b.name, "nb"));
}
