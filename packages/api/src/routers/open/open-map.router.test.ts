import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";

import { setupApi } from "../../test-helpers";

/** Only 2024 published as of the test clock (2026-03-01); 2023 scheduled for later. */
async function publishOnly2024(api: ReturnType<typeof setupApi>) {
  const admin = api.as("admin@demo.example");
  for (const y of await admin.years.list())
    if (y.publishedOn !== null) await admin.years.setPublication({ year: y.year, publishedOn: null, previous: y.publishedOn });
  await admin.years.setPublication({ year: 2024, publishedOn: "2026-02-01", previous: null });
  await admin.years.setPublication({ year: 2023, publishedOn: "2026-06-15", previous: null });
}

describe("open.map: the open pages' map (issues 23 and 24)", () => {
  it("gives anyone every municipality with the published figures of a published year, the same as the open indicator page", async () => {
    const api = setupApi();
    await publishOnly2024(api);
    const anonymous = api.anonymous();
    const map = await anonymous.open.map({ indicatorCode: "K1" });
    expect(map.year).toBe(2024);
    expect(map.units).toHaveLength(357);
    expect(map.counties).toHaveLength(15);
    const open = await anonymous.open.indicator({ indicatorCode: "K1", year: 2024 });
    const drawn = map.units.filter((u) => u.value !== null);
    expect(drawn.length).toBeGreaterThan(0);
    expect(new Map(drawn.map((u) => [u.number, u.value]))).toEqual(new Map(open.values.map((v) => [v.municipalityNumber, v.value])));
    expect(drawn.every((u) => u.numerator !== null && (u.denominator ?? 0) > 0)).toBe(true);
  }, 60_000);

  it("gives nothing of a year not yet published, nor of any year before one is", async () => {
    const api = setupApi();
    await publishOnly2024(api);
    const refused = await api
      .anonymous()
      .open.map({ indicatorCode: "K1", year: 2023 })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(TRPCError);
    expect((refused as TRPCError).code).toBe("NOT_FOUND");
    // A signed-in reader sees no more on the open map than anyone.
    await expect(api.as("board@demo.example").open.map({ indicatorCode: "K1", year: 2023 })).rejects.toThrow(TRPCError);

    await api.as("admin@demo.example").years.setPublication({ year: 2024, publishedOn: null, previous: "2026-02-01" });
    const none = await api.anonymous().open.map({ indicatorCode: "K1" });
    expect(none.year).toBeNull();
    expect(none.units.every((u) => u.value === null && u.numerator === null)).toBe(true);
  }, 60_000);
});
