import { prerenderToNodeStream } from "react-dom/static";
import { createMemoryRouter } from "react-router";

import { BOKMAL } from "../lib/bokmal";
import { markDemoData } from "../lib/demo";
import { ENGLISH } from "../lib/english";
import { setFormatLanguage } from "../lib/format";
import { createI18n, setLanguage, type Language } from "../lib/i18n";
import { NYNORSK } from "../lib/nynorsk";
import type { BootstrappedQuery, Me } from "../lib/session";
import { createQueryClient, createTrpcClient, seedQueries } from "../lib/trpc";
import { AppTree } from "./app-tree";
import { routerReady, routes } from "./router";

/** What the server knows of a signed-in user's page when it sends it (ADR 041). */
export interface ServerPage {
  /** The page's address: path and query string. */
  readonly url: string;
  readonly me: Me;
  /** The first screen's answers, the ones the page carries in its JSON block too (ADR 034). */
  readonly queries: readonly BootstrappedQuery[];
  readonly language: Language;
  readonly demo: boolean;
}

/**
 * Draws a signed-in user's page as the browser's first render will (ADR 041): the same routes, providers and
 * answers, so the browser hydrates the HTML rather than drawing it anew, and the page's largest text paints
 * with the HTML and the CSS instead of after the scripts (LCP, docs/quality-targets.md#p-1). Null when the page
 * could not be drawn whole (its route failed to load): the server then sends the shell, and the browser draws.
 */
export function renderPage(page: ServerPage): Promise<string | null> {
  // One page at a time: the figures' language and the demo marking are read from module state during the render.
  const turn = queue.then(() => drawPage(page));
  queue = turn.catch(() => undefined);
  return turn;
}

let queue: Promise<unknown> = Promise.resolve();

async function drawPage(page: ServerPage): Promise<string | null> {
  const i18n = createI18n({ nb: BOKMAL, nn: NYNORSK, en: ENGLISH });
  if (page.language !== "nb") await setLanguage(i18n, page.language, { remember: false });
  const router = createMemoryRouter(routes, { initialEntries: [page.url] });
  try {
    await routerReady(router);
    if (router.state.errors) return null;
    const queryClient = createQueryClient();
    const trpcClient = createTrpcClient();
    seedQueries(queryClient, trpcClient, [{ path: "auth.me", data: page.me }, ...page.queries]);
    markDemoData(page.demo);
    setFormatLanguage(page.language);
    // Whole, with the parts that load their code on first use (lazy) waited for: a part left to the browser
    // would be drawn anew there, not hydrated.
    const { prelude } = await prerenderToNodeStream(
      <AppTree queryClient={queryClient} trpcClient={trpcClient} i18n={i18n} router={router} />,
    );
    const chunks: Buffer[] = [];
    for await (const chunk of prelude) chunks.push(Buffer.from(chunk as Uint8Array));
    queryClient.clear();
    return Buffer.concat(chunks).toString("utf8");
  } finally {
    router.dispose();
  }
}
