import { describe, expect, it } from "vitest";

import { mapRegion, SPLIT_2024, stripRegionPrefix } from "./crosswalk";
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
