import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { allocateLines, allocationMember, allocationWeights, splitAmount } from "./allocation";

describe("allocation of a cooperative's costs", () => {
  it("weights members per inhabitant, per IT user or by fixed shares", () => {
    const members = [
      { id: 1, population: 3_000, itUserAccounts: 300, fixedShare: 2_500 },
      { id: 2, population: 1_000, itUserAccounts: 300, fixedShare: 7_500 },
    ];
    expect(allocationWeights("perInhabitant", members)).toEqual({
      ok: true,
      weights: new Map([
        [1, 3_000],
        [2, 1_000],
      ]),
    });
    expect(allocationWeights("perItUser", members)).toEqual({
      ok: true,
      weights: new Map([
        [1, 300],
        [2, 300],
      ]),
    });
    expect(allocationWeights("fixedShares", members)).toEqual({
      ok: true,
      weights: new Map([
        [1, 2_500],
        [2, 7_500],
      ]),
    });
  });

  it("allocates nothing while a member lacks the figure, or shares do not add up to 100 %", () => {
    expect(
      allocationWeights("perItUser", [
        { id: 1, population: 5, itUserAccounts: null, fixedShare: null },
        { id: 2, population: 5, itUserAccounts: 3, fixedShare: null },
      ]),
    ).toEqual({
      ok: false,
      missing: [1],
      reason: "MISSING_FIGURE",
    });
    expect(
      allocationWeights("fixedShares", [
        { id: 1, population: 5, itUserAccounts: 1, fixedShare: 5_000 },
        { id: 2, population: 5, itUserAccounts: 1, fixedShare: 4_000 },
      ]),
    ).toMatchObject({
      ok: false,
      reason: "SHARES_NOT_FULL",
    });
    expect(allocationWeights("perInhabitant", [])).toMatchObject({ ok: false, reason: "NO_MEMBERS" });
  });

  it("splits 100 kr three ways as 34 + 33 + 33 (worked example)", () => {
    expect(
      splitAmount(
        100,
        new Map([
          [1, 1],
          [2, 1],
          [3, 1],
        ]),
      ),
    ).toEqual(
      new Map([
        [1, 34],
        [2, 33],
        [3, 33],
      ]),
    );
    expect(
      splitAmount(
        1_000_000,
        new Map([
          [1, 3_000],
          [2, 1_000],
        ]),
      ),
    ).toEqual(
      new Map([
        [1, 750_000],
        [2, 250_000],
      ]),
    );
  });

  it("always gives out exactly the amount, whatever the weights (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2e10 }),
        fc.array(fc.integer({ min: 1, max: 1e6 }), { minLength: 1, maxLength: 30 }),
        (amount, ws) => {
          const parts = splitAmount(amount, new Map(ws.map((w, i) => [i, w])));
          const values = [...parts.values()];
          expect(values.reduce((a, b) => a + b, 0)).toBe(amount);
          expect(values.every((v) => Number.isInteger(v) && v >= 0)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("allocates every line, so each member's lines add up to its share of the total", () => {
    const lines = [
      { service: "operations" as const, costType: "licences" as const, systemId: 7, amount: 1_000_001 },
      { service: "management" as const, costType: "ownStaff" as const, systemId: null, amount: 299_999 },
    ];
    const parts = allocateLines(
      lines,
      new Map([
        [1, 2],
        [2, 1],
      ]),
    );
    expect(parts.get(1)).toEqual([
      { service: "operations", costType: "licences", systemId: 7, amount: 666_667 },
      { service: "management", costType: "ownStaff", systemId: null, amount: 199_999 },
    ]);
    expect([...parts.values()].flat().reduce((s, l) => s + l.amount, 0)).toBe(1_300_000);
  });
});

describe("a member's allocation basis (ADR 007)", () => {
  const registered = { id: 7, registeredPopulation: 20_000, fixedShare: 2_500 };

  it("takes IT users and a population override from the report as last approved only", () => {
    const approved = { ...registered, approved: { itUserAccounts: 1_900, populationOverride: 21_000 } };
    expect(allocationMember("perItUser", approved)).toEqual({
      id: 7,
      population: 21_000,
      itUserAccounts: 1_900,
      fixedShare: 2_500,
      basis: "approvedReport",
    });
    expect(allocationMember("perInhabitant", approved)).toMatchObject({ population: 21_000, basis: "approvedReport" });
    expect(allocationMember("fixedShares", approved)).toMatchObject({ fixedShare: 2_500, basis: "fixedShare" });
  });

  it("falls back to the registered population, and has no IT users, without an approved report", () => {
    const never = { ...registered, approved: null };
    expect(allocationMember("perInhabitant", never)).toMatchObject({
      population: 20_000,
      itUserAccounts: null,
      basis: "registeredPopulation",
    });
    expect(allocationMember("perItUser", never)).toMatchObject({ itUserAccounts: null, basis: null });
    // An approved report without an override divides by the registered population too.
    expect(
      allocationMember("perInhabitant", { ...registered, approved: { itUserAccounts: 1_900, populationOverride: null } }),
    ).toMatchObject({ population: 20_000, basis: "registeredPopulation" });
    expect(allocationMember("perInhabitant", { ...registered, registeredPopulation: null, approved: null })).toMatchObject({
      population: null,
      basis: null,
    });
  });
});
