import type { QueryClient } from "@tanstack/react-query";
import type { i18n as I18n } from "i18next";
import { StrictMode, type ComponentProps } from "react";
import { RouterProvider } from "react-router";

import type { createTrpcClient } from "../lib/trpc";
import { Providers } from "./providers";

/**
 * The whole app, the same for the browser (main.tsx) and the server's drawing (entry-server.tsx): a drawn page
 * is hydrated only if both build one tree, down to the ids React gives its parts (ADR 041).
 */
export function AppTree(props: {
  queryClient: QueryClient;
  trpcClient: ReturnType<typeof createTrpcClient>;
  i18n: I18n;
  /** The browser's router, or the server's in memory for one address. */
  router: ComponentProps<typeof RouterProvider>["router"];
}) {
  return (
    <StrictMode>
      <Providers queryClient={props.queryClient} trpcClient={props.trpcClient} i18n={props.i18n}>
        <RouterProvider router={props.router} />
      </Providers>
    </StrictMode>
  );
}
