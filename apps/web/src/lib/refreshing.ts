import { conflictOf, type Conflict } from "./form-errors";

/** What a page does after a feature's mutation: its own state (close a form, say what happened, navigate). */
export interface MutationHandlers<R, I> {
  readonly onSuccess?: (result: R, input: I) => unknown;
  readonly onError?: (error: unknown, input: I) => unknown;
}

/**
 * A feature's mutation options, the one mutation style of the features' `api.ts` hooks: on success it
 * first refreshes what reads the changed data (so the page shows it), then runs the page's handler;
 * the mutation resolves after both. A save that lost a race (`conflicts`, by the one policy of
 * `conflictOf`) refreshes too, so the page can show the record as it now is; "any" refreshes after
 * every refusal (one that may have found the data changed in ways the page shows, e.g. in use), none
 * (`[]`) none. `refresh` is given the input, for a call that changes nothing (a preview) to skip it.
 */
export function refreshing<R, I>(
  refresh: (input: I) => Promise<unknown>,
  handlers: MutationHandlers<R, I> = {},
  conflicts: readonly Conflict[] | "any" = ["changed"],
) {
  return {
    onSuccess: async (result: R, input: I) => {
      await refresh(input);
      await handlers.onSuccess?.(result, input);
    },
    onError: async (error: unknown, input: I) => {
      if (conflicts === "any" || conflictOf(error, conflicts)) void refresh(input);
      await handlers.onError?.(error, input);
    },
  };
}
