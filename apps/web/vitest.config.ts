import react from "@vitejs/plugin-react";
import { defineProject } from "vitest/config";

export default defineProject({
  plugins: [react()],
  test: {
    name: "web",
    environment: "happy-dom",
    setupFiles: ["./src/test/setup.ts"],
    // Generous: under turbo, lint and typecheck share the two cores with these tests, and the first
    // test of a file copies the database the global setup seeded once.
    testTimeout: 60_000,
    globalSetup: ["../../packages/db/src/testing-global-setup.ts"],
  },
});
