import { cleanup, configure } from "@testing-library/react";
import { afterEach, beforeAll, beforeEach, vi } from "vitest";

import { loadBokmal } from "../lib/i18n";

// Lazy routes compile on first import; under turbo the cores are shared with lint and typecheck.
configure({ asyncUtilTimeout: 10_000 });

// Designsystemet's Spinner calls document.getAnimations, which happy-dom lacks.
if (typeof document !== "undefined" && !("getAnimations" in document)) {
  Object.defineProperty(document, "getAnimations", { value: () => [] });
}

// A Norwegian browser, as the e2e suite's (nb-NO): with no account choice, a national role gets the browser's language (ADR 026).
if (typeof navigator !== "undefined") Object.defineProperty(navigator, "languages", { value: ["nb-NO", "nb"], configurable: true });

// The app loads its bokmål texts beside the first page; a component rendered on its own needs them at once.
beforeAll(() => loadBokmal());

// A console.error in a component test is a bug (docs/style.md#tests).
beforeEach(() => {
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    throw new Error(`console.error: ${args.map(String).join(" ")}`);
  });
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  window.localStorage.clear();
});
