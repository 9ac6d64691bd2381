import { describe, expect, it } from "vitest";

import { BUILT_IN_CHANGES, createCrosswalk, mapRegion, SPLIT_2024, stripRegionPrefix, summarizeChanges } from "./crosswalk";
import { RENUMBERED_2024 } from "./renumbered-2024";

const KNOWN = new Set(["0301", "3101", "3114", "3419", "1508", "1580", "5501", "3201"]);

describe("mapRegion", () => {
  it("strips SSB's K- prefix", () => {
    expect(stripRegionPrefix("K-0301")).toBe("0301");
    expect(mapRegion("K-0301", 2022, KNOWN)).toEqual({ kind: "municipality", number: "0301", renumberedFrom: null });
  });

  it("renumbers 2020–2023 codes onto the 2024 units", () => {
    expect(mapRegion("K-3001", 2022, KNOWN)).toEqual({ kind: "municipality", number: "3101", renumberedFrom: "3001" });
    // Våler (Viken) → Våler in Østfold, not Våler in Innlandet
    expect(mapRegion("3018", 2023, KNOWN)).toEqual({ kind: "municipality", number: "3114", renumberedFrom: "3018" });
    expect(mapRegion("5401", 2021, KNOWN)).toEqual({ kind: "municipality", number: "5501", renumberedFrom: "5401" });
  });

  it("reports the Ålesund/Haram split instead of guessing", () => {
    expect(mapRegion("K-1507", 2022, KNOWN)).toEqual({ kind: "split", from: "1507", into: ["1508", "1580"] });
  });

  it("reports non-municipal regions", () => {
    expect(mapRegion("K-21-22", 2022, KNOWN)).toEqual({ kind: "nonMunicipal", reason: "SVALBARD_JAN_MAYEN" });
    expect(mapRegion("K-23", 2022, KNOWN)).toEqual({ kind: "nonMunicipal", reason: "CONTINENTAL_SHELF" });
    expect(mapRegion("K-Rest", 2022, KNOWN)).toEqual({ kind: "nonMunicipal", reason: "UNALLOCATED" });
    expect(mapRegion("F-30", 2022, KNOWN)).toEqual({ kind: "nonMunicipal", reason: "NOT_A_MUNICIPALITY" });
  });

  it("uses codes as they are from 2024, and refuses years before the 2020 division", () => {
    expect(mapRegion("3001", 2024, KNOWN)).toEqual({ kind: "unknown" });
    expect(mapRegion("3201", 2024, KNOWN)).toEqual({ kind: "municipality", number: "3201", renumberedFrom: null });
    expect(mapRegion("0301", 2019, KNOWN)).toEqual({ kind: "unmappedYear", firstMappedYear: 2020 });
  });

  it("has a one-to-one renumbering table", () => {
    const olds = RENUMBERED_2024.map(([old]) => old);
    const news = RENUMBERED_2024.map(([, n]) => n);
    expect(new Set(olds).size).toBe(olds.length);
    expect(new Set(news).size).toBe(news.length);
    expect(olds.every((o) => ["30", "38", "54"].includes(o.slice(0, 2)))).toBe(true);
    expect(Object.keys(SPLIT_2024)).toEqual(["1507"]);
  });
});

describe("createCrosswalk", () => {
  it("chains an imported 2020 change into the built-in 2024 renumbering", () => {
    const crosswalk = createCrosswalk([{ oldCode: "0722", newCode: "3811", occurred: "2020-01-01" }]);
    expect(crosswalk.firstMappedYear).toBe(2019);
    expect(crosswalk.targetsOf("0722", 2019, new Set(["3911"]))).toEqual(["3911"]);
    // In 2020–2023 the code is 3811, which the 2024 renumbering maps.
    expect(crosswalk.targetsOf("3811", 2021, new Set(["3911"]))).toEqual(["3911"]);
    expect(crosswalk.targetsOf("3911", 2024, new Set(["3911"]))).toEqual(["3911"]);
  });

  it("treats a unit that gave away a part but lives on as split, never as whole", () => {
    const crosswalk = createCrosswalk([{ oldCode: "1804", newCode: "1806", occurred: "2020-01-01" }]);
    expect(crosswalk.targetsOf("1804", 2019, new Set(["1804", "1806"]))).toEqual(["1804", "1806"]);
  });

  it("ignores a change of name only", () => {
    const crosswalk = createCrosswalk([{ oldCode: "0301", newCode: "0301", occurred: "2020-01-01" }]);
    expect(mapRegion("0301", 2019, KNOWN, crosswalk)).toEqual({ kind: "municipality", number: "0301", renumberedFrom: null });
  });

  it("summarizes merges, splits and renumberings", () => {
    const summary = summarizeChanges([
      { oldCode: "0704", newCode: "3803", occurred: "2020-01-01" },
      { oldCode: "0716", newCode: "3803", occurred: "2020-01-01" },
      { oldCode: "0722", newCode: "3811", occurred: "2020-01-01" },
      ...BUILT_IN_CHANGES,
    ]);
    expect(summary).toMatchObject({ merges: 1, renumbered: 1 + RENUMBERED_2024.length, firstDate: "2020-01-01", lastDate: "2024-01-01" });
    expect(summary.splits).toEqual([{ from: "1507", into: ["1508", "1580"], occurred: "2024-01-01" }]);
  });
});
