import { listOrganisationRecipients, listReportingYears, listUnitsAwaitingCostReport, type Db } from "@malestokk/db";
import { dueReminder, osloDateTime } from "@malestokk/domain";

import { createSecretBox } from "../auth/secret-box";
import { queueDueMeasurements } from "./benefit-notices";
import { queueNotice, type MailSettings } from "./notify";

const NO_SECRETS = createSecretBox(null);

/**
 * Queues the reporting deadline reminders due at `now` (issue 25, point 4): for every open year with a
 * deadline, the finance staff and managers of each unit whose cost report is not submitted, at the
 * stage `dueReminder` gives for today in Europe/Oslo. The key (kind + unit + year + stage + user) makes
 * each stage go once, however often this runs. One transaction per unit.
 */
export function queueDueReminders(db: Db, now: Date, mail: MailSettings): number {
  if (!mail.enabled) return 0;
  const today = osloDateTime(now).date;
  let queued = 0;
  for (const year of listReportingYears(db)) {
    if (year.state !== "open" || !year.deadline) continue;
    const due = dueReminder(today, year.deadline);
    if (!due) continue;
    for (const unit of listUnitsAwaitingCostReport(db, year.year)) {
      queued += db.transaction((tx) => {
        const recipients = listOrganisationRecipients(tx, {
          organisationId: unit.id,
          roles: ["finance", "manager"],
          kind: "deadlineReminder",
        });
        return queueNotice({ mail, secrets: NO_SECRETS, now: () => now }, tx, recipients, {
          key: `deadlineReminder:${unit.id}:${year.year}:${due.offset}`,
          content: {
            kind: "deadlineReminder",
            unit: { number: unit.number, name: unit.name, isCooperative: unit.kind === "itCooperative" },
            year: year.year,
            deadline: year.deadline ?? "",
            daysBefore: due.daysLeft,
          },
        });
      });
    }
  }
  return queued;
}

/**
 * What the clock makes due, at most once per Oslo calendar day and hour, for the worker's rounds (every few
 * seconds): the deadline reminders (`queueDueReminders`) and the benefit measurement notices (`queueDueMeasurements`).
 */
export function reminderSchedule(db: Db, mail: MailSettings): (now: Date) => void {
  let last: string | null = null;
  return (now) => {
    const { date, time } = osloDateTime(now);
    const slot = `${date}T${time.slice(0, 2)}`;
    if (slot === last) return;
    last = slot;
    queueDueReminders(db, now, mail);
    queueDueMeasurements(db, now, mail);
  };
}
