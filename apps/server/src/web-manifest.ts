import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

interface ManifestChunk {
  readonly file: string;
  readonly imports?: readonly string[];
  readonly isEntry?: boolean;
  readonly css?: readonly string[];
}

type Manifest = Readonly<Record<string, ManifestChunk>>;

/** The build's chunk map (vite `build.manifest`), or null when the app is not built with one. */
export function readManifest(webDistDir: string): Manifest | null {
  const path = join(webDistDir, ".vite", "manifest.json");
  if (!existsSync(path)) return null;
  try {
    return JSON.parse(readFileSync(path, "utf8")) as Manifest;
  } catch {
    return null;
  }
}

function staticGraph(manifest: Manifest, keys: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (key: string): void => {
    if (seen.has(key) || !manifest[key]) return;
    seen.add(key);
    for (const imported of manifest[key].imports ?? []) visit(imported);
  };
  keys.forEach(visit);
  return seen;
}

/**
 * The files a lazily loaded module needs beyond what the page's entry already loads: the ones to
 * preload when the server knows the page will ask for that module at once.
 */
export function lazyModuleFiles(manifest: Manifest | null, source: string): string[] {
  if (!manifest?.[source]) return [];
  const entry = entryGraph(manifest);
  return [...staticGraph(manifest, [source])].filter((key) => !entry.has(key)).map((key) => `/${manifest[key]?.file ?? ""}`);
}

/** What the page's entries load: every chunk they import, statically. */
function entryGraph(manifest: Manifest): Set<string> {
  return staticGraph(
    manifest,
    Object.keys(manifest).filter((key) => manifest[key]?.isEntry),
  );
}

/**
 * The stylesheets a lazily loaded module brings beyond the entry's: a page the server draws (ADR 041) links
 * them in its head, so it paints styled rather than shifting when its chunk's styles arrive (CLS).
 */
export function lazyModuleStyles(manifest: Manifest | null, source: string): string[] {
  if (!manifest?.[source]) return [];
  const entry = entryGraph(manifest);
  const entryStyles = new Set([...entry].flatMap((key) => manifest[key]?.css ?? []));
  const styles = [...staticGraph(manifest, [source])].flatMap((key) => manifest[key]?.css ?? []);
  return [...new Set(styles)].filter((file) => !entryStyles.has(file)).map((file) => `/${file}`);
}

/**
 * Puts the stylesheets in the page's head, after the entry's, as they are (`read` gives a file's text): each is
 * a few hundred bytes, where a file of its own would cost a round trip before the first paint on a slow line.
 */
export function withStyles(html: string, files: readonly string[], read: (file: string) => string): string {
  if (files.length === 0) return html;
  // "</" cannot end the element early: CSS has no use for it outside strings and comments.
  const css = files.map((file) => read(file).replace(/<\//g, "<\\/")).join("\n");
  return html.replace("</head>", `<style>${css}</style></head>`);
}

/** An address pattern of the web app (React Router's) and the source of the module it loads. */
export interface WebRoute {
  readonly path: string;
  readonly source: string;
  readonly public: boolean;
  /** Drawn on the server for a signed-in user (ADR 041); absent in a build from before. */
  readonly drawn?: boolean;
}

/** The web app's routes as its build wrote them (`.vite/routes.json`), or none. */
export function readRouteMap(webDistDir: string): readonly WebRoute[] {
  const path = join(webDistDir, ".vite", "routes.json");
  if (!existsSync(path)) return [];
  try {
    return JSON.parse(readFileSync(path, "utf8")) as WebRoute[];
  } catch {
    return [];
  }
}

/** How well a pattern's segment fits (React Router ranks static over dynamic over the splat); -1 when it does not. */
function segmentScore(pattern: string, segment: string | undefined): number {
  if (segment === undefined || segment === "") return -1;
  if (pattern.startsWith(":")) return 2;
  return pattern === segment ? 3 : -1;
}

/** The route the web app's router will pick for a path (as React Router ranks them), or null. */
export function matchRoute(routes: readonly WebRoute[], pathname: string): WebRoute | null {
  const segments = pathname.split("/").filter(Boolean);
  let best: { route: WebRoute; score: number } | null = null;
  for (const route of routes) {
    const patterns = route.path.split("/").filter(Boolean);
    const splat = patterns.at(-1) === "*";
    const fixed = splat ? patterns.slice(0, -1) : patterns;
    if (fixed.length > segments.length || (!splat && fixed.length !== segments.length)) continue;
    const scores = fixed.map((pattern, i) => segmentScore(pattern, segments[i]));
    if (scores.some((score) => score < 0)) continue;
    // The splat only when nothing else matches.
    const score = splat ? 0 : 1 + scores.reduce((sum, s) => sum + s, 0);
    if (!best || score > best.score) best = { route, score };
  }
  return best?.route ?? null;
}

/**
 * Names the page's own files in `<meta name="malestokk-preload">`: the page's entry (apps/web/src/load.ts)
 * preloads them beside the app's once the page has painted, so no script takes bandwidth or main-thread
 * time from the first paint (ADR 041).
 */
export function withPagePreloads(html: string, files: readonly string[]): string {
  if (files.length === 0) return html;
  return html.replace("</head>", `<meta name="malestokk-preload" content="${files.join(" ")}"></head>`);
}
