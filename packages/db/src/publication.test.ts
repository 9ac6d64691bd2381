import { afterEach, describe, expect, it } from "vitest";

import type { DbConnection } from "./client";
import { listPublicationDates, readPublishedIndicatorValues, setPublicationDate } from "./queries/publication";
import { DEMO_FIRST_YEAR, DEMO_LAST_YEAR } from "./seed/demo";
import { createTestDb } from "./testing";

const open: DbConnection[] = [];
afterEach(() => {
  for (const c of open.splice(0)) c.close();
});

function seeded(): DbConnection {
  const c = createTestDb({ seed: true });
  open.push(c);
  return c;
}

/** A year with stored values in the demo, and one organisation's K1 value in it. */
function sample(c: DbConnection): { year: number; organisationId: number } {
  const row = c.sqlite
    .prepare(
      "select v.year, v.organisation_id as organisationId from indicator_values v join reporting_years y on y.year = v.year where v.indicator_code = 'K1' and v.status = 'approved' order by v.year desc, v.organisation_id limit 1",
    )
    .get() as { year: number; organisationId: number };
  return row;
}

describe("publication", () => {
  it("publishes nothing of a year until its date has come", () => {
    const c = seeded();
    const { year, organisationId } = sample(c);
    c.sqlite.prepare("update reporting_years set published_on = null").run();
    const filter = { indicatorCodes: ["K1"], organisationIds: [organisationId] };
    expect(readPublishedIndicatorValues(c.db, filter, "2099-01-01")).toEqual([]);

    expect(setPublicationDate(c.db, year, "2026-06-01")).toBe(true);
    expect(readPublishedIndicatorValues(c.db, filter, "2026-05-31")).toEqual([]);
    const published = readPublishedIndicatorValues(c.db, filter, "2026-06-01");
    expect(published.map((v) => [v.indicatorCode, v.organisationId, v.year, v.publishedOn])).toEqual([
      ["K1", organisationId, year, "2026-06-01"],
    ]);
    expect(listPublicationDates(c.db).find((d) => d.year === year)?.publishedOn).toBe("2026-06-01");

    expect(setPublicationDate(c.db, year, null)).toBe(true);
    expect(readPublishedIndicatorValues(c.db, filter, "2099-01-01")).toEqual([]);
    expect(setPublicationDate(c.db, 1999, "2026-06-01")).toBe(false);
  });

  it("never publishes a draft, and shows the value as last approved while a report is corrected", () => {
    const c = seeded();
    const { year, organisationId } = sample(c);
    c.sqlite.prepare("update reporting_years set published_on = '2020-01-01' where year = ?").run(year);
    const filter = { indicatorCodes: ["K1"], organisationIds: [organisationId], fromYear: year, toYear: year };
    const before = readPublishedIndicatorValues(c.db, filter, "2026-01-15")[0];
    if (!before) throw new Error("the sample has no published value");

    const key = [year, organisationId] as const;
    c.sqlite
      .prepare(
        "update indicator_values set status = 'draft', approved_numerator = null, approved_denominator = null where indicator_code = 'K1' and year = ? and organisation_id = ?",
      )
      .run(...key);
    expect(readPublishedIndicatorValues(c.db, filter, "2026-01-15")).toEqual([]);

    c.sqlite
      .prepare(
        "update indicator_values set status = 'submitted', numerator = numerator + 1000, approved_numerator = ?, approved_denominator = ?, approved_is_demo = ? where indicator_code = 'K1' and year = ? and organisation_id = ?",
      )
      .run(before.numerator, before.denominator, before.isDemo ? 1 : 0, ...key);
    expect(readPublishedIndicatorValues(c.db, filter, "2026-01-15")).toEqual([before]);
  });

  it("publishes the demo's complete years, each on 15 June of the year after, and not the year still being reported", () => {
    const c = seeded();
    const dates = listPublicationDates(c.db);
    expect(dates.map((d) => d.year)).toEqual(Array.from({ length: DEMO_LAST_YEAR - DEMO_FIRST_YEAR + 1 }, (_, i) => DEMO_FIRST_YEAR + i));
    for (const d of dates) expect(d.publishedOn).toBe(d.year < DEMO_LAST_YEAR ? `${d.year + 1}-06-15` : null);
  });
});
