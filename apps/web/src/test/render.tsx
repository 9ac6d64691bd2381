import {
  appRouter,
  createContextInner,
  createSecretBox,
  DEFAULT_AUTH_SETTINGS,
  resolveSession,
  type AppRouter,
  type MailSettings,
} from "@malestokk/api";
import { findUserByEmail, insertSession } from "@malestokk/db";
import { createTestDb, type DbConnection } from "@malestokk/db/testing";
import { render } from "@testing-library/react";
import { createTRPCClient, unstable_localLink } from "@trpc/client";
import { randomBytes, createHash } from "node:crypto";
import { afterEach } from "vitest";
import type { ReactNode } from "react";
import { createMemoryRouter, MemoryRouter, RouterProvider } from "react-router";

import { Providers } from "../app/providers";
import { routes } from "../app/router";
import enAdmin from "../locales/en.admin.json";
import nbAdmin from "../locales/nb.admin.json";
import nnAdmin from "../locales/nn.admin.json";
import { ENGLISH } from "../lib/english";
import { createI18n, type Language } from "../lib/i18n";
import { NYNORSK } from "../lib/nynorsk";
import { createQueryClient } from "../lib/trpc";

export { TEST_PASSWORD } from "@malestokk/db/testing";

const connections: DbConnection[] = [];
afterEach(() => {
  for (const c of connections.splice(0)) c.close();
});

/**
 * Renders the real app at `path`, talking to the real router on a fresh seeded database in
 * process (no HTTP, no mocks): the same procedures, validation, sessions and errors as
 * production. `as` signs in a demo user first (e.g. "admin@demo.example"); the "browser cookie"
 * then follows sign-in and sign-out as a real one would.
 */
export function renderApp(
  path: string,
  options: { language?: Language; seed?: boolean; as?: string; publicOrigin?: string | null; secretKey?: string; mail?: MailSettings } = {},
) {
  const connection = createTestDb({ seed: options.seed ?? true });
  connections.push(connection);
  const { db } = connection;
  let cookie: string | null = null;
  if (options.as) {
    const user = findUserByEmail(db, options.as);
    if (!user) throw new Error(`no demo user ${options.as}`);
    const token = randomBytes(32).toString("base64url");
    const now = new Date();
    insertSession(db, {
      tokenHash: createHash("sha256").update(token).digest("hex"),
      userId: user.id,
      createdAt: now.toISOString(),
      lastSeenAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + 3_600_000).toISOString(),
    });
    cookie = token;
  }
  const trpcClient = apiClient(db, { get: () => cookie, set: (token) => (cookie = token) }, options);
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const i18n = createI18n({ en: { ...ENGLISH, admin: enAdmin }, nn: { ...NYNORSK, admin: nnAdmin } });
  // Pages add their own areas as they load; a component rendered on its own gets them here.
  i18n.addResourceBundle("nb", "translation", { admin: nbAdmin }, true, false);
  if (options.language && options.language !== "nb") void i18n.changeLanguage(options.language);
  const queryClient = createQueryClient({ retry: false });
  const utils = render(
    <Providers queryClient={queryClient} trpcClient={trpcClient} i18n={i18n}>
      <RouterProvider router={router} />
    </Providers>,
  );
  return { ...utils, router, db, sqlite: connection.sqlite, i18n, queryClient };
}

/** A tRPC client that calls the real router in process on `db`, with `cookie` as the browser's session cookie. */
function apiClient(
  db: DbConnection["db"],
  cookie: { get: () => string | null; set: (token: string | null) => void },
  options: { publicOrigin?: string | null; secretKey?: string; mail?: MailSettings } = {},
) {
  return createTRPCClient<AppRouter>({
    links: [
      unstable_localLink({
        router: appRouter,
        createContext: () =>
          Promise.resolve(
            createContextInner({
              db,
              session: resolveSession(db, cookie.get(), new Date(), DEFAULT_AUTH_SETTINGS),
              // PUBLIC_ORIGIN: the page's own address unless a test says otherwise.
              publicOrigin: options.publicOrigin === undefined ? window.location.origin : options.publicOrigin,
              secrets: createSecretBox(options.secretKey),
              ...(options.mail ? { mail: options.mail } : {}),
              cookies: {
                set: (token) => cookie.set(token),
                clear: () => cookie.set(null),
              },
            }),
          ),
      }),
    ],
  });
}

/**
 * Renders one component (not a route) with what every page has around it: texts, queries and the
 * real router on a fresh, empty database, for components that ask the server (e.g. whether it holds demo data).
 */
export function renderWithApp(ui: ReactNode, options: { language?: Language } = {}) {
  const connection = createTestDb({ seed: false });
  connections.push(connection);
  let cookie: string | null = null;
  const trpcClient = apiClient(connection.db, { get: () => cookie, set: (token) => (cookie = token) });
  const i18n = createI18n({ en: ENGLISH, nn: NYNORSK });
  if (options.language && options.language !== "nb") void i18n.changeLanguage(options.language);
  return render(
    <Providers queryClient={createQueryClient({ retry: false })} trpcClient={trpcClient} i18n={i18n}>
      <MemoryRouter>{ui}</MemoryRouter>
    </Providers>,
  );
}
