import { describe, expect, it } from "vitest";

import { classifyMap, classOf, groupQuartileLimits, quantileLimits, shadeOf } from "./classes";

describe("map classes", () => {
  it("cuts national values into five classes of about equal count", () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
    expect(quantileLimits(values)).toEqual([1, 3, 5, 7, 9, 11]);
    expect(values.map((v) => classOf(v, [1, 3, 5, 7, 9, 11]))).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 4]);
  });

  it("merges equal limits, and one value everywhere is one class", () => {
    expect(quantileLimits([5, 5, 5, 5, 5, 9])).toEqual([5, 9]);
    expect(quantileLimits([7, 7, 7])).toEqual([7, 7]);
    expect(classOf(7, [7, 7])).toBe(0);
    expect(quantileLimits([])).toEqual([]);
  });

  it("puts values beyond the limits in the end classes", () => {
    expect(classOf(-10, [0, 1, 2])).toBe(0);
    expect(classOf(99, [0, 1, 2])).toBe(1);
  });

  it("takes the group's quartiles as inner limits and the values drawn as outer ones", () => {
    expect(groupQuartileLimits([10, 20, 30, 40, 50], [1, 10, 20, 30, 40, 50, 90])).toEqual([1, 20, 30, 40, 90]);
    // Fewer than three in the group: no quartiles.
    expect(groupQuartileLimits([10, 20], [10, 20, 30])).toBeNull();
  });

  it("makes the better end darker: the lowest values where lower is better, the highest otherwise", () => {
    expect([0, 1, 2, 3, 4].map((c) => shadeOf(c, 5, "lower"))).toEqual([4, 3, 2, 1, 0]);
    expect([0, 1, 2, 3, 4].map((c) => shadeOf(c, 5, "higher"))).toEqual([0, 1, 2, 3, 4]);
    expect([0, 1, 2, 3].map((c) => shadeOf(c, 4, "neutral"))).toEqual([0, 1, 2, 3]);
  });

  it("keeps units without a value and hidden units apart from the classes", () => {
    const result = classifyMap(
      [
        { key: "a", value: 1 },
        { key: "b", value: 2 },
        { key: "c", value: 3 },
        { key: "d", value: null },
        { key: "e", value: 2, isHidden: true },
      ],
      { method: "quantiles", direction: "lower" },
    );
    expect(result.states.get("d")).toEqual({ kind: "missing" });
    expect(result.states.get("e")).toEqual({ kind: "hidden" });
    expect(result.states.get("a")).toMatchObject({ kind: "value", class: 0, shade: result.classCount - 1 });
    expect(result.counts.reduce((s, n) => s + n, 0)).toBe(3);
  });

  it("falls back to quantiles when the group has fewer than three values", () => {
    const figures = [1, 2, 3, 4, 5, 6].map((v) => ({ key: String(v), value: v }));
    expect(classifyMap(figures, { method: "groupQuartiles", direction: "higher", groupKeys: new Set(["1", "2"]) }).method).toBe(
      "quantiles",
    );
    const group = classifyMap(figures, { method: "groupQuartiles", direction: "higher", groupKeys: new Set(["2", "3", "4"]) });
    expect(group.method).toBe("groupQuartiles");
    expect(group.limits).toEqual([1, 2.5, 3, 3.5, 6]);
    expect(group.counts).toEqual([2, 0, 1, 3]);
  });

  it("has no classes when no unit has a value", () => {
    const result = classifyMap([{ key: "a", value: null }], { method: "quantiles", direction: "neutral" });
    expect(result.classCount).toBe(0);
    expect(result.states.get("a")).toEqual({ kind: "missing" });
  });
});
