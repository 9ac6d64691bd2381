import { defineConfig } from "vitest/config";

// `pnpm test:reliability`: the server under faults, load and bad input (issue 10). One file at a
// time: each runs real server processes and measures them.
export default defineConfig({
  test: {
    name: "reliability",
    include: ["reliability/**/*.test.ts"],
    testTimeout: 240_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
