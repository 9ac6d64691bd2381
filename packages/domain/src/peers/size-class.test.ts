import { describe, expect, it } from "vitest";

import { SIZE_CLASS_BOUNDS, sizeClassOf } from "./size-class";

describe("sizeClassOf", () => {
  it("puts the bounds in the right class", () => {
    expect(sizeClassOf(215)).toBe("xs");
    expect(sizeClassOf(4_999)).toBe("xs");
    expect(sizeClassOf(5_000)).toBe("s");
    expect(sizeClassOf(19_999)).toBe("s");
    expect(sizeClassOf(20_000)).toBe("m");
    expect(sizeClassOf(50_000)).toBe("l");
    expect(sizeClassOf(717_710)).toBe("l");
  });

  it("agrees with its documented bounds", () => {
    for (const [cls, { min, max }] of Object.entries(SIZE_CLASS_BOUNDS)) {
      expect(sizeClassOf(min)).toBe(cls);
      if (max !== null) expect(sizeClassOf(max)).toBe(cls);
    }
  });
});
