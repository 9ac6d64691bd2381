import type { RouterInputs, RouterOutputs } from "@malestokk/api";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { refreshing, type MutationHandlers } from "../../lib/refreshing";
import { useTRPC } from "../../lib/trpc";

/** The API token calls (issue 23, point 3). A change refreshes every token list: the organisation's and the administrators'. */

export type ApiToken = RouterOutputs["apiTokens"]["list"][number];

type On<P extends "create" | "revoke"> = MutationHandlers<RouterOutputs["apiTokens"][P], RouterInputs["apiTokens"][P]>;

function useRefreshTokens(): () => Promise<unknown> {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries(trpc.apiTokens.pathFilter());
}

export function useApiTokens(municipalityNumber: string) {
  const trpc = useTRPC();
  return useQuery(trpc.apiTokens.list.queryOptions({ municipalityNumber }));
}

export function useAllApiTokens() {
  const trpc = useTRPC();
  return useQuery(trpc.apiTokens.all.queryOptions());
}

export function useCreateApiToken(on?: On<"create">) {
  const trpc = useTRPC();
  return useMutation(trpc.apiTokens.create.mutationOptions(refreshing(useRefreshTokens(), on, [])));
}

/** A refused revoke refreshes too: someone else may have revoked the token meanwhile. */
export function useRevokeApiToken(on?: On<"revoke">) {
  const trpc = useTRPC();
  return useMutation(trpc.apiTokens.revoke.mutationOptions(refreshing(useRefreshTokens(), on, "any")));
}
