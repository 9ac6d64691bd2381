import type { RouterInputs, RouterOutputs } from "@malestokk/api";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { useRefreshIndicatorReaders } from "../../lib/indicator-readers";
import { refreshing, type MutationHandlers } from "../../lib/refreshing";
import { useTRPC } from "../../lib/trpc";

/**
 * The fagsystem register's calls. A change refreshes the register, the cost views that tie lines to
 * systems, and the views that read cost per system class, before it resolves.
 */

type On<P extends keyof RouterInputs["systems"]> = MutationHandlers<RouterOutputs["systems"][P], RouterInputs["systems"][P]>;

function useRefreshSystems(): () => Promise<unknown> {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refreshReaders = useRefreshIndicatorReaders();
  return () =>
    Promise.all([
      queryClient.invalidateQueries(trpc.systems.pathFilter()),
      queryClient.invalidateQueries(trpc.costs.pathFilter()),
      refreshReaders(),
    ]);
}

export function useSystems(municipalityNumber: string) {
  const trpc = useTRPC();
  return useQuery(trpc.systems.list.queryOptions({ municipalityNumber }));
}

/**
 * A save that found the system gone refreshes; one that found it changed does not, as the form keeps
 * what the user typed until they ask for the latest (the register's conflict notice).
 */
export function useSaveSystem(on?: On<"save">) {
  const trpc = useTRPC();
  return useMutation(trpc.systems.save.mutationOptions(refreshing(useRefreshSystems(), on, ["gone"])));
}

/** A refused delete refreshes too: the system may be gone, or in use by lines added meanwhile. */
export function useDeleteSystem(on?: On<"delete">) {
  const trpc = useTRPC();
  return useMutation(trpc.systems.delete.mutationOptions(refreshing(useRefreshSystems(), on, "any")));
}
