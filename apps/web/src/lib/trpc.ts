import type { AppRouter } from "@malestokk/api";
import { QueryClient } from "@tanstack/react-query";
import { isSingleCallProcedure } from "@malestokk/domain";
import { createTRPCClient, httpBatchLink, httpLink, splitLink } from "@trpc/client";
import { createTRPCContext, createTRPCOptionsProxy } from "@trpc/tanstack-react-query";

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

/** Must not exceed the server's MAX_BATCH_SIZE. */
const MAX_BATCH_ITEMS = 10;

/** The server refuses state-changing calls without it: a cross-site form cannot send it (decision 002). */
export const CSRF_HEADERS = { "x-malestokk-csrf": "1" };

export function createTrpcClient(url = "/trpc") {
  return createTRPCClient<AppRouter>({
    links: [
      // The server takes a call that checks a password or code only alone in its request (decision 005).
      splitLink({
        condition: (op) => isSingleCallProcedure(op.path),
        true: httpLink({ url, headers: () => CSRF_HEADERS }),
        false: httpBatchLink({ url, maxItems: MAX_BATCH_ITEMS, headers: () => CSRF_HEADERS }),
      }),
    ],
  });
}

export function createQueryClient(options: { retry?: boolean } = {}) {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 30_000, retry: options.retry === false ? false : 1, refetchOnWindowFocus: false },
    },
  });
}

/**
 * Puts answers the server sent in the page (ADR 034) into the query cache under the keys the pages' own
 * queries use, as fresh as if just fetched: the first screen draws from them without a request.
 */
export function seedQueries(
  queryClient: QueryClient,
  trpcClient: ReturnType<typeof createTrpcClient>,
  queries: readonly { readonly path: string; readonly input?: unknown; readonly data: unknown }[],
): void {
  if (queries.length === 0) return;
  const trpc: unknown = createTRPCOptionsProxy<AppRouter>({ client: trpcClient, queryClient });
  for (const query of queries) {
    const procedure = query.path.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], trpc) as {
      queryKey: (input?: unknown) => readonly unknown[];
    };
    queryClient.setQueryData(procedure.queryKey(query.input), query.data);
  }
}
