import { describe, expect, it } from "vitest";

import { populationFixture2022 } from "./fixtures";
import { JsonStatError, observationsOf, parseJsonStat } from "./jsonstat";
import { planMeasureImport } from "./measure-import";
import { createCrosswalk, mapRegion, type RegionChange } from "../register/crosswalk";

const KNOWN = new Set(["0301", "3101", "3201", "5501", "1508", "1580", "4601"]);

describe("parseJsonStat", () => {
  it("reads SSB's table 07459 shape", () => {
    const dataset = parseJsonStat(populationFixture2022());
    expect(dataset.tableId).toBe("07459");
    expect(dataset.dimensions.map((d) => d.id)).toEqual(["Region", "ContentsCode", "Tid"]);
    const observations = observationsOf(dataset);
    expect(observations).toHaveLength(10);
    expect(observations[0]).toEqual({
      region: { code: "K-0301", label: "Oslo" },
      time: "2022",
      other: { ContentsCode: "Personer1" },
      value: 699827,
      status: null,
    });
    expect(observations[6]).toMatchObject({ value: null, status: ".." });
  });

  it("orders cells with the last dimension varying fastest", () => {
    const dataset = parseJsonStat(
      JSON.stringify({
        version: "2.0",
        class: "dataset",
        id: ["Region", "Tid"],
        size: [2, 2],
        dimension: {
          Region: { category: { index: ["K-0301", "K-4601"] } },
          Tid: { category: { index: ["2021", "2022"] } },
        },
        value: [1, 2, 3, 4],
      }),
    );
    expect(observationsOf(dataset).map((o) => `${o.region.code}/${o.time}=${o.value}`)).toEqual([
      "K-0301/2021=1",
      "K-0301/2022=2",
      "K-4601/2021=3",
      "K-4601/2022=4",
    ]);
  });

  it.each([
    ["bad JSON", "{ not json", "BAD_JSON"],
    ["another class", JSON.stringify({ class: "collection" }), "NOT_A_DATASET"],
    [
      "sizes that do not multiply to the values",
      JSON.stringify({
        class: "dataset",
        id: ["Region"],
        size: [3],
        dimension: { Region: { category: { index: ["a", "b", "c"] } } },
        value: [1, 2],
      }),
      "SIZE_MISMATCH",
    ],
    [
      "a category count unlike the size",
      JSON.stringify({
        class: "dataset",
        id: ["Region"],
        size: [2],
        dimension: { Region: { category: { index: ["a", "b", "c"] } } },
        value: [1, 2],
      }),
      "SIZE_MISMATCH",
    ],
    [
      "a dimension without a definition",
      JSON.stringify({
        class: "dataset",
        id: ["Region", "Tid"],
        size: [1, 1],
        dimension: { Region: { category: { index: ["a"] } } },
        value: [1],
      }),
      "UNKNOWN_DIMENSION",
    ],
    [
      "a value that is not a number",
      JSON.stringify({ class: "dataset", id: ["Region"], size: [1], dimension: { Region: { category: { index: ["a"] } } }, value: ["12"] }),
      "BAD_VALUE",
    ],
  ])("refuses %s", (_name, text, code) => {
    expect(() => parseJsonStat(text)).toThrow(JsonStatError);
    try {
      parseJsonStat(text);
    } catch (error) {
      expect((error as JsonStatError).code).toBe(code);
    }
  });
});

describe("planMeasureImport", () => {
  const plan = planMeasureImport({ dataset: parseJsonStat(populationFixture2022()), measure: "population", knownNumbers: KNOWN });

  it("maps 2022 numbers onto the 2024 units", () => {
    expect(plan.rows).toEqual([
      { number: "0301", year: 2022, value: 699827, sourceCode: "K-0301" },
      { number: "3101", year: 2022, value: 31444, sourceCode: "K-3001" },
      { number: "3201", year: 2022, value: 128233, sourceCode: "K-3024" },
      { number: "4601", year: 2022, value: 286930, sourceCode: "K-4601" },
      { number: "5501", year: 2022, value: 77544, sourceCode: "K-5401" },
    ]);
  });

  it("reports what it skips and what it cannot allocate, with reasons", () => {
    expect(plan.skipped.map((s) => [s.code, s.reason])).toEqual([
      ["K-9998", "UNKNOWN_REGION"],
      ["K-21-22", "SVALBARD_JAN_MAYEN"],
      ["K-23", "CONTINENTAL_SHELF"],
      ["K-Rest", "UNALLOCATED"],
    ]);
    expect(plan.notAllocatable).toEqual([
      { code: "K-1507", label: "Ålesund", year: 2022, value: 67114, into: ["1508", "1580"], reason: "SPLIT" },
    ]);
  });

  it("accounts for every value: imported + skipped + not allocatable = the file", () => {
    const { file, imported, skipped, notAllocatable } = plan.totals;
    expect(imported.count + skipped.count + notAllocatable.count).toBe(file.count);
    expect(imported.sum + skipped.sum + notAllocatable.sum).toBe(file.sum);
    expect(file).toEqual({ count: 10, sum: 699827 + 31444 + 128233 + 77544 + 67114 + 286930 + 2573 + 0 + 12 });
  });

  it("keeps a status symbol as missing, never 0", () => {
    const text = populationFixture2022().replace('"K-9998"', '"K-0301X"');
    const known = new Set([...KNOWN]);
    const withStatus = planMeasureImport({
      dataset: parseJsonStat(text.replace('"status":{"6":".."}', '"status":{"0":":"}').replace("699827", "null")),
      measure: "population",
      knownNumbers: known,
    });
    expect(withStatus.rows.find((r) => r.number === "0301")).toBeUndefined();
    expect(withStatus.skipped.find((s) => s.code === "K-0301")).toMatchObject({ reason: "confidential", value: null });
  });

  it("prefers a figure under the current number over the same year's older number", () => {
    // SSB back-computes current units for earlier years: K-3101 (2024 number) next to K-3001 (2022 number).
    const text = populationFixture2022().replace('"K-9998"', '"K-3101"').replace(",null,", ",31450,");
    const both = planMeasureImport({ dataset: parseJsonStat(text), measure: "population", knownNumbers: KNOWN });
    expect(both.rows.find((r) => r.number === "3101")).toEqual({ number: "3101", year: 2022, value: 31450, sourceCode: "K-3101" });
    expect(both.skipped.find((s) => s.code === "K-3001")).toMatchObject({ reason: "CURRENT_NUMBER_PREFERRED", value: 31444 });
    const { file, imported, skipped, notAllocatable } = both.totals;
    expect(imported.count + skipped.count + notAllocatable.count).toBe(file.count);
  });
});

