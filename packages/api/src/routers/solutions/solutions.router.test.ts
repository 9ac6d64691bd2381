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

/** A benefit no indicator measures: fewer reminders sent by hand, a share of 60 000 kr a year. */
const reminders: TemplateBenefit = {
  ...quicker,
  key: "purringer",
  title: "Færre purringer",
  valuation: "freedCapacity",
  annualValueNok: 60_000,
  indicator: { ...quicker.indicator, name: "Purringer per år", unit: "purringer" },
};

/** Bergen adopts version 2 (porto by S3, reminders typed by hand) from 2025 on: 400 reminders at the end of 2024, 100 planned by 2027. */
async function adoptedWithReminders(api: ReturnType<typeof setupApi>) {
  const setup = await published(api);
  const { projectId, secretariat, bergen } = setup;
  const draft = await secretariat.solutions.template({ projectId });
  const saved = await secretariat.solutions.saveTemplate({
    projectId,
    expectedVersion: draft.draft.version,
    template: { benefits: [porto, reminders] },
  });
  await secretariat.solutions.publishTemplate({ projectId, expectedVersion: saved.version, comment: "Purringer" });
  const plan = planOf("2025-01-01");
  const { version } = await bergen.solutions.adopt({
    municipalityNumber: "4601",
    projectId,
    plan: {
      ...plan,
      benefits: [
        ...plan.benefits,
        {
          key: "purringer",
          ownerName: "Dokumentsenteret",
          ownerUserId: null,
          baseline: { value: 400, date: "2024-12-31" },
          targets: [{ value: 100, date: "2027-12-31" }],
        },
      ],
    },
  });
  const year = async (caller: typeof bergen, y: number) => {
    const { plan: view } = await caller.solutions.localPlan({ municipalityNumber: "4601", projectId });
    return view.benefits.find((b) => b.key === "purringer")?.years.find((x) => x.year === y) ?? null;
  };
  return { ...setup, planVersion: version, year };
}

