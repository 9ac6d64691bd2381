import { defineProject } from "vitest/config";

export default defineProject({
  // 60 s as in the other packages: the property tests (fast-check) run hundreds of cases and, on a busy
  // two-core CI runner, took over the default 5 s.
  test: { name: "domain", environment: "node", testTimeout: 60_000 },
});
