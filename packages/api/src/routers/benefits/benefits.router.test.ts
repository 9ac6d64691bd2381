import { listAudit } from "@malestokk/db";
import type { BenefitInput } from "@malestokk/domain";
import { describe, expect, it } from "vitest";

import { expectAppError, expectTrpcError, setupApi } from "../../test-helpers";

// FIXED_NOW in the helpers is 2026-03-01.
const benefit: BenefitInput = {
  title: "Kortere saksbehandlingstid",
  description: "Byggesaker behandles raskere med digital søknad.",
  ownerName: "Kari Nordmann",
  ownerUserId: null,
  type: "efficiency",
  valuation: "freedCapacity",
  annualValueNok: 600_000,
  cash: false,
  quantitative: true,
  disBenefit: false,
  indicator: { name: "Saksbehandlingstid", unit: "dager", direction: "lower", method: "Fra sak/arkiv", frequency: "quarterly" },
  linkedIndicatorCode: null,
  baseline: { value: 40, date: "2025-01-01" },
  targets: [
    { value: 30, date: "2025-12-31" },
    { value: 20, date: "2026-12-31" },
  ],
  preconditionKeys: [],
  goalKeys: [],
};

const project = {
  name: "Digital byggesøknad",
  description: null,
  sector: "planByggGeodata" as const,
  phase: "planning" as const,
  participants: [],
};

async function newProjectWithBenefit(api: ReturnType<typeof setupApi>) {
  const manager = api.as("manager.0301@demo.example");
  const { id: projectId } = await manager.benefits.createProject({ municipalityNumber: "0301", project });
  const { id: benefitId } = await manager.benefits.saveBenefit({ projectId, benefitId: null, expectedVersion: null, benefit });
  return { manager, projectId, benefitId };
}

