import { defineProject } from "vitest/config";

export default defineProject({
  // Seeding the whole demo register takes 10–25 s on a busy two-core machine.
  test: { name: "db", environment: "node", testTimeout: 60_000, globalSetup: ["./src/testing-global-setup.ts"] },
});
