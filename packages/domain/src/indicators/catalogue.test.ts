import { describe, expect, it } from "vitest";

import { componentName, computeIndicatorValue, displayCode, getIndicator, INDICATOR_CODES, INDICATORS, K1, K2 } from "./catalogue";

describe("indicator catalogue", () => {
  it("has unique codes and names in both languages", () => {
    expect(new Set(INDICATOR_CODES).size).toBe(INDICATOR_CODES.length);
    expect(getIndicator("K1")).toBe(K1);
    expect(getIndicator("X9")).toBeNull();
    expect(K1.name.nb).not.toBe("");
    expect(K1.name.en).not.toBe("");
  });

  it("computes K1 as IT cost / population", () => {
    // Worked example: 30 000 000 kr / 12 000 inhabitants = 2 500 kr per inhabitant
    expect(computeIndicatorValue(K1, 30_000_000, 12_000)).toBe(2_500);
  });

  it("computes K2 as IT cost / (gross operating expenditure × 1000), in percent", () => {
    // 30 000 000 kr IT of 1 000 000 (NOK 1000) = 1 000 000 000 kr operating spend → 3 %
    expect(computeIndicatorValue(K2, 30_000_000, 1_000_000)).toBeCloseTo(3, 10);
  });

  it("keeps missing apart from zero", () => {
    expect(computeIndicatorValue(K1, null, 12_000)).toBeNull();
    expect(computeIndicatorValue(K1, 30_000_000, null)).toBeNull();
    expect(computeIndicatorValue(K1, 30_000_000, 0)).toBeNull();
    expect(computeIndicatorValue(K1, 0, 12_000)).toBe(0);
  });
});

describe("indicator words for users", () => {
  it("names every component of every indicator in both languages, never by its code", () => {
    for (const indicator of INDICATORS) {
      for (const code of [indicator.numerator, indicator.denominator]) {
        const name = componentName(code);
        for (const text of [name.nb, name.en]) {
          expect(text, code).toBeTruthy();
          expect(text).not.toMatch(/serviceCost|classCost|userSupport|caseArchive|undefined/);
        }
      }
    }
    expect(componentName("serviceCost.userSupport").nb).toBe("kostnaden til IKT-tjenesten «Brukerstøtte»");
  });

  it("shows K4 and K5 by their family code, the rest as they are", () => {
    expect(displayCode("K4.userSupport")).toBe("K4");
    expect(displayCode("K5.caseArchive")).toBe("K5");
    expect(displayCode("Q1")).toBe("Q1");
  });
});
