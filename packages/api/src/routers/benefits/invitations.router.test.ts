import { listAudit } from "@malestokk/db";
import type { BenefitInput } from "@malestokk/domain";
import { describe, expect, it } from "vitest";

import { expectAppError, expectTrpcError, FIXED_NOW, setupApi } from "../../test-helpers";

// Issue 17 finding 6: naming a municipality in a joint project invites it; nothing reaches its views until its manager accepts.
const HUGE = 99_000_000_000;

const benefit: BenefitInput = {
  title: "Gevinst som ikke er avtalt",
  description: null,
  ownerName: "Kari Nordmann",
  ownerUserId: null,
  type: "efficiency",
  valuation: "budgetOwn",
  annualValueNok: HUGE,
  cash: true,
  quantitative: true,
  disBenefit: false,
  indicator: { name: "Kostnad", unit: "kr", direction: "lower", method: null, frequency: "yearly" },
  linkedIndicatorCode: null,
  baseline: { value: 100, date: "2025-01-01" },
  targets: [{ value: 50, date: "2026-12-31" }],
  preconditionKeys: [],
  goalKeys: [],
};

const project = {
  name: "Felles sak/arkiv",
  description: null,
  sector: "common" as const,
  phase: "planning" as const,
  participants: ["0301"],
};

/** Trondheim's manager creates a joint project naming Oslo, with a 99 000 000 000 kr benefit (the test's reproduction). */
async function invitingOslo(api: ReturnType<typeof setupApi>) {
  const trondheim = api.as("manager.5001@demo.example");
  const { id: projectId } = await trondheim.benefits.createProject({ municipalityNumber: "5001", project });
  await trondheim.benefits.saveBenefit({ projectId, benefitId: null, expectedVersion: null, benefit });
  return { trondheim, projectId, oslo: api.as("manager.0301@demo.example") };
}

function actions(api: ReturnType<typeof setupApi>, prefix: string) {
  return listAudit(api.db, { limit: 100 })
    .filter((e) => e.action.startsWith(prefix))
    .map((e) => e.action)
    .reverse();
}

