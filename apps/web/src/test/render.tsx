import { appRouter, createContextInner } from "@malestokk/api";
import { createTestDb, type DbConnection } from "@malestokk/db/testing";
import { render } from "@testing-library/react";
import { createTRPCClient, unstable_localLink } from "@trpc/client";
import type { AppRouter } from "@malestokk/api";
import { afterEach } from "vitest";
import { createMemoryRouter, RouterProvider } from "react-router";

import { Providers } from "../app/providers";
import { routes } from "../app/router";
import { createI18n, type Language } from "../lib/i18n";
import { createQueryClient } from "../lib/trpc";

const connections: DbConnection[] = [];
afterEach(() => {
  for (const c of connections.splice(0)) c.close();
});

/**
 * Renders the real app at `path`, talking to the real router on a fresh seeded database in
 * process (no HTTP, no mocks): the same procedures, validation and errors as production.
 */
export function renderApp(path: string, options: { language?: Language; seed?: boolean } = {}) {
  const connection = createTestDb({ seed: options.seed ?? true });
  connections.push(connection);
  const trpcClient = createTRPCClient<AppRouter>({
    links: [
      unstable_localLink({
        router: appRouter,
        createContext: () => Promise.resolve(createContextInner({ db: connection.db })),
      }),
    ],
  });
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const i18n = createI18n(options.language ?? "nb");
  const utils = render(
    <Providers queryClient={createQueryClient({ retry: false })} trpcClient={trpcClient} i18n={i18n}>
      <RouterProvider router={router} />
    </Providers>,
  );
  return { ...utils, router, db: connection.db, i18n };
}
