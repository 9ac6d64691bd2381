import { daysBetween } from "./reminders";

/**
 * When a benefit measurement notice is due (issue 25): 14 days before the measurement's due date, and
 * once it is overdue, by the calendar in Europe/Oslo. Pure: `today` is the Oslo date.
 */
export const MEASUREMENT_SOON_DAYS = 14;

/**
 * How long after the due date the "overdue" notice is still sent (a server that was down, mail turned on
 * late). Older overdue measurements are shown in the app but not mailed, so that turning mail on does not
 * flood the keepers of stale plans.
 */
export const MEASUREMENT_OVERDUE_WINDOW_DAYS = 30;

/** The two notices per due date: due within 14 days, and overdue (the day after the due date or later). */
export type MeasurementStage = "soon" | "overdue";

/**
 * The measurement notice due on `today` for a measurement due on `dueDate`, or null: "soon" from 14 days
 * before to the due day itself, with the days actually left (a round that ran late says the truth);
 * "overdue" from the day after, for `MEASUREMENT_OVERDUE_WINDOW_DAYS`. As with the deadline reminders,
 * each stage is sent once per due date (its idempotency key), so a later day repeats nothing; a recorded
 * measurement moves the due date, so no notice for the old one follows.
 */
export function dueMeasurementNotice(today: string, dueDate: string): { stage: MeasurementStage; daysLeft: number } | null {
  const daysLeft = daysBetween(today, dueDate);
  if (daysLeft < 0) return daysLeft >= -MEASUREMENT_OVERDUE_WINDOW_DAYS ? { stage: "overdue", daysLeft } : null;
  return daysLeft <= MEASUREMENT_SOON_DAYS ? { stage: "soon", daysLeft } : null;
}
