import { findUserByEmail, getMunicipalityByNumber, listProjectsOf } from "@malestokk/db";
import type { BenefitInput } from "@malestokk/domain";
import { describe, expect, it } from "vitest";

import { setupApi } from "../../test-helpers";

// Issue 17 finding 10: a joint project's participants (and any reader outside the owner) get names, never the owner's staff's e-mail addresses or user ids.

/** Every key path in a response whose name says it holds a user id or an e-mail address. */
function personalKeys(value: unknown, path = "$"): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => personalKeys(v, `${path}[${i}]`));
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([key, v]) => [
    ...(/user_?id|e-?mail/i.test(key) ? [`${path}.${key}`] : []),
    ...personalKeys(v, `${path}.${key}`),
  ]);
}

function expectNamesOnly(label: string, response: unknown) {
  const json = JSON.stringify(response);
  expect(json.match(/[^"\s]*@[^"\s]*/g) ?? [], `${label}: e-mail addresses`).toEqual([]);
  expect(personalKeys(response), `${label}: user id or e-mail fields`).toEqual([]);
}

describe("what a joint project's participants receive (issue 17, finding 10)", () => {
  it("sends names only in every project, plan, portfolio and follow-up response a participant or the board can get", async () => {
    const api = setupApi();
    const owner = api.as("manager.0301@demo.example");
    const oslo = getMunicipalityByNumber(api.db, "0301")?.id ?? 0;
    const projectId = listProjectsOf(api.db, oslo).find((p) => p.name === "Felles innbyggerportal")?.id ?? 0;
    const staff = findUserByEmail(api.db, "manager.0301@demo.example");
    // A benefit owned by a named member of Oslo's staff, measured by hand, and the plan approved.
    const benefit: BenefitInput = {
      title: "Færre telefoner til servicetorget",
      description: null,
      ownerName: "Demo leder 0301",
      ownerUserId: staff?.id ?? null,
      type: "efficiency",
      valuation: "freedCapacity",
      annualValueNok: 250_000,
      cash: false,
      quantitative: true,
      disBenefit: false,
      indicator: { name: "Telefoner per uke", unit: "stk", direction: "lower", method: null, frequency: "quarterly" },
      linkedIndicatorCode: null,
      baseline: { value: 400, date: "2025-01-01" },
      targets: [{ value: 300, date: "2026-12-31" }],
      preconditionKeys: [],
      goalKeys: [],
    };
    const { id: benefitId } = await owner.benefits.saveBenefit({ projectId, benefitId: null, expectedVersion: null, benefit });
    await owner.benefits.addMeasurement({
      projectId,
      benefitId,
      measurement: { value: 380, date: "2025-06-30", comment: "Første kvartal" },
    });
    const detail = await owner.benefits.project({ projectId });
    await owner.benefits.approvePlan({
      projectId,
      planHash: detail.planHash,
      approvedOn: "2026-02-01",
      comment: null,
    });
    // The owner's own editors still get what the benefit form needs: the owner's user id and the people to pick from.
    expect(detail.benefits.find((b) => b.id === benefitId)?.ownerUserId).toBe(staff?.id);
    expect(detail.people.length).toBeGreaterThan(0);

    for (const email of ["manager.4601@demo.example", "finance.4601@demo.example"]) {
      const participant = api.as(email);
      const responses: Record<string, unknown> = {
        "benefits.portfolio": await participant.benefits.portfolio({ municipalityNumber: "4601" }),
        "benefits.project": await participant.benefits.project({ projectId }),
        "benefits.planVersion": await participant.benefits.planVersion({ projectId, number: 1 }),
        "benefits.followUp": await participant.benefits.followUp(),
      };
      for (const [name, response] of Object.entries(responses)) expectNamesOnly(`${email} ${name}`, response);
    }
    // The programme board reads every plan; it is not the owner's staff either.
    const board = api.as("board@demo.example");
    expectNamesOnly("board benefits.project", await board.benefits.project({ projectId }));
    expectNamesOnly("board benefits.planVersion", await board.benefits.planVersion({ projectId, number: 1 }));
  });

  it("sends names only in the invitation, list and idea a participant of a joint idea gets", async () => {
    const api = setupApi();
    const { id: ideaId } = await api.as("manager.0301@demo.example").ideas.submit({
      municipalityNumber: "0301",
      idea: {
        title: "Felles skjemaløsning",
        problem: "Mange skjemaer.",
        sector: "helseVelferd",
        expectedBenefits: "Færre skjemaer.",
        roughCostNok: 100_000,
        participants: ["4601"],
      },
    });
    const manager = api.as("manager.4601@demo.example");
    expectNamesOnly("ideas.invitations", await manager.ideas.invitations());
    await manager.ideas.answerInvitation({ municipalityNumber: "4601", ideaId, answer: "accept" });
    for (const email of ["manager.4601@demo.example", "finance.4601@demo.example", "council@demo.example"]) {
      const reader = api.as(email);
      expectNamesOnly(`${email} ideas.list`, await reader.ideas.list());
      expectNamesOnly(`${email} ideas.get`, await reader.ideas.get({ id: ideaId }));
    }
  });
});
