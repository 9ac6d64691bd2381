import { describe, expect, it } from "vitest";

import { expectAppError, expectTrpcError, setupCaller } from "../../test-helpers";

describe("municipalities router", () => {
  it("lists all 357 municipalities of the 2024 division with county names", async () => {
    const { caller } = setupCaller();
    const list = await caller.municipalities.list();
    expect(list).toHaveLength(357);
    expect(list[0]).toEqual({
      id: expect.any(Number) as number,
      number: "0301",
      name: "Oslo",
      altName: null,
      officialNames: [{ name: "Oslo", language: "no" }],
      writtenStandard: "neutral",
      countyNumber: "03",
      countyName: "Oslo",
      kostraGroup: "~OSLO",
      kostraGroupName: "Oslo kommune",
      kostraGroupSource: "approximate: size only",
      kostraGroupApproximate: true,
    });
    expect(list.find((m) => m.number === "4601")?.name).toBe("Bergen");
  });

  it("gives the population by year with the source of each figure", async () => {
    const { caller } = setupCaller();
    const facts = await caller.municipalities.population({ municipalityNumber: "0301" });
    expect(facts.map((f) => f.year)).toEqual([2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025]);
    expect(facts[0]).toMatchObject({ source: "demo", isDemo: true });
  });

  it("answers UNAUTHORIZED to an anonymous caller", async () => {
    const { caller } = setupCaller({ seed: false });
    const error = await expectTrpcError(() => caller.municipalities.list());
    expect(error.code).toBe("UNAUTHORIZED");
  });

  it("gets one municipality and answers NOT_FOUND for an unknown number", async () => {
    const { caller } = setupCaller();
    expect((await caller.municipalities.get({ municipalityNumber: "1103" })).name).toBe("Stavanger");
    const error = await expectTrpcError(() => caller.municipalities.get({ municipalityNumber: "9999" }));
    expect(error.code).toBe("NOT_FOUND");
    expectAppError(error, "NOT_FOUND");
  });

  it("rejects a malformed number before touching the database", async () => {
    const { caller } = setupCaller();
    const error = await expectTrpcError(() => caller.municipalities.get({ municipalityNumber: "03O1" }));
    expect(error.code).toBe("BAD_REQUEST");
  });
});
