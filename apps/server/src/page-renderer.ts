import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";

import type { UiLanguage } from "@malestokk/domain";

import type { PrefetchedQuery } from "./prefetch";

/** What the web app's server renderer takes (apps/web/src/app/entry-server.tsx): the page as the browser will first draw it. */
export interface PageToDraw {
  readonly url: string;
  readonly me: unknown;
  readonly queries: readonly PrefetchedQuery[];
  readonly language: UiLanguage;
  readonly demo: boolean;
}

type Render = (page: PageToDraw) => Promise<string | null>;

/** Where the web build puts the renderer: beside dist/, never served as a file. */
export function rendererPath(webDistDir: string): string {
  return join(dirname(webDistDir), "dist-ssr", "entry-server.js");
}

/**
 * The web app's server renderer, loaded on first use (ADR 041), or null when the build made none (a web
 * build from before it, or the tests' own page). A page it fails to draw is sent as the shell, and the
 * browser draws it as before: the error is logged, and the page still works.
 */
export function loadPageRenderer(webDistDir: string, onError: (error: unknown) => void): Render | null {
  const file = rendererPath(webDistDir);
  if (!existsSync(file)) return null;
  let loading: Promise<Render> | null = null;
  return async (page) => {
    try {
      loading ??= import(pathToFileURL(file).href).then((module: { renderPage: Render }) => module.renderPage);
      return await (
        await loading
      )(page);
    } catch (error) {
      onError(error);
      return null;
    }
  };
}

/** The page's root holds the drawn page, marked with the language it was drawn in: the browser hydrates it only in that language. */
export function withDrawnPage(html: string, drawn: string, language: UiLanguage): string {
  return html.replace(
    /<div id="root">[\s\S]*<\/div>(\s*<\/body>)/,
    (_match, end: string) => `<div id="root" data-drawn="${language}">${drawn}</div>${end}`,
  );
}
