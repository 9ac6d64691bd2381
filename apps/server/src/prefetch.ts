import { createCaller, type Context, type Me } from "@malestokk/api";
import { isOrganisationRole, PEER_GROUP_KINDS, type Role } from "@malestokk/domain";

import type { WebRoute } from "./web-manifest";

/** One answer the page would ask for at once, as the web app's query cache keys it: procedure, input, answer. */
export interface PrefetchedQuery {
  readonly path: string;
  readonly input?: unknown;
  readonly data: unknown;
  /**
   * Given to the page just after its first paint rather than before it: an answer whose drawing would delay
   * the largest text, which needs only the others (ADR 034).
   */
  readonly afterPaint?: true;
}

/** What the page's address says: its route's parameters (`:number`) and its query string. */
export interface PageAddress {
  readonly params: Readonly<Record<string, string>>;
  readonly search: URLSearchParams;
}

/** Runs one query as the signed-in user would through /trpc; its answer is kept for the page, or null when it fails. */
type Ask = (path: string, input?: unknown, when?: "afterPaint") => Promise<unknown>;

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

/** The year a comparison page shows (the web app's `useYearAndPeers`): the address's, else the latest reporting year. */
async function yearOf(page: PageAddress, ask: Ask): Promise<number | undefined> {
  const years = (await ask("years.list")) as readonly { year: number }[] | null;
  const chosen = page.search.get("year") ?? "";
  return YEAR.test(chosen) ? Number(chosen) : years?.at(-1)?.year;
}

/** The peer choice a comparison page sends (the web app's `parsePeers` and `peerChoiceOf`), "kostra" unless the address names one. */
function peerChoiceOf(page: PageAddress): { peerGroup: string } | { peerSetId: number } {
  const raw = page.search.get("peers") ?? "";
  if (/^set-\d+$/.test(raw)) return { peerSetId: Number(raw.slice(4)) };
  return { peerGroup: (PEER_GROUP_KINDS as readonly string[]).includes(raw) ? raw : "kostra" };
}

/**
 * The queries each main page asks first, with the inputs it sends for its address (route module → plan):
 * what its first screen waits for (ADR 034). What its largest text needs is drawn with the first paint
 * (the municipality's name in the heading, the sector's year); the rest is given just after it, so drawing
 * tables does not hold the heading back (Lighthouse measured it so). A page that is not listed, or an input
 * the web app would build otherwise, costs only an unused entry: the page asks itself.
 */
const PLANS: Readonly<Record<string, (page: PageAddress, ask: Ask, me: Me) => Promise<unknown>>> = {
  // The start page (app/routes/home.route.tsx): a user bound to an organisation sees what awaits them, others the list.
  home: (_page, ask, me) =>
    me.grants.some((g) => g.organisationId !== null && isOrganisationRole(g.role as Role))
      ? ask("home.awaiting", undefined, "afterPaint")
      : ask("municipalities.list", undefined, "afterPaint"),
  "municipality-list": (_page, ask) => ask("municipalities.list", undefined, "afterPaint"),
  municipality: (page, ask) => municipality(page, ask),
  profile: async (page, ask) => {
    // The page draws its content only for a municipality it found (components/municipality-page.tsx).
    const number = await municipality(page, ask);
    if (!number) return;
    const year = await yearOf(page, ask);
    if (year !== undefined) await ask("benchmarks.profile", { municipalityNumber: number, year, ...peerChoiceOf(page) }, "afterPaint");
  },
  indicator: async (page, ask) => {
    const number = await municipality(page, ask);
    if (!number) return;
    const year = await yearOf(page, ask);
    const against = page.search.get("mot");
    if (year !== undefined)
      await ask(
        "benchmarks.indicator",
        { indicatorCode: page.params.code, municipalityNumber: number, year, ...peerChoiceOf(page), ...(against ? { against } : {}) },
        "afterPaint",
      );
  },
  sector: (page, ask) => {
    const year = page.search.get("year") ?? "";
    return ask("sector.dashboard", YEAR.test(year) ? { year: Number(year) } : {});
  },
};

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
  readonly me: Me;
  readonly onError?: (path: string, error: unknown) => void;
}): Promise<PrefetchedQuery[]> {
  const plan = PLANS[routeModule(options.route)];
  if (!plan) return [];
  const [pathname = "", query = ""] = options.url.split("?");
  const page: PageAddress = { params: routeParams(options.route, pathname), search: new URLSearchParams(query) };
  const caller: unknown = createCaller(options.context);
  const answers: PrefetchedQuery[] = [];
  const ask: Ask = async (path, input, when) => {
    // The caller is tRPC's proxy: caller.municipalities.get(input) runs the procedure as /trpc would.
    const procedure = path.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], caller) as (
      input: unknown,
    ) => Promise<unknown>;
    try {
      const data = await procedure(input);
      if (data === undefined) return null;
      answers.push({
        path,
        ...(input === undefined ? {} : { input }),
        data,
        ...(when === "afterPaint" ? { afterPaint: true as const } : {}),
      });
      return data;
    } catch (error) {
      options.onError?.(path, error);
      return null;
    }
  };
  await plan(page, ask, options.me);
  return answers;
}
