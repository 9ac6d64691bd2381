import { insertPlanVersion, latestPlanVersions, listAllProjects, listIndicatorValues, listMunicipalities } from "@malestokk/db";
import { ratioOfSums } from "@malestokk/domain";
import { describe, expect, it } from "vitest";

import { expectAppError, expectTrpcError, saveDraftTotal, setupApi } from "../../test-helpers";

describe("sector dashboard (issue 9)", () => {
  it("gives coverage by county and KOSTRA group, each indicator's national figure from approved values, and the mail trend", async () => {
    const api = setupApi();
    // One municipality back to draft: its last approved figures stand, so it counts as approved, marked under correction (issue 20).
    await saveDraftTotal(api, "0301", 2024, 123_456_789);
    const d = await api.as("board@demo.example").sector.dashboard({ year: 2024 });
    expect(d.units).toBe(357);
    expect(d.coverage.byCounty.reduce((n, c) => n + c.units, 0)).toBe(357);
    expect(d.coverage.byKostraGroup.reduce((n, c) => n + c.units, 0)).toBe(357);
    const approved = d.coverage.byCounty.reduce((n, c) => n + c.approved, 0);
    expect(d.coverage.missing).toHaveLength(357 - approved);
    expect(d.coverage.missing.find((m) => m.number === "0301")).toBeUndefined();
    expect(d.coverage.underCorrection.find((m) => m.number === "0301")).toEqual({
      number: "0301",
      name: "Oslo",
      countyName: "Oslo",
      status: "draft",
    });
    expect(d.coverage.byCounty.find((c) => c.group === "03")).toMatchObject({ units: 1, reported: 1, approved: 1, underCorrection: 1 });

    const municipalityIds = new Set(listMunicipalities(api.db).map((m) => m.id));
    const rows = listIndicatorValues(api.db, "K1", [2024]).filter((r) => municipalityIds.has(r.organisationId));
    const k1 = d.indicators.find((i) => i.code === "K1");
    expect(k1?.national.ratioOfSums).toBeCloseTo(ratioOfSums(rows) ?? Number.NaN, 6);
    expect(k1?.national.n).toBe(rows.length);
    expect(rows.find((r) => r.organisationId === listMunicipalities(api.db).find((m) => m.number === "0301")?.id)).toMatchObject({
      isUnderCorrection: true,
    });
    expect(k1?.movement).not.toBeNull();
    expect(k1?.groups.reduce((n, g) => n + g.n, 0)).toBe(rows.length);
    expect(d.indicators).toHaveLength(21);
    expect(d.mailTrend.reference).toEqual({ year: 2014, percent: 28 });
    expect(d.mailTrend.points.find((p) => p.year === 2024)?.ratioOfSums).toBeGreaterThan(0);
  });

  it("follows a report returned to draft at once, though the indicator figures are kept between calls", async () => {
    const api = setupApi();
    const board = api.as("board@demo.example");
    const before = await board.sector.dashboard({ year: 2024 });
    expect((await board.sector.dashboard({ year: 2024 })).indicators).toBe(before.indicators);
    // A returned report leaves its figure as last approved in the national figure (issue 20).
    await saveDraftTotal(api, "4601", 2024, 99_000_000);
    const after = await board.sector.dashboard({ year: 2024 });
    expect(after.indicators.find((i) => i.code === "K1")?.national).toEqual(before.indicators.find((i) => i.code === "K1")?.national);
    expect(after.coverage.missing.find((m) => m.number === "4601")).toBeUndefined();
    expect(after.coverage.underCorrection.find((m) => m.number === "4601")?.status).toBe("draft");
  });

  it("gives each headline indicator's national figure for every year up to the chosen one, as the indicator table has it (issue 20)", async () => {
    const api = setupApi();
    const d = await api.as("board@demo.example").sector.dashboard({ year: 2024 });
    expect(d.headlines.map((h) => h.code)).toEqual(["K1", "K2", "Q1", "S1", "S3"]);
    for (const headline of d.headlines) {
      const indicator = d.indicators.find((i) => i.code === headline.code);
      expect(headline.series.map((p) => p.year)).toEqual(d.years.filter((y) => y <= 2024));
      const thisYear = headline.series.find((p) => p.year === 2024);
      expect(thisYear?.ratioOfSums).toBeCloseTo(indicator?.national.ratioOfSums ?? Number.NaN, 9);
      expect(thisYear?.n).toBe(indicator?.national.n);
      const lastYear = headline.series.find((p) => p.year === 2023)?.ratioOfSums ?? null;
      expect(indicator?.movement?.change ?? null).toBeCloseTo((thisYear?.ratioOfSums ?? 0) - (lastYear ?? Number.NaN), 9);
    }
    const mail = d.headlines.find((h) => h.code === "S3")?.series ?? [];
    expect(mail.map((p) => p.ratioOfSums)).toEqual(d.mailTrend.points.filter((p) => p.year <= 2024).map((p) => p.ratioOfSums));
  });

  it("is the sector bodies' view only", async () => {
    const api = setupApi();
    expectAppError(await expectTrpcError(() => api.as("manager.0301@demo.example").sector.dashboard({})), "FORBIDDEN");
    expect((await api.as("council@demo.example").sector.dashboard({})).year).toBe(2025);
  });
});

