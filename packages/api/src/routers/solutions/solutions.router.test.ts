import { getMunicipalityByNumber, listApprovedValuesOf, listAudit } from "@malestokk/db";
import type { LocalPlanInput, TemplateBenefit } from "@malestokk/domain";
import { describe, expect, it } from "vitest";

import { expectAppError, expectTrpcError, setupApi } from "../../test-helpers";

// Issue 26: a joint solution's template, adoption by a municipality's own manager, local plans and the roll-up.

const porto: TemplateBenefit = {
  key: "porto",
  title: "Spart porto",
  description: null,
  type: "efficiency",
  valuation: "budgetOwn",
  cash: true,
  valueMethod: "volume",
  indicator: { name: "Digitale forsendelser", unit: "forsendelser", direction: "higher", method: null, frequency: "yearly" },
  linkedIndicatorCode: "S3",
  suggestedTargets: [{ afterYears: 2, value: 1_000_000 }],
  annualValueNok: null,
  unitValues: [
    { fromYear: 2015, valueNok: 9.5, date: "2015-01-01", source: "Porto 2015 − SvarUt-pris" },
    { fromYear: 2024, valueNok: 12, date: "2024-01-01", source: "Porto 2024 − SvarUt-pris" },
  ],
};

const quicker: TemplateBenefit = {
  ...porto,
  key: "raskere",
  title: "Raskere saksbehandling",
  type: "quality",
  valuation: "unpriced",
  cash: false,
  valueMethod: "share",
  linkedIndicatorCode: null,
  indicator: { ...porto.indicator, name: "Dager", unit: "dager", direction: "lower" },
  suggestedTargets: [{ afterYears: 1, value: 5 }],
  unitValues: [],
};

/** Trondheim's manager owns a joint project Bergen takes part in; the secretariat publishes its template. */
async function published(api: ReturnType<typeof setupApi>) {
  const trondheim = api.as("manager.5001@demo.example");
  const { id: projectId } = await trondheim.benefits.createProject({
    municipalityNumber: "5001",
    project: { name: "SvarUt felles", description: null, sector: "common", phase: "realization", participants: ["4601"] },
  });
  const bergen = api.as("manager.4601@demo.example");
  await bergen.benefits.answerInvitation({ municipalityNumber: "4601", projectId, answer: "accept" });
  const secretariat = api.as("secretariat@demo.example");
  const { version } = await secretariat.solutions.saveTemplate({ projectId, expectedVersion: null, template: { benefits: [porto] } });
  await secretariat.solutions.publishTemplate({ projectId, expectedVersion: version, comment: "Første versjon" });
  return { projectId, trondheim, bergen, secretariat };
}

function planOf(inUseFrom: string, ownerName = "Dokumentsenteret"): LocalPlanInput {
  return {
    inUseFrom,
    benefits: [
      {
        key: "porto",
        ownerName,
        ownerUserId: null,
        baseline: { value: 1, date: "2020-01-01" },
        targets: [{ value: 999_999, date: "2027-12-31" }],
      },
    ],
  };
}

function actions(api: ReturnType<typeof setupApi>) {
  return listAudit(api.db, { limit: 200 })
    .filter((e) => e.action.startsWith("benefits.") && /template|solution|localPlan/i.test(e.action))
    .map((e) => ({ action: e.action, organisation: e.organisationId, actor: e.actorEmail }))
    .reverse();
}

describe("the template of a joint project (issue 26)", () => {
  it("is kept by the secretariat or the owner's keepers, published as numbered versions, and refused to a participant", async () => {
    const api = setupApi();
    const { projectId, trondheim, bergen } = await published(api);
    const t = await trondheim.solutions.template({ projectId });
    expect(t.versions.map((v) => v.number)).toEqual([1]);
    expect(t.versions[0]?.benefits[0]?.unitValues).toHaveLength(2);
    expect(t.canEdit).toBe(true);
    expect((await bergen.solutions.template({ projectId })).canEdit).toBe(false);
    expectAppError(
      await expectTrpcError(() => bergen.solutions.saveTemplate({ projectId, expectedVersion: 1, template: { benefits: [] } })),
      "FORBIDDEN",
    );
    // A stale draft version changes nothing.
    expectAppError(
      await expectTrpcError(() => trondheim.solutions.publishTemplate({ projectId, expectedVersion: 7, comment: null })),
      "VERSION_CONFLICT",
    );
  });

  it("refuses a volume benefit without unit values, with the field named", async () => {
    const api = setupApi();
    const { projectId, secretariat } = await published(api);
    const error = expectAppError(
      await expectTrpcError(() =>
        secretariat.solutions.saveTemplate({ projectId, expectedVersion: 1, template: { benefits: [{ ...porto, unitValues: [] }] } }),
      ),
      "VALIDATION_FAILED",
    );
    expect(error.issues).toEqual([{ path: ["benefits", 0, "unitValues"], code: "VALUE_REQUIRED", params: {} }]);
  });
});

