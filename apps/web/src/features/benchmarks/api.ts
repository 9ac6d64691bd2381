import type { RouterInputs, RouterOutputs } from "@malestokk/api";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { refreshing, type MutationHandlers } from "../../lib/refreshing";
import { useTRPC } from "../../lib/trpc";

/**
 * The K1 benchmark's calls. Saving or deleting a peer set refreshes the sets and the series, which
 * may be drawn against that set.
 */

type On<P extends keyof RouterInputs["peers"]> = MutationHandlers<RouterOutputs["peers"][P], RouterInputs["peers"][P]>;

function useRefreshPeerSets(): () => Promise<unknown> {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries(trpc.peers.sets.queryFilter()),
      queryClient.invalidateQueries(trpc.benchmarks.series.pathFilter()),
    ]);
}

/** Keeps the previous series while another peer group loads, so the chart does not blink. */
export function useSeries(input: RouterInputs["benchmarks"]["series"]) {
  const trpc = useTRPC();
  return useQuery({ ...trpc.benchmarks.series.queryOptions(input), placeholderData: keepPreviousData });
}

export function usePeerSets() {
  const trpc = useTRPC();
  return useQuery(trpc.peers.sets.queryOptions());
}

export function usePeerSuggestions(municipalityNumber: string) {
  const trpc = useTRPC();
  return useQuery(trpc.peers.suggest.queryOptions({ municipalityNumber }));
}

export function useSavePeerSet(on?: On<"saveSet">) {
  const trpc = useTRPC();
  return useMutation(trpc.peers.saveSet.mutationOptions(refreshing(useRefreshPeerSets(), on)));
}

export function useDeletePeerSet(on?: On<"deleteSet">) {
  const trpc = useTRPC();
  return useMutation(trpc.peers.deleteSet.mutationOptions(refreshing(useRefreshPeerSets(), on)));
}
