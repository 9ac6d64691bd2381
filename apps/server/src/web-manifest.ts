import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

interface ManifestChunk {
  readonly file: string;
  readonly imports?: readonly string[];
  readonly isEntry?: boolean;
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
  const entry = staticGraph(
    manifest,
    Object.keys(manifest).filter((key) => manifest[key]?.isEntry),
  );
  return [...staticGraph(manifest, [source])].filter((key) => !entry.has(key)).map((key) => `/${manifest[key]?.file ?? ""}`);
}

/** Adds `<link rel="modulepreload">` for each file before `</head>`. */
export function withModulePreloads(html: string, files: readonly string[]): string {
  if (files.length === 0) return html;
  const links = files.map((file) => `<link rel="modulepreload" crossorigin href="${file}">`).join("");
  return html.replace("</head>", `${links}</head>`);
}