describe("planMeasureImport across the 2020 reform (with an imported change list)", () => {
  // Made-up units with the shape of the 2020 reform: A and B merged into M; S split into M and T.
  const changes: RegionChange[] = [
    { oldCode: "0701", newCode: "3801", occurred: "2020-01-01" },
    { oldCode: "0702", newCode: "3801", occurred: "2020-01-01" },
    { oldCode: "0703", newCode: "3801", occurred: "2020-01-01" },
    { oldCode: "0703", newCode: "3802", occurred: "2020-01-01" },
    { oldCode: "0704", newCode: "3803", occurred: "2020-01-01" },
    { oldCode: "0705", newCode: "3804", occurred: "2020-01-01" },
    { oldCode: "0706", newCode: "3804", occurred: "2020-01-01" },
  ];
  const crosswalk = createCrosswalk(changes);
  // 3801 → 3901 etc. through the built-in 2024 renumbering.
  const known = new Set(["3901", "3903", "3905", "3907"]);
  function dataset2019(values: [string, number | null][], status: Record<string, string> = {}) {
    return parseJsonStat(
      JSON.stringify({
        version: "2.0",
        class: "dataset",
        id: ["Region", "Tid"],
        size: [values.length, 1],
        dimension: {
          Region: { category: { index: values.map(([c]) => c), label: Object.fromEntries(values.map(([c]) => [c, c])) } },
          Tid: { category: { index: ["2019"] } },
        },
        value: values.map(([, v]) => v),
        status,
      }),
    );
  }

  it("maps from the year before the earliest imported change", () => {
    expect(crosswalk.firstMappedYear).toBe(2019);
    expect(mapRegion("0704", 2019, known, crosswalk)).toEqual({ kind: "municipality", number: "3905", renumberedFrom: "0704" });
    expect(mapRegion("0703", 2019, known, crosswalk)).toEqual({ kind: "split", from: "0703", into: ["3901", "3903"] });
    expect(mapRegion("0704", 2018, known, crosswalk)).toEqual({ kind: "unmappedYear", firstMappedYear: 2019 });
  });

  it("sums units merged into one, and accounts for every value", () => {
    const plan = planMeasureImport({
      dataset: dataset2019(
        [
          ["K-0704", 4000],
          ["K-0705", 1500],
          ["K-0706", 2500],
          ["K-3807", null],
        ],
        { "3": "." },
      ),
      measure: "population",
      knownNumbers: known,
      crosswalk,
    });
    expect(plan.rows).toEqual([
      { number: "3905", year: 2019, value: 4000, sourceCode: "K-0704" },
      { number: "3907", year: 2019, value: 4000, sourceCode: "K-0705+K-0706" },
    ]);
    const { file, imported, skipped, notAllocatable } = plan.totals;
    expect(imported).toEqual({ count: 3, sum: 8000 });
    expect(imported.count + skipped.count + notAllocatable.count).toBe(file.count);
  });

  it("does not sum a merge that also takes part of a split unit, or whose part has no value", () => {
    const plan = planMeasureImport({
      dataset: dataset2019(
        [
          ["K-0701", 100],
          ["K-0702", 200],
          ["K-0703", 300],
          ["K-0705", 1500],
          ["K-0706", null],
        ],
        { "4": ".." },
      ),
      measure: "population",
      knownNumbers: known,
      crosswalk,
    });
    expect(plan.rows).toEqual([]);
    expect(plan.notAllocatable.map((n) => [n.code, n.reason])).toEqual([
      ["K-0703", "SPLIT"],
      ["K-0701", "INCOMPLETE_MERGE"],
      ["K-0702", "INCOMPLETE_MERGE"],
      ["K-0705", "INCOMPLETE_MERGE"],
    ]);
    expect(plan.skipped.map((s) => [s.code, s.reason])).toEqual([["K-0706", "missing"]]);
    const { file, imported, skipped, notAllocatable } = plan.totals;
    expect(imported.sum + skipped.sum + notAllocatable.sum).toBe(file.sum);
  });

  it("refuses years before the change list", () => {
    const plan = planMeasureImport({ dataset: dataset2019([["K-0704", 4000]]), measure: "population", knownNumbers: known });
    expect(plan.skipped.map((s) => s.reason)).toEqual(["YEAR_BEFORE_CROSSWALK"]);
  });
});
