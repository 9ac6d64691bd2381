import { describe, expect, it } from "vitest";

import { SIZE_CLASS_BOUNDS, sizeClassOf } from "./size-class";

describe("sizeClassOf (DFØ classes)", () => {
  it("puts the bounds in the right class", () => {
    expect(sizeClassOf(215)).toBe("xs");
    expect(sizeClassOf(5_000)).toBe("xs");
    expect(sizeClassOf(5_001)).toBe("s");
    expect(sizeClassOf(20_000)).toBe("s");
    expect(sizeClassOf(20_001)).toBe("m");
    expect(sizeClassOf(110_000)).toBe("m");
    expect(sizeClassOf(110_001)).toBe("l");
    expect(sizeClassOf(717_710)).toBe("l");
  });

  it("agrees with its documented bounds", () => {
    for (const [cls, { min, max }] of Object.entries(SIZE_CLASS_BOUNDS)) {
      expect(sizeClassOf(min)).toBe(cls);
      if (max !== null) expect(sizeClassOf(max)).toBe(cls);
    }
  });
});