describe("sector benefit portfolio (issue 9)", () => {
  it("sums every municipality's plans by sector and status, over time, and lists the joint projects", async () => {
    const api = setupApi();
    const p = await api.as("board@demo.example").sector.portfolio();
    // Four demo municipalities with two projects each, and one joint project.
    expect(p.projects).toBe(9);
    expect(p.totals.cash.expectedNok).toBe(4 * 400_000);
    // Every demo benefit has measurements; those linked to S3 take them from the approved figures.
    expect(p.totals.byStatus.noData).toBe(0);
    expect(p.bySector.map((s) => s.sector)).toEqual(["common", "helseVelferd"]);
    expect(p.bySector.reduce((n, s) => n + s.totals.benefits + s.totals.disBenefits, 0)).toBe(p.totals.benefits + p.totals.disBenefits);
    expect(p.joint).toEqual([
      expect.objectContaining({
        name: "Felles innbyggerportal",
        owner: { number: "0301", name: "Oslo" },
        participants: [expect.objectContaining({ number: "1103" }), expect.objectContaining({ number: "4601" })],
      }),
    ]);
    const y2025 = p.overTime.find((y) => y.year === 2025);
    expect(y2025?.cash.realizedNok).toBe(4 * 280_000);
    expect(y2025?.cash.plannedNok).toBeGreaterThan(y2025?.cash.realizedNok ?? 0);
  });
});

describe("projects without a benefit plan, for the meeting pack (issue 20)", () => {
  it("lists every project without an approved plan, with its owner and whether it has benefits, and leaves approved ones out", async () => {
    const api = setupApi();
    const manager = api.as("manager.0301@demo.example");
    const project = { description: null, sector: "common" as const, phase: "concept" as const, participants: [] };
    const { id: empty } = await manager.benefits.createProject({ municipalityNumber: "0301", project: { ...project, name: "Tom plan" } });
    const { id: drafted } = await manager.benefits.createProject({ municipalityNumber: "0301", project: { ...project, name: "Utkast" } });
    await manager.benefits.saveBenefit({
      projectId: drafted,
      benefitId: null,
      expectedVersion: null,
      benefit: {
        title: "Færre telefoner",
        description: null,
        ownerName: "Kari Nordmann",
        ownerUserId: null,
        type: "efficiency",
        valuation: "freedCapacity",
        annualValueNok: 100_000,
        cash: false,
        quantitative: true,
        disBenefit: false,
        indicator: { name: "Samtaler", unit: "samtaler", direction: "lower", method: "Fra sentralbordet", frequency: "yearly" },
        linkedIndicatorCode: null,
        baseline: { value: 40, date: "2025-01-01" },
        targets: [{ value: 30, date: "2026-12-31" }],
        preconditionKeys: [],
        goalKeys: [],
      },
    });
    const { id: approved } = await manager.benefits.createProject({
      municipalityNumber: "0301",
      project: { ...project, name: "Godkjent" },
    });
    insertPlanVersion(api.db, {
      projectId: approved,
      phase: "concept",
      approvedByName: "Rådmann",
      approvedOn: "2026-01-01",
      comment: null,
      userId: null,
      now: "2026-01-01T00:00:00.000Z",
      content: {},
    });

    const list = await api.as("board@demo.example").sector.projectsWithoutPlan();
    expect(list.find((p) => p.id === empty)).toEqual({
      id: empty,
      name: "Tom plan",
      sector: "common",
      phase: "concept",
      owner: { number: "0301", name: "Oslo" },
      participants: [],
      benefits: 0,
      reason: "noBenefits",
    });
    expect(list.find((p) => p.id === drafted)).toMatchObject({ benefits: 1, reason: "notApproved" });
    expect(list.find((p) => p.id === approved)).toBeUndefined();
    const approvedIds = new Set(
      latestPlanVersions(
        api.db,
        listAllProjects(api.db).map((p) => p.id),
      ).keys(),
    );
    expect(list.filter((p) => approvedIds.has(p.id))).toEqual([]);
    expect(list.length).toBe(listAllProjects(api.db).length - approvedIds.size);
  });

  it("is the sector bodies' view only", async () => {
    const api = setupApi();
    expectAppError(await expectTrpcError(() => api.as("manager.0301@demo.example").sector.projectsWithoutPlan()), "FORBIDDEN");
    expectAppError(await expectTrpcError(() => api.as("finance.0301@demo.example").sector.projectsWithoutPlan()), "FORBIDDEN");
    expect(Array.isArray(await api.as("council@demo.example").sector.projectsWithoutPlan())).toBe(true);
  });
});
