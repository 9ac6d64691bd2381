import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    name: "e2e-lighthouse",
    include: ["bench/lighthouse.ts"],
    // The same server as the end-to-end tests: the built app on a fresh demo database; or one already running
    // (LIGHTHOUSE_URL, e.g. on a loaded machine where a fresh one is slow to seed).
    globalSetup: process.env.LIGHTHOUSE_URL ? [] : ["./support/global-setup.ts"],
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
