import { getMunicipalityByNumber, listPublishedValueHistory, readPublishedIndicatorValues } from "@malestokk/db";
import { describe, expect, it } from "vitest";

import { approveCorrectedTotal, saveDraftTotal, setupApi } from "../../test-helpers";

// The test clock says 2026-03-01 (test-helpers.ts FIXED_NOW); Oslo's demo cost report of 2025 is approved and 2025 is the demo's unpublished year.
const NUMBER = "0301";
const YEAR = 2025;
const TODAY = "2026-03-01";

/** Oslo's cost report of 2025 corrected through the real workflow: returned, saved, submitted, approved (or left a draft). */
async function correct(api: ReturnType<typeof setupApi>, total: number, approve = true) {
  if (approve) await approveCorrectedTotal(api, NUMBER, YEAR, total);
  else await saveDraftTotal(api, NUMBER, YEAR, total);
}

function published(api: ReturnType<typeof setupApi>, today = TODAY) {
  const id = getMunicipalityByNumber(api.db, NUMBER)?.id ?? 0;
  const [value] = readPublishedIndicatorValues(
    api.db,
    { indicatorCodes: ["K1"], organisationIds: [id], fromYear: YEAR, toYear: YEAR },
    today,
  );
  return { id, value, history: listPublishedValueHistory(api.db, { indicatorCode: "K1", organisationId: id, year: YEAR }, today) };
}

describe("revisions of published values (issue 23, point 1)", () => {
  it("publishes a correction approved after publication at once, dated, and keeps the previous value", async () => {
    const api = setupApi();
    await api.as("admin@demo.example").years.setPublication({ year: YEAR, publishedOn: "2026-02-01", previous: null });
    const before = published(api).value;
    if (!before) throw new Error("Oslo has no published K1 for 2025");
    expect(before.revisedOn).toBeNull();

    // While the correction is a draft, the public reads the value as published: the draft is never public.
    await correct(api, 123_456_789, false);
    expect(published(api)).toMatchObject({ value: before, history: [] });

    await correct(api, 123_456_789);
    const { value: after, history } = published(api);
    expect(after?.numerator).not.toBe(before.numerator);
    expect(after).toMatchObject({ year: YEAR, publishedOn: "2026-02-01", revisedOn: TODAY });
    expect(history).toEqual([{ numerator: before.numerator, denominator: before.denominator, isDemo: before.isDemo, revisedOn: TODAY }]);

    // Withdrawn, the year shows neither the value nor its history.
    await api.as("admin@demo.example").years.setPublication({ year: YEAR, publishedOn: null, previous: "2026-02-01" });
    expect(published(api)).toMatchObject({ value: undefined, history: [] });
  });

  it("records no revision for a correction approved before the publication date", async () => {
    const api = setupApi();
    await api.as("admin@demo.example").years.setPublication({ year: YEAR, publishedOn: "2026-06-15", previous: null });
    expect(published(api).value).toBeUndefined();
    await correct(api, 123_456_789);
    const { value, history } = published(api, "2026-06-15");
    expect(value).toMatchObject({ publishedOn: "2026-06-15", revisedOn: null });
    expect(history).toEqual([]);
  });
});
