import type { RouterOutputs } from "@malestokk/api";
import type { IndicatorCode } from "@malestokk/domain";
import { useQuery } from "@tanstack/react-query";

import { useTRPC } from "../../lib/trpc";

/** The open pages' reads: published figures only, no sign-in (docs/open-data.md#open-pages). */

export type OpenMunicipality = RouterOutputs["open"]["municipality"];
export type OpenIndicator = RouterOutputs["open"]["indicator"];

export function useOpenMunicipality(municipalityNumber: string) {
  const trpc = useTRPC();
  return useQuery(trpc.open.municipality.queryOptions({ municipalityNumber }));
}

export function useOpenIndicator(indicatorCode: IndicatorCode, year: number | undefined) {
  const trpc = useTRPC();
  return useQuery(trpc.open.indicator.queryOptions(year === undefined ? { indicatorCode } : { indicatorCode, year }));
}