describe("adoption (ta i bruk) and the local plan (issue 26)", () => {
  it("is the municipality's own manager's step: not its finance, not the secretariat, not the project's owner on its behalf", async () => {
    const api = setupApi();
    const { projectId, trondheim, secretariat } = await published(api);
    const input = { municipalityNumber: "4601", projectId, plan: planOf("2025-01-01") };
    for (const caller of [trondheim, secretariat, api.as("finance.4601@demo.example"), api.as("board@demo.example")]) {
      expectAppError(await expectTrpcError(() => caller.solutions.adopt(input)), "FORBIDDEN");
    }
    await api.as("manager.4601@demo.example").solutions.adopt(input);
    expectAppError(await expectTrpcError(() => api.as("manager.4601@demo.example").solutions.adopt(input)), "STATUS_CONFLICT");
  });

  it("takes a linked benefit's baseline from the municipality's own approved figures, the volume before it took the solution into use", async () => {
    const api = setupApi();
    const { projectId, bergen } = await published(api);
    const draft = await bergen.solutions.adoptionDraft({ municipalityNumber: "4601", projectId });
    const bergenId = getMunicipalityByNumber(api.db, "4601")?.id ?? 0;
    const figures = listApprovedValuesOf(api.db, "S3", bergenId);
    const before2025 = figures.filter((f) => f.year < 2025).at(-1);
    expect(before2025).toBeDefined();
    await bergen.solutions.adopt({ municipalityNumber: "4601", projectId, plan: planOf("2025-01-01") });
    const { plan } = await bergen.solutions.localPlan({ municipalityNumber: "4601", projectId });
    expect(plan.benefits[0]?.baseline).toEqual({ value: before2025?.numerator, date: `${before2025?.year}-12-31` });
    expect(draft.plan.benefits[0]?.baselineFromFigures).toBe(true);
    expect(draft.plan.benefits[0]?.targets).toEqual([{ value: 1_000_000, date: "2028-12-31" }]);
  });

  it("any municipality may adopt later, not only a participant, and then reads the project and its roll-up", async () => {
    const api = setupApi();
    const { projectId } = await published(api);
    const oslo = api.as("manager.0301@demo.example");
    expectAppError(await expectTrpcError(() => oslo.solutions.rollUp({ projectId })), "FORBIDDEN");
    const list = await oslo.solutions.list({ municipalityNumber: "0301" });
    expect(list.find((s) => s.projectId === projectId)).toMatchObject({ latestVersion: 1, localPlan: null });
    await oslo.solutions.adopt({ municipalityNumber: "0301", projectId, plan: planOf("2025-06-01") });
    expect((await oslo.solutions.rollUp({ projectId })).adopters.map((a) => a.number)).toEqual(["0301"]);
    expect((await oslo.benefits.project({ projectId })).project.id).toBe(projectId);
  });

  it("keeps a municipality's unapproved local plan its own: the board sees it adopted, without figures, until the manager approves", async () => {
    const api = setupApi();
    const { projectId, bergen } = await published(api);
    const { version } = await bergen.solutions.adopt({ municipalityNumber: "4601", projectId, plan: planOf("2020-01-01", "Utkastmerke") });
    const board = api.as("board@demo.example");

    const before = await board.solutions.rollUp({ projectId });
    expect(before.adopters).toMatchObject([{ number: "4601", status: "adopted", figuresShown: false, realizedNok: 0 }]);
    expect(before.years).toEqual([]);
    expect(JSON.stringify(await board.solutions.localPlan({ municipalityNumber: "4601", projectId }))).not.toContain("Utkastmerke");
    expect(JSON.stringify(before)).not.toContain("Utkastmerke");
    const own = await bergen.solutions.rollUp({ projectId });
    expect(own.adopters[0]?.figuresShown).toBe(true);
    expect(own.adopters[0]?.realizedNok).toBeGreaterThan(0);

    await bergen.solutions.approveLocalPlan({ municipalityNumber: "4601", projectId, expectedVersion: version });
    const after = await board.solutions.rollUp({ projectId });
    expect(after.adopters[0]).toMatchObject({ status: "approved", figuresShown: true });
    expect(after.adopters[0]?.realizedNok).toBe(own.adopters[0]?.realizedNok);
    // Realized = the approved digital shipments of each year × the unit value of that year, and only years up to today.
    const bergenId = getMunicipalityByNumber(api.db, "4601")?.id ?? 0;
    const figures = listApprovedValuesOf(api.db, "S3", bergenId).filter((f) => f.year >= 2020 && f.year <= 2026);
    const expected = figures.reduce((a, f) => a + Math.round(f.numerator * (f.year >= 2024 ? 12 : 9.5)), 0);
    expect(after.adopters[0]?.realizedNok).toBe(expected);
    const cash = after.years.reduce((a, y) => a + y.cash.realizedNok, 0);
    expect(cash).toBe(expected);
    expect(after.notAdopted.map((m) => m.number)).toEqual(["5001"]);
    // The board's portfolio and meeting pack read the same sums.
    const sector = (await board.solutions.sector()).find((x) => x.projectId === projectId);
    expect(sector).toMatchObject({ adopters: 1, approved: 1, years: after.years });
  });

  it("shows the measured value once an approved S3 figure arrives, and keeps the last approved one while the report is corrected", async () => {
    const api = setupApi();
    const { projectId, bergen } = await published(api);
    await bergen.solutions.adopt({ municipalityNumber: "4601", projectId, plan: planOf("2025-01-01") });
    const realized2025 = async () =>
      (await bergen.solutions.localPlan({ municipalityNumber: "4601", projectId })).plan.benefits[0]?.years.find((y) => y.year === 2025)
        ?.realized ?? null;
    const before = await realized2025();
    expect(before).not.toBeNull();

    const admin = api.as("admin@demo.example");
    const key = { municipalityNumber: "4601", year: 2025, instrument: "scope" as const };
    const view = await admin.quality.report(key);
    if (!view.report || view.content?.instrument !== "scope") throw new Error("Bergen's demo scope report of 2025");
    const { version: returned } = await admin.quality.return({
      ...key,
      expectedVersion: view.report.version,
      comment: "Nye tall fra SvarUt",
    });
    const { version: saved } = await bergen.quality.save({
      municipalityNumber: "4601",
      year: 2025,
      expectedVersion: returned,
      body: { instrument: "scope", content: { ...view.content.content, mail: [{ shipmentType: "", digital: 300_000, paper: 1_000 }] } },
    });
    expect(await realized2025()).toEqual(before);
    const { version: submitted } = await bergen.quality.submit({ ...key, expectedVersion: saved });
    await admin.quality.approve({ ...key, expectedVersion: submitted });
    expect(await realized2025()).toMatchObject({ value: 300_000, valueNok: 3_600_000, unitValue: { valueNok: 12 } });
  });

  it("stays on its template version until the manager accepts a newer one, and each step is in the log under the municipality", async () => {
    const api = setupApi();
    const { projectId, bergen, secretariat } = await published(api);
    const { version } = await bergen.solutions.adopt({ municipalityNumber: "4601", projectId, plan: planOf("2025-01-01") });
    await bergen.solutions.approveLocalPlan({ municipalityNumber: "4601", projectId, expectedVersion: version });
    const draft = await secretariat.solutions.template({ projectId });
    const saved = await secretariat.solutions.saveTemplate({
      projectId,
      expectedVersion: draft.draft.version,
      template: { benefits: [{ ...porto, title: "Spart porto og papir" }, quicker] },
    });
    await secretariat.solutions.publishTemplate({ projectId, expectedVersion: saved.version, comment: null });

    const stayed = await bergen.solutions.localPlan({ municipalityNumber: "4601", projectId });
    expect(stayed.plan).toMatchObject({ templateVersion: 1, latestTemplateVersion: 2, newerAvailable: true, status: "approved" });
    expect(stayed.plan.benefits.map((b) => b.title)).toEqual(["Spart porto"]);

    expectAppError(
      await expectTrpcError(() =>
        api
          .as("finance.4601@demo.example")
          .solutions.acceptTemplateVersion({ municipalityNumber: "4601", projectId, expectedVersion: 2, number: 2 }),
      ),
      "FORBIDDEN",
    );
    await bergen.solutions.acceptTemplateVersion({ municipalityNumber: "4601", projectId, expectedVersion: 2, number: 2 });
    const moved = await bergen.solutions.localPlan({ municipalityNumber: "4601", projectId });
    expect(moved.plan).toMatchObject({ templateVersion: 2, newerAvailable: false, status: "changedSinceApproval" });
    expect(moved.plan.benefits.map((b) => [b.title, b.ownerName])).toEqual([
      ["Spart porto og papir", "Dokumentsenteret"],
      ["Raskere saksbehandling", "Dokumentsenteret"],
    ]);
    // The board still reads the approved plan, on version 1.
    const board = await api.as("board@demo.example").solutions.localPlan({ municipalityNumber: "4601", projectId });
    expect(board.plan).toMatchObject({ templateVersion: 1, showsWorkingPlan: false });

    const bergenId = getMunicipalityByNumber(api.db, "4601")?.id;
    const trondheimId = getMunicipalityByNumber(api.db, "5001")?.id;
    expect(actions(api)).toEqual([
      { action: "benefits.templateSaved", organisation: trondheimId, actor: "secretariat@demo.example" },
      { action: "benefits.templatePublished", organisation: trondheimId, actor: "secretariat@demo.example" },
      { action: "benefits.solutionAdopted", organisation: bergenId, actor: "manager.4601@demo.example" },
      { action: "benefits.localPlanApproved", organisation: bergenId, actor: "manager.4601@demo.example" },
      { action: "benefits.templateSaved", organisation: trondheimId, actor: "secretariat@demo.example" },
      { action: "benefits.templatePublished", organisation: trondheimId, actor: "secretariat@demo.example" },
      { action: "benefits.templateVersionAccepted", organisation: bergenId, actor: "manager.4601@demo.example" },
    ]);
  });
});
