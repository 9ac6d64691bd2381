import { describe, expect, it } from "vitest";

import { regionFigures } from "./regions";

describe("county figures on the map", () => {
  it("is the ratio of sums of the members with a value, times the scale", () => {
    const figures = regionFigures(
      [
        { region: "50", numerator: 100, denominator: 10 },
        { region: "50", numerator: 300, denominator: 10 },
        { region: "50", numerator: 50, denominator: 80 },
        { region: "50", numerator: null, denominator: null },
      ],
      1,
    );
    expect(figures).toEqual([{ region: "50", value: 450 / 100, n: 3, isHidden: false }]);
  });

  it("hides a county with one or two members with a value, and leaves one with none without a value", () => {
    const figures = regionFigures(
      [
        { region: "03", numerator: 100, denominator: 10 },
        { region: "56", numerator: null, denominator: null },
        { region: "56", numerator: 5, denominator: 0 },
      ],
      100,
    );
    expect(figures).toEqual([
      { region: "03", value: null, n: 1, isHidden: true },
      { region: "56", value: null, n: 0, isHidden: false },
    ]);
  });
});
