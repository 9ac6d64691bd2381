import { listAudit } from "@malestokk/db";
import { describe, expect, it } from "vitest";

import { expectAppError, expectTrpcError, setupApi } from "../../test-helpers";

// The test clock says 2026-03-01 (test-helpers.ts FIXED_NOW).
describe("publishing a reporting year (issue 23, point 1)", () => {
  it("sets, schedules, changes and withdraws a year's publication date, each step audited", async () => {
    const api = setupApi();
    const admin = api.as("admin@demo.example");
    const before = (await admin.years.list()).find((y) => y.year === 2025);
    expect(before).toMatchObject({ publishedOn: null, publication: "unpublished" });
    expect(before?.publishableUnits).toBeGreaterThan(0);

    await admin.years.setPublication({ year: 2025, publishedOn: "2026-06-15", previous: null });
    expect((await admin.years.list()).find((y) => y.year === 2025)).toMatchObject({ publishedOn: "2026-06-15", publication: "scheduled" });

    await admin.years.setPublication({ year: 2025, publishedOn: "2026-02-01", previous: "2026-06-15" });
    expect((await admin.years.list()).find((y) => y.year === 2025)).toMatchObject({ publishedOn: "2026-02-01", publication: "published" });
    expect(JSON.parse(listAudit(api.db, { action: "years.publicationSet", limit: 1 })[0]?.details ?? "{}")).toEqual({
      year: 2025,
      before: { publishedOn: "2026-06-15" },
      after: { publishedOn: "2026-02-01" },
    });

    await admin.years.setPublication({ year: 2025, publishedOn: null, previous: "2026-02-01" });
    expect((await admin.years.list()).find((y) => y.year === 2025)).toMatchObject({ publishedOn: null, publication: "unpublished" });
    expect(listAudit(api.db, { action: "years.publicationWithdrawn", limit: 5 })).toHaveLength(1);
  });

  it("refuses a date someone else changed meanwhile, a date not in the calendar and an unknown year", async () => {
    const api = setupApi();
    const admin = api.as("admin@demo.example");
    await admin.years.setPublication({ year: 2025, publishedOn: "2026-06-15", previous: null });
    const stale = await expectTrpcError(() => admin.years.setPublication({ year: 2025, publishedOn: "2026-07-01", previous: null }));
    expectAppError(stale, "VERSION_CONFLICT");
    expect((await admin.years.list()).find((y) => y.year === 2025)?.publishedOn).toBe("2026-06-15");
    expect(
      (await expectTrpcError(() => admin.years.setPublication({ year: 2025, publishedOn: "2026-02-30", previous: "2026-06-15" }))).code,
    ).toBe("BAD_REQUEST");
    expectAppError(
      await expectTrpcError(() => admin.years.setPublication({ year: 2001, publishedOn: "2026-06-15", previous: null })),
      "NOT_FOUND",
    );
  });

  it("lets only those who manage years publish one", async () => {
    const api = setupApi();
    for (const email of ["board@demo.example", "manager.0301@demo.example"]) {
      const refused = await expectTrpcError(() =>
        api.as(email).years.setPublication({ year: 2025, publishedOn: "2026-06-15", previous: null }),
      );
      expect(refused.code).toBe("FORBIDDEN");
    }
  });
});
