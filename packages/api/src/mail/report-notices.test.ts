import { listOutboxMessages } from "@malestokk/db";
import { describe, expect, it } from "vitest";

import { line, NUMBER, submitCorrection } from "../routers/costs/test-helpers";
import { setupApi } from "../test-helpers";
import { smtpPerTest, TEST_MAIL_ON, testMailWorker } from "./test-smtp";

const MAIL_ON = TEST_MAIL_ON;

const smtp = smtpPerTest();

describe("report workflow notices (issue 25, point 3)", () => {
  it("tells finance a report was returned, with the comment, and the managers that one awaits approval; never the one who acted", async () => {
    const server = await smtp();
    const api = setupApi({ mail: MAIL_ON });
    await submitCorrection(api, NUMBER, [{ lines: [line({ amount: 9_000_000 })], itUserAccounts: 12_000 }]);
    const queued = listOutboxMessages(api.db, { limit: 10 })
      .map((m) => [m.kind, m.recipientEmail])
      .sort();
    expect(queued).toEqual([
      ["reportReturned", `finance.${NUMBER}@demo.example`],
      ["reportSubmitted", `manager.${NUMBER}@demo.example`],
    ]);

    const worker = testMailWorker(api.db, server);
    expect(await worker.runOnce()).toMatchObject({ sent: 2, failed: 0 });
    const returned = server.received.find((m) => m.envelopeTo[0] === `finance.${NUMBER}@demo.example`);
    expect(returned?.subject).toBe("Stavanger (1103): kostnadsrapporten for 2024 er returnert");
    expect(returned?.text).toContain("«Rett tallene»");
    expect(returned?.text).toContain("Demo leder 1103 har returnert");
    expect(returned?.text).toContain("https://malestokk.test/kommune/1103/kostnader/2024");
    const submitted = server.received.find((m) => m.envelopeTo[0] === `manager.${NUMBER}@demo.example`);
    expect(submitted?.subject).toBe("Stavanger (1103): kostnadsrapporten for 2024 venter på godkjenning");
    expect(submitted?.headers.get("list-unsubscribe")).toMatch(/^<https:\/\/malestokk\.test\/e-post\/avmeld\?token=/);
  });

  it("leaves out a manager who turned the kind off", async () => {
    const api = setupApi({ mail: MAIL_ON });
    await api.as(`manager.${NUMBER}@demo.example`).mail.setPreference({ kind: "reportSubmitted", on: false });
    await submitCorrection(api, NUMBER, [{ lines: [line({ amount: 9_000_000 })], itUserAccounts: 12_000 }]);
    expect(listOutboxMessages(api.db, { limit: 10 }).map((m) => m.kind)).toEqual(["reportReturned"]);
  });
});
