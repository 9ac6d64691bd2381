import { findUserByEmail, listOutboxMessages } from "@malestokk/db";
import type { BenefitInput, TemplateBenefit } from "@malestokk/domain";
import { describe, expect, it } from "vitest";

import { setupApi } from "../test-helpers";
import { queueDueMeasurements } from "./benefit-notices";
import { reminderSchedule } from "./reminders";
import { smtpPerTest, TEST_MAIL_ON, testMailWorker } from "./test-smtp";

const MAIL_ON = TEST_MAIL_ON;

const smtp = smtpPerTest();

// Measured quarterly from 1 January 2025; with a measurement on 31 December the next is due on 31 March 2026.
function benefitOf(ownerUserId: number | null): BenefitInput {
  return {
    title: "Kortere saksbehandlingstid",
    description: null,
    ownerName: "Demo økonomi 0301",
    ownerUserId,
    type: "efficiency",
    valuation: "freedCapacity",
    annualValueNok: 600_000,
    cash: false,
    quantitative: true,
    disBenefit: false,
    indicator: { name: "Saksbehandlingstid", unit: "dager", direction: "lower", method: null, frequency: "quarterly" },
    linkedIndicatorCode: null,
    baseline: { value: 40, date: "2025-01-01" },
    targets: [
      { value: 30, date: "2025-12-31" },
      { value: 20, date: "2027-12-31" },
    ],
    preconditionKeys: [],
    goalKeys: [],
  };
}

// A joint solution's benefit measured yearly, not linked to an indicator: due a year after the local baseline.
const quicker: TemplateBenefit = {
  key: "raskere",
  title: "Raskere svar",
  description: null,
  type: "quality",
  valuation: "unpriced",
  cash: false,
  valueMethod: "share",
  indicator: { name: "Svartid", unit: "dager", direction: "lower", method: null, frequency: "yearly" },
  linkedIndicatorCode: null,
  suggestedTargets: [{ afterYears: 1, value: 5 }],
  annualValueNok: null,
  unitValues: [],
};

/**
 * Oslo's project with one benefit owned by Oslo's finance officer (who reads nynorsk), and Bergen's local plan
 * of Trondheim's joint solution; the demo's own benefits and local plans are left out, so only these speak.
 */
async function setup(now: () => Date) {
  const api = setupApi({ now, mail: MAIL_ON });
  api.sqlite.prepare("delete from benefits").run();
  api.sqlite.prepare("delete from local_plans").run();
  api.sqlite.prepare("update users set language = 'nn' where email = 'finance.0301@demo.example'").run();
  const owner = findUserByEmail(api.db, "finance.0301@demo.example");
  const oslo = api.as("manager.0301@demo.example");
  const { id: projectId } = await oslo.benefits.createProject({
    municipalityNumber: "0301",
    project: { name: "Digital byggesøknad", description: null, sector: "planByggGeodata", phase: "realization", participants: [] },
  });
  const { id: benefitId } = await oslo.benefits.saveBenefit({
    projectId,
    benefitId: null,
    expectedVersion: null,
    benefit: benefitOf(owner?.id ?? null),
  });
  await oslo.benefits.addMeasurement({ projectId, benefitId, measurement: { value: 31, date: "2025-12-31", comment: null } });

  const trondheim = api.as("manager.5001@demo.example");
  const { id: jointId } = await trondheim.benefits.createProject({
    municipalityNumber: "5001",
    project: { name: "Felles innsyn", description: null, sector: "common", phase: "realization", participants: ["4601"] },
  });
  const bergen = api.as("manager.4601@demo.example");
  await bergen.benefits.answerInvitation({ municipalityNumber: "4601", projectId: jointId, answer: "accept" });
  const secretariat = api.as("secretariat@demo.example");
  const { version } = await secretariat.solutions.saveTemplate({
    projectId: jointId,
    expectedVersion: null,
    template: { benefits: [quicker] },
  });
  await secretariat.solutions.publishTemplate({ projectId: jointId, expectedVersion: version, comment: null });
  await bergen.solutions.adopt({
    municipalityNumber: "4601",
    projectId: jointId,
    plan: {
      inUseFrom: "2025-05-01",
      benefits: [
        {
          key: "raskere",
          ownerName: "Demo leder 4601",
          ownerUserId: null,
          baseline: { value: 20, date: "2025-05-20" },
          targets: [{ value: 5, date: "2026-12-31" }],
        },
      ],
    },
  });
  // Bergen's invitation to the joint project was told (see idea-notices.test.ts); only measurements speak below.
  api.sqlite.prepare("delete from mail_outbox").run();
  return { api, oslo, projectId, benefitId, jointId };
}

