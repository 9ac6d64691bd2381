import { getCostReport, getMunicipalityByNumber, setCostReportStatus } from "@malestokk/db";
import { describe, expect, it } from "vitest";

import { setupApi } from "../../test-helpers";

// FIXED_NOW in the helpers is 2026-03-01; every demo year is open.
const project = {
  name: "Felles arkivplan",
  description: null,
  sector: "common" as const,
  phase: "planning" as const,
  participants: ["0301"],
};

const kinds = (result: { organisations: readonly { items: readonly { kind: string }[] }[] }) =>
  result.organisations.flatMap((o) => o.items.map((i) => i.kind));

describe("what awaits a municipal user on «Min kommune» (issue 20, point 11)", () => {
  it("lists a returned cost report with its comment for finance, and not for the manager, who cannot correct it", async () => {
    const api = setupApi();
    await api
      .as("manager.1103@demo.example")
      .costs.return({ municipalityNumber: "1103", year: 2024, expectedVersion: 1, comment: "Lisensene mangler" });
    const finance = await api.as("finance.1103@demo.example").home.awaiting();
    expect(finance.organisations).toEqual([expect.objectContaining({ number: "1103", name: "Stavanger", kind: "municipality" })]);
    expect(finance.organisations[0]?.items).toContainEqual({
      kind: "reportReturned",
      report: "costs",
      year: 2024,
      comment: "Lisensene mangler",
    });
    expect(kinds(await api.as("manager.1103@demo.example").home.awaiting())).not.toContain("reportReturned");
  });

  it("lists a submitted report for the manager to approve, and not for finance", async () => {
    const api = setupApi();
    const stavanger = getMunicipalityByNumber(api.db, "1103")?.id ?? 0;
    const version = getCostReport(api.db, stavanger, 2024)?.version ?? 0;
    setCostReportStatus(api.db, {
      reportId: getCostReport(api.db, stavanger, 2024)?.id ?? 0,
      expectedVersion: version,
      status: "submitted",
      now: "2026-02-01T10:00:00.000Z",
      by: "finance.1103@demo.example",
    });
    const manager = await api.as("manager.1103@demo.example").home.awaiting();
    expect(manager.organisations[0]?.items).toContainEqual({ kind: "reportToApprove", report: "costs", year: 2024 });
    expect(kinds(await api.as("finance.1103@demo.example").home.awaiting())).not.toContain("reportToApprove");
  });

  it("lists an invitation to a joint project for the invited manager, then the project's missing benefit plan once accepted", async () => {
    const api = setupApi();
    const { id: projectId } = await api.as("manager.5001@demo.example").benefits.createProject({ municipalityNumber: "5001", project });
    const invited = await api.as("manager.0301@demo.example").home.awaiting();
    expect(invited.organisations[0]?.items).toContainEqual({
      kind: "projectInvitation",
      projectId,
      name: "Felles arkivplan",
      ownerName: "Trondheim",
    });
    // Once 0301 takes part, the joint project waits for a benefit plan: for the owner and for every participant.
    await api.as("manager.0301@demo.example").benefits.answerInvitation({ municipalityNumber: "0301", projectId, answer: "accept" });
    for (const email of ["manager.0301@demo.example", "finance.0301@demo.example", "manager.5001@demo.example"]) {
      const items = (await api.as(email).home.awaiting()).organisations[0]?.items ?? [];
      expect(items).toContainEqual({ kind: "planMissing", projectId, name: "Felles arkivplan" });
      expect(items).not.toContainEqual(expect.objectContaining({ kind: "projectInvitation", projectId }));
    }
  });

  it("lists the benefits whose measurement is overdue, with the project and the date it was due", async () => {
    const api = setupApi();
    const items = (await api.as("finance.0301@demo.example").home.awaiting()).organisations[0]?.items ?? [];
    const overdue = items.filter((i) => i.kind === "measurementOverdue");
    expect(overdue.length).toBeGreaterThan(0);
    const first = overdue[0];
    expect(first?.kind === "measurementOverdue" && first.title).toMatch(/Færre unødvendige hjemmebesøk/);
    for (const item of overdue)
      if (item.kind === "measurementOverdue") expect(item.nextDue < "2026-03-01" && item.projectId > 0).toBe(true);
  });

  it("lists an invitation to an idea for the invited manager", async () => {
    const api = setupApi();
    const idea = {
      title: "Felles chatbot",
      problem: "Mange like spørsmål",
      sector: "common" as const,
      expectedBenefits: "Frigjort tid",
      roughCostNok: 1_000_000,
      participants: ["0301"],
    };
    const { id: ideaId } = await api.as("manager.5001@demo.example").ideas.submit({ municipalityNumber: "5001", idea });
    const items = (await api.as("manager.0301@demo.example").home.awaiting()).organisations[0]?.items ?? [];
    expect(items).toContainEqual({ kind: "ideaInvitation", ideaId, name: "Felles chatbot", ownerName: "Trondheim" });
  });

  it("never shows another municipality's items, and gives users without an organisation no list", async () => {
    const api = setupApi();
    await api
      .as("manager.1103@demo.example")
      .costs.return({ municipalityNumber: "1103", year: 2024, expectedVersion: 1, comment: "Lisensene mangler" });
    await api.as("manager.5001@demo.example").benefits.createProject({ municipalityNumber: "5001", project });
    for (const email of ["finance.0301@demo.example", "manager.4601@demo.example", "finance.5001@demo.example"]) {
      const result = await api.as(email).home.awaiting();
      expect(result.organisations.map((o) => o.number)).toEqual([email.match(/\d{4}/)?.[0]]);
      expect(kinds(result)).not.toContain("reportReturned");
    }
    expect(kinds(await api.as("manager.4601@demo.example").home.awaiting())).not.toContain("projectInvitation");
    for (const email of ["admin@demo.example", "board@demo.example", "secretariat@demo.example", "council@demo.example"])
      expect((await api.as(email).home.awaiting()).organisations).toEqual([]);
  });
});
