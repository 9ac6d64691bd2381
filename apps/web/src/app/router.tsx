import { createBrowserRouter, type RouteObject } from "react-router";

import { loadBokmal } from "../lib/i18n";
import { Layout } from "./layout";
import { ROUTE_TABLE, type RouteEntry } from "./route-table";

export interface RouteHandle {
  /** Reachable without a session (everything else shows the sign-in page first). */
  readonly public?: boolean;
}

type PageModule = { default: () => React.ReactNode };
// One chunk per route module; which address loads which is in route-table.ts, which the build and the
// server read too.
const PAGE_MODULES = import.meta.glob<PageModule>("./routes/*.route.tsx");

// A page's chunk and the bokmål texts load side by side; the page is drawn when both are in.
const page = (module: string) => async () => {
  const load = PAGE_MODULES[`./routes/${module}.route.tsx`];
  if (!load) throw new Error(`No route module ${module}`);
  const [loaded] = await Promise.all([load(), loadBokmal()]);
  return { Component: loaded.default };
};

function routeOf(entry: RouteEntry): RouteObject {
  const handle = entry.public ? ({ public: true } satisfies RouteHandle) : entry.instrument ? { instrument: entry.instrument } : undefined;
  return {
    ...(entry.path === "" ? { index: true } : { path: entry.path }),
    ...(handle ? { handle } : {}),
    lazy: page(entry.module),
  };
}

// Each page is its own chunk, so the first load carries only what the first page needs (P-4).
export const routes: RouteObject[] = [
  {
    element: <Layout />,
    // Shown while the first page's chunk loads.
    HydrateFallback: () => null,
    children: ROUTE_TABLE.map(routeOf),
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}

/** Resolves when the router has loaded what the first page needs (its chunk and the texts). */
export function routerReady(router: ReturnType<typeof createRouter>): Promise<void> {
  if (router.state.initialized) return Promise.resolve();
  return new Promise((resolve) => {
    const stop = router.subscribe((state) => {
      if (!state.initialized) return;
      stop();
      resolve();
    });
  });
}
