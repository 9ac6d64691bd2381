import { defineProject } from "vitest/config";

export default defineProject({
  // reliability/ is its own suite (pnpm test:reliability).
  // 60 s as in db, for busy machines; the demo database is seeded once per run by the global setup.
  test: {
    name: "server",
    environment: "node",
    testTimeout: 60_000,
    globalSetup: ["../../packages/db/src/testing-global-setup.ts"],
    include: ["src/**/*.test.ts"],
  },
});
