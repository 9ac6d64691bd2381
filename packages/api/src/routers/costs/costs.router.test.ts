import { findUserByEmail, listAudit } from "@malestokk/db";
import type { CostLine } from "@malestokk/domain";
import { ZodError } from "zod";
import { describe, expect, it } from "vitest";

import { expectAppError, expectTrpcError, FIXED_NOW, saveDraftTotal, setupApi } from "../../test-helpers";
import { input, line, NUMBER, returned, snapshot, submitCorrection } from "./test-helpers";

describe("costs.list and costs.report", () => {
  it("lists every reporting year with status and deadline", async () => {
    const api = setupApi();
    const years = await api.as(`finance.${NUMBER}@demo.example`).costs.list({ municipalityNumber: NUMBER });
    expect(years).toHaveLength(11);
    expect(years.find((y) => y.year === 2024)).toMatchObject({
      yearState: "open",
      version: 1,
      status: "approved",
      deadline: "2025-04-30",
      isDemo: true,
    });
  });

  it("shows the demo report's lines and totals, and only the steps the user may take", async () => {
    const api = setupApi();
    const finance = await api.as(`finance.${NUMBER}@demo.example`).costs.report({ municipalityNumber: NUMBER, year: 2024 });
    expect(finance.report?.lines.length).toBeGreaterThan(5);
    expect(finance.report?.totalItCost).toBe(finance.report?.lines.reduce((s, l) => s + l.amount, 0));
    expect(finance.systems.map((s) => s.systemClass)).toContain("caseArchive");
    expect(finance.published.population?.value).toBeGreaterThan(100_000);
    expect(finance.actions).toEqual([]); // approved: finance waits for a return
    const manager = await api.as(`manager.${NUMBER}@demo.example`).costs.report({ municipalityNumber: NUMBER, year: 2024 });
    expect(manager.actions).toEqual(["return"]);
    expect(manager.checkBasis.find((b) => b.code === "K1")?.peerCount).toBeGreaterThanOrEqual(3);
  });
});

describe("the plausibility checks' peer group (issue 20)", () => {
  it("checks Oslo, alone in its KOSTRA group, against the stand-in the comparison pages use, and says so", async () => {
    const api = setupApi();
    const oslo = await api.as("finance.0301@demo.example").costs.report({ municipalityNumber: "0301", year: 2024 });
    const k1 = oslo.checkBasis.find((b) => b.code === "K1");
    expect(k1?.peerCount).toBeGreaterThanOrEqual(3);
    expect(k1?.peerMedian).not.toBeNull();
    expect(oslo.checkGroup).toEqual({ kind: "asss", standInFor: "kostra" });
    const bergen = await api.as(`finance.${NUMBER}@demo.example`).costs.report({ municipalityNumber: NUMBER, year: 2024 });
    expect(bergen.checkGroup).toEqual({ kind: "kostra", standInFor: null });
  });
});