describe("benefit plans (issue 8)", () => {
  it("takes a project from plan to status: baseline, two targets, two measurements, approval and version history", async () => {
    const api = setupApi();
    const { manager, projectId, benefitId } = await newProjectWithBenefit(api);
    await manager.benefits.addMeasurement({
      projectId,
      benefitId,
      measurement: { value: 36, date: "2025-06-30", comment: "Første kvartal med digital søknad" },
    });
    await manager.benefits.addMeasurement({ projectId, benefitId, measurement: { value: 31, date: "2025-12-31", comment: null } });

    const detail = await manager.benefits.project({ projectId });
    const b = detail.benefits[0];
    expect(b?.measurements.map((m) => [m.date, m.value, m.recordedByName])).toEqual([
      ["2025-06-30", 36, "Demo leder 0301"],
      ["2025-12-31", 31, "Demo leder 0301"],
    ]);
    // 31 days against 30 planned on 31 December, tolerance 10 % of 20: on track.
    expect(b?.summary).toMatchObject({ status: "onTrack", nextDue: "2026-03-31", overdue: false });
    expect(b?.latest?.planned).toBe(30);
    expect(detail.versions).toEqual([]);
    expect(detail.changedSinceApproval).toBe(true);

    const { number } = await manager.benefits.approvePlan({
      projectId,
      planHash: detail.planHash,
      approvedOn: "2026-02-20",
      comment: null,
    });
    expect(number).toBe(1);
    const approved = await manager.benefits.project({ projectId });
    expect(approved.changedSinceApproval).toBe(false);
    // The approver is the signed-in user, recorded by the server (issue 20, point 16), not a name the client types.
    expect(approved.versions).toMatchObject([
      { number: 1, phase: "planning", approvedByName: "Demo leder 0301", approvedOn: "2026-02-20" },
    ]);

    // A new phase: the plan changed, a new version is due; the first stays readable.
    await manager.benefits.saveProject({
      projectId,
      expectedVersion: approved.project.version,
      project: { ...project, phase: "execution" },
    });
    const moved = await manager.benefits.project({ projectId });
    expect(moved).toMatchObject({ changedSinceApproval: true, newVersionDue: true });
    await manager.benefits.approvePlan({
      projectId,
      planHash: moved.planHash,
      approvedOn: "2026-03-01",
      comment: "Fase 2",
    });
    const history = await manager.benefits.project({ projectId });
    expect(history.versions.map((v) => [v.number, v.phase])).toEqual([
      [2, "execution"],
      [1, "planning"],
    ]);
    // The portfolio names each project's newest version.
    const listed = (await manager.benefits.portfolio({ municipalityNumber: "0301" })).projects.find((p) => p.id === projectId);
    expect(listed?.latestVersion).toMatchObject({ number: 2, phase: "execution", comment: "Fase 2" });
    const first = await manager.benefits.planVersion({ projectId, number: 1 });
    expect(first.content.project.phase).toBe("planning");
    expect(first.content.benefits[0]?.targets).toEqual(benefit.targets);
    expect(listAudit(api.db, { action: "benefits.planApproved", limit: 10 })).toHaveLength(2);
  });

  it("approves only the plan the approver saw", async () => {
    const api = setupApi();
    const { manager, projectId, benefitId } = await newProjectWithBenefit(api);
    const seen = await manager.benefits.project({ projectId });
    await manager.benefits.saveBenefit({ projectId, benefitId, expectedVersion: 1, benefit: { ...benefit, annualValueNok: 700_000 } });
    expectAppError(
      await expectTrpcError(() =>
        manager.benefits.approvePlan({
          projectId,
          planHash: seen.planHash,
          approvedOn: "2026-02-20",
          comment: null,
        }),
      ),
      "VERSION_CONFLICT",
    );
    expectAppError(
      await expectTrpcError(() =>
        manager.benefits.approvePlan({
          projectId,
          planHash: seen.planHash,
          approvedOn: "2026-03-02",
          comment: null,
        }),
      ),
      "VALIDATION_FAILED",
    );
    expect((await manager.benefits.project({ projectId })).versions).toEqual([]);
  });

  it("refuses a measurement before the baseline, a baseline after a measurement, a target before the baseline, and a stale save, changing nothing", async () => {
    const api = setupApi();
    const { manager, projectId, benefitId } = await newProjectWithBenefit(api);
    const early = expectAppError(
      await expectTrpcError(() =>
        manager.benefits.addMeasurement({ projectId, benefitId, measurement: { value: 39, date: "2024-12-31", comment: null } }),
      ),
      "VALIDATION_FAILED",
    );
    expect(early.issues).toEqual([{ path: ["date"], code: "BASELINE_AFTER_MEASUREMENT", params: { baselineDate: "2025-01-01" } }]);
    const future = expectAppError(
      await expectTrpcError(() =>
        manager.benefits.addMeasurement({ projectId, benefitId, measurement: { value: 39, date: "2026-03-02", comment: null } }),
      ),
      "VALIDATION_FAILED",
    );
    expect(future.issues[0]?.code).toBe("DATE_IN_FUTURE");

    await manager.benefits.addMeasurement({ projectId, benefitId, measurement: { value: 36, date: "2025-06-30", comment: null } });
    const moved = expectAppError(
      await expectTrpcError(() =>
        manager.benefits.saveBenefit({
          projectId,
          benefitId,
          expectedVersion: 1,
          benefit: { ...benefit, baseline: { value: 40, date: "2025-07-01" } },
        }),
      ),
      "VALIDATION_FAILED",
    );
    expect(moved.issues.map((i) => [i.path.join("."), i.code])).toEqual([["baseline.date", "BASELINE_AFTER_MEASUREMENT"]]);
    const target = expectAppError(
      await expectTrpcError(() =>
        manager.benefits.saveBenefit({
          projectId,
          benefitId,
          expectedVersion: 1,
          benefit: { ...benefit, targets: [{ value: 30, date: "2024-06-30" }] },
        }),
      ),
      "VALIDATION_FAILED",
    );
    expect(target.issues.map((i) => i.code)).toEqual(["TARGET_BEFORE_BASELINE"]);
    await manager.benefits.saveBenefit({ projectId, benefitId, expectedVersion: 1, benefit: { ...benefit, title: "Ny tittel" } });
    expectAppError(
      await expectTrpcError(() =>
        manager.benefits.saveBenefit({ projectId, benefitId, expectedVersion: 1, benefit: { ...benefit, title: "Overskriver" } }),
      ),
      "VERSION_CONFLICT",
    );
    const after = await manager.benefits.project({ projectId });
    expect(after.benefits.map((b) => [b.title, b.baseline.date, b.measurements.length])).toEqual([["Ny tittel", "2025-01-01", 1]]);
  });

  it("takes a linked benefit's measurements from the approved figures, and refuses hand-entered ones", async () => {
    const api = setupApi();
    const manager = api.as("manager.0301@demo.example");
    const portfolio = await manager.benefits.portfolio({ municipalityNumber: "0301" });
    const linked = portfolio.benefits.find((b) => b.title === "Mer post sendes digitalt");
    expect(linked).toBeDefined();
    const detail = await manager.benefits.project({ projectId: linked?.projectId ?? 0 });
    const view = detail.benefits.find((b) => b.id === linked?.id);
    expect(view?.linkedIndicatorCode).toBe("S3");
    expect(view?.measurements.length).toBeGreaterThanOrEqual(3);
    expect(view?.measurements.every((m) => m.source === "indicator" && m.date.endsWith("-12-31"))).toBe(true);
    const error = expectAppError(
      await expectTrpcError(() =>
        manager.benefits.addMeasurement({
          projectId: linked?.projectId ?? 0,
          benefitId: linked?.id ?? 0,
          measurement: { value: 50, date: "2025-06-30", comment: null },
        }),
      ),
      "VALIDATION_FAILED",
    );
    expect(error.issues[0]?.code).toBe("MEASURED_BY_INDICATOR");
  });

  it("sums a portfolio: status counts, and kroner expected against realized, cash and non-cash apart", async () => {
    const api = setupApi();
    const portfolio = await api.as("manager.0301@demo.example").benefits.portfolio({ municipalityNumber: "0301" });
    expect(portfolio.projects.map((p) => [p.name, p.joint])).toEqual([
      ["Digital post med SvarUt", false],
      ["Felles innbyggerportal", true],
      ["Velferdsteknologi i hjemmetjenesten", false],
    ]);
    // Porto: 400 000 kr a year at full realization; 520 000 of 800 → 400 000 is 70 % of the way.
    expect(portfolio.totals.cash).toEqual({ expectedNok: 400_000, realizedNok: 280_000 });
    expect(portfolio.totals.nonCash.expectedNok).toBe(1_200_000);
    expect(portfolio.totals.disBenefits).toBe(1);
    const counted = Object.values(portfolio.totals.byStatus).reduce((a, b) => a + b, 0);
    expect(counted).toBe(portfolio.benefits.length);
  });

  it("lets a joint project's partners read it but not change it, and keeps others out", async () => {
    const api = setupApi();
    const portfolio = await api.as("manager.4601@demo.example").benefits.portfolio({ municipalityNumber: "4601" });
    const joint = portfolio.projects.find((p) => p.joint);
    expect(joint?.owner.number).toBe("0301");
    const projectId = joint?.id ?? 0;
    const read = await api.as("manager.4601@demo.example").benefits.project({ projectId });
    expect(read.project.participants.map((p) => p.number)).toEqual(["1103", "4601"]);
    expectAppError(
      await expectTrpcError(() =>
        api.as("manager.4601@demo.example").benefits.saveProject({ projectId, expectedVersion: read.project.version, project }),
      ),
      "FORBIDDEN",
    );
    expectAppError(await expectTrpcError(() => api.as("manager.5001@demo.example").benefits.project({ projectId })), "FORBIDDEN");
    expect((await api.as("board@demo.example").benefits.project({ projectId })).project.name).toBe("Felles innbyggerportal");
  });

  it("lists overdue measurements per owner at sign-in", async () => {
    const api = setupApi();
    const followUp = await api.as("manager.0301@demo.example").benefits.followUp();
    const titles = followUp.owners.flatMap((o) => o.items.map((i) => [i.title, i.nextDue, i.mine]));
    // Quarterly, last measured 31 March 2025: due 30 June 2025.
    expect(titles).toContainEqual(["Færre unødvendige hjemmebesøk", "2025-06-30", true]);
    expect(followUp.owners.every((o) => o.items.every((i) => i.municipalityNumber === "0301"))).toBe(true);
    expect(
      (await api.as("manager.5001@demo.example").benefits.followUp()).owners
        .flatMap((o) => o.items)
        .every((i) => i.municipalityNumber === "5001"),
    ).toBe(true);
    expect((await api.as("council@demo.example").benefits.followUp()).count).toBe(0);
  });

  it("keeps the map's keys whole: unknown keys are refused, and a key still used by a benefit cannot go", async () => {
    const api = setupApi();
    const { manager, projectId, benefitId } = await newProjectWithBenefit(api);
    const map = {
      deliverables: [{ key: "skjema", label: "Digitalt skjema" }],
      preconditions: [{ key: "rutine", label: "Ny rutine", from: ["skjema"] }],
      goals: [{ key: "service", label: "Bedre service" }],
    };
    const { version } = await manager.benefits.saveMap({ projectId, expectedVersion: 1, map });
    await manager.benefits.saveBenefit({
      projectId,
      benefitId,
      expectedVersion: 1,
      benefit: { ...benefit, preconditionKeys: ["rutine"], goalKeys: ["service"] },
    });
    const inUse = expectAppError(
      await expectTrpcError(() => manager.benefits.saveMap({ projectId, expectedVersion: version, map: { ...map, goals: [] } })),
      "VALIDATION_FAILED",
    );
    expect(inUse.issues[0]).toMatchObject({ code: "MAP_KEY_IN_USE", params: { key: "service", benefit: benefit.title } });
    const unknown = expectAppError(
      await expectTrpcError(() =>
        manager.benefits.saveBenefit({ projectId, benefitId, expectedVersion: 2, benefit: { ...benefit, goalKeys: ["ghost"] } }),
      ),
      "VALIDATION_FAILED",
    );
    expect(unknown.issues[0]?.code).toBe("MAP_KEY_UNKNOWN");
  });

  it("deletes a project only from the version read, and logs the whole plan", async () => {
    const api = setupApi();
    const { manager, projectId } = await newProjectWithBenefit(api);
    expectAppError(await expectTrpcError(() => manager.benefits.deleteProject({ projectId, expectedVersion: 2 })), "VERSION_CONFLICT");
    await manager.benefits.deleteProject({ projectId, expectedVersion: 1 });
    expectAppError(await expectTrpcError(() => manager.benefits.project({ projectId })), "NOT_FOUND");
    const [entry] = listAudit(api.db, { action: "benefits.projectDeleted", limit: 10 });
    const details = JSON.parse(entry?.details ?? "{}") as { before: { benefits: { title: string }[] } };
    expect(details.before.benefits[0]?.title).toBe(benefit.title);
  });
});
