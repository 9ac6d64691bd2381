import type { AppRouter } from "@malestokk/api";
import { QueryClient } from "@tanstack/react-query";
import { isSingleCallProcedure } from "@malestokk/domain";
import { createTRPCClient, httpBatchLink, httpLink, splitLink } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";

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
