import { listAudit } from "@malestokk/db";
import { describe, expect, it } from "vitest";

import { expectAppError, expectTrpcError, FIXED_NOW, setupApi } from "../../test-helpers";

// Issue 17 finding 6, for ideas: a municipality named in an idea is invited; the idea is not in its list until its manager accepts.
const idea = {
  title: "Felles chatbot for byggesak",
  problem: "Mange like spørsmål om byggesak.",
  sector: "helseVelferd" as const,
  expectedBenefits: "Færre henvendelser.",
  roughCostNok: 1_500_000,
  participants: ["0301"],
};

async function invitingOslo(api: ReturnType<typeof setupApi>) {
  const trondheim = api.as("manager.5001@demo.example");
  const { id } = await trondheim.ideas.submit({ municipalityNumber: "5001", idea });
  return { trondheim, id, oslo: api.as("manager.0301@demo.example") };
}

/** Takes an idea through council, secretariat and a yes from the board. */
async function approve(api: ReturnType<typeof setupApi>, id: number) {
  await api.as("council@demo.example").ideas.step({ id, expectedVersion: 1, step: { action: "prioritize", score: 4, comment: "Nyttig" } });
  await api
    .as("secretariat@demo.example")
    .ideas.step({ id, expectedVersion: 2, step: { action: "compile", recommendation: "yes", comment: "Anbefales" } });
  return api
    .as("board@demo.example")
    .ideas.step({ id, expectedVersion: 3, step: { action: "decide", decision: "yes", comment: "Vedtatt" } });
}

