import type { RouterOutputs } from "@malestokk/api";
import { can, isOrganisationRole, type Permission, type Role, type RoleGrant, type Sector } from "@malestokk/domain";
import { useQuery, type QueryClient } from "@tanstack/react-query";

import { useTRPC } from "./trpc";

export type Me = NonNullable<RouterOutputs["auth"]["me"]>;

/** The signed-in user (null when signed out); every page reads it from one cached query. */
export function useMe() {
  const trpc = useTRPC();
  return useQuery({ ...trpc.auth.me.queryOptions(), staleTime: 60_000 });
}

export function grantsOf(me: Me | null | undefined): RoleGrant[] {
  return (me?.grants ?? []).map((g) => ({
    role: g.role as Role,
    organisationId: g.organisationId,
    sector: g.sector as Sector | null,
  }));
}

/** Mirrors the server's permission table to hide what would be refused; the server still decides. */
export function useCan(permission: Permission, organisationId: number | null = null): boolean {
  const me = useMe();
  return can(grantsOf(me.data), permission, organisationId);
}

/**
 * After sign-out: the page shows sign-in at once, and nothing fetched under the old session stays
 * in memory for the next person at this browser.
 */
export function forgetSession(queryClient: QueryClient, trpc: ReturnType<typeof useTRPC>): void {
  const meKey = trpc.auth.me.queryKey();
  queryClient.setQueryData(meKey, null);
  queryClient.removeQueries({ predicate: (query) => JSON.stringify(query.queryKey) !== JSON.stringify(meKey) });
}

/** Whether the user holds a role (manager, finance) in this organisation itself. */
export function useHasRoleIn(organisationId: number | null): boolean {
  const me = useMe();
  return organisationId !== null && grantsOf(me.data).some((g) => isOrganisationRole(g.role) && g.organisationId === organisationId);
}
