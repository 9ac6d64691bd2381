import { createCaller, type Context } from "@malestokk/api";

import type { WebRoute } from "./web-manifest";

/** One answer the page would ask for at once, as the web app's query cache keys it: procedure, input, answer. */
export interface PrefetchedQuery {
  readonly path: string;
  readonly input?: unknown;
  readonly data: unknown;
}

/** What the page's address says: its route's parameters (`:number`) and its query string. */
export interface PageAddress {
  readonly params: Readonly<Record<string, string>>;
  readonly search: URLSearchParams;
}

/** Runs one query as the signed-in user would through /trpc; its answer is kept for the page, or null when it fails. */
type Ask = (path: string, input?: unknown) => Promise<unknown>;

/** The route's parameters as React Router would give them for a path the route matched (web-manifest `matchRoute`). */
export function routeParams(route: WebRoute, pathname: string): Record<string, string> {
  const segments = pathname.split("/").filter(Boolean);
  const params: Record<string, string> = {};
  route.path
    .split("/")
    .filter(Boolean)
    .forEach((pattern, i) => {
      const segment = segments[i];
      if (pattern.startsWith(":") && segment !== undefined) params[pattern.slice(1)] = decodeURIComponent(segment);
    });
  return params;
}

const MUNICIPALITY_NUMBER = /^\d{4}$/;
const YEAR = /^\d{4}$/;

/**
 * The queries each main page's largest text waits for, with the inputs it sends for its address (route
 * module → plan; ADR 034): the municipality (its name is the heading, its KOSTRA group the header's largest
 * paragraph), the years (small, and the comparison pages ask for their figures only once they have them),
 * the sector's dashboard (its introduction is drawn with it). The figures, tables and lists are left to
 * the page: computed before the page is sent they held it back by more than a round trip (Lighthouse,
 * docs/quality-targets.md#p-1). An input the web app would build otherwise costs only an unused entry.
 */
const PLANS: Readonly<Record<string, (page: PageAddress, ask: Ask) => Promise<unknown>>> = {
  municipality: (page, ask) => municipality(page, ask),
  profile: (page, ask) => municipalityAndYears(page, ask),
  indicator: (page, ask) => municipalityAndYears(page, ask),
  sector: (page, ask) => {
    const year = page.search.get("year") ?? "";
    return ask("sector.dashboard", YEAR.test(year) ? { year: Number(year) } : {});
  },
};

/** A comparison page about one municipality: the page draws its content only for a municipality it found (components/municipality-page.tsx). */
async function municipalityAndYears(page: PageAddress, ask: Ask): Promise<void> {
  if (await municipality(page, ask)) await ask("years.list");
}

/** The municipality a page is about (components/municipality-page.tsx), when its number is well formed. */
async function municipality(page: PageAddress, ask: Ask): Promise<string | null> {
  const number = page.params.number ?? "";
  if (!MUNICIPALITY_NUMBER.test(number)) return null;
  return (await ask("municipalities.get", { municipalityNumber: number })) === null ? null : number;
}

/** The route's module, as the web app's route table names it (`app/routes/<module>.route.tsx`). */
function routeModule(route: WebRoute): string {
  return /\/routes\/([^/]+)\.route\.tsx$/.exec(route.source)?.[1] ?? "";
}

/**
 * Runs the first queries of a signed-in user's page on the server, through the same procedures (and so
 * the same session, permission and organisation checks) as the page's own requests to /trpc would, so
 * the page draws its first screen without waiting for them (ADR 034). A query the user may not make, or
 * that fails, is left out: the page asks for it itself and shows the answer it gets.
 */
export async function prefetchPageQueries(options: {
  readonly route: WebRoute;
  /** The page's address: its path and query string, as the request gave them. */
  readonly url: string;
  readonly context: Context;
  readonly onError?: (path: string, error: unknown) => void;
}): Promise<PrefetchedQuery[]> {
  const plan = PLANS[routeModule(options.route)];
  if (!plan) return [];
  const [pathname = "", query = ""] = options.url.split("?");
  const page: PageAddress = { params: routeParams(options.route, pathname), search: new URLSearchParams(query) };
  const caller: unknown = createCaller(options.context);
  const answers: PrefetchedQuery[] = [];
  const ask: Ask = async (path, input) => {
    // The caller is tRPC's proxy: caller.municipalities.get(input) runs the procedure as /trpc would.
    const procedure = path.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], caller) as (
      input: unknown,
    ) => Promise<unknown>;
    try {
      const data = await procedure(input);
      if (data === undefined) return null;
      answers.push({ path, ...(input === undefined ? {} : { input }), data });
      return data;
    } catch (error) {
      options.onError?.(path, error);
      return null;
    }
  };
  await plan(page, ask);
  return answers;
}
