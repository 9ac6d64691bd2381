import { defineProject } from "vitest/config";

export default defineProject({
  // reliability/ is its own suite (pnpm test:reliability).
  // 60 s: seeding the demo register for a test database takes up to 25 s on a busy machine (as in db).
  test: { name: "server", environment: "node", testTimeout: 60_000, include: ["src/**/*.test.ts"] },
});
