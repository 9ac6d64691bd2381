import { useMutation, useQueryClient } from "@tanstack/react-query";

import { useTRPC } from "../../lib/trpc";

/**
 * The reference imports. A preview (dryRun) changes nothing; an import refreshes every query, as
 * population, groups and the register feed every indicator and list.
 */
function useAfterImport() {
  const queryClient = useQueryClient();
  return {
    onSuccess: async (_result: unknown, input: { dryRun: boolean }) => {
      if (!input.dryRun) await queryClient.invalidateQueries();
    },
  };
}

export function useImportJsonStat() {
  const trpc = useTRPC();
  return useMutation(trpc.imports.jsonStat.mutationOptions(useAfterImport()));
}

export function useImportKostraGroups() {
  const trpc = useTRPC();
  return useMutation(trpc.imports.kostraGroups.mutationOptions(useAfterImport()));
}

export function useImportRegisterNames() {
  const trpc = useTRPC();
  return useMutation(trpc.imports.registerNames.mutationOptions(useAfterImport()));
}

export function useImportRegionChanges() {
  const trpc = useTRPC();
  return useMutation(trpc.imports.regionChanges.mutationOptions(useAfterImport()));
}