describe("the report workflow", () => {
  it("goes returned → saved → (warnings explained) submitted → approved, K1–K6 follow, every step audited", async () => {
    const api = setupApi();
    const finance = api.as(`finance.${NUMBER}@demo.example`);
    const manager = api.as(`manager.${NUMBER}@demo.example`);
    const version = await returned(api);
    const view = await finance.costs.report({ municipalityNumber: NUMBER, year: 2024 });
    expect(view.report).toMatchObject({ status: "returned", returnComment: "Lisensene mangler" });
    expect(view.actions).toEqual(["edit", "submit"]);
    const population = view.published.population?.value ?? 0;

    // Ten times the usual cost: more than 3 × the peer median, and more than 50 % over last year.
    const total = population * 40_000;
    const saved = await finance.costs.save(
      input({
        expectedVersion: version,
        lines: [line({ amount: total - 4_000_000 }), line({ service: "management", amount: 4_000_000 })],
        itUserAccounts: 20_000,
      }),
    );
    expect(saved).toEqual({ written: true, version: version + 1 });
    const draft = await finance.costs.report({ municipalityNumber: NUMBER, year: 2024 });
    expect(draft.report).toMatchObject({ status: "draft", totalItCost: total, source: "entered", isDemo: false });
    expect(draft.unexplained).toEqual(expect.arrayContaining(["K1:peer", "K1:year"]));
    const k1 = draft.warnings.find((w) => w.key === "K1:peer");
    expect(k1?.value).toBe(40_000);

    const refused = await expectTrpcError(() =>
      finance.costs.submit({ municipalityNumber: NUMBER, year: 2024, expectedVersion: version + 1 }),
    );
    expect(String(expectAppError(refused, "WARNINGS_UNEXPLAINED").params.keys)).toContain("K1:peer");

    const comments = Object.fromEntries(draft.unexplained.map((key) => [key, "Engangskjøp av nytt sak/arkiv-system"]));
    await finance.costs.save(
      input({
        expectedVersion: version + 1,
        lines: [line({ amount: total - 4_000_000 }), line({ service: "management", amount: 4_000_000 })],
        itUserAccounts: 20_000,
        warningComments: comments,
      }),
    );
    const submitted = await finance.costs.submit({ municipalityNumber: NUMBER, year: 2024, expectedVersion: version + 2 });
    expect(submitted.status).toBe("submitted");
    // Finance cannot approve its own report; a manager of the same municipality can.
    expect(
      (await expectTrpcError(() => finance.costs.approve({ municipalityNumber: NUMBER, year: 2024, expectedVersion: version + 3 }))).code,
    ).toBe("FORBIDDEN");
    const approved = await manager.costs.approve({ municipalityNumber: NUMBER, year: 2024, expectedVersion: version + 3 });
    expect(approved).toEqual({ status: "approved", version: version + 4 });

    // Others now see the new approved values: K1, K3 and K6 computed by hand.
    const board = api.as("board@demo.example");
    const k1Series = await board.benchmarks.series({ indicatorCode: "K1", municipalityNumber: NUMBER });
    expect(k1Series.points.find((p) => p.year === 2024)?.own).toMatchObject({
      numerator: total,
      denominator: population,
      value: 40_000,
      status: "approved",
    });
    const k3 = await board.benchmarks.series({ indicatorCode: "K3", municipalityNumber: NUMBER });
    expect(k3.points.find((p) => p.year === 2024)?.own?.value).toBe(total / 20_000);
    const k6 = await board.benchmarks.series({ indicatorCode: "K6", municipalityNumber: NUMBER });
    expect(k6.points.find((p) => p.year === 2024)?.own?.value).toBeCloseTo((4_000_000 / total) * 100, 10);

    const actions = listAudit(api.db, { limit: 10 }).map((a) => a.action);
    expect(actions.slice(0, 5)).toEqual([
      "costs.reportApproved",
      "costs.reportSubmitted",
      "costs.reportSaved",
      "costs.reportSaved",
      "costs.reportReturned",
    ]);
    const firstSave = listAudit(api.db, { action: "costs.reportSaved", limit: 2 })[1];
    expect(JSON.parse(firstSave?.details ?? "{}")).toMatchObject({
      total: { after: total },
      status: { before: "returned", after: "draft" },
    });
  });

  it("keeps the manager's return comment, with who and when, through saves and an import until the report is submitted again", async () => {
    const api = setupApi();
    const finance = api.as(`finance.${NUMBER}@demo.example`);
    const report = async () => (await finance.costs.report({ municipalityNumber: NUMBER, year: 2024 })).report;
    const returnedBy = {
      returnComment: "Lisensene mangler",
      decidedBy: findUserByEmail(api.db, `manager.${NUMBER}@demo.example`)?.name,
      decidedAt: FIXED_NOW.toISOString(),
    };
    const saved = await finance.costs.save(input({ expectedVersion: await returned(api), lines: [line({})] }));
    expect(await report()).toMatchObject({ status: "draft", ...returnedBy });

    const file = Buffer.from("IKT-tjeneste;Kostnadstype;Beløp (kr)\nDrift og forvaltning;Egne ansatte;2 000 000\n", "utf8").toString(
      "base64",
    );
    const imported = await finance.costs.importFile({
      municipalityNumber: NUMBER,
      year: 2024,
      expectedVersion: saved.version,
      fileName: "k.csv",
      contentBase64: file,
      dryRun: false,
    });
    expect(await report()).toMatchObject({ status: "draft", source: "import", ...returnedBy });

    const { unexplained } = await finance.costs.report({ municipalityNumber: NUMBER, year: 2024 });
    const explained = await finance.costs.save(
      input({
        expectedVersion: imported.version,
        lines: [line({ amount: 2_000_000 })],
        warningComments: Object.fromEntries(unexplained.map((k) => [k, "Bare drift i år"])),
      }),
    );
    expect(await report()).toMatchObject(returnedBy);
    await finance.costs.submit({ municipalityNumber: NUMBER, year: 2024, expectedVersion: explained.version });
    expect(await report()).toMatchObject({ status: "submitted", returnComment: null, decidedBy: null, decidedAt: null });
  });

  it("refuses steps out of order, and a return without a comment", async () => {
    const api = setupApi();
    const manager = api.as(`manager.${NUMBER}@demo.example`);
    const finance = api.as(`finance.${NUMBER}@demo.example`);
    const approve = await expectTrpcError(() => manager.costs.approve({ municipalityNumber: NUMBER, year: 2024, expectedVersion: 1 }));
    expect(expectAppError(approve, "STATUS_CONFLICT").params).toEqual({ status: "approved", action: "approve" });
    const edit = await expectTrpcError(() => finance.costs.save(input({ expectedVersion: 1, lines: [line({})] })));
    expect(expectAppError(edit, "STATUS_CONFLICT").params).toEqual({ status: "approved", action: "edit" });
    const noComment = await expectTrpcError(() =>
      manager.costs.return({ municipalityNumber: NUMBER, year: 2024, expectedVersion: 1, comment: " " }),
    );
    expect(noComment.code).toBe("BAD_REQUEST");
  });

  it("saving the same content twice writes nothing the second time", async () => {
    const api = setupApi();
    const finance = api.as(`finance.${NUMBER}@demo.example`);
    const version = await returned(api);
    const first = await finance.costs.save(input({ expectedVersion: version, lines: [line({})] }));
    const again = await finance.costs.save(input({ expectedVersion: first.version, lines: [line({})] }));
    expect(again).toEqual({ written: false, version: first.version });
    expect(listAudit(api.db, { action: "costs.reportSaved", limit: 5 })).toHaveLength(1);
  });

  it("refuses a cost report in a closed year with the year, as a quality report is refused", async () => {
    const api = setupApi();
    const version = await returned(api);
    await api.as("admin@demo.example").years.close({ year: 2024 });
    const save = await expectTrpcError(() =>
      api.as(`finance.${NUMBER}@demo.example`).costs.save(input({ expectedVersion: version, lines: [line({})] })),
    );
    expect(expectAppError(save, "PERIOD_LOCKED").params).toEqual({ year: 2024 });
    const submit = await expectTrpcError(() =>
      api.as(`finance.${NUMBER}@demo.example`).costs.submit({ municipalityNumber: NUMBER, year: 2024, expectedVersion: version }),
    );
    expect(expectAppError(submit, "PERIOD_LOCKED").params).toEqual({ year: 2024 });
  });

  it("locks every report of a closed year, and the admin reopens it with a reason", async () => {
    const api = setupApi();
    const admin = api.as("admin@demo.example");
    await admin.years.close({ year: 2024 });
    const report = await api.as(`manager.${NUMBER}@demo.example`).costs.report({ municipalityNumber: NUMBER, year: 2024 });
    expect(report).toMatchObject({ yearState: "closed", actions: [] });
    const locked = await expectTrpcError(() => saveDraftTotal(api, NUMBER, 2024, 5));
    expectAppError(locked, "PERIOD_LOCKED");
    expect((await expectTrpcError(() => admin.years.reopen({ year: 2024, reason: "" }))).code).toBe("BAD_REQUEST");
    await admin.years.reopen({ year: 2024, reason: "Stavanger fant en feil i lisensene" });
    expect(JSON.parse(listAudit(api.db, { action: "years.reopened", limit: 1 })[0]?.details ?? "{}")).toMatchObject({
      reason: "Stavanger fant en feil i lisensene",
    });
    expect((await saveDraftTotal(api, NUMBER, 2024, 5)).written).toBe(true);
    const year = (await admin.years.list()).find((y) => y.year === 2024);
    expect(year).toMatchObject({ state: "open", municipalities: 357 });
    expect(year?.byStatus.draft).toBe(1);
  });
});

