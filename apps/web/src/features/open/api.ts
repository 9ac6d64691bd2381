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

/** The licence and attribution the administrator chose, as the public API states them (docs/open-data.md#licence). */
export function useOpenLicence() {
  const trpc = useTRPC();
  return useQuery(trpc.open.licence.queryOptions(undefined, { staleTime: 5 * 60_000 }));
}

/** The earlier published values of one revised figure, newest first; read only once the reader asks for them. */
export function useOpenValueHistory(input: { indicatorCode: string; municipalityNumber: string; year: number }, enabled: boolean) {
  const trpc = useTRPC();
  // The code comes from the server's own answer, so it is one of the catalogue's.
  return useQuery({ ...trpc.open.valueHistory.queryOptions({ ...input, indicatorCode: input.indicatorCode as IndicatorCode }), enabled });
}
