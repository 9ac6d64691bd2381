import { describe, expect, it } from "vitest";

import { isIsoDate, isYearPublished, osloToday, publicationStateOf, publishedYears, SetPublicationInputSchema } from "./publication";

describe("publication", () => {
  it("counts the day in Norway, not in UTC", () => {
    // 23:30 UTC on 31 May is 01:30 on 1 June in Oslo (summer time).
    expect(osloToday(new Date("2026-05-31T23:30:00Z"))).toBe("2026-06-01");
    expect(osloToday(new Date("2026-01-15T10:00:00Z"))).toBe("2026-01-15");
  });

  it("publishes a year from its date on, not before, and never without a date", () => {
    expect(isYearPublished("2026-06-01", "2026-05-31")).toBe(false);
    expect(isYearPublished("2026-06-01", "2026-06-01")).toBe(true);
    expect(isYearPublished("2026-06-01", "2027-01-01")).toBe(true);
    expect(isYearPublished(null, "2099-12-31")).toBe(false);
  });

  it("lists the public years in order", () => {
    const dates = [
      { year: 2025, publishedOn: "2026-06-01" },
      { year: 2023, publishedOn: "2024-06-01" },
      { year: 2024, publishedOn: null },
      { year: 2022, publishedOn: "2023-06-01" },
    ];
    expect(publishedYears(dates, "2026-01-15")).toEqual([2022, 2023]);
  });

  it("accepts only real calendar dates", () => {
    expect(isIsoDate("2026-02-28")).toBe(true);
    expect(isIsoDate("2026-02-30")).toBe(false);
    expect(isIsoDate("2026-2-3")).toBe(false);
    expect(isIsoDate("15.06.2026")).toBe(false);
  });

  it("tells a scheduled release from a published year", () => {
    expect(publicationStateOf(null, "2026-06-01")).toBe("unpublished");
    expect(publicationStateOf("2026-06-15", "2026-06-01")).toBe("scheduled");
    expect(publicationStateOf("2026-06-15", "2026-06-15")).toBe("published");
  });

  it("takes a publication date or a withdrawal, never a date that is not in the calendar", () => {
    expect(SetPublicationInputSchema.safeParse({ year: 2025, publishedOn: "2026-06-15", previous: null }).success).toBe(true);
    expect(SetPublicationInputSchema.safeParse({ year: 2025, publishedOn: null, previous: "2026-06-15" }).success).toBe(true);
    expect(SetPublicationInputSchema.safeParse({ year: 2025, publishedOn: "2026-02-30", previous: null }).success).toBe(false);
    expect(SetPublicationInputSchema.safeParse({ year: 2025, publishedOn: "15.06.2026", previous: null }).success).toBe(false);
  });
});