describe("benefit measurement notices (issue 25)", () => {
  it("simulates a spring: 14 days before and the day after each due date, once each, to the owner and the plan's keepers; a measurement moves the date", async () => {
    const server = await smtp();
    let now = new Date("2026-03-01T06:00:00Z");
    const { api, oslo, projectId, benefitId, jointId } = await setup(() => now);
    const worker = testMailWorker(api.db, server, { now: () => now, queueDue: reminderSchedule(api.db, MAIL_ON) });
    const log: string[] = [];
    for (let day = 0; day < 120; day++) {
      now = new Date(Date.parse("2026-03-01T06:00:00Z") + day * 86_400_000);
      // Oslo records the overdue measurement ten days late: the next one is due three months on.
      if (now.toISOString().startsWith("2026-04-10"))
        await oslo.benefits.addMeasurement({ projectId, benefitId, measurement: { value: 29, date: "2026-04-10", comment: null } });
      const before = server.received.length;
      await worker.runOnce();
      now = new Date(now.getTime() + 3_600_000);
      await worker.runOnce();
      for (const mail of server.received.slice(before))
        log.push(`${now.toISOString().slice(0, 10)} ${mail.envelopeTo.join()}: ${mail.subject}`);
    }

    expect(log).toEqual([
      "2026-03-17 finance.0301@demo.example: «Kortere saksbehandlingstid»: neste måling skal gjerast innan 31.03.2026",
      "2026-03-17 manager.0301@demo.example: «Kortere saksbehandlingstid»: neste måling skal gjøres innen 31.03.2026",
      "2026-04-01 finance.0301@demo.example: «Kortere saksbehandlingstid»: målinga skulle vore gjord innan 31.03.2026",
      "2026-04-01 manager.0301@demo.example: «Kortere saksbehandlingstid»: målingen skulle vært gjort innen 31.03.2026",
      "2026-05-06 finance.4601@demo.example: «Raskere svar»: neste måling skal gjøres innen 20.05.2026",
      "2026-05-06 manager.4601@demo.example: «Raskere svar»: neste måling skal gjøres innen 20.05.2026",
      "2026-05-21 finance.4601@demo.example: «Raskere svar»: målingen skulle vært gjort innen 20.05.2026",
      "2026-05-21 manager.4601@demo.example: «Raskere svar»: målingen skulle vært gjort innen 20.05.2026",
      "2026-06-26 finance.0301@demo.example: «Kortere saksbehandlingstid»: neste måling skal gjerast innan 10.07.2026",
      "2026-06-26 manager.0301@demo.example: «Kortere saksbehandlingstid»: neste måling skal gjøres innen 10.07.2026",
    ]);
    // One recipient per message; the owner is told it is theirs, the keeper who the owner is.
    expect(server.received.every((m) => m.envelopeTo.length === 1 && !m.headers.has("cc"))).toBe(true);
    const [toOwner, toKeeper] = server.received;
    expect(toOwner?.text).toContain("Du er eigar av gevinsten.");
    expect(toOwner?.text).toContain("om 14 dagar");
    expect(toOwner?.text).toContain(`https://malestokk.test/gevinster/prosjekt/${projectId}`);
    expect(toKeeper?.text).toContain("Gevinsteier er Demo økonomi 0301. Du får denne e-posten fordi du kan redigere planen.");
    expect(toKeeper?.html).toContain(`<a href="https://malestokk.test/gevinster/prosjekt/${projectId}">Åpne gevinstplanen</a>`);
    expect(toKeeper?.headers.get("list-unsubscribe")).toMatch(/^<https:\/\/malestokk\.test\/e-post\/avmeld\?token=/);
    expect(toKeeper?.headers.get("auto-submitted")).toBe("auto-generated");
    const local = server.received.find((m) => m.envelopeTo[0] === "manager.4601@demo.example");
    expect(local?.text).toContain("den lokale planen til Bergen (4601) for «Felles innsyn»");
    expect(local?.text).toContain(`https://malestokk.test/kommune/4601/felles/${jointId}`);
    // Trondheim owns the joint project but not Bergen's local plan: its people are not told about it.
    expect(server.received.some((m) => m.envelopeTo[0]?.endsWith(".5001@demo.example"))).toBe(false);
  }, 90_000);

  it("leaves out a keeper who turned the kind off, and queues nothing while mail is off", async () => {
    let now = new Date("2026-03-17T06:00:00Z");
    const { api } = await setup(() => now);
    await api.as("manager.0301@demo.example").mail.setPreference({ kind: "measurementDue", on: false });
    expect(queueDueMeasurements(api.db, now, { enabled: false, from: null })).toBe(0);
    expect(queueDueMeasurements(api.db, now, MAIL_ON)).toBe(1);
    expect(queueDueMeasurements(api.db, now, MAIL_ON)).toBe(0);
    expect(listOutboxMessages(api.db, { limit: 10 }).map((m) => [m.kind, m.recipientEmail])).toEqual([
      ["measurementDue", "finance.0301@demo.example"],
    ]);
    now = new Date("2026-03-18T06:00:00Z");
    expect(queueDueMeasurements(api.db, now, MAIL_ON)).toBe(0);
  });
});
