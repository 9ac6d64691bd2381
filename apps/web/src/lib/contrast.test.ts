import { describe, expect, it } from "vitest";

import { contrastRatio, parseColour } from "./contrast";

describe("contrastRatio (WCAG 2.1)", () => {
  it("gives 21 for black on white and 1 for a colour on itself", () => {
    expect(contrastRatio("#000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#0062ba", "#0062ba")).toBe(1);
  });

  it("matches worked values, in either order", () => {
    expect(contrastRatio("#767676", "#fff")).toBeCloseTo(4.54, 2);
    expect(contrastRatio("#fff", "#767676")).toBeCloseTo(4.54, 2);
    // The old peer grey and the light band blue were below 3:1 against white.
    expect(contrastRatio("#9aa5b1", "#fff")).toBeLessThan(3);
    expect(contrastRatio("#56B4E9", "#fff")).toBeLessThan(3);
  });

  it("reads the colours getComputedStyle gives", () => {
    expect(parseColour("rgb(0, 98, 186)")).toEqual([0, 98, 186]);
    expect(parseColour("rgba(255, 255, 255, 1)")).toEqual([255, 255, 255]);
    expect(parseColour("#0062BA")).toEqual([0, 98, 186]);
    expect(parseColour("currentColor")).toBeNull();
    expect(() => contrastRatio("none", "#fff")).toThrow(/not a colour/);
  });
});
