import { readFileSync } from "node:fs";

import react from "@vitejs/plugin-react";
import { createServer, defineConfig, type Plugin, type UserConfig } from "vite";

import { ROUTE_TABLE, routeSource } from "./src/app/route-table";
import { withoutComponents, withoutLayers } from "./unused-css";

/** Leaves the components the app never draws, and the dark colour scheme, out of Designsystemet's stylesheets (unused-css.ts). */
function pruneDesignsystemetCss(): Plugin {
  return {
    name: "malestokk-prune-designsystemet-css",
    enforce: "pre",
    transform(code, id) {
      if (/[\\/]@digdir[\\/]designsystemet-css[\\/]dist[\\/]src[\\/]index\.css$/.test(id))
        return { code: withoutComponents(code), map: null };
      if (/[\\/]@digdir[\\/]designsystemet-css[\\/]dist[\\/]theme[\\/]designsystemet\.css$/.test(id))
        return { code: withoutLayers(code), map: null };
      return null;
    },
  };
}

/**
 * Preloads the Latin faces of Inter that every page draws its text with, so the text does not reflow
 * when they arrive (CLS) and they are not found late, after the CSS.
 */
function preloadFonts(): Plugin {
  return {
    name: "malestokk-preload-fonts",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      handler(_html, context) {
        return Object.keys(context.bundle ?? {})
          .filter((file) => /inter-latin-(400|600)-normal-[\w-]+\.woff2$/.test(file))
          .sort()
          .map((file) => ({
            tag: "link",
            attrs: { rel: "preload", as: "font", type: "font/woff2", href: `/${file}`, crossorigin: "" },
            injectTo: "head" as const,
          }));
      },
    },
  };
}

/**
 * Writes `.vite/routes.json` beside the manifest: each address pattern with the source of the module it
 * loads (a key of the manifest). The server reads both to name the page's own chunks in its HTML, so they
 * load beside the entry rather than after it has run (docs/quality-targets.md#p-4).
 */
function routeMap(): Plugin {
  return {
    name: "malestokk-route-map",
    apply: "build",
    generateBundle() {
      const routes = ROUTE_TABLE.map((entry) => ({
        path: entry.path,
        source: routeSource(entry.module),
        public: entry.public === true,
        drawn: entry.drawn === true,
      }));
      this.emitFile({ type: "asset", fileName: ".vite/routes.json", source: JSON.stringify(routes) });
    },
  };
}

/** Where index.html takes the prerendered sign-in form; the server keeps it only for a visitor without a session. */
const SIGN_IN_SLOT = "<!--sign-in-->";

/**
 * Renders the sign-in form (src/app/prerender.tsx) into index.html between two markers, so a visitor
 * without a session sees it with the HTML and the CSS, before any script runs (docs/quality-targets.md#p-1).
 */
function prerenderSignIn(): Plugin {
  return {
    name: "malestokk-prerender-sign-in",
    apply: "build",
    transformIndexHtml: {
      order: "pre",
      async handler(html) {
        if (!html.includes(SIGN_IN_SLOT)) throw new Error(`index.html has no ${SIGN_IN_SLOT}`);
        const server = await createServer({
          configFile: false,
          root: import.meta.dirname,
          logLevel: "error",
          appType: "custom",
          server: { middlewareMode: true, hmr: false, ws: false },
          plugins: [react()],
        });
        try {
          const module = (await server.ssrLoadModule("/src/app/prerender.tsx")) as { renderSignIn: () => string };
          return html.replace(SIGN_IN_SLOT, `<!--sign-in:start-->${module.renderSignIn()}<!--sign-in:end-->`);
        } finally {
          await server.close();
        }
      },
    },
  };
}

/**
 * Scripts at low fetch priority: no script is needed for the first paint (index.html's shell, or the
 * sign-in form drawn into it), so the stylesheet goes first, and the page paints before the JavaScript
 * is in rather than after (FCP, docs/quality-targets.md#p-1). The server adds its preloads the same way.
 */
function scriptsAfterPaint(): Plugin {
  return {
    name: "malestokk-scripts-after-paint",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      handler: (html) =>
        html
          .replace(/<script type="module" crossorigin/g, '<script type="module" fetchpriority="low" crossorigin')
          .replace(/<link rel="modulepreload" crossorigin/g, '<link rel="modulepreload" fetchpriority="low" crossorigin'),
    },
  };
}

const sources = new Map<string, string>();

/** A module's source as written (ids of our own files are their paths), read once per build. */
function sourceOf(id: string): string {
  let source = sources.get(id);
  if (source === undefined) {
    source = /[\\/]node_modules[\\/]|\0|\?/.test(id) || !/\.tsx?$/.test(id) ? "" : readFileSync(id, "utf8");
    sources.set(id, source);
  }
  return source;
}

