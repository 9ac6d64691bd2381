import type { RouterInputs, RouterOutputs } from "@malestokk/api";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { savedThenRefresh, useRefreshIndicatorReaders } from "../../lib/indicator-readers";
import { useTRPC } from "../../lib/trpc";

/**
 * The cost report's calls. A mutation that changes reported figures refreshes what shows them (the
 * cost views and every view that reads indicators) before it resolves, so a page decides what to
 * say, never what to invalidate.
 */

type SaveResult = RouterOutputs["costs"]["save"];

/** Refreshes the cost views and the indicator readers after reported figures changed. */
function useRefreshCosts(): () => Promise<unknown> {
  const trpc = useTRPC();
  const refreshReaders = useRefreshIndicatorReaders();
  return () => refreshReaders(trpc.costs.pathFilter());
}

export function useCostReport(input: RouterInputs["costs"]["report"]) {
  const trpc = useTRPC();
  return useQuery(trpc.costs.report.queryOptions(input));
}

/** The reporting overview: each year's cost report and quality reports with their status. */
export function useReportingYears(municipalityNumber: string) {
  const trpc = useTRPC();
  return { costs: useQuery(trpc.costs.list.queryOptions({ municipalityNumber })), quality: useQuery(trpc.quality.list.queryOptions({ municipalityNumber })) };
}

/** Reads the stored report afresh, not from the cache: what a save that lost a race is shown beside. */
export function useFetchCostReport() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return (input: RouterInputs["costs"]["report"]) => queryClient.fetchQuery({ ...trpc.costs.report.queryOptions(input), staleTime: 0 });
}

/** Saves the draft; `onSaved` runs first (the form's own state), then what shows the figures is refreshed. */
export function useSaveCostReport(callbacks: { onSaved: (result: SaveResult) => void; onError: (error: unknown) => Promise<void> }) {
  const trpc = useTRPC();
  const refresh = useRefreshCosts();
  return useMutation(trpc.costs.save.mutationOptions(savedThenRefresh(callbacks, refresh)));
}

/** Submit, approve and return: each changes what readers may see, so each refreshes. */
export function useCostReportSteps() {
  const trpc = useTRPC();
  const refresh = useRefreshCosts();
  const onSuccess = () => refresh();
  return {
    submit: useMutation(trpc.costs.submit.mutationOptions({ onSuccess })),
    approve: useMutation(trpc.costs.approve.mutationOptions({ onSuccess })),
    giveBack: useMutation(trpc.costs.return.mutationOptions({ onSuccess })),
  };
}

/** Reads a cost file; a preview (dryRun) changes nothing, an import refreshes. */
export function useImportCostFile() {
  const trpc = useTRPC();
  const refresh = useRefreshCosts();
  return useMutation(
    trpc.costs.importFile.mutationOptions({
      onSuccess: async (_result, input) => {
        if (!input.dryRun) await refresh();
      },
    }),
  );
}
