import type { RouterInputs } from "@malestokk/api";
import { keepPreviousData, useQuery } from "@tanstack/react-query";

import { useTRPC } from "../../lib/trpc";

/** A municipality's profile for a year (fetched once the year is known), keeping the last one while the next loads. */
export function useProfile(input: RouterInputs["benchmarks"]["profile"]) {
  const trpc = useTRPC();
  return useQuery({ ...trpc.benchmarks.profile.queryOptions(input), enabled: input.year !== undefined, placeholderData: keepPreviousData });
}
