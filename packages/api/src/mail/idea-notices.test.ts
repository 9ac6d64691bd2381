import { listOutboxMessages } from "@malestokk/db";
import { describe, expect, it } from "vitest";

import { setupApi } from "../test-helpers";
import { smtpPerTest, TEST_MAIL_ON, testMailWorker } from "./test-smtp";

const MAIL_ON = TEST_MAIL_ON;

const smtp = smtpPerTest();

const idea = {
  title: "Felles chatbot for byggesak",
  problem: "Mange like spørsmål om byggesak.",
  sector: "helseVelferd" as const,
  expectedBenefits: "Færre henvendelser.",
  roughCostNok: 1_500_000,
  participants: ["0301"],
};

function queued(api: ReturnType<typeof setupApi>) {
  return listOutboxMessages(api.db, { limit: 50 })
    .map((m) => `${m.kind} ${m.recipientEmail}`)
    .sort();
}

/** A mail-on copy of the demo with a second prioritization council (school), and a clock the test moves. */
async function setup() {
  const clock = { now: new Date("2026-03-01T12:00:00Z") };
  const api = setupApi({ now: () => clock.now, mail: MAIL_ON });
  await api
    .as("admin@demo.example")
    .admin.createUser({ email: "council.skole@demo.example", name: "KPR skole", role: "sectorCouncil", sector: "skoleOppvekst" });
  api.sqlite.prepare("delete from mail_outbox").run();
  return { api, clock };
}

/** Trondheim's idea taken through the council and the secretariat: it waits for the board. */
async function compiled(api: ReturnType<typeof setupApi>, fields: Partial<typeof idea> = {}) {
  const { id } = await api.as("manager.5001@demo.example").ideas.submit({ municipalityNumber: "5001", idea: { ...idea, ...fields } });
  await api.as("council@demo.example").ideas.step({ id, expectedVersion: 1, step: { action: "prioritize", score: 4, comment: "Nyttig" } });
  await api
    .as("secretariat@demo.example")
    .ideas.step({ id, expectedVersion: 2, step: { action: "compile", recommendation: "yes", comment: "Anbefales" } });
  return id;
}

