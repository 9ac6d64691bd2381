import { ideaWaitingFor, type IdeaAction, type IdeaSector, type IdeaStatus, type IdeaTurn } from "@malestokk/domain";
import type { TFunction } from "i18next";

const TURN_ACTION: Record<IdeaTurn["role"], IdeaAction> = { sectorCouncil: "prioritize", secretariat: "compile", board: "decide" };

/**
 * Whose step an open idea waits for, when the signed-in user cannot take it ("Venter på KPR for helse og
 * velferd"): null once decided or withdrawn, or when the step is the user's own. The list and the idea page say it alike.
 */
export function ideaTurnText(
  t: TFunction,
  idea: { readonly status: IdeaStatus; readonly sector: IdeaSector; readonly actions: readonly IdeaAction[] },
): string | null {
  const turn = ideaWaitingFor(idea);
  if (turn === null || idea.actions.includes(TURN_ACTION[turn.role])) return null;
  return t(turn.role === "sectorCouncil" ? `ideas.waiting.sectorCouncil.${turn.sector}` : `ideas.waiting.${turn.role}`);
}
