import type { RouterInputs, RouterOutputs } from "@malestokk/api";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { refreshing, type MutationHandlers } from "../../lib/refreshing";
import { useTRPC } from "../../lib/trpc";

/**
 * The register's calls: municipalities, their population, and the IT cooperatives. Saving a
 * cooperative refreshes the register and the cost reports, which show the cooperative's members.
 */

type On<P extends keyof RouterInputs["register"]> = MutationHandlers<RouterOutputs["register"][P], RouterInputs["register"][P]>;

export function useMunicipalities() {
  const trpc = useTRPC();
  return useQuery(trpc.municipalities.list.queryOptions());
}

export function usePopulation(municipalityNumber: string) {
  const trpc = useTRPC();
  return useQuery(trpc.municipalities.population.queryOptions({ municipalityNumber }));
}

export function useCooperatives() {
  const trpc = useTRPC();
  return useQuery(trpc.register.cooperatives.queryOptions());
}

export function useYears() {
  const trpc = useTRPC();
  return useQuery(trpc.years.list.queryOptions());
}

export function useSaveCooperative(on?: On<"saveCooperative">) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = () =>
    Promise.all([queryClient.invalidateQueries(trpc.register.pathFilter()), queryClient.invalidateQueries(trpc.costs.pathFilter())]);
  return useMutation(trpc.register.saveCooperative.mutationOptions(refreshing(refresh, on)));
}

/** What awaits the signed-in user in their own organisations, for the start view ("Min kommune"). */
export function useAwaiting() {
  const trpc = useTRPC();
  return useQuery(trpc.home.awaiting.queryOptions());
}