describe("measurements typed by hand for a local benefit no indicator measures (issue 26)", () => {
  it("are recorded, changed and deleted by the municipality's keepers over the version read; the value and the roll-up follow; each step is logged", async () => {
    const api = setupApi();
    const { projectId, bergen, year } = await adoptedWithReminders(api);
    const at = { municipalityNumber: "4601", projectId };
    const { id, version } = await bergen.solutions.addLocalMeasurement({
      ...at,
      key: "purringer",
      measurement: { value: 250, date: "2025-12-31", comment: "Fra sak/arkiv" },
    });
    // 150 of the planned 300 fewer reminders: half of 60 000 kr.
    expect((await year(bergen, 2025))?.realized).toMatchObject({ value: 250, valueNok: 30_000 });
    const { plan } = await bergen.solutions.localPlan(at);
    expect(plan.benefits.find((b) => b.key === "purringer")).toMatchObject({
      measuredByHand: true,
      typedMeasurements: [{ id, date: "2025-12-31", value: 250, comment: "Fra sak/arkiv", version: 1 }],
    });
    expect(plan.benefits.find((b) => b.key === "porto")).toMatchObject({ measuredByHand: false, typedMeasurements: [] });
    const sum2025 = async () => (await bergen.solutions.rollUp({ projectId })).years.find((y) => y.year === 2025)?.nonCash.realizedNok;
    expect(await sum2025()).toBe(30_000);

    const finance = api.as("finance.4601@demo.example");
    await finance.solutions.changeLocalMeasurement({
      ...at,
      id,
      expectedVersion: version,
      measurement: { value: 100, date: "2025-12-31", comment: null },
    });
    expect((await year(bergen, 2025))?.realized).toMatchObject({ value: 100, valueNok: 60_000 });
    expect(await sum2025()).toBe(60_000);
    // A stale version changes nothing.
    expectAppError(
      await expectTrpcError(() =>
        bergen.solutions.changeLocalMeasurement({
          ...at,
          id,
          expectedVersion: version,
          measurement: { value: 1, date: "2025-06-30", comment: null },
        }),
      ),
      "VERSION_CONFLICT",
    );
    expectAppError(
      await expectTrpcError(() => bergen.solutions.deleteLocalMeasurement({ ...at, id, expectedVersion: version })),
      "VERSION_CONFLICT",
    );
    expect((await year(bergen, 2025))?.realized).toMatchObject({ value: 100 });

    await bergen.solutions.deleteLocalMeasurement({ ...at, id, expectedVersion: version + 1 });
    expect((await year(bergen, 2025))?.realized).toBeNull();
    expect(await sum2025()).toBe(0);
    expect((await bergen.solutions.rollUp({ projectId })).years.find((y) => y.year === 2025)?.missing).toEqual(["4601"]);

    const bergenId = getMunicipalityByNumber(api.db, "4601")?.id;
    const steps = listAudit(api.db, { limit: 50 })
      .filter((e) => e.action.startsWith("benefits.localMeasurement"))
      .reverse();
    expect(steps.map((e) => [e.action, e.organisationId, e.actorEmail])).toEqual([
      ["benefits.localMeasurementAdded", bergenId, "manager.4601@demo.example"],
      ["benefits.localMeasurementChanged", bergenId, "finance.4601@demo.example"],
      ["benefits.localMeasurementDeleted", bergenId, "manager.4601@demo.example"],
    ]);
    expect(JSON.parse(steps[1]?.details ?? "null")).toMatchObject({
      key: "purringer",
      before: { value: 250, date: "2025-12-31", comment: "Fra sak/arkiv" },
      after: { value: 100, comment: null },
    });
  });

  it("are refused for a benefit its indicator measures, before the baseline, after today, and to anyone outside the municipality's keepers", async () => {
    const api = setupApi();
    const { projectId, bergen, trondheim, secretariat } = await adoptedWithReminders(api);
    const input = {
      municipalityNumber: "4601",
      projectId,
      key: "purringer",
      measurement: { value: 250, date: "2025-12-31", comment: null },
    };
    const issues = async (patch: Partial<typeof input>, m: Partial<typeof input.measurement> = {}) =>
      expectAppError(
        await expectTrpcError(() =>
          bergen.solutions.addLocalMeasurement({ ...input, ...patch, measurement: { ...input.measurement, ...m } }),
        ),
        "VALIDATION_FAILED",
      ).issues?.map((i) => i.code);
    expect(await issues({ key: "porto" })).toEqual(["MEASURED_BY_INDICATOR"]);
    expect(await issues({}, { date: "2024-06-30" })).toEqual(["BASELINE_AFTER_MEASUREMENT"]);
    expect(await issues({}, { date: "2026-03-02" })).toEqual(["DATE_IN_FUTURE"]);
    expectAppError(await expectTrpcError(() => bergen.solutions.addLocalMeasurement({ ...input, key: "ukjent" })), "NOT_FOUND");
    // The project's owner, the secretariat and the board may not measure on Bergen's behalf.
    for (const caller of [trondheim, secretariat, api.as("board@demo.example")])
      expectAppError(await expectTrpcError(() => caller.solutions.addLocalMeasurement(input)), "FORBIDDEN");
    // Trondheim's keepers reach only their own municipality's plan, which has no such measurement.
    const { id } = await bergen.solutions.addLocalMeasurement(input);
    expectAppError(
      await expectTrpcError(() =>
        trondheim.solutions.deleteLocalMeasurement({ municipalityNumber: "5001", projectId, id, expectedVersion: 1 }),
      ),
      "NOT_FOUND",
    );
  });

  it("stay the municipality's own before its plan is approved; after, others read the values but never the comments or who typed them", async () => {
    const api = setupApi();
    const { projectId, bergen, planVersion, year } = await adoptedWithReminders(api);
    const at = { municipalityNumber: "4601", projectId };
    await bergen.solutions.addLocalMeasurement({
      ...at,
      key: "purringer",
      measurement: { value: 173.25, date: "2025-12-31", comment: "Purremerke" },
    });
    const board = api.as("board@demo.example");
    const secretariat = api.as("secretariat@demo.example");
    for (const reader of [board, secretariat]) {
      const seen = JSON.stringify([
        await reader.solutions.localPlan(at),
        await reader.solutions.rollUp({ projectId }),
        await reader.solutions.sector(),
      ]);
      expect(seen).not.toContain("Purremerke");
      expect(seen).not.toContain("173.25");
    }

    await bergen.solutions.approveLocalPlan({ ...at, expectedVersion: planVersion });
    expect((await year(board, 2025))?.realized).toMatchObject({ value: 173.25 });
    const view = await board.solutions.localPlan(at);
    expect(view.canMeasure).toBe(false);
    expect(view.plan.benefits.find((b) => b.key === "purringer")?.typedMeasurements).toEqual([]);
    const seen = JSON.stringify([view, await board.solutions.rollUp({ projectId })]);
    expect(seen).not.toContain("Purremerke");
    expect((await bergen.solutions.localPlan(at)).canMeasure).toBe(true);
  });
});
