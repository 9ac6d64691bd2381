import { ZodError } from "zod";
import { describe, expect, it } from "vitest";

import { expectAppError, expectTrpcError, FIXED_NOW, setupCaller } from "../../test-helpers";

async function snapshot(caller: ReturnType<typeof setupCaller>["caller"], number: string) {
  return {
    costs: await caller.costs.list({ municipalityNumber: number }),
    series: await caller.benchmarks.series({ indicatorCode: "K1", municipalityNumber: number }),
  };
}

describe("costs router", () => {
  it("lists every reporting year with the demo totals and their versions", async () => {
    const { caller } = setupCaller();
    const years = await caller.costs.list({ municipalityNumber: "0301" });
    expect(years).toHaveLength(11);
    const y2024 = years.find((y) => y.year === 2024);
    expect(y2024).toMatchObject({ yearState: "open", version: 1, source: "demo", isDemo: true });
    expect(y2024?.totalItCost).toBeGreaterThan(0);
  });

  it("saves a corrected total and K1 follows at once", async () => {
    const { caller } = setupCaller();
    const before = await snapshot(caller, "1103");
    const point = before.series.points.find((p) => p.year === 2024);
    const population = point?.own?.denominator ?? 0;
    expect(population).toBeGreaterThan(100_000);

    const saved = await caller.costs.saveTotal({
      municipalityNumber: "1103",
      year: 2024,
      totalItCost: population * 4_321,
      expectedVersion: 1,
    });
    expect(saved).toMatchObject({
      year: 2024,
      totalItCost: population * 4_321,
      version: 2,
      source: "entered",
      isDemo: false,
      status: "draft",
      updatedAt: FIXED_NOW.toISOString(),
    });
    const after = await caller.benchmarks.series({ indicatorCode: "K1", municipalityNumber: "1103" });
    expect(after.points.find((p) => p.year === 2024)?.own?.value).toBe(4_321);
  });

  it("creates a total for a year that had none", async () => {
    const { caller } = setupCaller();
    const years = await caller.costs.list({ municipalityNumber: "0301" });
    // find any municipality-year without a value in the demo data
    const all = await caller.municipalities.list();
    let target: { number: string; year: number } | null = null;
    for (const m of all) {
      const missing = (await caller.costs.list({ municipalityNumber: m.number })).find((y) => y.totalItCost === null);
      if (missing) {
        target = { number: m.number, year: missing.year };
        break;
      }
    }
    expect(years.length).toBe(11);
    if (!target) throw new Error("demo data has no gaps");
    const saved = await caller.costs.saveTotal({
      municipalityNumber: target.number,
      year: target.year,
      totalItCost: 12_345_678,
      expectedVersion: null,
    });
    expect(saved).toMatchObject({ totalItCost: 12_345_678, version: 1 });
    const series = await caller.benchmarks.series({ indicatorCode: "K1", municipalityNumber: target.number });
    expect(series.points.find((p) => p.year === target.year)?.own?.numerator).toBe(12_345_678);
  });

  it.each([
    ["a negative amount", { totalItCost: -1 }, "totalItCost", "too_small"],
    ["a fraction of a krone", { totalItCost: 10.5 }, "totalItCost", "invalid_type"],
    ["text", { totalItCost: "1000" }, "totalItCost", "invalid_type"],
    ["an absurd amount", { totalItCost: 1e15 }, "totalItCost", "too_big"],
    ["a year far outside", { year: 1900 }, "year", "too_small"],
  ])("rejects %s with a field issue and changes nothing", async (_name, patch, field, code) => {
    const { caller } = setupCaller();
    const before = await snapshot(caller, "1103");
    const error = await expectTrpcError(() =>
      caller.costs.saveTotal({
        municipalityNumber: "1103",
        year: 2024,
        totalItCost: 1_000,
        expectedVersion: 1,
        ...(patch as object),
      }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.cause).toBeInstanceOf(ZodError);
    const issue = (error.cause as ZodError).issues[0];
    expect(issue?.path).toEqual([field]);
    expect(issue?.code).toBe(code);
    expect(await snapshot(caller, "1103")).toEqual(before);
  });

  it("rejects a year that is not a reporting year, naming the range", async () => {
    const { caller } = setupCaller();
    const before = await snapshot(caller, "1103");
    const error = await expectTrpcError(() =>
      caller.costs.saveTotal({ municipalityNumber: "1103", year: 2030, totalItCost: 1_000, expectedVersion: null }),
    );
    const appError = expectAppError(error, "YEAR_OUT_OF_RANGE");
    expect(error.code).toBe("BAD_REQUEST");
    expect(appError.issues).toEqual([{ path: ["year"], code: "YEAR_OUT_OF_RANGE", params: { min: 2015, max: 2025 } }]);
    expect(await snapshot(caller, "1103")).toEqual(before);
  });

  it("rejects an implausible cost per inhabitant", async () => {
    const { caller } = setupCaller();
    const before = await snapshot(caller, "1151");
    const error = await expectTrpcError(() =>
      caller.costs.saveTotal({ municipalityNumber: "1151", year: 2024, totalItCost: 900_000_000, expectedVersion: 1 }),
    );
    const appError = expectAppError(error, "AMOUNT_IMPLAUSIBLE");
    expect(appError.issues[0]?.path).toEqual(["totalItCost"]);
    expect(await snapshot(caller, "1151")).toEqual(before);
  });

  it("refuses a stale version: a concurrent edit is never overwritten", async () => {
    const { caller } = setupCaller();
    await caller.costs.saveTotal({ municipalityNumber: "1103", year: 2024, totalItCost: 111, expectedVersion: 1 });
    const error = await expectTrpcError(() =>
      caller.costs.saveTotal({ municipalityNumber: "1103", year: 2024, totalItCost: 222, expectedVersion: 1 }),
    );
    expect(error.code).toBe("CONFLICT");
    expect(expectAppError(error, "VERSION_CONFLICT").params).toEqual({ currentVersion: 2 });
    const years = await caller.costs.list({ municipalityNumber: "1103" });
    expect(years.find((y) => y.year === 2024)).toMatchObject({ totalItCost: 111, version: 2 });
  });

  it("answers NOT_FOUND for an unknown municipality", async () => {
    const { caller } = setupCaller();
    const error = await expectTrpcError(() =>
      caller.costs.saveTotal({ municipalityNumber: "9999", year: 2024, totalItCost: 1, expectedVersion: null }),
    );
    expect(error.code).toBe("NOT_FOUND");
  });
});
