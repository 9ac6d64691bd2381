import { describe, expect, it } from "vitest";

import { expectAppError, expectTrpcError, setupApi } from "../../test-helpers";
import { approveCorrection, input, line } from "./test-helpers";

describe("an IT cooperative reports on behalf of its members", () => {
  // Two Trøndelag neighbours; the demo has no cooperatives of its own.
  const COOP = "912345688";
  const MEMBERS = ["5025", "5026"];

  async function setup() {
    const api = setupApi();
    const admin = api.as("admin@demo.example");
    await admin.register.saveCooperative({ organisationNumber: COOP, name: "IKT Demo-samarbeid", memberNumbers: MEMBERS });
    const views = await Promise.all(MEMBERS.map((m) => admin.costs.report({ municipalityNumber: m, year: 2024 })));
    return { api, admin, views };
  }

  it("divides its approved costs per inhabitant; each member sees its share, and its indicators carry it", async () => {
    const { api, admin, views } = await setup();
    const [popA = 0, popB = 0] = views.map((v) => v.published.population?.value ?? 0);
    const k1Before = await api.as("board@demo.example").benchmarks.series({ indicatorCode: "K1", municipalityNumber: MEMBERS[0] ?? "" });
    const ownBefore = k1Before.points.find((p) => p.year === 2024)?.own?.numerator ?? 0;

    const saved = await admin.costs.save({
      ...input({
        municipalityNumber: COOP,
        lines: [line({ amount: 10_000_000 }), line({ service: "management", amount: 1_000_001 })],
        itUserAccounts: null,
      }),
      allocation: { key: "perInhabitant", shares: null },
    });
    const draft = await admin.costs.report({ municipalityNumber: COOP, year: 2024 });
    expect(draft.kind).toBe("itCooperative");
    const allocation = draft.allocations[0];
    expect(allocation).toMatchObject({ cooperativeName: "IKT Demo-samarbeid", key: "perInhabitant", complete: true, status: "draft" });
    expect(allocation?.members.map((m) => m.total).reduce((a, b) => a + b, 0)).toBe(11_000_001);
    expect(allocation?.members[0]?.share).toBeCloseTo(popA / (popA + popB), 12);

    // Not counted until approved: a draft at the cooperative does not touch the members' figures.
    const stillBefore = await api.as("board@demo.example").benchmarks.series({ indicatorCode: "K1", municipalityNumber: MEMBERS[0] ?? "" });
    expect(stillBefore.points.find((p) => p.year === 2024)?.own?.numerator).toBe(ownBefore);

    await admin.costs.submit({ municipalityNumber: COOP, year: 2024, expectedVersion: saved.version });
    await admin.costs.approve({ municipalityNumber: COOP, year: 2024, expectedVersion: saved.version + 1 });
    const share = allocation?.members[0]?.total ?? 0;
    const after = await api.as("board@demo.example").benchmarks.series({ indicatorCode: "K1", municipalityNumber: MEMBERS[0] ?? "" });
    expect(after.points.find((p) => p.year === 2024)?.own?.numerator).toBe(ownBefore + share);

    // The member sees its share in its own report.
    const member = await admin.costs.report({ municipalityNumber: MEMBERS[0] ?? "", year: 2024 });
    expect(member.allocations).toHaveLength(1);
    expect(member.allocations[0]?.members.map((m) => [m.number, m.total])).toEqual([[MEMBERS[0], share]]);
    expect(member.allocatedLines.reduce((s, l) => s + l.amount, 0)).toBe(share);

    // The cooperative's own costs never enter the read model as a unit of their own.
    const national = await api.as("board@demo.example").benchmarks.series({ indicatorCode: "K6", municipalityNumber: MEMBERS[1] ?? "" });
    expect(national.points.find((p) => p.year === 2024)?.national.n).toBeLessThanOrEqual(357);

    // Returned for correction, the cooperative's costs leave the members' figures until approved again.
    await admin.costs.return({ municipalityNumber: COOP, year: 2024, expectedVersion: saved.version + 2, comment: "Rett fordelingen" });
    const returned = await api.as("board@demo.example").benchmarks.series({ indicatorCode: "K1", municipalityNumber: MEMBERS[0] ?? "" });
    expect(returned.points.find((p) => p.year === 2024)?.own?.numerator).toBe(ownBefore);
  });

  it("takes fixed shares only when they name every member and add up to 100 %", async () => {
    const { admin } = await setup();
    const bad = await expectTrpcError(() =>
      admin.costs.save({
        ...input({ municipalityNumber: COOP, lines: [line({})] }),
        allocation: { key: "fixedShares", shares: { "5025": 6_000, "5026": 3_000 } },
      }),
    );
    expect(expectAppError(bad, "VALIDATION_FAILED").issues).toEqual([
      { path: ["allocation", "shares"], code: "SHARES_NOT_FULL", params: { sum: 90 } },
    ]);
    const stranger = await expectTrpcError(() =>
      admin.costs.save({
        ...input({ municipalityNumber: COOP, lines: [line({})] }),
        allocation: { key: "fixedShares", shares: { "5025": 5_000, "0301": 5_000 } },
      }),
    );
    expect(expectAppError(stranger, "VALIDATION_FAILED").issues[0]).toMatchObject({ code: "NOT_A_MEMBER", params: { numbers: "0301" } });
    await admin.costs.save({
      ...input({ municipalityNumber: COOP, lines: [line({ amount: 1_000 })] }),
      allocation: { key: "fixedShares", shares: { "5025": 7_500, "5026": 2_500 } },
    });
    const view = await admin.costs.report({ municipalityNumber: COOP, year: 2024 });
    expect(view.allocations[0]?.members.map((m) => m.total)).toEqual([750, 250]);
    // A municipality's report has no allocation key.
    const notCoop = await expectTrpcError(() =>
      admin.costs.save({ ...input({ municipalityNumber: "5025", expectedVersion: 1 }), allocation: { key: "perItUser", shares: null } }),
    );
    expect(notCoop.code).not.toBe("FORBIDDEN");
  });

  it("waits for every member's approved IT user count before dividing per IT user", async () => {
    const { api, admin } = await setup();
    await admin.costs.save({
      ...input({ municipalityNumber: COOP, lines: [line({ amount: 1_000 })] }),
      allocation: { key: "perItUser", shares: null },
    });
    const complete = await admin.costs.report({ municipalityNumber: COOP, year: 2024 });
    expect(complete.allocations[0]).toMatchObject({ complete: true, key: "perItUser", missing: [] });
    expect(complete.allocations[0]?.members.map((m) => m.total).reduce((a, b) => a + b, 0)).toBe(1_000);

    // A draft without an IT user count changes nothing; once approved so, nothing is divided, and the member is named.
    await approveCorrection(api, "5026", [{ lines: [line({})], itUserAccounts: null }], async () => {
      expect(await admin.costs.report({ municipalityNumber: COOP, year: 2024 })).toEqual(complete);
    });
    const incomplete = await admin.costs.report({ municipalityNumber: COOP, year: 2024 });
    expect(incomplete.allocations[0]).toMatchObject({ complete: false, missing: ["5026"] });
    expect(incomplete.allocations[0]?.members.every((m) => m.total === 0)).toBe(true);
  });
});