/** The domain package's modules that import zod, and so build schemas as they load. */
function buildsSchemas(id: string): boolean {
  return /[\\/]packages[\\/]domain[\\/]src[\\/]/.test(id) && sourceOf(id).includes('from "zod"');
}

/** Our modules that draw with recharts: in `common`, every page that uses it would load recharts with it. */
function drawsCharts(id: string): boolean {
  return sourceOf(id).includes('from "recharts"');
}

/**
 * The server's renderer of a signed-in user's first page (src/app/entry-server.tsx, ADR 041): one module for
 * Node with its packages bundled in, outside dist/ so it is never served as a file.
 */
const serverRenderer: UserConfig = {
  plugins: [react()],
  ssr: { noExternal: true },
  build: { outDir: "dist-ssr", sourcemap: false, emptyOutDir: true, copyPublicDir: false },
};

const browserApp: UserConfig = {
  plugins: [react(), pruneDesignsystemetCss(), preloadFonts(), routeMap(), prerenderSignIn(), scriptsAfterPaint()],
  server: {
    port: 5173,
    // /auth/oidc: the browser is sent to the provider and back through the server.
    proxy: {
      "/trpc": "http://localhost:3000",
      "/healthz": "http://localhost:3000",
      "/auth/oidc": "http://localhost:3000",
      "/files": "http://localhost:3000",
    },
  },
  build: {
    outDir: "dist",
    sourcemap: false,
    manifest: true,
    // Every browser the app supports has modulepreload; the polyfill would tie the page's entry to the app's file.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      // The page loads the app (main.tsx) once it has painted (load.ts, ADR 041); as an entry of its own, what
      // it imports is the first page's JavaScript in one file (`app`), as before.
      input: { index: "index.html", main: "src/main.tsx" },
      output: {
        codeSplitting: {
          groups: [
            // Everything the first page loads before its own chunk, in one file: on HTTP/1.1 (six
            // connections) twenty small files cost a round trip each on a slow line (docs/quality-targets.md#p-4).
            // index.html (load.ts) and main.tsx stay entry chunks: the manifest's isEntry, which the server and the budget read.
            // Vite's preload of a dynamic import, which the page's entry uses too: a file of its own, so nothing of
            // the app loads before the paint (load.ts).
            { name: "preload", test: /vite[\\/]preload-helper/, priority: 2 },
            {
              name: "app",
              tags: ["$initial"],
              test: (id: string) => !/[\\/](index\.html|src[\\/](main\.tsx|load\.ts))$|\.css$/.test(id),
              priority: 1,
            },
            // zod with the module that turns its `new Function` probe off (src/lib/zod-setup.ts), in one file, so the
            // setting holds before any schema in any other file is built or parsed (no CSP violation).
            { name: "schemas", test: /[\\/](node_modules[\\/]zod|apps[\\/]web[\\/]src[\\/]lib[\\/]zod-setup\.ts$)/ },
            // The domain package's modules that build zod schemas when they load (the forms' rules): in a file of their
            // own, so the pages without a form do not build them (issue 21: 60 ms of the indicator page's load at 4× CPU).
            {
              name: "rules",
              test: buildsSchemas,
              minShareCount: 2,
              includeDependenciesRecursively: false,
            },
            // The small shared modules of the lazy pages (components, lib, the domain package's small parts) in one
            // file rather than one file each: a page took 12–34 files of 1–2 kB, a round trip apiece on a slow line.
            {
              name: "common",
              test: (id: string) =>
                /[\\/](apps[\\/]web[\\/]src[\\/](components|lib)|packages[\\/]domain[\\/]src|@digdir[\\/]designsystemet-react)[\\/]/.test(
                  id,
                ) &&
                !/[\\/](bokmal|english|nynorsk|zod-setup|export-chart|chart-with-table)\.tsx?$|xlsx/.test(id) &&
                !drawsCharts(id),
              minShareCount: 2,
              includeDependenciesRecursively: false,
            },
          ],
        },
      },
      treeshake: {
        // Designsystemet's React package declares no "sideEffects", so every component was bundled
        // (+65 kB gzip). Its modules are pure apart from the custom elements of
        // @digdir/designsystemet-web, which stay; unused components now drop out.
        moduleSideEffects: (id: string) => (/[\\/]@digdir[\\/]designsystemet-react[\\/]/.test(id) ? false : undefined),
      },
    },
  },
};

export default defineConfig(({ isSsrBuild }) => (isSsrBuild ? serverRenderer : browserApp));
