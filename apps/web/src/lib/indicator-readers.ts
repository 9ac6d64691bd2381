import { useQueryClient, type QueryFilters } from "@tanstack/react-query";

import { useTRPC } from "./trpc";

/**
 * Marks stale every view that reads indicator values (benchmarks, profiles, the sector dashboard,
 * benefits measured by indicators, peer suggestions), and the views named in `also` (the area's own),
 * for a mutation that changes the figures they are computed from: a report saved or moved along its
 * workflow, an import, a year closed. Active views refetch now, the others when they are shown again.
 */
export function useRefreshIndicatorReaders(): (...also: QueryFilters[]) => Promise<unknown> {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return (...also) =>
    Promise.all(
      [trpc.benchmarks.pathFilter(), trpc.sector.pathFilter(), trpc.benefits.pathFilter(), trpc.peers.pathFilter(), ...also].map((filter) =>
        queryClient.invalidateQueries(filter),
      ),
    );
}