describe("invitation notices (issue 25)", () => {
  it("tells the invited municipality's managers, in their language, with a link to where they answer; no one else", async () => {
    const server = await smtp();
    const { api } = await setup();
    api.sqlite.prepare("update users set language = 'en' where email = 'manager.0301@demo.example'").run();
    const trondheim = api.as("manager.5001@demo.example");
    await trondheim.ideas.submit({ municipalityNumber: "5001", idea });
    await trondheim.benefits.createProject({
      municipalityNumber: "5001",
      project: { name: "Felles arkiv", description: null, sector: "common", phase: "concept", participants: ["4601"] },
    });
    expect(queued(api)).toEqual([
      "ideaStep council@demo.example",
      "invitation manager.0301@demo.example",
      "invitation manager.4601@demo.example",
    ]);

    const worker = testMailWorker(api.db, server);
    expect(await worker.runOnce()).toMatchObject({ sent: 3, failed: 0 });
    expect(await worker.runOnce()).toMatchObject({ sent: 0 });
    const toOslo = server.received.find((m) => m.envelopeTo[0] === "manager.0301@demo.example");
    expect(toOslo?.envelopeTo).toEqual(["manager.0301@demo.example"]);
    expect(toOslo?.subject).toBe("Trondheim invites Oslo to the idea “Felles chatbot for byggesak”");
    expect(toOslo?.text).toContain("Demo leder 5001 of Trondheim (5001) has invited Oslo (0301) to take part in the idea");
    expect(toOslo?.text).toContain("See the invitation: https://malestokk.test/ideer\n");
    expect(toOslo?.headers.get("list-unsubscribe")).toBeTruthy();
    const toBergen = server.received.find((m) => m.envelopeTo[0] === "manager.4601@demo.example");
    expect(toBergen?.subject).toBe("Trondheim inviterer Bergen til samarbeidsprosjektet «Felles arkiv»");
    expect(toBergen?.html).toContain('<a href="https://malestokk.test/kommune/4601/gevinster">Se invitasjonen</a>');
    // The idea's problem and cost are not the invitee's to read before accepting: the notice does not carry them.
    expect(toOslo?.text).not.toContain("Mange like spørsmål");
  });

  it("tells a municipality invited again after it declined, once per invitation; not one that turned the kind off", async () => {
    const { api, clock } = await setup();
    const trondheim = api.as("manager.5001@demo.example");
    const { id: projectId } = await trondheim.benefits.createProject({
      municipalityNumber: "5001",
      project: { name: "Felles arkiv", description: null, sector: "common", phase: "concept", participants: ["4601"] },
    });
    clock.now = new Date("2026-03-02T12:00:00Z");
    await api.as("manager.4601@demo.example").benefits.answerInvitation({ municipalityNumber: "4601", projectId, answer: "decline" });
    clock.now = new Date("2026-03-03T12:00:00Z");
    await trondheim.benefits.invite({ projectId, participant: "4601" });
    expect(queued(api)).toEqual(["invitation manager.4601@demo.example", "invitation manager.4601@demo.example"]);

    await api.as("manager.0301@demo.example").mail.setPreference({ kind: "invitation", on: false });
    await trondheim.benefits.invite({ projectId, participant: "0301" });
    expect(queued(api)).toHaveLength(2);
  });

  it("tells those not yet answered when the board's yes turns the idea into a project they are invited to", async () => {
    const { api } = await setup();
    const id = await compiled(api);
    api.sqlite.prepare("delete from mail_outbox").run();
    const { projectId } = await api
      .as("board@demo.example")
      .ideas.step({ id, expectedVersion: 3, step: { action: "decide", decision: "yes", comment: "Vedtatt" } });
    const [message] = listOutboxMessages(api.db, { limit: 10 });
    expect(queued(api)).toEqual(["invitation manager.0301@demo.example"]);
    expect(JSON.parse(message?.content ?? "{}")).toMatchObject({ joint: "project", id: projectId, by: "Demo leder 5001" });
  });
});

describe("idea step notices (issue 25)", () => {
  it("tells whose turn it is at each step: the idea's sector council, the secretariat, the board; never the one who acted", async () => {
    const server = await smtp();
    const { api } = await setup();
    api.sqlite.prepare("update users set language = 'nn' where email = 'secretariat@demo.example'").run();
    const { id } = await api
      .as("manager.5001@demo.example")
      .ideas.submit({ municipalityNumber: "5001", idea: { ...idea, participants: [] } });
    expect(queued(api)).toEqual(["ideaStep council@demo.example"]);
    const council = api.as("council@demo.example");
    await council.ideas.step({ id, expectedVersion: 1, step: { action: "prioritize", score: 4, comment: "Nyttig" } });
    // A revised score does not tell the secretariat again.
    await council.ideas.step({ id, expectedVersion: 2, step: { action: "prioritize", score: 5, comment: "Svært nyttig" } });
    await api
      .as("secretariat@demo.example")
      .ideas.step({ id, expectedVersion: 3, step: { action: "compile", recommendation: "yes", comment: "Anbefales" } });
    await api
      .as("board@demo.example")
      .ideas.step({ id, expectedVersion: 4, step: { action: "decide", decision: "no", comment: "Ikke nå" } });
    expect(queued(api)).toEqual(["ideaStep board@demo.example", "ideaStep council@demo.example", "ideaStep secretariat@demo.example"]);

    await testMailWorker(api.db, server).runOnce();
    const subjects = server.received.map((m) => `${m.envelopeTo.join()}: ${m.subject}`);
    expect(subjects).toEqual([
      "council@demo.example: Idéen «Felles chatbot for byggesak» venter på prioritering",
      "secretariat@demo.example: Idéen «Felles chatbot for byggesak» ventar på samanstilling",
      "board@demo.example: Idéen «Felles chatbot for byggesak» venter på beslutning",
    ]);
    expect(server.received[1]?.text).toContain(
      "Demo KPR helse og velferd har prioritert idéen «Felles chatbot for byggesak» frå Trondheim (5001).",
    );
    expect(server.received[2]?.text).toContain(`https://malestokk.test/ideer/${id}`);
  });

  it("tells every council of a common idea, only the idea's own council otherwise, and no one who turned the kind off", async () => {
    const { api } = await setup();
    const trondheim = api.as("manager.5001@demo.example");
    await trondheim.ideas.submit({ municipalityNumber: "5001", idea: { ...idea, participants: [] } });
    await trondheim.ideas.submit({
      municipalityNumber: "5001",
      idea: { ...idea, title: "Felles innbyggarportal", sector: "common", participants: [] },
    });
    expect(queued(api)).toEqual(["ideaStep council.skole@demo.example", "ideaStep council@demo.example", "ideaStep council@demo.example"]);

    api.sqlite.prepare("delete from mail_outbox").run();
    await api.as("council@demo.example").mail.setPreference({ kind: "ideaStep", on: false });
    await trondheim.ideas.submit({ municipalityNumber: "5001", idea: { ...idea, title: "Digital timebestilling", participants: [] } });
    expect(queued(api)).toEqual([]);
  });
});

