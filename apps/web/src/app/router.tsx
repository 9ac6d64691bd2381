import { createBrowserRouter, type RouteObject } from "react-router";

import { Layout } from "./layout";

// Each page is its own chunk, so the first load carries only what the first page needs (P-4).
export const routes: RouteObject[] = [
  {
    element: <Layout />,
    // Shown while the first page's chunk loads.
    HydrateFallback: () => null,
    children: [
      { index: true, lazy: async () => ({ Component: (await import("./routes/municipality-list.route")).default }) },
      {
        path: "kommune/:number",
        lazy: async () => ({ Component: (await import("./routes/municipality.route")).default }),
      },
      { path: "*", lazy: async () => ({ Component: (await import("./routes/not-found.route")).default }) },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
