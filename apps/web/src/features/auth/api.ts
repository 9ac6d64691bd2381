import type { RouterInputs, RouterOutputs } from "@malestokk/api";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import type { MutationHandlers } from "../../lib/refreshing";
import { forgetSession, takeBootstrappedSignIn } from "../../lib/session";
import { useTRPC } from "../../lib/trpc";

/**
 * Signing in and the account's calls. A call that starts a session resets every query (what was
 * cached was fetched without one); signing out everywhere forgets the session's data; a second
 * factor set up or replaced refreshes its status. The page's handler runs first, then that.
 */

type On<P extends keyof RouterInputs["auth"]> = MutationHandlers<RouterOutputs["auth"][P], RouterInputs["auth"][P]>;

/** The page's handlers, then `after` on success: the one shape of the hooks below. */
function andThen<R, I>(on: MutationHandlers<R, I> = {}, after: (result: R) => Promise<unknown> | void) {
  return {
    onSuccess: async (result: R, input: I) => {
      await on.onSuccess?.(result, input);
      await after(result);
    },
    onError: (error: unknown, input: I) => on.onError?.(error, input),
  };
}

const NOTHING_MORE = () => undefined;

/** Seeds the sign-in form's first answers from the page, once, so the form is drawn whole without asking. */
function useBootstrappedSignIn() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const seeded = takeBootstrappedSignIn();
  if (seeded) {
    queryClient.setQueryData(trpc.auth.signInOptions.queryKey(), seeded.options);
    queryClient.setQueryData(trpc.auth.demoAccounts.queryKey(), seeded.demoAccounts);
  }
}

export function useSignInOptions() {
  const trpc = useTRPC();
  useBootstrappedSignIn();
  return useQuery(trpc.auth.signInOptions.queryOptions());
}

export function useDemoAccounts() {
  const trpc = useTRPC();
  useBootstrappedSignIn();
  return useQuery(trpc.auth.demoAccounts.queryOptions());
}

export function useSecondFactorStatus() {
  const trpc = useTRPC();
  return useQuery(trpc.auth.secondFactorStatus.queryOptions());
}

/** Signed in at once (no second step): the app loads with the session. */
export function useSignIn(on?: On<"signIn">) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.auth.signIn.mutationOptions(andThen(on, (result) => (result.status === "signedIn" ? queryClient.resetQueries() : undefined))),
  );
}

export function useVerifySecondFactor(on?: On<"secondFactor">) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(trpc.auth.secondFactor.mutationOptions(andThen(on, () => queryClient.resetQueries())));
}

export function useSignOutEverywhere(on?: On<"signOutEverywhere">) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(trpc.auth.signOutEverywhere.mutationOptions(andThen(on, () => forgetSession(queryClient, trpc))));
}

export function useChangePassword(on?: On<"changePassword">) {
  const trpc = useTRPC();
  return useMutation(trpc.auth.changePassword.mutationOptions(andThen(on, NOTHING_MORE)));
}

export function useCompleteReset(on?: On<"completeReset">) {
  const trpc = useTRPC();
  return useMutation(trpc.auth.completeReset.mutationOptions(andThen(on, NOTHING_MORE)));
}

export function useEnrolBegin(on?: On<"enrolBegin">) {
  const trpc = useTRPC();
  return useMutation(trpc.auth.enrolBegin.mutationOptions(andThen(on, NOTHING_MORE)));
}

export function useEnrolConfirm(on?: On<"enrolConfirm">) {
  const trpc = useTRPC();
  return useMutation(trpc.auth.enrolConfirm.mutationOptions(andThen(on, NOTHING_MORE)));
}

/**
 * After the recovery codes are read: a required enrolment has just made the session, so the app
 * loads with it; otherwise the account page's status is refreshed.
 */
export function useAfterEnrolment(): (signedIn: boolean) => Promise<unknown> {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return (signedIn) => (signedIn ? queryClient.resetQueries() : queryClient.invalidateQueries(trpc.auth.secondFactorStatus.pathFilter()));
}
