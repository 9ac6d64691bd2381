import { describe, expect, it } from "vitest";

import { digitalizationRates, digitalMailShare, basketForYear, SERVICE_BASKETS } from "../scope/staircase";
import { MATURITY_AREA_DEFINITIONS, MATURITY_AREAS, maturityBand, maturityIndex } from "./maturity";
import { checkSurveyResult, isUncertain, surveyComponents } from "./satisfaction";

describe("Q1, the maturity index", () => {
  const all3 = Object.fromEntries(MATURITY_AREAS.map((a) => [a, 3]));

  it("is the weighted mean of the area scores (worked example)", () => {
    // Seven areas at 3 and security at 5 with weight 3: (7 × 3 + 3 × 5) / (7 + 3) = 3.6
    const index = maturityIndex({ ...all3, securityPrivacy: 5 }, { securityPrivacy: 3 });
    expect(index).toEqual({ value: 3.6, numerator: 36, denominator: 10, answered: 8, complete: true });
    expect(maturityBand(index.value ?? 0)).toBe("high");
    expect(maturityIndex(all3).value).toBe(3);
  });

  it("leaves an unanswered area out and says so, never counting it as 0", () => {
    const index = maturityIndex({ ...all3, healthWelfare: null, innovation: 5 });
    expect(index).toMatchObject({ answered: 7, complete: false });
    expect(index.value).toBeCloseTo((6 * 3 + 5) / 7, 12);
    expect(maturityIndex({})).toMatchObject({ value: null, answered: 0, complete: false });
    // An area with weight 0 is not asked for.
    expect(maturityIndex({ ...all3, healthWelfare: null }, { healthWelfare: 0 }).complete).toBe(true);
  });

  it("has a descriptor for every level of every area, in both languages", () => {
    for (const area of MATURITY_AREAS) {
      const def = MATURITY_AREA_DEFINITIONS[area];
      expect(def.levels).toHaveLength(5);
      for (const level of def.levels) expect(level.nb.length * level.en.length).toBeGreaterThan(0);
    }
    expect(maturityBand(2.49)).toBe("low");
    expect(maturityBand(2.5)).toBe("middle");
    expect(maturityBand(3.5)).toBe("middle");
  });
});

describe("satisfaction", () => {
  it("refuses a mean outside its own scale, with the scale in the message", () => {
    expect(checkSurveyResult({ mean: 7, respondents: 120, scaleMin: 1, scaleMax: 6 })).toEqual([
      { field: "mean", code: "OUTSIDE_SCALE", min: 1, max: 6 },
    ]);
    expect(checkSurveyResult({ mean: 4.2, respondents: 0, scaleMin: 1, scaleMax: 6 })).toEqual([
      { field: "respondents", code: "NO_RESPONDENTS" },
    ]);
    expect(checkSurveyResult({ mean: 50, respondents: 10, scaleMin: 0, scaleMax: 100 })).toEqual([]);
    expect(checkSurveyResult({ mean: 3, respondents: 10, scaleMin: 6, scaleMax: 1 })).toEqual([{ field: "scale", code: "SCALE_INVERTED" }]);
  });

  it("flags fewer than 10 respondents, and stores means so peers weigh by respondents", () => {
    expect(isUncertain(9)).toBe(true);
    expect(isUncertain(10)).toBe(false);
    expect(surveyComponents({ mean: 4.56, respondents: 200 })).toEqual({ numerator: 91_200, denominator: 200 });
  });
});

describe("digitalization rates", () => {
  it("computes S1 and S2 over the services offered, leaving out those not offered (worked example)", () => {
    const rates = digitalizationRates([{ step: 5 }, { step: 4 }, { step: 2 }, { step: 1 }, { notOffered: true }, null]);
    expect(rates).toMatchObject({ digitalFirst: 2, assessed: 4, stepSum: 12, notOffered: 1, unanswered: 1, s1: 50, s2: 3 });
    expect(digitalizationRates([{ notOffered: true }, null])).toMatchObject({ s1: null, s2: null });
  });

  it("S3 is missing, not 0 %, without shipments", () => {
    expect(digitalMailShare(28, 72)).toBeCloseTo(28, 12);
    expect(digitalMailShare(0, 0)).toBeNull();
    expect(digitalMailShare(0, 5)).toBe(0);
  });

  it("has a basket of about 20 services across the three sectors for every reporting year", () => {
    const basket = basketForYear(2024);
    expect(basket?.services.length).toBeGreaterThanOrEqual(18);
    expect(new Set(basket?.services.map((s) => s.sector))).toEqual(new Set(["helseVelferd", "skoleOppvekst", "planByggGeodata"]));
    expect(new Set(basket?.services.map((s) => s.code)).size).toBe(basket?.services.length);
    expect(basketForYear(2014)).toBeNull();
    expect(SERVICE_BASKETS.every((b) => b.services.length > 0)).toBe(true);
  });
});
