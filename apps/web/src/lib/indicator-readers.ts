import { useQueryClient } from "@tanstack/react-query";

import { useTRPC } from "./trpc";

/**
 * Marks stale every view that reads indicator values (benchmarks, profiles, the sector dashboard,
 * benefits measured by indicators, peer suggestions), for a mutation that changes the figures they
 * are computed from: a report saved or moved along its workflow, an import, a year closed.
 * Active views refetch now, the others when they are shown again.
 */
export function useRefreshIndicatorReaders(): () => Promise<unknown> {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all(
      [trpc.benchmarks.pathFilter(), trpc.sector.pathFilter(), trpc.benefits.pathFilter(), trpc.peers.pathFilter()].map((filter) => queryClient.invalidateQueries(filter)),
    );
}
