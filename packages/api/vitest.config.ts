import { defineProject } from "vitest/config";

export default defineProject({
  // The demo database is seeded once per run (global setup) and copied per test; 60 s as in db, for busy CI machines.
  test: { name: "api", environment: "node", testTimeout: 60_000, globalSetup: ["../db/src/testing-global-setup.ts"] },
});
