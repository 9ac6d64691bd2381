import { describe, expect, it } from "vitest";

import { setupApi } from "../test-helpers";
import { queueDueReminders } from "./reminders";
import { smtpPerTest, TEST_MAIL_ON, testMailWorker } from "./test-smtp";

const MAIL_ON = TEST_MAIL_ON;

const smtp = smtpPerTest();

describe("reporting deadline reminders (issue 25, point 4)", () => {
  it("simulates a year's round: 30, 7 and 1 day before the deadline and the day after, each once, until the report is submitted", async () => {
    const server = await smtp();
    let now = new Date("2026-03-01T06:00:00Z");
    const api = setupApi({ now: () => now, mail: MAIL_ON });
    const setStatus = (number: string, status: string) =>
      api.sqlite
        .prepare(
          "update cost_reports set status = ? where year = 2025 and organisation_id = (select id from organisations where number = ?)",
        )
        .run(status, number);
    // Every demo unit with people has reported 2025 but these two: Stavanger has a draft, Oslo's was returned.
    api.sqlite.prepare("update cost_reports set status = 'approved' where year = 2025").run();
    setStatus("1103", "draft");
    setStatus("0301", "returned");
    api.sqlite.prepare("update reporting_years set deadline = '2026-04-30', state = 'open' where year = 2025").run();
    api.sqlite.prepare("update reporting_years set state = 'closed' where year <> 2025").run();
    api.sqlite.prepare("update users set language = 'nn' where email = 'finance.1103@demo.example'").run();

    const worker = testMailWorker(api.db, server, {
      now: () => now,
      queueDue: (at) => queueDueReminders(api.db, at, MAIL_ON),
    });
    const log: string[] = [];
    for (let day = 0; day < 90; day++) {
      now = new Date(Date.parse("2026-03-01T06:00:00Z") + day * 86_400_000);
      // Oslo's finance submits after the 7-day reminder.
      if (now.toISOString().startsWith("2026-04-25")) setStatus("0301", "submitted");
      const before = server.received.length;
      // Two rounds a day: the second finds nothing new to queue.
      await worker.runOnce();
      await worker.runOnce();
      for (const mail of server.received.slice(before))
        log.push(`${now.toISOString().slice(0, 10)} ${mail.envelopeTo.join()}: ${mail.subject}`);
    }

    expect(log).toEqual([
      "2026-03-31 finance.0301@demo.example: Oslo (0301): 30 dager til fristen for 2025",
      "2026-03-31 manager.0301@demo.example: Oslo (0301): 30 dager til fristen for 2025",
      "2026-03-31 finance.1103@demo.example: Stavanger (1103): 30 dagar til fristen for 2025",
      "2026-03-31 manager.1103@demo.example: Stavanger (1103): 30 dager til fristen for 2025",
      "2026-04-23 finance.0301@demo.example: Oslo (0301): 7 dager til fristen for 2025",
      "2026-04-23 manager.0301@demo.example: Oslo (0301): 7 dager til fristen for 2025",
      "2026-04-23 finance.1103@demo.example: Stavanger (1103): 7 dagar til fristen for 2025",
      "2026-04-23 manager.1103@demo.example: Stavanger (1103): 7 dager til fristen for 2025",
      "2026-04-29 finance.1103@demo.example: Stavanger (1103): 1 dag til fristen for 2025",
      "2026-04-29 manager.1103@demo.example: Stavanger (1103): 1 dag til fristen for 2025",
      "2026-05-01 finance.1103@demo.example: Stavanger (1103): fristen for 2025 gjekk ut 30.04.2026",
      "2026-05-01 manager.1103@demo.example: Stavanger (1103): fristen for 2025 gikk ut 30.04.2026",
    ]);
    const missed = server.received.at(-1);
    expect(missed?.text).toContain("https://malestokk.test/kommune/1103/kostnader/2025");
    expect(missed?.headers.get("list-unsubscribe")).toBeTruthy();
  }, 60_000);

  it("queues nothing while mail is off", () => {
    const api = setupApi();
    api.sqlite.prepare("update reporting_years set deadline = '2026-04-30', state = 'open' where year = 2025").run();
    expect(queueDueReminders(api.db, new Date("2026-03-31T06:00:00Z"), { enabled: false, from: null })).toBe(0);
  });
});