describe("joint ideas by invitation (issue 17, finding 6)", () => {
  it("keeps an idea naming Oslo out of Oslo's idea list until its manager accepts, and shows the invitation instead", async () => {
    const api = setupApi();
    const { id, oslo } = await invitingOslo(api);
    expect((await oslo.ideas.list()).map((i) => i.id)).not.toContain(id);
    expectAppError(await expectTrpcError(() => oslo.ideas.get({ id })), "NOT_FOUND");
    expect(await oslo.ideas.invitations()).toEqual([
      {
        ideaId: id,
        title: idea.title,
        sector: "helseVelferd",
        owner: { number: "5001", name: "Trondheim" },
        municipality: { number: "0301", name: "Oslo" },
        invitedByName: "Demo leder 5001",
        invitedAt: FIXED_NOW.toISOString(),
      },
    ]);

    await oslo.ideas.answerInvitation({ municipalityNumber: "0301", ideaId: id, answer: "accept" });
    expect(await oslo.ideas.invitations()).toEqual([]);
    expect((await oslo.ideas.list()).map((i) => i.id)).toContain(id);
    expect((await oslo.ideas.get({ id })).participants.map((p) => p.number)).toEqual(["0301"]);
    expect(listAudit(api.db, { action: "ideas.participantInvited", limit: 5 })).toHaveLength(1);
    expect(listAudit(api.db, { action: "ideas.invitationAccepted", limit: 5 })).toMatchObject([
      { actorEmail: "manager.0301@demo.example", entity: "idea", entityId: String(id) },
    ]);
  });

  it("lets Oslo decline, and leave an idea it accepted", async () => {
    const api = setupApi();
    const first = await invitingOslo(api);
    await first.oslo.ideas.answerInvitation({ municipalityNumber: "0301", ideaId: first.id, answer: "decline" });
    expect(await first.oslo.ideas.invitations()).toEqual([]);
    expect((await first.oslo.ideas.list()).map((i) => i.id)).not.toContain(first.id);
    expect((await first.trondheim.ideas.get({ id: first.id })).participation).toEqual([
      expect.objectContaining({ number: "0301", status: "declined", changedByName: "Demo leder 0301" }),
    ]);

    const { id } = await first.trondheim.ideas.submit({ municipalityNumber: "5001", idea });
    await first.oslo.ideas.answerInvitation({ municipalityNumber: "0301", ideaId: id, answer: "accept" });
    await first.oslo.ideas.leave({ municipalityNumber: "0301", ideaId: id });
    expect((await first.oslo.ideas.list()).map((i) => i.id)).not.toContain(id);
    expectAppError(await expectTrpcError(() => first.oslo.ideas.get({ id })), "NOT_FOUND");
    expectAppError(
      await expectTrpcError(() => first.oslo.ideas.answerInvitation({ municipalityNumber: "0301", ideaId: id, answer: "accept" })),
      "STATUS_CONFLICT",
    );
    expect(listAudit(api.db, { action: "ideas.invitationDeclined", limit: 5 })).toHaveLength(1);
    expect(listAudit(api.db, { action: "ideas.participantLeft", limit: 5 })).toHaveLength(1);
  });

  it("shows finance the invitation but lets only the manager answer it, and no other municipality answer for Oslo", async () => {
    const api = setupApi();
    const { id, trondheim } = await invitingOslo(api);
    const finance = api.as("finance.0301@demo.example");
    expect((await finance.ideas.invitations()).map((i) => i.ideaId)).toEqual([id]);
    expectAppError(
      await expectTrpcError(() => finance.ideas.answerInvitation({ municipalityNumber: "0301", ideaId: id, answer: "accept" })),
      "FORBIDDEN",
    );
    expectAppError(
      await expectTrpcError(() => trondheim.ideas.answerInvitation({ municipalityNumber: "0301", ideaId: id, answer: "accept" })),
      "FORBIDDEN",
    );
    expectAppError(
      await expectTrpcError(() =>
        api.as("manager.4601@demo.example").ideas.answerInvitation({ municipalityNumber: "4601", ideaId: id, answer: "accept" }),
      ),
      "NOT_FOUND",
    );
    expect((await api.as("manager.0301@demo.example").ideas.list()).map((i) => i.id)).not.toContain(id);
  });

  it("lets the submitter withdraw an invitation, and no one else", async () => {
    const api = setupApi();
    const { id, trondheim, oslo } = await invitingOslo(api);
    expectAppError(
      await expectTrpcError(() => oslo.ideas.removeParticipant({ municipalityNumber: "0301", ideaId: id, participant: "0301" })),
      "NOT_FOUND",
    );
    expectAppError(
      await expectTrpcError(() =>
        api.as("finance.5001@demo.example").ideas.removeParticipant({ municipalityNumber: "5001", ideaId: id, participant: "0301" }),
      ),
      "FORBIDDEN",
    );
    await trondheim.ideas.removeParticipant({ municipalityNumber: "5001", ideaId: id, participant: "0301" });
    expect(await oslo.ideas.invitations()).toEqual([]);
    expect(listAudit(api.db, { action: "ideas.invitationWithdrawn", limit: 5 })).toHaveLength(1);
  });

  it("makes a board's yes a project that only accepted participants are in; those still invited get the project's invitation", async () => {
    const api = setupApi();
    const trondheim = api.as("manager.5001@demo.example");
    const { id } = await trondheim.ideas.submit({ municipalityNumber: "5001", idea: { ...idea, participants: ["0301", "4601"] } });
    await api.as("manager.4601@demo.example").ideas.answerInvitation({ municipalityNumber: "4601", ideaId: id, answer: "accept" });
    const { projectId } = await approve(api, id);
    const project = await trondheim.benefits.project({ projectId: projectId ?? 0 });
    expect(project.project.participants.map((p) => p.number)).toEqual(["4601"]);
    expect(project.participation.map((p) => [p.number, p.status])).toEqual([
      ["0301", "invited"],
      ["4601", "accepted"],
    ]);
    const oslo = await api.as("manager.0301@demo.example").benefits.portfolio({ municipalityNumber: "0301" });
    expect(oslo.projects.map((p) => p.id)).not.toContain(projectId);
    expect(oslo.invitations.map((i) => i.projectId)).toEqual([projectId]);
  });
});
