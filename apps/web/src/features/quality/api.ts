import type { RouterInputs, RouterOutputs } from "@malestokk/api";
import { useMutation, useQuery } from "@tanstack/react-query";

import { useRefreshIndicatorReaders } from "../../lib/indicator-readers";
import { refreshing, type MutationHandlers } from "../../lib/refreshing";
import { useTRPC } from "../../lib/trpc";

/**
 * The quality reports' calls. Maturity, satisfaction and scope answers feed indicators (Q1, S1–S3),
 * so a mutation that changes them refreshes the quality views and every view that reads indicators
 * (sector, profile and peers, indicator pages, benefits) before it resolves, as the cost report's do.
 */

type On<P extends keyof RouterInputs["quality"]> = MutationHandlers<RouterOutputs["quality"][P], RouterInputs["quality"][P]>;

/** Refreshes the quality views (the report pages, the reporting overview) and the indicator readers. */
function useRefreshQuality(): () => Promise<unknown> {
  const trpc = useTRPC();
  const refreshReaders = useRefreshIndicatorReaders();
  return () => refreshReaders(trpc.quality.pathFilter());
}

export function useQualityReport(input: RouterInputs["quality"]["report"]) {
  const trpc = useTRPC();
  return useQuery(trpc.quality.report.queryOptions(input));
}

/** S3 (digital mail) over the years, for the scope page's trend. */
export function useMailTrend(municipalityNumber: string) {
  const trpc = useTRPC();
  return useQuery(trpc.benchmarks.series.queryOptions({ indicatorCode: "S3", municipalityNumber }));
}

/**
 * Saves the draft: what shows the answers is refreshed, then the page's handler runs. A save that lost
 * a race refreshes nothing, so the form keeps what was typed (the page says to reload).
 */
export function useSaveQualityReport(on?: On<"save">) {
  const trpc = useTRPC();
  return useMutation(trpc.quality.save.mutationOptions(refreshing(useRefreshQuality(), on, [])));
}

/** Submit, approve and return: each changes what readers may see, so each refreshes. */
export function useQualityReportSteps() {
  const trpc = useTRPC();
  const options = refreshing(useRefreshQuality(), {}, []);
  return {
    submit: useMutation(trpc.quality.submit.mutationOptions(options)),
    approve: useMutation(trpc.quality.approve.mutationOptions(options)),
    giveBack: useMutation(trpc.quality.return.mutationOptions(options)),
  };
}

/** The maturity areas' weights count in every organisation's Q1. */
export function useSaveMaturityWeights(on?: On<"setWeights">) {
  const trpc = useTRPC();
  return useMutation(trpc.quality.setWeights.mutationOptions(refreshing(useRefreshQuality(), on, [])));
}
