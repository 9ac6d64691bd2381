import type { RouterInputs, RouterOutputs } from "@malestokk/api";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { useRefreshIndicatorReaders } from "../../lib/indicator-readers";
import { refreshing, type MutationHandlers } from "../../lib/refreshing";
import { useTRPC } from "../../lib/trpc";

/**
 * The reporting years' calls. Closing or reopening a year changes the state of its reports and what
 * readers may see, so it refreshes the years, the report pages and every view that reads indicators.
 */

type On<P extends keyof RouterInputs["years"]> = MutationHandlers<RouterOutputs["years"][P], RouterInputs["years"][P]>;

function useRefreshYears(): () => Promise<unknown> {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refreshReaders = useRefreshIndicatorReaders();
  return () =>
    Promise.all([
      queryClient.invalidateQueries(trpc.years.pathFilter()),
      queryClient.invalidateQueries(trpc.costs.pathFilter()),
      queryClient.invalidateQueries(trpc.quality.pathFilter()),
      refreshReaders(),
    ]);
}

export function useReportingYears() {
  const trpc = useTRPC();
  return useQuery(trpc.years.list.queryOptions());
}

/** Someone else closed or reopened it first ("moved"): the years are brought up to date. */
export function useCloseYear(on?: On<"close">) {
  const trpc = useTRPC();
  return useMutation(trpc.years.close.mutationOptions(refreshing(useRefreshYears(), on, ["moved"])));
}

export function useReopenYear(on?: On<"reopen">) {
  const trpc = useTRPC();
  return useMutation(trpc.years.reopen.mutationOptions(refreshing(useRefreshYears(), on, ["moved"])));
}

/** Someone else set the date first ("changed"): the years are brought up to date. */
export function useSetYearPublication(on?: On<"setPublication">) {
  const trpc = useTRPC();
  return useMutation(trpc.years.setPublication.mutationOptions(refreshing(useRefreshYears(), on, ["changed"])));
}
