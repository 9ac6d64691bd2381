import { createBrowserRouter, type RouteObject } from "react-router";

import { loadBokmal } from "../lib/i18n";
import { QUALITY_PATHS } from "../lib/quality-paths";
import { Layout } from "./layout";

export interface RouteHandle {
  /** Reachable without a session (everything else shows the sign-in page first). */
  readonly public?: boolean;
}

// A page's chunk and the bokmål texts load side by side; the page is drawn when both are in.
const page = (load: () => Promise<{ default: () => React.ReactNode }>) => async () => {
  const [module] = await Promise.all([load(), loadBokmal()]);
  return { Component: module.default };
};

// Each page is its own chunk, so the first load carries only what the first page needs (P-4).
export const routes: RouteObject[] = [
  {
    element: <Layout />,
    // Shown while the first page's chunk loads.
    HydrateFallback: () => null,
    children: [
      { index: true, lazy: page(() => import("./routes/home.route")) },
      { path: "kommuner", lazy: page(() => import("./routes/municipality-list.route")) },
      { path: "kommune/:number", lazy: page(() => import("./routes/municipality.route")) },
      { path: "kommune/:number/kostnader/:year", lazy: page(() => import("./routes/cost-report.route")) },
      { path: "samarbeid/:number/kostnader/:year", lazy: page(() => import("./routes/cost-report.route")) },
      ...(["maturity", "satisfaction", "scope"] as const).map((instrument) => ({
        path: `kommune/:number/${QUALITY_PATHS[instrument]}/:year`,
        handle: { instrument },
        lazy: page(() => import("./routes/quality.route")),
      })),
      { path: "sammenlign", lazy: page(() => import("./routes/compare.route")) },
      { path: "kommune/:number/profil", lazy: page(() => import("./routes/profile.route")) },
      { path: "kommune/:number/indikator/:code", lazy: page(() => import("./routes/indicator.route")) },
      { path: "kommune/:number/fagsystemer", lazy: page(() => import("./routes/systems.route")) },
      { path: "kommune/:number/gevinster", lazy: page(() => import("./routes/benefits.route")) },
      { path: "gevinster/prosjekt/:projectId", lazy: page(() => import("./routes/project.route")) },
      { path: "sektor", lazy: page(() => import("./routes/sector.route")) },
      { path: "sektor/gevinster", lazy: page(() => import("./routes/sector-portfolio.route")) },
      { path: "ideer/motepakke", lazy: page(() => import("./routes/meeting-pack.route")) },
      { path: "ideer", lazy: page(() => import("./routes/ideas.route")) },
      { path: "ideer/:id", lazy: page(() => import("./routes/ideas.route")) },
      { path: "konto", lazy: page(() => import("./routes/account.route")) },
      { path: "tilgjengelighet", handle: { public: true } satisfies RouteHandle, lazy: page(() => import("./routes/accessibility.route")) },
      {
        path: "tilbakestill-passord",
        handle: { public: true } satisfies RouteHandle,
        lazy: page(() => import("./routes/reset-password.route")),
      },
      { path: "admin/brukere", lazy: page(() => import("./routes/admin-users.route")) },
      { path: "admin/tilganger", lazy: page(() => import("./routes/admin-permissions.route")) },
      { path: "admin/logg", lazy: page(() => import("./routes/admin-audit.route")) },
      { path: "admin/import", lazy: page(() => import("./routes/admin-import.route")) },
      { path: "admin/aar", lazy: page(() => import("./routes/admin-years.route")) },
      { path: "admin/innlogging", lazy: page(() => import("./routes/admin-sign-in.route")) },
      { path: "*", lazy: page(() => import("./routes/not-found.route")) },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
