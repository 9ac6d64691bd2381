import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    name: "e2e-lighthouse",
    include: ["bench/lighthouse.ts"],
    // The same server as the end-to-end tests: the built app on a fresh demo database.
    globalSetup: ["./support/global-setup.ts"],
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
