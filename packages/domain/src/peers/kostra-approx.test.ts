import { describe, expect, it } from "vitest";

import { approximateKostraGroups } from "./kostra-approx";

describe("approximateKostraGroups", () => {
  it("puts Oslo alone, the ten largest after Oslo together, and the rest by size", () => {
    const units = [
      { number: "0301", population: 700_000 },
      ...Array.from({ length: 11 }, (_, i) => ({ number: String(1000 + i), population: 300_000 - i * 10_000 })),
      { number: "2000", population: 4_999 },
      { number: "2001", population: 5_000 },
      { number: "2002", population: 19_999 },
    ];
    const groups = approximateKostraGroups(units);
    expect(groups.get("0301")?.code).toBe("~OSLO");
    expect([...groups.values()].filter((g) => g.code === "~TI")).toHaveLength(10);
    expect(groups.get("1010")?.code).toBe("~STORE"); // the eleventh largest
    expect(groups.get("2000")?.code).toBe("~SMA");
    expect(groups.get("2001")?.code).toBe("~MELLOM");
    expect(groups.get("2002")?.code).toBe("~MELLOM");
  });
});
