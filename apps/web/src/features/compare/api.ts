import type { RouterInputs } from "@malestokk/api";
import { keepPreviousData, useQuery } from "@tanstack/react-query";

import { useTRPC } from "../../lib/trpc";

/** Up to ten municipalities side by side on chosen indicators, every year. */
export function useCompare(input: RouterInputs["benchmarks"]["compare"]) {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.benchmarks.compare.queryOptions(input),
    enabled: input.numbers.length > 0 && input.codes.length > 0,
    placeholderData: keepPreviousData,
  });
}

/**
 * The reference for the comparison: the first chosen municipality's profile for the year, whose
 * group median and national ratio of sums come from approved figures as on every benchmark page.
 */
export function useCompareReference(input: Partial<RouterInputs["benchmarks"]["profile"]>) {
  const trpc = useTRPC();
  const { municipalityNumber, year, peerSetId } = input;
  return useQuery({
    ...trpc.benchmarks.profile.queryOptions({ municipalityNumber: municipalityNumber ?? "", year, peerSetId }),
    enabled: municipalityNumber !== undefined && year !== undefined,
    placeholderData: keepPreviousData,
  });
}
