import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [react()],
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
