import { z } from "zod";

import { can, type RoleGrant } from "../auth/permissions";
import { PROJECT_SECTORS, type ProjectSector } from "../benefits/plan";
import { nameSchema, textSchema } from "../text/schemas";

/**
 * The project-idea pipeline (docs/indicators.md#idea-pipeline): a municipality submits an idea (innmeldt), the sector
 * council of its sector prioritizes it (vurdert av KPR), the secretariat compiles a recommendation
 * (sammenstilt), and the programme board decides yes or no (besluttet). A yes becomes a joint
 * project that must get a benefit plan. Each step belongs to one role.
 *
 * An idea belongs to a council's sector or, like a project, is common ("felles/tverrgående"); a
 * common idea concerns every council, so any sector council may prioritize it (and, as within a
 * sector, revise the score until the secretariat has compiled).
 */
export const IDEA_SECTORS = PROJECT_SECTORS;
export type IdeaSector = ProjectSector;

export const IDEA_STATUSES = ["submitted", "prioritized", "compiled", "approved", "rejected", "withdrawn"] as const;
export type IdeaStatus = (typeof IDEA_STATUSES)[number];

export const IDEA_ACTIONS = ["prioritize", "compile", "decide", "withdraw"] as const;
export type IdeaAction = (typeof IDEA_ACTIONS)[number];

/** From which status each action may be taken. Decided and withdrawn ideas are final. */
const FROM: Record<IdeaAction, readonly IdeaStatus[]> = {
  // A council may revise its score until the secretariat has compiled.
  prioritize: ["submitted", "prioritized"],
  compile: ["prioritized", "compiled"],
  decide: ["compiled"],
  withdraw: ["submitted", "prioritized", "compiled"],
};

export function ideaActionAllowed(status: IdeaStatus, action: IdeaAction): boolean {
  return FROM[action].includes(status);
}

export function nextIdeaStatus(action: Exclude<IdeaAction, "decide">): IdeaStatus;
export function nextIdeaStatus(action: "decide", decision: "yes" | "no"): IdeaStatus;
export function nextIdeaStatus(action: IdeaAction, decision?: "yes" | "no"): IdeaStatus {
  if (action === "prioritize") return "prioritized";
  if (action === "compile") return "compiled";
  if (action === "withdraw") return "withdrawn";
  return decision === "yes" ? "approved" : "rejected";
}

/**
 * Who may take a step: the submitting municipality withdraws; the sector council of the idea's
 * sector (any council for a common idea) prioritizes; the secretariat compiles; the board decides.
 * Admins may do each.
 */
export function mayActOnIdea(
  grants: readonly RoleGrant[],
  action: IdeaAction,
  idea: { organisationId: number; sector: IdeaSector },
): boolean {
  switch (action) {
    case "withdraw":
      return can(grants, "ideas.submit", idea.organisationId);
    case "prioritize":
      return grants.some(
        (g) => g.role === "admin" || (g.role === "sectorCouncil" && (idea.sector === "common" || g.sector === idea.sector)),
      );
    case "compile":
      return can(grants, "ideas.compile");
    case "decide":
      return can(grants, "ideas.decide");
  }
}

/** The ideas' actions a user could take now, for the buttons (the server checks again). */
export function availableIdeaActions(
  grants: readonly RoleGrant[],
  idea: { status: IdeaStatus; organisationId: number; sector: IdeaSector },
): IdeaAction[] {
  return IDEA_ACTIONS.filter((a) => ideaActionAllowed(idea.status, a) && mayActOnIdea(grants, a, idea));
}

/** Whose step an open idea waits for: its sector's council (any council for a common idea), the secretariat or the board. */
export type IdeaTurn =
  { readonly role: "sectorCouncil"; readonly sector: IdeaSector } | { readonly role: "secretariat" } | { readonly role: "board" };

/** The step the pipeline waits for, so one who cannot take it reads whose turn it is; null once decided or withdrawn. */
export function ideaWaitingFor(idea: { status: IdeaStatus; sector: IdeaSector }): IdeaTurn | null {
  switch (idea.status) {
    case "submitted":
      return { role: "sectorCouncil", sector: idea.sector };
    case "prioritized":
      return { role: "secretariat" };
    case "compiled":
      return { role: "board" };
    default:
      return null;
  }
}

const Text = (max: number) => textSchema(max, { min: 1 });

export const IdeaInputSchema = z.object({
  title: nameSchema(200),
  problem: Text(4_000),
  sector: z.enum(IDEA_SECTORS),
  expectedBenefits: Text(4_000),
  /** A rough cost in kroner. */
  roughCostNok: z.number().int().min(0).max(100_000_000_000),
  /** Other municipalities that take part (municipality numbers). */
  participants: z.array(z.string().regex(/^\d{4}$/)).max(400),
});
export type IdeaInput = z.infer<typeof IdeaInputSchema>;

export const IdeaStepSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("prioritize"), score: z.number().int().min(1).max(5), comment: Text(2_000) }),
  z.object({ action: z.literal("compile"), recommendation: z.enum(["yes", "no"]), comment: Text(2_000) }),
  z.object({ action: z.literal("decide"), decision: z.enum(["yes", "no"]), comment: Text(2_000) }),
  z.object({ action: z.literal("withdraw"), comment: Text(2_000) }),
]);
export type IdeaStep = z.infer<typeof IdeaStepSchema>;
