import { defineProject } from "vitest/config";

export default defineProject({
  // reliability/ is its own suite (pnpm test:reliability).
  test: { name: "server", environment: "node", testTimeout: 20_000, include: ["src/**/*.test.ts"] },
});