describe("joint projects by invitation (issue 17, finding 6)", () => {
  it("shows a project naming Oslo only as an invitation in Oslo until its manager accepts: not in the portfolio, its sums or the project page", async () => {
    const api = setupApi();
    const before = await api.as("manager.0301@demo.example").benefits.portfolio({ municipalityNumber: "0301" });
    const { projectId, oslo } = await invitingOslo(api);

    const invited = await oslo.benefits.portfolio({ municipalityNumber: "0301" });
    expect(invited.projects.map((p) => p.id)).not.toContain(projectId);
    expect(invited.totals).toEqual(before.totals);
    expect(JSON.stringify(invited)).not.toContain(String(HUGE));
    expect(invited.invitations).toEqual([
      {
        projectId,
        name: project.name,
        sector: "common",
        owner: { number: "5001", name: "Trondheim" },
        invitedByName: "Demo leder 5001",
        invitedAt: FIXED_NOW.toISOString(),
      },
    ]);
    expectAppError(await expectTrpcError(() => oslo.benefits.project({ projectId })), "FORBIDDEN");
    // At sign-in, where overdue measurements are listed, the invitation is named too.
    const followUp = await oslo.benefits.followUp();
    expect(followUp.invitations).toEqual([
      expect.objectContaining({
        projectId,
        name: project.name,
        municipality: { number: "0301", name: "Oslo" },
        owner: { number: "5001", name: "Trondheim" },
      }),
    ]);

    await oslo.benefits.answerInvitation({ municipalityNumber: "0301", projectId, answer: "accept" });
    const accepted = await oslo.benefits.portfolio({ municipalityNumber: "0301" });
    expect(accepted.invitations).toEqual([]);
    expect(accepted.projects.find((p) => p.id === projectId)).toMatchObject({ joint: true, owner: { number: "5001" } });
    expect(accepted.totals.cash.expectedNok).toBe(before.totals.cash.expectedNok + HUGE);
    expect((await oslo.benefits.project({ projectId })).project.participants.map((p) => p.number)).toEqual(["0301"]);
    expect(actions(api, "benefits.participant").concat(actions(api, "benefits.invitation"))).toEqual([
      "benefits.participantInvited",
      "benefits.invitationAccepted",
    ]);
    const [entry] = listAudit(api.db, { action: "benefits.invitationAccepted", limit: 1 });
    expect(entry).toMatchObject({ actorEmail: "manager.0301@demo.example", entity: "project", entityId: String(projectId) });
  });

  it("lets Oslo's manager decline: nothing shows, the owner sees the answer, and a declined invitation cannot be accepted later", async () => {
    const api = setupApi();
    const { trondheim, projectId, oslo } = await invitingOslo(api);
    await oslo.benefits.answerInvitation({ municipalityNumber: "0301", projectId, answer: "decline" });
    const portfolio = await oslo.benefits.portfolio({ municipalityNumber: "0301" });
    expect(portfolio.invitations).toEqual([]);
    expect(portfolio.projects.map((p) => p.id)).not.toContain(projectId);
    const late = expectAppError(
      await expectTrpcError(() => oslo.benefits.answerInvitation({ municipalityNumber: "0301", projectId, answer: "accept" })),
      "STATUS_CONFLICT",
    );
    expect(late.params).toEqual({ status: "declined", action: "accept" });
    const owner = await trondheim.benefits.project({ projectId });
    expect(owner.project.participants).toEqual([]);
    expect(owner.participation).toEqual([
      expect.objectContaining({ number: "0301", name: "Oslo", status: "declined", changedByName: "Demo leder 0301" }),
    ]);
    expect(listAudit(api.db, { action: "benefits.invitationDeclined", limit: 5 })).toHaveLength(1);
    // The owner may ask again; the new invitation is Oslo's to answer as before.
    await trondheim.benefits.invite({ projectId, participant: "0301" });
    expect((await oslo.benefits.portfolio({ municipalityNumber: "0301" })).invitations.map((i) => i.projectId)).toEqual([projectId]);
  });

  it("lets an accepted participant leave later: the project and its sums leave Oslo's portfolio", async () => {
    const api = setupApi();
    const { trondheim, projectId, oslo } = await invitingOslo(api);
    await oslo.benefits.answerInvitation({ municipalityNumber: "0301", projectId, answer: "accept" });
    await oslo.benefits.leaveProject({ municipalityNumber: "0301", projectId });
    const portfolio = await oslo.benefits.portfolio({ municipalityNumber: "0301" });
    expect(portfolio.projects.map((p) => p.id)).not.toContain(projectId);
    expect(JSON.stringify(portfolio)).not.toContain(String(HUGE));
    expectAppError(await expectTrpcError(() => oslo.benefits.project({ projectId })), "FORBIDDEN");
    expect((await trondheim.benefits.project({ projectId })).participation).toEqual([
      expect.objectContaining({ number: "0301", status: "left" }),
    ]);
    expect(listAudit(api.db, { action: "benefits.participantLeft", limit: 5 })).toHaveLength(1);
    expectAppError(await expectTrpcError(() => oslo.benefits.leaveProject({ municipalityNumber: "0301", projectId })), "STATUS_CONFLICT");
  });

  it("shows finance the invitation but lets only the manager answer it, and no other municipality answer for Oslo", async () => {
    const api = setupApi();
    const { projectId } = await invitingOslo(api);
    const finance = api.as("finance.0301@demo.example");
    expect((await finance.benefits.portfolio({ municipalityNumber: "0301" })).invitations.map((i) => i.projectId)).toEqual([projectId]);
    expectAppError(
      await expectTrpcError(() => finance.benefits.answerInvitation({ municipalityNumber: "0301", projectId, answer: "accept" })),
      "FORBIDDEN",
    );
    expectAppError(
      await expectTrpcError(() =>
        api.as("manager.5001@demo.example").benefits.answerInvitation({ municipalityNumber: "0301", projectId, answer: "accept" }),
      ),
      "FORBIDDEN",
    );
    // Bergen was not invited: its own manager cannot join by answering for itself either.
    expectAppError(
      await expectTrpcError(() =>
        api.as("manager.4601@demo.example").benefits.answerInvitation({ municipalityNumber: "4601", projectId, answer: "accept" }),
      ),
      "NOT_FOUND",
    );
    const portfolio = await api.as("manager.0301@demo.example").benefits.portfolio({ municipalityNumber: "0301" });
    expect(portfolio.projects.map((p) => p.id)).not.toContain(projectId);
    expect(portfolio.invitations.map((i) => i.projectId)).toEqual([projectId]);
    expect(listAudit(api.db, { action: "benefits.invitationAccepted", limit: 5 })).toHaveLength(0);
  });

  it("lets the owner withdraw an invitation and remove a participant, and no one else", async () => {
    const api = setupApi();
    const { trondheim, projectId, oslo } = await invitingOslo(api);
    await trondheim.benefits.invite({ projectId, participant: "4601" });
    await api.as("manager.4601@demo.example").benefits.answerInvitation({ municipalityNumber: "4601", projectId, answer: "accept" });
    expectAppError(
      await expectTrpcError(() => api.as("manager.4601@demo.example").benefits.removeParticipant({ projectId, participant: "0301" })),
      "FORBIDDEN",
    );
    expectAppError(await expectTrpcError(() => oslo.benefits.removeParticipant({ projectId, participant: "4601" })), "FORBIDDEN");

    await trondheim.benefits.removeParticipant({ projectId, participant: "0301" });
    expect((await oslo.benefits.portfolio({ municipalityNumber: "0301" })).invitations).toEqual([]);
    expectAppError(
      await expectTrpcError(() => oslo.benefits.answerInvitation({ municipalityNumber: "0301", projectId, answer: "accept" })),
      "NOT_FOUND",
    );
    await trondheim.benefits.removeParticipant({ projectId, participant: "4601" });
    expect(
      (await api.as("manager.4601@demo.example").benefits.portfolio({ municipalityNumber: "4601" })).projects.map((p) => p.id),
    ).not.toContain(projectId);
    expect((await trondheim.benefits.project({ projectId })).participation).toEqual([]);
    expect(actions(api, "benefits.invitationWithdrawn")).toHaveLength(1);
    expect(actions(api, "benefits.participantRemoved")).toHaveLength(1);
    const invalid = expectAppError(
      await expectTrpcError(() => trondheim.benefits.invite({ projectId, participant: "5001" })),
      "VALIDATION_FAILED",
    );
    expect(invalid.issues).toEqual([
      { path: ["participant"], code: "OWNER_NOT_PARTICIPANT", params: { number: "5001", name: "Trondheim" } },
    ]);
  });

  it("attributes nothing in the sector portfolio to a municipality that has not accepted", async () => {
    const api = setupApi();
    const { projectId, oslo } = await invitingOslo(api);
    const board = api.as("board@demo.example");
    const invited = await board.sector.portfolio();
    expect(invited.joint.map((j) => j.id)).not.toContain(projectId);
    await oslo.benefits.answerInvitation({ municipalityNumber: "0301", projectId, answer: "accept" });
    const accepted = await board.sector.portfolio();
    expect(accepted.joint.find((j) => j.id === projectId)?.participants).toEqual([{ number: "0301", name: "Oslo" }]);
    // Counted once, as the owner's project, whoever takes part.
    expect(accepted.totals).toEqual(invited.totals);
    expect(accepted.projects).toBe(invited.projects);
  });
});
