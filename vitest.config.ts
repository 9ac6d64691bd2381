import { defineConfig } from "vitest/config";

// Unit, router and component tests of every package; e2e has its own config (it needs a build).
export default defineConfig({
  test: { projects: ["packages/*", "apps/*"] },
});