describe("bad input changes nothing", () => {
  it.each([
    ["a negative amount", { lines: [line({ amount: -1 })] }, ["lines", 0, "amount"], "too_small"],
    ["a fraction of a krone", { lines: [line({ amount: 10.5 })] }, ["lines", 0, "amount"], "invalid_type"],
    ["an unknown service", { lines: [line({ service: "coffee" as CostLine["service"] })] }, ["lines", 0, "service"], "invalid_value"],
    ["a year far outside", { year: 1900 }, ["year"], "too_small"],
    ["an override without a reason", { populationOverride: { value: 100, reason: "" } }, ["populationOverride", "reason"], "too_small"],
  ])("rejects %s with a field issue", async (_name, patch, path, code) => {
    const api = setupApi();
    const finance = api.as(`finance.${NUMBER}@demo.example`);
    const version = await returned(api);
    const before = await snapshot(finance);
    const error = await expectTrpcError(() => finance.costs.save(input({ expectedVersion: version, ...patch })));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.cause).toBeInstanceOf(ZodError);
    expect((error.cause as ZodError).issues[0]).toMatchObject({ path, code });
    expect(await snapshot(finance)).toEqual(before);
  });

  it("names both rows of a duplicate line and a fagsystem of another organisation", async () => {
    const api = setupApi();
    const finance = api.as(`finance.${NUMBER}@demo.example`);
    const version = await returned(api);
    const before = await snapshot(finance);
    const error = await expectTrpcError(() =>
      finance.costs.save(input({ expectedVersion: version, lines: [line({}), line({ amount: 2 }), line({ systemId: 1 })] })),
    );
    expect(expectAppError(error, "VALIDATION_FAILED").issues).toEqual([
      { path: ["lines", 1, "service"], code: "DUPLICATE_LINE", params: { row: 2, firstRow: 1 } },
      { path: ["lines", 2, "systemId"], code: "UNKNOWN_SYSTEM", params: { row: 3 } },
    ]);
    expect(await snapshot(finance)).toEqual(before);
  });

  it("refuses a year that is not a reporting year, naming the range", async () => {
    const api = setupApi();
    const error = await expectTrpcError(() => api.as(`finance.${NUMBER}@demo.example`).costs.save(input({ year: 2030 })));
    expect(expectAppError(error, "YEAR_OUT_OF_RANGE").issues).toEqual([
      { path: ["year"], code: "YEAR_OUT_OF_RANGE", params: { min: 2015, max: 2025 } },
    ]);
  });

  it("refuses a stale version: a concurrent edit is never overwritten", async () => {
    const api = setupApi();
    const finance = api.as(`finance.${NUMBER}@demo.example`);
    const version = await returned(api);
    await finance.costs.save(input({ expectedVersion: version, lines: [line({ amount: 111 })] }));
    const error = await expectTrpcError(() => finance.costs.save(input({ expectedVersion: version, lines: [line({ amount: 222 })] })));
    expect(error.code).toBe("CONFLICT");
    expect(expectAppError(error, "VERSION_CONFLICT").params).toEqual({ currentVersion: version + 1 });
    const report = await finance.costs.report({ municipalityNumber: NUMBER, year: 2024 });
    expect(report.report?.totalItCost).toBe(111);
  });
});

