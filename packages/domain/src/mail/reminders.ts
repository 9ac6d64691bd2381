/**
 * When a reporting deadline reminder is due (issue 25, point 4): 30, 7 and 1 day before the deadline,
 * and the day after it was missed, by the calendar in Europe/Oslo. Pure: `today` is the Oslo date.
 */
export const REMINDER_OFFSETS = [30, 7, 1] as const;

/** The "missed" reminder's offset: the day after the deadline. */
export const MISSED_OFFSET = -1;

/** How long after the deadline the "missed" reminder is still sent (a server that was down, mail turned on late). */
export const MISSED_WINDOW_DAYS = 14;

/** Days from `from` to `to` (dates YYYY-MM-DD), by the calendar: no hours, no summer time. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * The reminder due on `today` for a deadline, or null: the latest stage reached (30, 7, 1 day before;
 * the deadline day itself counts as the 1-day stage), with the days actually left, so a reminder sent
 * late (the server was down on the day) says the truth; after the deadline, the "missed" stage for
 * `MISSED_WINDOW_DAYS`. Each stage is sent once (its idempotency key), so a later day repeats nothing.
 */
export function dueReminder(today: string, deadline: string): { offset: number; daysLeft: number } | null {
  const daysLeft = daysBetween(today, deadline);
  if (daysLeft < 0) return daysLeft >= -MISSED_WINDOW_DAYS ? { offset: MISSED_OFFSET, daysLeft } : null;
  const stage = [...REMINDER_OFFSETS].reverse().find((offset) => daysLeft <= offset);
  return stage === undefined ? null : { offset: stage, daysLeft };
}