describe("meeting pack notices (issue 25)", () => {
  it("tells the board, once per meeting, which items wait for its decision, when the secretariat says the pack is ready", async () => {
    const server = await smtp();
    const { api } = await setup();
    api.sqlite.prepare("update ideas set status = 'approved' where status = 'compiled'").run();
    await compiled(api, { participants: [] });
    await compiled(api, { title: "Digital timebestilling", participants: [] });
    api.sqlite.prepare("delete from mail_outbox").run();
    const secretariat = api.as("secretariat@demo.example");

    expect(await secretariat.ideas.announceMeetingPack({ meetingDate: "2026-03-12" })).toEqual({
      mailOn: true,
      items: 2,
      told: 1,
      toldBefore: 0,
    });
    expect(await secretariat.ideas.announceMeetingPack({ meetingDate: "2026-03-12" })).toEqual({
      mailOn: true,
      items: 2,
      told: 0,
      toldBefore: 1,
    });
    expect(queued(api)).toEqual(["meetingPack board@demo.example"]);

    await testMailWorker(api.db, server).runOnce();
    expect(server.received.map((m) => m.envelopeTo)).toEqual([["board@demo.example"]]);
    const [pack] = server.received;
    expect(pack?.subject).toBe("Møtepakken til programstyremøtet 12.03.2026 er klar");
    expect(pack?.text).toContain("Demo sekretariatet har gjort møtepakken til møtet 12.03.2026 klar. 2 saker venter på beslutning:");
    expect(pack?.text).toContain("– Felles chatbot for byggesak\n\n– Digital timebestilling");
    expect(pack?.text).toContain("Åpne møtepakken: https://malestokk.test/ideer/motepakke");
    expect(pack?.headers.get("list-unsubscribe")).toBeTruthy();
  });

  it("tells no board member who turned it off, and says when mail is off", async () => {
    const { api } = await setup();
    await api.as("board@demo.example").mail.setPreference({ kind: "meetingPack", on: false });
    expect(await api.as("secretariat@demo.example").ideas.announceMeetingPack({ meetingDate: "2026-03-12" })).toMatchObject({
      told: 0,
      toldBefore: 0,
    });
    expect(queued(api)).toEqual([]);
    const off = setupApi();
    expect(await off.as("secretariat@demo.example").ideas.announceMeetingPack({ meetingDate: "2026-03-12" })).toMatchObject({
      mailOn: false,
      told: 0,
    });
  });
});
