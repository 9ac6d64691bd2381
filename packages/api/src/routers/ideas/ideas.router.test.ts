import { listAudit } from "@malestokk/db";
import { describe, expect, it } from "vitest";

import { expectAppError, expectTrpcError, setupApi } from "../../test-helpers";

const idea = {
  title: "Felles løsning for digitalt tilsyn",
  problem: "Hver kommune kjøper sitt eget system for digitalt tilsyn.",
  sector: "helseVelferd" as const,
  expectedBenefits: "Lavere lisenskostnader og felles opplæring.",
  roughCostNok: 2_500_000,
  participants: ["4601", "1103"],
};

describe("the project-idea pipeline (issue 9)", () => {
  it("goes from a municipality's idea through council, secretariat and board to a joint project that asks for a benefit plan", async () => {
    const api = setupApi();
    const { id } = await api.as("manager.0301@demo.example").ideas.submit({ municipalityNumber: "0301", idea });
    // Both named municipalities accept the invitation to take part.
    for (const number of ["4601", "1103"])
      await api.as(`manager.${number}@demo.example`).ideas.answerInvitation({ municipalityNumber: number, ideaId: id, answer: "accept" });
    // The health council prioritizes (council@demo.example sits in helseVelferd).
    await api
      .as("council@demo.example")
      .ideas.step({ id, expectedVersion: 1, step: { action: "prioritize", score: 5, comment: "Høy nytte for mange kommuner" } });
    await api
      .as("secretariat@demo.example")
      .ideas.step({ id, expectedVersion: 2, step: { action: "compile", recommendation: "yes", comment: "Anbefales" } });
    const decided = await api
      .as("board@demo.example")
      .ideas.step({ id, expectedVersion: 3, step: { action: "decide", decision: "yes", comment: "Vedtatt i møte 4/2026" } });
    expect(decided.status).toBe("approved");
    expect(decided.projectId).not.toBeNull();

    const seen = await api.as("manager.0301@demo.example").ideas.get({ id });
    expect(seen).toMatchObject({ status: "approved", priorityScore: 5, recommendation: "yes", projectId: decided.projectId });
    expect(seen.events.map((e) => [e.action, e.fromStatus, e.toStatus, e.userName, e.comment])).toEqual([
      ["submit", null, "submitted", "Demo leder 0301", null],
      ["prioritize", "submitted", "prioritized", "Demo KPR helse og velferd", "Høy nytte for mange kommuner"],
      ["compile", "prioritized", "compiled", "Demo sekretariatet", "Anbefales"],
      ["decide", "compiled", "approved", "Demo programstyret", "Vedtatt i møte 4/2026"],
    ]);
    const project = await api.as("manager.0301@demo.example").benefits.project({ projectId: decided.projectId ?? 0 });
    expect(project.project).toMatchObject({ name: idea.title, phase: "concept", sector: "helseVelferd" });
    expect(project.project.participants.map((p) => p.number)).toEqual(["1103", "4601"]);
    expect(project.fromIdea).toEqual({ id, title: idea.title });
    expect(project.versions).toEqual([]);
    expect(listAudit(api.db, { action: "ideas.decide", limit: 5 })).toHaveLength(1);
  });

  it("refuses a step out of order or by the wrong role, with a clear error, and changes nothing", async () => {
    const api = setupApi();
    const { id } = await api.as("manager.0301@demo.example").ideas.submit({ municipalityNumber: "0301", idea });
    const early = expectAppError(
      await expectTrpcError(() =>
        api
          .as("board@demo.example")
          .ideas.step({ id, expectedVersion: 1, step: { action: "decide", decision: "yes", comment: "For tidlig" } }),
      ),
      "STATUS_CONFLICT",
    );
    expect(early.params).toEqual({ status: "submitted", action: "decide" });
    expectAppError(
      await expectTrpcError(() =>
        api
          .as("secretariat@demo.example")
          .ideas.step({ id, expectedVersion: 1, step: { action: "prioritize", score: 3, comment: "Ikke min" } }),
      ),
      "FORBIDDEN",
    );
    expectAppError(
      await expectTrpcError(() =>
        api.as("manager.5001@demo.example").ideas.step({ id, expectedVersion: 1, step: { action: "withdraw", comment: "Ikke min" } }),
      ),
      "FORBIDDEN",
    );
    await api.as("council@demo.example").ideas.step({ id, expectedVersion: 1, step: { action: "prioritize", score: 4, comment: "Bra" } });
    expectAppError(
      await expectTrpcError(() =>
        api
          .as("council@demo.example")
          .ideas.step({ id, expectedVersion: 1, step: { action: "prioritize", score: 1, comment: "Utdatert" } }),
      ),
      "VERSION_CONFLICT",
    );
    const after = await api.as("admin@demo.example").ideas.get({ id });
    expect(after).toMatchObject({ status: "prioritized", priorityScore: 4, version: 2 });
    expect(after.events).toHaveLength(2);
  });

  it("shows a municipality its own ideas and those it takes part in, and the sector bodies all", async () => {
    const api = setupApi();
    const { id } = await api.as("manager.0301@demo.example").ideas.submit({ municipalityNumber: "0301", idea });
    await api.as("manager.4601@demo.example").ideas.answerInvitation({ municipalityNumber: "4601", ideaId: id, answer: "accept" });
    expect((await api.as("finance.4601@demo.example").ideas.list()).map((i) => i.id)).toContain(id);
    expect((await api.as("manager.5001@demo.example").ideas.list()).map((i) => i.id)).not.toContain(id);
    expectAppError(await expectTrpcError(() => api.as("manager.5001@demo.example").ideas.get({ id })), "NOT_FOUND");
    const forCouncil = (await api.as("council@demo.example").ideas.list()).find((i) => i.id === id);
    expect(forCouncil?.actions).toEqual(["prioritize"]);
    expect((await api.as("board@demo.example").ideas.list()).find((i) => i.id === id)?.actions).toEqual([]);
    expectAppError(
      await expectTrpcError(() => api.as("finance.0301@demo.example").ideas.submit({ municipalityNumber: "0301", idea })),
      "FORBIDDEN",
    );
    const unknown = expectAppError(
      await expectTrpcError(() =>
        api.as("manager.0301@demo.example").ideas.submit({ municipalityNumber: "0301", idea: { ...idea, participants: ["9999"] } }),
      ),
      "VALIDATION_FAILED",
    );
    expect(unknown.issues).toEqual([{ path: ["participants", 0], code: "UNKNOWN_MUNICIPALITY", params: { number: "9999" } }]);
  });

  it("takes a common (felles/tverrgående) idea, which any sector council may prioritize and no other role", async () => {
    const api = setupApi();
    const { id } = await api
      .as("manager.0301@demo.example")
      .ideas.submit({ municipalityNumber: "0301", idea: { ...idea, sector: "common", participants: [] } });
    expect((await api.as("council@demo.example").ideas.list()).find((i) => i.id === id)).toMatchObject({
      sector: "common",
      actions: ["prioritize"],
    });
    expectAppError(
      await expectTrpcError(() =>
        api
          .as("secretariat@demo.example")
          .ideas.step({ id, expectedVersion: 1, step: { action: "prioritize", score: 3, comment: "Ikke min" } }),
      ),
      "FORBIDDEN",
    );
    // council@demo.example sits in helseVelferd; a common idea is every council's.
    const prioritized = await api
      .as("council@demo.example")
      .ideas.step({ id, expectedVersion: 1, step: { action: "prioritize", score: 4, comment: "Nyttig for alle" } });
    expect(prioritized.status).toBe("prioritized");
    await api
      .as("secretariat@demo.example")
      .ideas.step({ id, expectedVersion: 2, step: { action: "compile", recommendation: "yes", comment: "Anbefales" } });
    const decided = await api
      .as("board@demo.example")
      .ideas.step({ id, expectedVersion: 3, step: { action: "decide", decision: "yes", comment: "Ja" } });
    const project = await api.as("manager.0301@demo.example").benefits.project({ projectId: decided.projectId ?? 0 });
    expect(project.project.sector).toBe("common");
  });
});
