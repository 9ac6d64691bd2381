import { afterEach } from "vitest";

import { closeTestConnections } from "./test-helpers";

// Runs in every test file (vitest's setupFiles run per file even without isolation).
afterEach(closeTestConnections);
