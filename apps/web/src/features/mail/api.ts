import type { RouterInputs, RouterOutputs } from "@malestokk/api";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { refreshing, type MutationHandlers } from "../../lib/refreshing";
import { useTRPC } from "../../lib/trpc";

/** E-mail notices (issue 25): the outbox for administrators, each user's choices, the unsubscribe link. */

type Procedure = keyof RouterInputs["mail"];
type On<P extends Procedure> = MutationHandlers<RouterOutputs["mail"][P], RouterInputs["mail"][P]>;
export type OutboxInput = RouterInputs["mail"]["outbox"];
export type OutboxEntry = RouterOutputs["mail"]["outbox"][number];

function useRefreshMail(): () => Promise<unknown> {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries(trpc.mail.pathFilter());
}

export function useMailStatus() {
  const trpc = useTRPC();
  return useQuery(trpc.mail.status.queryOptions());
}

export function useOutbox(input: OutboxInput) {
  const trpc = useTRPC();
  return useQuery(trpc.mail.outbox.queryOptions(input));
}

export function useRetryMail(on?: On<"retry">) {
  const trpc = useTRPC();
  return useMutation(trpc.mail.retry.mutationOptions(refreshing(useRefreshMail(), on, "any")));
}

export function useMailRecipients() {
  const trpc = useTRPC();
  return useQuery(trpc.mail.recipients.queryOptions());
}

export function useMailPreferences() {
  const trpc = useTRPC();
  return useQuery(trpc.mail.preferences.queryOptions());
}

export function useSetMailPreference(on?: On<"setPreference">) {
  const trpc = useTRPC();
  return useMutation(trpc.mail.setPreference.mutationOptions(refreshing(useRefreshMail(), on)));
}

export function useUnsubscribe(on?: On<"unsubscribe">) {
  const trpc = useTRPC();
  return useMutation(trpc.mail.unsubscribe.mutationOptions(refreshing(() => Promise.resolve(), on, [])));
}
