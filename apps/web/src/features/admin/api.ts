import type { RouterInputs, RouterOutputs } from "@malestokk/api";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { refreshing, type MutationHandlers } from "../../lib/refreshing";
import { useTRPC } from "../../lib/trpc";

/**
 * The administrators' calls. Every change refreshes all admin views (the users, the identity
 * providers, the policy, and the audit log, which has a new entry) before it resolves.
 */

type Procedure = keyof RouterInputs["admin"];
type On<P extends Procedure> = MutationHandlers<RouterOutputs["admin"][P], RouterInputs["admin"][P]>;
export type AuditInput = RouterInputs["admin"]["audit"];

function useRefreshAdmin(): () => Promise<unknown> {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries(trpc.admin.pathFilter());
}

export function useAdminUsers() {
  const trpc = useTRPC();
  return useQuery(trpc.admin.users.queryOptions());
}

export function usePermissionTable() {
  const trpc = useTRPC();
  return useQuery(trpc.admin.permissions.queryOptions());
}

export function useAudit(input: AuditInput) {
  const trpc = useTRPC();
  return useQuery(trpc.admin.audit.queryOptions(input));
}

/** Fetches a larger page of the log for an export, through the cache. */
export function useFetchAudit(): (input: AuditInput) => Promise<RouterOutputs["admin"]["audit"]> {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return (input) => queryClient.fetchQuery(trpc.admin.audit.queryOptions(input));
}

/** The organisations the log names by id. */
export function useOrganisations() {
  const trpc = useTRPC();
  return useQuery(trpc.municipalities.list.queryOptions());
}

export function useSecondFactorPolicy() {
  const trpc = useTRPC();
  return useQuery(trpc.admin.secondFactorPolicy.queryOptions());
}

export function useSetSecondFactorPolicy(on?: On<"setSecondFactorPolicy">) {
  const trpc = useTRPC();
  return useMutation(trpc.admin.setSecondFactorPolicy.mutationOptions(refreshing(useRefreshAdmin(), on)));
}

export function useOpenDataLicence() {
  const trpc = useTRPC();
  return useQuery(trpc.admin.openDataLicence.queryOptions());
}

export function useSetOpenDataLicence(on?: On<"setOpenDataLicence">) {
  const trpc = useTRPC();
  return useMutation(trpc.admin.setOpenDataLicence.mutationOptions(refreshing(useRefreshAdmin(), on)));
}

export function useCreateUser(on?: On<"createUser">) {
  const trpc = useTRPC();
  return useMutation(trpc.admin.createUser.mutationOptions(refreshing(useRefreshAdmin(), on)));
}

export function useAddRole(on?: On<"addRole">) {
  const trpc = useTRPC();
  return useMutation(trpc.admin.addRole.mutationOptions(refreshing(useRefreshAdmin(), on)));
}

export function useRemoveRole(on?: On<"removeRole">) {
  const trpc = useTRPC();
  return useMutation(trpc.admin.removeRole.mutationOptions(refreshing(useRefreshAdmin(), on)));
}

export function useSetDisabled(on?: On<"setDisabled">) {
  const trpc = useTRPC();
  return useMutation(trpc.admin.setDisabled.mutationOptions(refreshing(useRefreshAdmin(), on)));
}

export function useResetSecondFactor(on?: On<"resetSecondFactor">) {
  const trpc = useTRPC();
  return useMutation(trpc.admin.resetSecondFactor.mutationOptions(refreshing(useRefreshAdmin(), on)));
}

export function useUnlinkIdentities(on?: On<"unlinkIdentities">) {
  const trpc = useTRPC();
  return useMutation(trpc.admin.unlinkIdentities.mutationOptions(refreshing(useRefreshAdmin(), on)));
}

export function useCreateResetLink(on?: On<"createResetLink">) {
  const trpc = useTRPC();
  return useMutation(trpc.admin.createResetLink.mutationOptions(refreshing(useRefreshAdmin(), on)));
}

export function useIdentityProviders() {
  const trpc = useTRPC();
  return useQuery(trpc.admin.identityProviders.queryOptions());
}

/**
 * A save that someone else's change or removal refused does not refresh here: the providers' page
 * reads the newest version itself and the form saves on top of it, keeping what was typed.
 */
export function useSaveIdentityProvider(on?: On<"saveIdentityProvider">) {
  const trpc = useTRPC();
  return useMutation(trpc.admin.saveIdentityProvider.mutationOptions(refreshing(useRefreshAdmin(), on, [])));
}

export function useDeleteIdentityProvider(on?: On<"deleteIdentityProvider">) {
  const trpc = useTRPC();
  return useMutation(trpc.admin.deleteIdentityProvider.mutationOptions(refreshing(useRefreshAdmin(), on, ["changed", "gone"])));
}

export function useSetLocalSignIn(on?: On<"setLocalSignIn">) {
  const trpc = useTRPC();
  return useMutation(trpc.admin.setLocalSignIn.mutationOptions(refreshing(useRefreshAdmin(), on)));
}

/** The organisations that require four eyes on their reports (issue 20, point 16). */
export function useFourEyes() {
  const trpc = useTRPC();
  return useQuery(trpc.admin.fourEyes.queryOptions());
}

export function useSetFourEyes(on?: On<"setFourEyes">) {
  const trpc = useTRPC();
  return useMutation(trpc.admin.setFourEyes.mutationOptions(refreshing(useRefreshAdmin(), on)));
}
