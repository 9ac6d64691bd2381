import { describe, expect, it } from "vitest";

import { nextMeasurementDue } from "../benefits/plan";
import { dueMeasurementNotice } from "./measurement-due";

describe("benefit measurement notices", () => {
  it("is due 14 days before the due date, with the days left, up to the due day itself", () => {
    const due = "2026-06-30";
    expect(dueMeasurementNotice("2026-06-15", due)).toBeNull();
    expect(dueMeasurementNotice("2026-06-16", due)).toEqual({ stage: "soon", daysLeft: 14 });
    expect(dueMeasurementNotice("2026-06-20", due)).toEqual({ stage: "soon", daysLeft: 10 });
    expect(dueMeasurementNotice("2026-06-30", due)).toEqual({ stage: "soon", daysLeft: 0 });
  });

  it("is overdue from the day after, for 30 days, then silent", () => {
    const due = "2026-06-30";
    expect(dueMeasurementNotice("2026-07-01", due)).toEqual({ stage: "overdue", daysLeft: -1 });
    expect(dueMeasurementNotice("2026-07-30", due)).toEqual({ stage: "overdue", daysLeft: -30 });
    expect(dueMeasurementNotice("2026-07-31", due)).toBeNull();
  });

  it("counts calendar days across the change to summer time and the turn of the year", () => {
    expect(dueMeasurementNotice("2026-03-16", "2026-03-30")).toEqual({ stage: "soon", daysLeft: 14 });
    expect(dueMeasurementNotice("2026-12-18", "2027-01-01")).toEqual({ stage: "soon", daysLeft: 14 });
    expect(dueMeasurementNotice("2027-01-01", "2026-12-31")).toEqual({ stage: "overdue", daysLeft: -1 });
  });

  it("follows the due date a recorded measurement moves: a quarterly benefit measured on 31 March is next due on 30 June", () => {
    const next = nextMeasurementDue("quarterly", "2026-01-15", ["2026-03-31"]);
    expect(next).toBe("2026-06-30");
    expect(dueMeasurementNotice("2026-04-15", nextMeasurementDue("quarterly", "2026-01-15", []))).toEqual({ stage: "soon", daysLeft: 0 });
    expect(dueMeasurementNotice("2026-04-15", next)).toBeNull();
  });
});
