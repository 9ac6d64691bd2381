import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "api",
    environment: "node",
    // The demo database is seeded once per run (global setup) and copied per test; 60 s as in db, for busy CI machines.
    testTimeout: 60_000,
    globalSetup: ["../db/src/testing-global-setup.ts"],
    setupFiles: ["./src/test-setup.ts"],
    // The files share one module graph instead of importing the router, the db and zod afresh per file
    // (docs/architecture.md#tests). Module state here is per database (WeakMaps) or a cache; test helpers
    // register their hooks per file (test-setup.ts).
    isolate: false,
  },
});