describe("a member's draft never reaches its IT cooperative's allocation (issue 17, finding 2)", () => {
  // The outside test's reproduction: a cooperative of Oslo and Trondheim, divided per IT user.
  const COOP = "923456783";
  const YEAR = 2024;

  /** The cooperative with a draft report of one line of `amount`, divided per IT user, saved by the admin. */
  async function draftCooperative(amount: number) {
    const api = setupApi();
    const admin = api.as("admin@demo.example");
    await admin.register.saveCooperative({ organisationNumber: COOP, name: "IKT Oslo–Trondheim", memberNumbers: ["0301", "5001"] });
    const saved = await admin.costs.save({
      ...input({ municipalityNumber: COOP, lines: [line({ amount })], itUserAccounts: null }),
      allocation: { key: "perItUser", shares: null },
    });
    const approve = async () => {
      await admin.costs.submit({ municipalityNumber: COOP, year: YEAR, expectedVersion: saved.version });
      await admin.costs.approve({ municipalityNumber: COOP, year: YEAR, expectedVersion: saved.version + 1 });
    };
    return { api, admin, approve };
  }

  async function approvedCooperative() {
    const cooperative = await draftCooperative(12_000_000);
    await cooperative.approve();
    return cooperative;
  }

  /** What Trondheim and the board see of Trondheim's allocation and K1. */
  async function trondheim(api: ReturnType<typeof setupApi>) {
    const own = await api.as("finance.5001@demo.example").costs.report({ municipalityNumber: "5001", year: YEAR });
    const coop = await api.as("admin@demo.example").costs.report({ municipalityNumber: COOP, year: YEAR });
    const k1 = await api.as("board@demo.example").benchmarks.series({ indicatorCode: "K1", municipalityNumber: "5001" });
    return {
      allocation: own.allocations,
      allocatedTotal: own.allocatedLines.reduce((sum, l) => sum + l.amount, 0),
      coopRow: coop.allocations[0]?.members.find((m) => m.number === "5001"),
      k1: k1.points.find((p) => p.year === YEAR)?.own,
    };
  }

  it("keeps Trondheim's allocation, share and approved K1 while Oslo saves drafts of 31 337 and then 10 000 000 IT users", async () => {
    const { api } = await approvedCooperative();
    const before = await trondheim(api);
    expect(before.allocation[0]).toMatchObject({ complete: true, status: "approved" });
    expect(before.allocatedTotal).toBeGreaterThan(0);
    expect(before.coopRow?.share).toBeGreaterThan(0);

    // Oslo's manager returns the approved report for correction; finance saves drafts, and only approval moves the allocation.
    const oslo = await api.as("finance.0301@demo.example").costs.report({ municipalityNumber: "0301", year: YEAR });
    const lines = oslo.report?.lines ?? [];
    let drafts = 0;
    await approveCorrection(
      api,
      "0301",
      [
        { lines, itUserAccounts: 31_337 },
        { lines, itUserAccounts: 10_000_000 },
      ],
      async () => {
        expect(await trondheim(api)).toEqual(before);
        const own = await api.as("finance.0301@demo.example").costs.report({ municipalityNumber: "0301", year: YEAR });
        const coop = await api.as("admin@demo.example").costs.report({ municipalityNumber: COOP, year: YEAR });
        // Oslo sees its own draft, while the cooperative still divides by the figure last approved.
        expect(own.report?.itUserAccounts).toBe([oslo.report?.itUserAccounts, 31_337, 10_000_000][drafts++]);
        expect(coop.allocations[0]?.members.find((m) => m.number === "0301")).toMatchObject({
          itUserAccounts: oslo.report?.itUserAccounts,
          basis: "approvedReport",
        });
      },
    );
    expect(drafts).toBe(3);
    const after = await trondheim(api);
    expect(after.coopRow?.share).toBeLessThan(before.coopRow?.share ?? 0);
    expect(after.k1?.numerator).toBeLessThan(before.k1?.numerator ?? 0);
  });

  it("shows a member its share of the cooperative's costs once the cooperative's report is approved", async () => {
    const { api, admin, approve } = await draftCooperative(31_337);
    const member = await api.as("finance.5001@demo.example").costs.report({ municipalityNumber: "5001", year: YEAR });
    expect(member.allocations).toEqual([
      {
        cooperativeNumber: COOP,
        cooperativeName: "IKT Oslo–Trondheim",
        status: "draft",
        withheld: true,
        key: null,
        complete: false,
        missing: [],
        members: [],
      },
    ]);
    expect(JSON.stringify(member)).not.toContain("31337");
    // The admin may read the cooperative's drafts, and sees the draft division.
    const byAdmin = await admin.costs.report({ municipalityNumber: "5001", year: YEAR });
    expect(byAdmin.allocations[0]).toMatchObject({ withheld: false, status: "draft", key: "perItUser", complete: true });

    await approve();
    const approved = await api.as("finance.5001@demo.example").costs.report({ municipalityNumber: "5001", year: YEAR });
    expect(approved.allocations[0]).toMatchObject({ withheld: false, status: "approved", key: "perItUser", complete: true });
    expect(approved.allocations[0]?.members.map((m) => m.number)).toEqual(["5001"]);
  });

  it("divides by the registered population unless an approved report replaces it, and says which", async () => {
    const api = setupApi();
    const admin = api.as("admin@demo.example");
    await admin.register.saveCooperative({ organisationNumber: COOP, name: "IKT Oslo–Trondheim", memberNumbers: ["0301", "5001"] });
    // Oslo's approved 2024 report has no override; a draft gives one, which the allocation must not take.
    const oslo = await admin.costs.report({ municipalityNumber: "0301", year: YEAR });
    await admin.costs.save({
      ...input({ municipalityNumber: COOP, lines: [line({ amount: 1_000_000 })], itUserAccounts: null }),
      allocation: { key: "perInhabitant", shares: null },
    });
    const { version } = await admin.costs.return({
      municipalityNumber: "0301",
      year: YEAR,
      expectedVersion: oslo.report?.version ?? 0,
      comment: "Feil folketall",
    });
    await api.as("finance.0301@demo.example").costs.save({
      ...input({ municipalityNumber: "0301", expectedVersion: version, lines: oslo.report?.lines ?? [] }),
      itUserAccounts: oslo.report?.itUserAccounts ?? null,
      populationOverride: { value: 31_337, reason: "Utkast" },
    });
    const coop = await admin.costs.report({ municipalityNumber: COOP, year: YEAR });
    const row = coop.allocations[0]?.members.find((m) => m.number === "0301");
    expect(row).toMatchObject({ population: oslo.published.population?.value, basis: "registeredPopulation" });
  });
});
