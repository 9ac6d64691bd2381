import { getCostReport, getMunicipalityByNumber, listAudit, listCostLines } from "@malestokk/db";
import type { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { ZodError } from "zod";

import { emptyReportInput, expectTrpcError, saveDraftTotal, setupApi } from "./test-helpers";

function inputIssue(error: TRPCError) {
  expect(error.cause).toBeInstanceOf(ZodError);
  return (error.cause as ZodError).issues[0];
}

/**
 * Names and titles are stored clean wherever they are typed: no controls (NUL), no bidi overrides
 * or isolates, no zero-width characters or soft hyphens, one space between words, composed (NFC).
 * Free text keeps its line breaks.
 */
const hide = (name: string) => `\u202e ${name.replace(" ", " \u200b\t ")}\u0000\u00ad\u2069 `;

describe("names and titles as stored", () => {
  it("are cleaned in every form that stores one", async () => {
    const api = setupApi();
    const admin = api.as("admin@demo.example");
    const manager = api.as("manager.0301@demo.example");

    const peerSet = await api
      .as("finance.0301@demo.example")
      .peers.saveSet({ name: hide("Store byer"), memberNumbers: ["0301", "4601"], shareWithMunicipality: null });
    expect(peerSet.name).toBe("Store byer");

    const cooperative = await admin.register.saveCooperative({
      organisationNumber: "912345688",
      name: hide("Digitale Vestland"),
      memberNumbers: ["4601", "4602"],
    });
    expect(cooperative.name).toBe("Digitale Vestland");

    await admin.admin.createUser({
      email: "kari@bergen.kommune.no",
      name: hide("Kari Nordmann"),
      role: "finance",
      municipalityNumber: "4601",
    });
    expect((await admin.admin.users()).find((u) => u.email === "kari@bergen.kommune.no")?.name).toBe("Kari Nordmann");

    await admin.admin.saveIdentityProvider({
      slug: "bergen",
      name: hide("Bergen kommune"),
      issuer: "https://idp.example",
      clientId: "malestokk",
    });
    expect((await admin.admin.identityProviders()).providers.find((p) => p.slug === "bergen")?.name).toBe("Bergen kommune");

    const project = await manager.benefits.createProject({
      municipalityNumber: "0301",
      project: { name: hide("Ny sak arkiv"), description: null, sector: "common", phase: "concept", participants: [] },
    });
    expect((await manager.benefits.project({ projectId: project.id })).project.name).toBe("Ny sak arkiv");

    const idea = await manager.ideas.submit({
      municipalityNumber: "0301",
      idea: {
        title: hide("Felles chatbot"),
        problem: "Mange like spørsmål",
        sector: "helseVelferd",
        expectedBenefits: "Færre telefoner",
        roughCostNok: 1000,
        participants: [],
      },
    });
    expect((await manager.ideas.get({ id: idea.id })).title).toBe("Felles chatbot");

    const names = api.sqlite
      .prepare(
        "select name from organisations where number = '912345688' union all select name from users where email = 'kari@bergen.kommune.no'",
      )
      .all();
    expect(names).toEqual([{ name: "Digitale Vestland" }, { name: "Kari Nordmann" }]);
  });

  it("refuse a name that is nothing but invisible characters and spaces, as empty", async () => {
    const api = setupApi();
    const refusal = await expectTrpcError(() =>
      api
        .as("finance.0301@demo.example")
        .peers.saveSet({ name: "\u200b\u202e\u00a0\u0000", memberNumbers: ["0301"], shareWithMunicipality: null }),
    );
    expect(inputIssue(refusal)).toMatchObject({ path: ["name"], code: "too_small", minimum: 1 });
  });
});

describe("free text as stored", () => {
  it("keeps its line breaks but loses controls, bidi overrides and invisible characters", async () => {
    const api = setupApi();
    const admin = api.as("admin@demo.example");
    await admin.years.close({ year: 2016 });
    await admin.years.reopen({ year: 2016, reason: "Feil i lisensene\r\n\r\nSe\u202e vedlegg\u0000 2\u200b\t" });
    expect(JSON.parse(listAudit(api.db, { action: "years.reopened", limit: 1 })[0]?.details ?? "{}")).toMatchObject({
      reason: "Feil i lisensene\n\nSe vedlegg 2",
    });
  });

  it("is cleaned in a cost report: line comments typed or imported, reasons, explanations and a return comment", async () => {
    const api = setupApi();
    const saved = await saveDraftTotal(api, "0301", 2024, 1_000_000);
    const finance = api.as("finance.0301@demo.example");
    const dirty = "Lisenser\u202e for\u0000\r\nskolene\u200b ";
    const { version } = await finance.costs.save({
      ...emptyReportInput("0301", 2024, saved.version),
      lines: [{ service: "operations", costType: "ownStaff", systemId: null, amount: 1_000_000, comment: dirty }],
      populationOverride: { value: 700_000, reason: `Telling\u2066 per 1.1.${"\u200b".repeat(3)}` },
      warningComments: { "K1.peer": dirty },
    });
    const oslo = getMunicipalityByNumber(api.db, "0301")?.id ?? 0;
    const report = getCostReport(api.db, oslo, 2024);
    expect(listCostLines(api.db, report?.id ?? 0).map((l) => l.comment)).toEqual(["Lisenser for\nskolene"]);
    expect(report?.populationOverrideReason).toBe("Telling per 1.1.");
    expect(JSON.parse(report?.warningComments ?? "{}")).toEqual({ "K1.peer": "Lisenser for\nskolene" });

    const file = `IKT-tjeneste;Kostnadstype;Beløp (kr);Fagsystem;Kommentar\nDrift og forvaltning;Egne ansatte;1 000 000;;"Fra\u202e fil\u0007"\n`;
    await finance.costs.importFile({
      municipalityNumber: "0301",
      year: 2024,
      expectedVersion: version,
      fileName: "k.csv",
      contentBase64: Buffer.from(file).toString("base64"),
      dryRun: false,
    });
    expect(listCostLines(api.db, report?.id ?? 0).map((l) => l.comment)).toEqual(["Fra fil"]);

    const admin = api.as("admin@demo.example");
    const trondheim = await admin.costs.report({ municipalityNumber: "5001", year: 2024 });
    await admin.costs.return({ municipalityNumber: "5001", year: 2024, expectedVersion: trondheim.report?.version ?? 0, comment: dirty });
    expect(getCostReport(api.db, getMunicipalityByNumber(api.db, "5001")?.id ?? 0, 2024)?.returnComment).toBe("Lisenser for\nskolene");
  });

  it("is cleaned in an idea and a benefit plan's descriptions and comments", async () => {
    const api = setupApi();
    const manager = api.as("manager.0301@demo.example");
    const dirty = "Mindre\u202e papir\u0007\r\nog raskere\u200b svar ";
    const { id: ideaId } = await manager.ideas.submit({
      municipalityNumber: "0301",
      idea: { title: "Idé", problem: dirty, sector: "helseVelferd", expectedBenefits: dirty, roughCostNok: 1, participants: [] },
    });
    const idea = await manager.ideas.get({ id: ideaId });
    expect([idea.problem, idea.expectedBenefits]).toEqual(["Mindre papir\nog raskere svar", "Mindre papir\nog raskere svar"]);
    const { id: projectId } = await manager.benefits.createProject({
      municipalityNumber: "0301",
      project: { name: "Prosjekt", description: dirty, sector: "common", phase: "concept", participants: [] },
    });
    expect((await manager.benefits.project({ projectId })).project.description).toBe("Mindre papir\nog raskere svar");
  });

  it("still counts its length after cleaning, so invisible characters cannot pass for a reason", async () => {
    const admin = setupApi().as("admin@demo.example");
    await admin.years.close({ year: 2016 });
    const refusal = await expectTrpcError(() => admin.years.reopen({ year: 2016, reason: "ok\u200b\u200b\u200b" }));
    expect(inputIssue(refusal)).toMatchObject({ path: ["reason"], code: "too_small", minimum: 3 });
  });
});
