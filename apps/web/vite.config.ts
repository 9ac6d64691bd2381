import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

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

export default defineConfig({
  plugins: [react(), preloadFonts()],
  server: {
    port: 5173,
    // /auth/oidc: the browser is sent to the provider and back through the server.
    proxy: { "/trpc": "http://localhost:3000", "/healthz": "http://localhost:3000", "/auth/oidc": "http://localhost:3000" },
  },
  build: {
    outDir: "dist",
    sourcemap: false,
    manifest: true,
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      treeshake: {
        // Designsystemet's React package declares no "sideEffects", so every component was bundled
        // (+65 kB gzip). Its modules are pure apart from the custom elements of
        // @digdir/designsystemet-web, which stay; unused components now drop out.
        moduleSideEffects: (id: string) => (/[\\/]@digdir[\\/]designsystemet-react[\\/]/.test(id) ? false : undefined),
      },
    },
  },
});
