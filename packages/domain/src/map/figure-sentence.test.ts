import { describe, expect, it } from "vitest";

import { describeFigure, standingIn } from "./figure-sentence";

describe("what a figure means, in words", () => {
  it("counts the others that spend less where lower is better, and gives the group's median", () => {
    const others = [2000, 2500, 2851, 2900, 3000, 3100, 3400, 3600, 3700, 4000];
    const group = standingIn(3512, others, "lower") ?? { hidden: true as const, n: 0 };
    expect(group).toEqual({ count: 7, n: 10, median: 3100 });
    expect(describeFigure({ value: 3512, direction: "lower", dimension: "cost", group })).toEqual({
      kind: "compared",
      value: 3512,
      verb: "spend",
      side: "lower",
      count: 7,
      n: 10,
      median: 3100,
    });
  });

  it("counts those higher where higher is better, and figures other than costs have a value", () => {
    const group = standingIn(50, [40, 50, 60, 70], "higher") ?? { hidden: true as const, n: 0 };
    expect(group).toEqual({ count: 2, n: 4, median: 50 });
    expect(describeFigure({ value: 50, direction: "higher", dimension: "quality", group })).toMatchObject({
      verb: "have",
      side: "higher",
      count: 2,
    });
  });

  it("counts ties on neither side", () => {
    expect(standingIn(5, [5, 5, 5], "neutral")).toEqual({ count: 0, n: 3, median: 5 });
  });

  it("makes no comparison when the group has fewer than three others with a value, and says why", () => {
    expect(standingIn(5, [1, 2], "lower")).toBeNull();
    expect(describeFigure({ value: 5, direction: "lower", dimension: "cost", group: { hidden: true, n: 2 } })).toEqual({
      kind: "suppressed",
      reason: "TOO_FEW_MEMBERS",
      n: 2,
      minimum: 3,
    });
  });

  it("says there is no value, with the group's median, when the unit has none", () => {
    expect(describeFigure({ value: null, direction: "lower", dimension: "cost", group: { count: 0, n: 5, median: 10 } })).toEqual({
      kind: "noValue",
      median: 10,
    });
  });
});
