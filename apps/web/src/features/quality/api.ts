import type { RouterInputs, RouterOutputs } from "@malestokk/api";
import { useMutation, useQuery } from "@tanstack/react-query";

import { savedThenRefresh, useRefreshIndicatorReaders } from "../../lib/indicator-readers";
import { useTRPC } from "../../lib/trpc";

/**
 * The quality reports' calls. Maturity, satisfaction and scope answers feed indicators (Q1, S1–S3),
 * so a mutation that changes them refreshes the quality views and every view that reads indicators
 * (sector, profile and peers, indicator pages, benefits) before it resolves, as the cost report's do.
 */

type SaveResult = RouterOutputs["quality"]["save"];

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

/** Saves the draft; `onSaved` runs first (the form's own state), then what shows the answers is refreshed. */
export function useSaveQualityReport(callbacks: { onSaved: (result: SaveResult) => void; onError: (error: unknown) => void }) {
  const trpc = useTRPC();
  const refresh = useRefreshQuality();
  return useMutation(trpc.quality.save.mutationOptions(savedThenRefresh(callbacks, refresh)));
}

/** Submit, approve and return: each changes what readers may see, so each refreshes. */
export function useQualityReportSteps() {
  const trpc = useTRPC();
  const refresh = useRefreshQuality();
  const onSuccess = () => refresh();
  return {
    submit: useMutation(trpc.quality.submit.mutationOptions({ onSuccess })),
    approve: useMutation(trpc.quality.approve.mutationOptions({ onSuccess })),
    giveBack: useMutation(trpc.quality.return.mutationOptions({ onSuccess })),
  };
}

/** The maturity areas' weights count in every organisation's Q1. */
export function useSaveMaturityWeights(callbacks: { onSaved: () => void; onError: (error: unknown) => void }) {
  const trpc = useTRPC();
  const refresh = useRefreshQuality();
  return useMutation(trpc.quality.setWeights.mutationOptions(savedThenRefresh(callbacks, refresh)));
}
