import { QUALITY_PATHS } from "../lib/quality-paths";

/**
 * Every page: its address pattern (React Router's, "" for the index) and its module under
 * `app/routes/<module>.route.tsx`. Plain data, so the build reads it too (vite.config.ts): it writes
 * which module each address loads, and the server names that module's files in the page
 * (`<meta name="malestokk-preload">`, which the page's entry turns into preloads once the page has painted,
 * ADR 041) so the browser fetches them beside the app instead of after it
 * (docs/quality-targets.md#p-4).
 */
export interface RouteEntry {
  readonly path: string;
  readonly module: string;
  /** Reachable without a session (everything else shows the sign-in page first). */
  readonly public?: boolean;
  readonly instrument?: keyof typeof QUALITY_PATHS;
  /**
   * Drawn on the server for a signed-in user, and hydrated in the browser (ADR 041): the main pages, whose
   * first render reads nothing the server lacks (no stored choice, no screen size).
   */
  readonly drawn?: true;
}

export const ROUTE_TABLE: readonly RouteEntry[] = [
  { path: "", module: "home", drawn: true },
  { path: "kommuner", module: "municipality-list", drawn: true },
  { path: "kommune/:number", module: "municipality", drawn: true },
  { path: "kommune/:number/kostnader/:year", module: "cost-report" },
  { path: "samarbeid/:number/kostnader/:year", module: "cost-report" },
  ...(["maturity", "satisfaction", "scope"] as const).map((instrument) => ({
    path: `kommune/:number/${QUALITY_PATHS[instrument]}/:year`,
    module: "quality",
    instrument,
  })),
  { path: "sammenlign", module: "compare" },
  { path: "kommune/:number/profil", module: "profile", drawn: true },
  { path: "kommune/:number/indikator/:code", module: "indicator", drawn: true },
  { path: "kommune/:number/fagsystemer", module: "systems" },
  { path: "kommune/:number/gevinster", module: "benefits" },
  { path: "gevinster/prosjekt/:projectId", module: "project" },
  { path: "sektor", module: "sector", drawn: true },
  { path: "sektor/gevinster", module: "sector-portfolio" },
  { path: "ideer/motepakke", module: "meeting-pack" },
  { path: "ideer", module: "ideas" },
  { path: "ideer/:id", module: "ideas" },
  { path: "konto", module: "account" },
  { path: "tilgjengelighet", module: "accessibility", public: true },
  { path: "tilbakestill-passord", module: "reset-password", public: true },
  { path: "api-dokumentasjon", module: "api-docs", public: true },
  { path: "admin/brukere", module: "admin-users" },
  { path: "admin/tilganger", module: "admin-permissions" },
  { path: "admin/logg", module: "admin-audit" },
  { path: "admin/import", module: "admin-import" },
  { path: "admin/aar", module: "admin-years" },
  { path: "admin/innlogging", module: "admin-sign-in" },
  { path: "kommune/:number/api-nokler", module: "api-tokens" },
  { path: "admin/api-nokler", module: "admin-api-tokens" },
  { path: "kommune/:number/felles/:projectId", module: "local-plan" },
  { path: "admin/e-post", module: "admin-mail" },
  { path: "e-post/avmeld", module: "unsubscribe", public: true },
  { path: "apne-data", module: "open-data", public: true },
  { path: "apne-data/kommune/:number", module: "open-municipality", public: true },
  { path: "apne-data/indikator/:code", module: "open-indicator", public: true },
  { path: "*", module: "not-found" },
];

/** The source file of a route module, as the build's manifest names it. */
export const routeSource = (module: string): string => `src/app/routes/${module}.route.tsx`;