describe("a report before approval, to readers outside the organisation (issue 17, finding 3)", () => {
  it("gives the board the status and who submitted it when, and none of its content", async () => {
    const api = setupApi();
    await submitCorrection(api, NUMBER, [{ lines: [line({ amount: 31_337, comment: "Lisenser 31 337" })], itUserAccounts: 31_337 }]);
    const board = api.as("board@demo.example");
    const view = await board.costs.report({ municipalityNumber: NUMBER, year: 2024 });
    expect(view).toMatchObject({
      report: null,
      // Who submitted it by name, not by e-mail address (issue 20, point 28).
      withheld: { status: "submitted", submittedBy: findUserByEmail(api.db, `finance.${NUMBER}@demo.example`)?.name, isDemo: false },
      allocations: [],
      allocatedLines: [],
      warnings: [],
      unexplained: [],
      actions: [],
    });
    expect(JSON.stringify(view)).not.toMatch(/31337|31 337|Rett tallene/);
    const years = await board.costs.list({ municipalityNumber: NUMBER });
    expect(years.find((y) => y.year === 2024)).toMatchObject({ status: "submitted", totalItCost: null, withheld: true });
    expect(years.find((y) => y.year === 2023)).toMatchObject({ status: "approved", withheld: false });
    expect(years.find((y) => y.year === 2023)?.totalItCost).toBeGreaterThan(0);

    // Its own organisation and the admins read it in full.
    for (const email of [`manager.${NUMBER}@demo.example`, "admin@demo.example"]) {
      const full = await api.as(email).costs.report({ municipalityNumber: NUMBER, year: 2024 });
      expect(full).toMatchObject({ withheld: null, report: { status: "submitted", totalItCost: 31_337, itUserAccounts: 31_337 } });
    }
  });
});
