import type { RouterInputs, RouterOutputs } from "@malestokk/api";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { useRefreshIndicatorReaders } from "../../lib/indicator-readers";
import { refreshing, type MutationHandlers } from "../../lib/refreshing";
import { useTRPC } from "../../lib/trpc";

/**
 * The cost report's calls. A mutation that changes reported figures refreshes what shows them (the
 * cost views and every view that reads indicators) before it resolves, so a page decides what to
 * say, never what to invalidate.
 */

type On<P extends keyof RouterInputs["costs"]> = MutationHandlers<RouterOutputs["costs"][P], RouterInputs["costs"][P]>;

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

export type ReportingYear = RouterOutputs["costs"]["list"][number];

/** The reporting overview: each year's cost report and quality reports with their status. */
export function useReportingYears(municipalityNumber: string) {
  const trpc = useTRPC();
  return {
    costs: useQuery(trpc.costs.list.queryOptions({ municipalityNumber })),
    quality: useQuery(trpc.quality.list.queryOptions({ municipalityNumber })),
  };
}

/** Reads the stored report afresh, not from the cache: what a save that lost a race is shown beside. */
export function useFetchCostReport() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return (input: RouterInputs["costs"]["report"]) => queryClient.fetchQuery({ ...trpc.costs.report.queryOptions(input), staleTime: 0 });
}

/**
 * Saves the draft: what shows the figures is refreshed, then the page's handler runs. A refused save
 * refreshes nothing: the page reads the stored report itself to show beside what was typed.
 */
export function useSaveCostReport(on?: On<"save">) {
  const trpc = useTRPC();
  return useMutation(trpc.costs.save.mutationOptions(refreshing(useRefreshCosts(), on, [])));
}

/** Submit, approve and return: each changes what readers may see, so each refreshes. */
export function useCostReportSteps() {
  const trpc = useTRPC();
  const options = refreshing(useRefreshCosts(), {}, []);
  return {
    submit: useMutation(trpc.costs.submit.mutationOptions(options)),
    approve: useMutation(trpc.costs.approve.mutationOptions(options)),
    giveBack: useMutation(trpc.costs.return.mutationOptions(options)),
  };
}

/** Reads a cost file; a preview (dryRun) changes nothing, an import refreshes. */
export function useImportCostFile() {
  const trpc = useTRPC();
  const refresh = useRefreshCosts();
  return useMutation(
    trpc.costs.importFile.mutationOptions(
      refreshing<RouterOutputs["costs"]["importFile"], RouterInputs["costs"]["importFile"]>(
        (input) => (input.dryRun ? Promise.resolve() : refresh()),
        {},
        [],
      ),
    ),
  );
}
