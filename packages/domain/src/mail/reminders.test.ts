import { describe, expect, it } from "vitest";

import { daysBetween, dueReminder } from "./reminders";

describe("deadline reminders", () => {
  it("counts calendar days, across the change to summer time", () => {
    expect(daysBetween("2026-03-01", "2026-04-30")).toBe(60);
    expect(daysBetween("2026-03-28", "2026-03-30")).toBe(2);
    expect(daysBetween("2026-05-01", "2026-04-30")).toBe(-1);
  });

  it("is due 30, 7 and 1 day before, on the deadline day as the last stage, and the day after it was missed", () => {
    const deadline = "2026-04-30";
    expect(dueReminder("2026-03-30", deadline)).toBeNull();
    expect(dueReminder("2026-03-31", deadline)).toEqual({ offset: 30, daysLeft: 30 });
    expect(dueReminder("2026-04-22", deadline)).toEqual({ offset: 30, daysLeft: 8 });
    expect(dueReminder("2026-04-23", deadline)).toEqual({ offset: 7, daysLeft: 7 });
    expect(dueReminder("2026-04-29", deadline)).toEqual({ offset: 1, daysLeft: 1 });
    expect(dueReminder("2026-04-30", deadline)).toEqual({ offset: 1, daysLeft: 0 });
    expect(dueReminder("2026-05-01", deadline)).toEqual({ offset: -1, daysLeft: -1 });
  });

  it("says the days actually left when a stage is reached late, and stops two weeks after a missed deadline", () => {
    expect(dueReminder("2026-04-25", "2026-04-30")).toEqual({ offset: 7, daysLeft: 5 });
    expect(dueReminder("2026-05-14", "2026-04-30")).toEqual({ offset: -1, daysLeft: -14 });
    expect(dueReminder("2026-05-15", "2026-04-30")).toBeNull();
  });
});
