import { describe, expect, it } from "vitest";

import { setupCaller } from "../../test-helpers";

describe("system.info", () => {
  it("tells whether demo data is present", async () => {
    expect(await setupCaller({ seed: true }).caller.system.info()).toEqual({ hasDemoData: true });
    expect(await setupCaller({ seed: false }).caller.system.info()).toEqual({ hasDemoData: false });
  });
});
