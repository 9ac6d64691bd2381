import { defineConfig } from "vitest/config";

// Unit, router and component tests of every package, and the test of the lint rules (tooling);
// e2e has its own config (it needs a build).
export default defineConfig({
  test: {
    projects: [
      "packages/*",
      "apps/*",
      // Typed lint of the fixtures starts a TypeScript program: slow on a busy machine.
      { test: { name: "tooling", include: ["tooling/**/*.test.ts"], testTimeout: 120_000 } },
    ],
  },
});
