import { describe, expect, it } from "vitest";

import { checkItCostPlausibility, ItCostTotalInputSchema, MAX_IT_COST_NOK } from "./it-cost-total.schema";

const valid = { municipalityNumber: "0301", year: 2024, totalItCost: 1_000_000, expectedVersion: null };

describe("ItCostTotalInputSchema", () => {
  it("accepts whole kroner for a year", () => {
    expect(ItCostTotalInputSchema.parse(valid)).toEqual(valid);
  });

  it.each([
    ["negative", { totalItCost: -1 }, "totalItCost", "too_small"],
    ["fraction", { totalItCost: 1.5 }, "totalItCost", "invalid_type"],
    ["not a number", { totalItCost: "12" }, "totalItCost", "invalid_type"],
    ["absurdly large", { totalItCost: MAX_IT_COST_NOK + 1 }, "totalItCost", "too_big"],
    ["year too early", { year: 1999 }, "year", "too_small"],
    ["bad number", { municipalityNumber: "301" }, "municipalityNumber", "invalid_format"],
  ])("rejects %s", (_name, patch, field, code) => {
    const result = ItCostTotalInputSchema.safeParse({ ...valid, ...patch });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual([field]);
    expect(result.error?.issues[0]?.code).toBe(code);
  });
});

describe("checkItCostPlausibility", () => {
  it("flags more than 50 000 kr per inhabitant", () => {
    expect(checkItCostPlausibility(60_000_000, 1_000)).toBe(60_000);
    expect(checkItCostPlausibility(50_000_000, 1_000)).toBeNull();
  });

  it("cannot judge without a population", () => {
    expect(checkItCostPlausibility(60_000_000, null)).toBeNull();
    expect(checkItCostPlausibility(60_000_000, 0)).toBeNull();
  });
});
