import type { RouterInputs, RouterOutputs } from "@malestokk/api";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { refreshing, type MutationHandlers } from "../../lib/refreshing";
import { useTRPC } from "../../lib/trpc";

/**
 * The idea pipeline's calls. Every change refreshes the idea list, its pipeline and the idea pages
 * before it resolves; a step that starts a joint project refreshes the benefit views too.
 */

type Procedure = keyof RouterInputs["ideas"];
type On<P extends Procedure> = MutationHandlers<RouterOutputs["ideas"][P], RouterInputs["ideas"][P]>;

function useRefreshIdeas(): () => Promise<unknown> {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries(trpc.ideas.pathFilter());
}

export function useIdeas() {
  const trpc = useTRPC();
  return useQuery(trpc.ideas.list.queryOptions());
}

/** Not retried: an idea the user may not see answers NOT_FOUND at once. */
export function useIdea(id: number) {
  const trpc = useTRPC();
  return useQuery({ ...trpc.ideas.get.queryOptions({ id }), retry: false });
}

export function useIdeaInvitations() {
  const trpc = useTRPC();
  return useQuery(trpc.ideas.invitations.queryOptions());
}

export function useSubmitIdea(on?: On<"submit">) {
  const trpc = useTRPC();
  return useMutation(trpc.ideas.submit.mutationOptions(refreshing(useRefreshIdeas(), on)));
}

/** A step refused because the idea moved on meanwhile, or went, refreshes like one that succeeded. */
export function useIdeaStep(on?: On<"step">) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refreshIdeas = useRefreshIdeas();
  const refresh = () =>
    Promise.all([
      refreshIdeas(),
      queryClient.invalidateQueries(trpc.benefits.pathFilter()),
      queryClient.invalidateQueries(trpc.sector.portfolio.pathFilter()),
    ]);
  return useMutation(trpc.ideas.step.mutationOptions(refreshing(refresh, on, ["changed", "moved", "gone"])));
}

/** Answered or withdrawn meanwhile ("moved", "gone"): the invitations are brought up to date. */
export function useAnswerIdeaInvitation(on?: On<"answerInvitation">) {
  const trpc = useTRPC();
  return useMutation(trpc.ideas.answerInvitation.mutationOptions(refreshing(useRefreshIdeas(), on, ["moved", "gone"])));
}

export function useLeaveIdea(on?: On<"leave">) {
  const trpc = useTRPC();
  return useMutation(trpc.ideas.leave.mutationOptions(refreshing(useRefreshIdeas(), on)));
}

export function useRemoveIdeaParticipant(on?: On<"removeParticipant">) {
  const trpc = useTRPC();
  return useMutation(trpc.ideas.removeParticipant.mutationOptions(refreshing(useRefreshIdeas(), on)));
}

/** Telling the board the meeting pack is ready changes nothing the pages show: nothing to refresh. */
export function useAnnounceMeetingPack(on?: On<"announceMeetingPack">) {
  const trpc = useTRPC();
  return useMutation(trpc.ideas.announceMeetingPack.mutationOptions(refreshing(() => Promise.resolve(), on, [])));
}
