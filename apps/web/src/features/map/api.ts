import type { RouterInputs } from "@malestokk/api";
import { keepPreviousData, useQuery } from "@tanstack/react-query";

import { useTRPC } from "../../lib/trpc";

/** Every municipality's figure for the map (fetched once the year is known), keeping the last map while the next loads. */
export function useMapFigures(input: RouterInputs["benchmarks"]["map"]) {
  const trpc = useTRPC();
  return useQuery({ ...trpc.benchmarks.map.queryOptions(input), enabled: input.year !== undefined, placeholderData: keepPreviousData });
}

/** Every municipality's published figure of one indicator in one published year, for the open pages' map (no sign-in). */
export function useOpenMapFigures(input: RouterInputs["open"]["map"]) {
  const trpc = useTRPC();
  return useQuery({ ...trpc.open.map.queryOptions(input), placeholderData: keepPreviousData });
}
