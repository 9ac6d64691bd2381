import { applyRegisterNames, getMunicipalityByNumber, listIndicatorValues, listLatestPopulations, listMunicipalities } from "@malestokk/db";
import { sizeClassOf } from "@malestokk/domain";
import { describe, expect, it } from "vitest";

import { emptyReportInput, expectTrpcError, saveDraftTotal, setupApi, setupCaller } from "../../test-helpers";

describe("benchmarks.series", () => {
  it("gives K1 for every demo year with peer band and national ratio of sums", async () => {
    const { caller, db } = setupCaller();
    const series = await caller.benchmarks.series({ indicatorCode: "K1", municipalityNumber: "1103" });
    expect(series.points.map((p) => p.year)).toEqual([2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025]);
    expect(series.isDemo).toBe(true);
    expect(series.peerGroup).toMatchObject({ kind: "sizeClass", sizeClass: "l" });

    // Recompute 2024 independently from the read model.
    const rows = listIndicatorValues(db, "K1", [2024]);
    const national = rows.reduce((s, r) => s + r.numerator, 0) / rows.reduce((s, r) => s + r.denominator, 0);
    const point = series.points.find((p) => p.year === 2024);
    expect(point?.national.n).toBe(rows.length);
    expect(point?.national.ratioOfSums).toBeCloseTo(national, 9);

    const latest = listLatestPopulations(db);
    const peerIds = new Set(
      listMunicipalities(db)
        .filter((m) => sizeClassOf(latest.get(m.id) ?? 0) === "l")
        .map((m) => m.id),
    );
    const peerValues = rows.filter((r) => peerIds.has(r.organisationId)).map((r) => r.numerator / r.denominator);
    peerValues.sort((a, b) => a - b);
    expect(series.peerGroup.members).toBe(peerIds.size);
    expect(point?.peers.status).toBe("shown");
    if (point?.peers.status === "shown") {
      expect(point.peers.n).toBe(peerValues.length);
      expect(point.peers.q1).toBeLessThanOrEqual(point.peers.median);
      expect(point.peers.median).toBeLessThanOrEqual(point.peers.q3);
    }
    const stavanger = getMunicipalityByNumber(db, "1103");
    const own = rows.find((r) => r.organisationId === stavanger?.id);
    expect(point?.own?.value).toBeCloseTo((own?.numerator ?? 0) / (own?.denominator ?? 1), 9);
  });

  it("keeps the payload small (docs/quality-targets.md#p-8: at most 25 kB of JSON)", async () => {
    const { caller } = setupCaller();
    const series = await caller.benchmarks.series({ indicatorCode: "K1", municipalityNumber: "0301" });
    expect(JSON.stringify(series).length).toBeLessThan(25_000);
    // Also with the whole country as the group, whose 357 members it names.
    const all = await caller.benchmarks.series({ indicatorCode: "K1", municipalityNumber: "0301", peerGroup: "all" });
    expect(all.peerGroup.memberNames).toHaveLength(357);
    expect(JSON.stringify(all).length).toBeLessThan(25_000);
  });

  it("names the peer group's members, for an export to say whom the figures compare with", async () => {
    const { caller, db } = setupCaller();
    const series = await caller.benchmarks.series({ indicatorCode: "K1", municipalityNumber: "1103", peerGroup: "county" });
    const stavanger = getMunicipalityByNumber(db, "1103");
    const county = listMunicipalities(db).filter((m) => m.countyNumber === stavanger?.countyNumber);
    expect(series.peerGroup.memberNames).toEqual(county.map((m) => m.name).sort((a, b) => a.localeCompare(b, "nb")));
    expect(series.peerGroup.memberNames).toContain("Sandnes");
    const detail = await caller.benchmarks.indicator({ indicatorCode: "K1", municipalityNumber: "1103", peerGroup: "county" });
    expect(detail.peerGroup.memberNames).toEqual(series.peerGroup.memberNames);
  });

  it("rejects an unknown indicator and municipality", async () => {
    const { caller } = setupCaller();
    const unknownIndicator = await expectTrpcError(() =>
      // @ts-expect-error: not a catalogue code
      caller.benchmarks.series({ indicatorCode: "X1", municipalityNumber: "0301" }),
    );
    expect(unknownIndicator.code).toBe("BAD_REQUEST");
    const unknownMunicipality = await expectTrpcError(() => caller.benchmarks.series({ indicatorCode: "K1", municipalityNumber: "0000" }));
    expect(unknownMunicipality.code).toBe("NOT_FOUND");
  });
});

describe("draft visibility", () => {
  it("shows a draft to its own organisation and admins only, and keeps it out of others' peer statistics", async () => {
    const api = setupApi();
    const finance = api.as("finance.0301@demo.example");
    const before = await api.as("board@demo.example").benchmarks.series({ indicatorCode: "K1", municipalityNumber: "0301" });
    await saveDraftTotal(api, "0301", 2024, 7_000_000_000);

    const own = await finance.benchmarks.series({ indicatorCode: "K1", municipalityNumber: "0301" });
    expect(own.points.find((p) => p.year === 2024)?.own).toMatchObject({ numerator: 7_000_000_000, status: "draft" });
    const admin = await api.as("admin@demo.example").benchmarks.series({ indicatorCode: "K1", municipalityNumber: "0301" });
    expect(admin.points.find((p) => p.year === 2024)?.own?.numerator).toBe(7_000_000_000);

    for (const email of ["board@demo.example", "finance.5001@demo.example", "manager.1103@demo.example"]) {
      const other = await api.as(email).benchmarks.series({ indicatorCode: "K1", municipalityNumber: "0301" });
      const point = other.points.find((p) => p.year === 2024);
      // Others read Oslo's figure as last approved, marked under correction (issue 20), never the draft.
      expect(point?.own).toMatchObject({ numerator: before.points.find((p) => p.year === 2024)?.own?.numerator, isUnderCorrection: true });
      // Oslo's draft is left out of the national figure too.
      expect(point?.national).toEqual(before.points.find((p) => p.year === 2024)?.national);
    }
    const costs = await expectTrpcError(() => api.as("finance.5001@demo.example").costs.list({ municipalityNumber: "0301" }));
    expect(costs.code).toBe("FORBIDDEN");
  });
});

describe("peer groups", () => {
  it("compares with the county, the ASSS network or everyone, as asked", async () => {
    const { caller } = setupCaller();
    const county = await caller.benchmarks.series({ indicatorCode: "K1", municipalityNumber: "4601", peerGroup: "county" });
    expect(county.peerGroup).toMatchObject({ kind: "county", countyNumber: "46", countyName: "Vestland", members: 43 });
    const asss = await caller.benchmarks.series({ indicatorCode: "K1", municipalityNumber: "4601", peerGroup: "asss" });
    expect(asss.peerGroup).toMatchObject({ kind: "asss", members: 10 });
    const all = await caller.benchmarks.series({ indicatorCode: "K1", municipalityNumber: "4601", peerGroup: "all" });
    expect(all.peerGroup.members).toBe(357);
    // With every municipality as peers, the peer ratio of sums is the national figure.
    const point = all.points.find((p) => p.year === 2024);
    expect(point?.peers.status === "shown" ? point.peers.ratioOfSums : null).toBeCloseTo(point?.national.ratioOfSums ?? 0, 9);
  });

  it("compares with a saved peer set's members on the profile and the indicator page as on the municipality page (issue 20)", async () => {
    const api = setupApi();
    const finance = api.as("finance.0301@demo.example");
    const saved = await finance.peers.saveSet({ name: "Storbyene", memberNumbers: ["4601", "5001", "1103"], shareWithMunicipality: null });
    const members = ["Bergen", "Stavanger", "Trondheim"];
    const series = await finance.benchmarks.series({ indicatorCode: "K1", municipalityNumber: "0301", peerSetId: saved.id });
    const profile = await finance.benchmarks.profile({ municipalityNumber: "0301", year: 2024, peerSetId: saved.id });
    const detail = await finance.benchmarks.indicator({ indicatorCode: "K1", municipalityNumber: "0301", year: 2024, peerSetId: saved.id });
    for (const group of [series.peerGroup, profile.peerGroup, detail.peerGroup]) {
      expect(group).toMatchObject({ kind: "custom", peerSetName: "Storbyene", members: 3, standInFor: null });
      expect([...group.memberNames].sort()).toEqual(members);
    }
    expect(detail.distribution.map((d) => d.name).sort()).toEqual([...members, "Oslo"].sort());
    // A set the reader may not see is NOT_FOUND on every page, as on the municipality page.
    const other = api.as("finance.5001@demo.example");
    for (const read of [
      () => other.benchmarks.profile({ municipalityNumber: "0301", year: 2024, peerSetId: saved.id }),
      () => other.benchmarks.indicator({ indicatorCode: "K1", municipalityNumber: "0301", year: 2024, peerSetId: saved.id }),
    ]) {
      expect((await expectTrpcError(read)).code).toBe("NOT_FOUND");
    }
  });
});

describe("K2: IT cost as share of budget", () => {
  it("is about 2–4 % for the demo data, with a national ratio of sums", async () => {
    const { caller } = setupCaller();
    const series = await caller.benchmarks.series({ indicatorCode: "K2", municipalityNumber: "5001" });
    const point = series.points.find((p) => p.year === 2024);
    expect(point?.own?.value).toBeGreaterThan(1.5);
    expect(point?.own?.value).toBeLessThan(4.5);
    expect(point?.national.ratioOfSums).toBeGreaterThan(1.5);
    expect(point?.national.ratioOfSums).toBeLessThan(4.5);
  });
});

describe("benchmarks.profile (Min kommune)", () => {
  it("gives every indicator for the year with peer band, ranks, trend and what stands out", async () => {
    const api = setupApi();
    const profile = await api
      .as("manager.4601@demo.example")
      .benchmarks.profile({ municipalityNumber: "4601", year: 2024, peerGroup: "kostra" });
    expect(profile).toMatchObject({ municipalityName: "Bergen", year: 2024, peerGroup: { kind: "kostra" } });
    const k1 = profile.items.find((i) => i.code === "K1");
    expect(k1?.value).toBeGreaterThan(0);
    expect(k1?.trend).toHaveLength(11);
    expect(k1?.rank).toBeGreaterThanOrEqual(1);
    expect(k1?.rank).toBeLessThanOrEqual(k1?.rankOf ?? 0);
    const series = await api
      .as("manager.4601@demo.example")
      .benchmarks.series({ indicatorCode: "K1", municipalityNumber: "4601", peerGroup: "kostra" });
    expect(k1?.value).toBe(series.points.find((p) => p.year === 2024)?.own?.value);
    for (const code of ["K1", "K2", "K3", "K6", "Q1", "Q2", "S1", "S3"]) expect(profile.items.some((i) => i.code === code)).toBe(true);
    expect(profile.standOut.length).toBeLessThanOrEqual(3);
    for (const s of profile.standOut) expect(["above", "below"]).toContain(s.position);
    // Directions: a quality indicator above the band is "better"; a cost one is only "above the band".
    for (const item of profile.items) {
      if (item.assessment === "better" || item.assessment === "worse") expect(["quality", "scope", "cost"]).toContain(item.dimension);
      if (item.code === "K1" && item.position === "above") expect(item.assessment).toBe("aboveBand");
    }
  });

  it("refuses a year outside the reporting years", async () => {
    const api = setupApi();
    const error = await expectTrpcError(() => api.as("board@demo.example").benchmarks.profile({ municipalityNumber: "0301", year: 2030 }));
    expect(error.code).toBe("BAD_REQUEST");
  });
});

describe("benchmarks.indicator", () => {
  it("gives the named distribution over the peer group with the own unit marked, the series and a scatter", async () => {
    const api = setupApi();
    const detail = await api
      .as("board@demo.example")
      .benchmarks.indicator({ indicatorCode: "K1", municipalityNumber: "0301", year: 2024, peerGroup: "asss", against: "Q1" });
    expect(detail.indicator).toMatchObject({ code: "K1", unit: "NOK", numerator: "itCostTotal", denominator: "population" });
    const values = detail.distribution.map((d) => d.value);
    expect(values).toEqual([...values].sort((a, b) => a - b));
    expect(detail.distribution.filter((d) => d.own).map((d) => d.name)).toEqual(["Oslo"]);
    // The ASSS network is the ten largest, Oslo among them: each has a value or is counted missing.
    expect(detail.distribution.length + detail.missing).toBe(10);
    expect(detail.series).toHaveLength(11);
    expect(detail.scatter?.every((p) => p.x > 0 && p.y >= 1 && p.y <= 5)).toBe(true);
    expect(detail.freshness.computedAt).not.toBeNull();
  });

  it("says nothing of a draft's freshness to a reader who may not see it (issue 17, finding 3)", async () => {
    const api = setupApi();
    const args = { indicatorCode: "K1" as const, municipalityNumber: "0301", year: 2024 };
    await saveDraftTotal(api, "0301", 2024, 7_000_000_000);
    // The board reads the last approved figure (issue 20), without the draft's time.
    expect((await api.as("board@demo.example").benchmarks.indicator(args)).freshness).toEqual({
      status: "approved",
      isUnderCorrection: true,
      isDemo: true,
      computedAt: null,
    });
    expect((await api.as("finance.0301@demo.example").benchmarks.indicator(args)).freshness).toMatchObject({
      status: "draft",
      computedAt: expect.any(String) as unknown,
    });
  });
});

describe("benchmarks.compare (head to head)", () => {
  it("puts up to ten units side by side, hides others' drafts, and refuses an eleventh", async () => {
    const api = setupApi();
    await saveDraftTotal(api, "0301", 2024, 7_000_000_000);
    const board = await api.as("board@demo.example").benchmarks.compare({ numbers: ["0301", "4601", "5001"], codes: ["K1", "Q1"] });
    expect(board.units.map((u) => u.name)).toEqual(["Oslo", "Bergen", "Trondheim"]);
    expect(board.values.some((v) => v.code === "K1" && v.number === "4601" && v.year === 2024)).toBe(true);
    // Oslo's figure is the last approved one, under correction (issue 20), not the draft.
    expect(board.values.find((v) => v.code === "K1" && v.number === "0301" && v.year === 2024)).toMatchObject({
      status: "approved",
      isUnderCorrection: true,
    });
    const own = await api.as("finance.0301@demo.example").benchmarks.compare({ numbers: ["0301"], codes: ["K1"] });
    expect(own.values.find((v) => v.year === 2024)).toMatchObject({ status: "draft" });
    const eleven = ["0301", "4601", "5001", "1103", "3201", "3203", "3205", "3207", "3209", "3212", "3214"];
    expect((await expectTrpcError(() => api.as("board@demo.example").benchmarks.compare({ numbers: eleven, codes: ["K1"] }))).code).toBe(
      "BAD_REQUEST",
    );
  });
});

describe("benchmark cache", () => {
  it("serves a repeat from the cache, and a register change (new name) reaches the next read", async () => {
    const api = setupApi();
    const board = api.as("board@demo.example");
    const args = { indicatorCode: "K1" as const, municipalityNumber: "0301", year: 2024, peerGroup: "asss" as const };
    const first = await board.benchmarks.indicator(args);
    expect(await board.benchmarks.indicator(args)).toBe(first);
    const bergen = first.distribution.find((d) => d.number === "4601");
    expect(bergen?.name).toBe("Bergen");
    applyRegisterNames(api.db, [{ number: "4601", before: { name: "Bergen", altName: null }, after: { name: "Bjørgvin", altName: null } }]);
    const after = await board.benchmarks.indicator(args);
    expect(after.distribution.find((d) => d.number === "4601")?.name).toBe("Bjørgvin");
  });

  it("a saved figure changes the next profile, without a stale peer statistic", async () => {
    const api = setupApi();
    const board = api.as("board@demo.example");
    const finance = api.as("finance.0301@demo.example");
    const args = { municipalityNumber: "0301", year: 2025, peerGroup: "asss" as const };
    const before = await finance.benchmarks.profile(args);
    const boardBefore = await board.benchmarks.profile(args);
    await saveDraftTotal(api, "0301", 2025, 1_000_000_000);
    const k1 = (p: typeof before) => p.items.find((i) => i.code === "K1");
    expect(k1(await finance.benchmarks.profile(args))?.value).not.toBe(k1(before)?.value);
    // Others keep the last approved figure, marked under correction (issue 20).
    expect(k1(await board.benchmarks.profile(args))).toMatchObject({ value: k1(boardBefore)?.value, isUnderCorrection: true });
  });

  it("keeps others' cached comparisons through a draft, and refreshes them when the figure is approved", async () => {
    const api = setupApi();
    const board = api.as("board@demo.example");
    const finance = api.as("finance.0301@demo.example");
    // The indicator view has no output schema, so a cache hit is the very same object.
    const args = { indicatorCode: "K1" as const, municipalityNumber: "0301", year: 2025, peerGroup: "asss" as const };
    // Returning the approved demo report takes its figure from everyone; from then on it is a draft.
    const original = (await finance.costs.report({ municipalityNumber: "0301", year: 2025 })).report?.totalItCost ?? 0;
    await saveDraftTotal(api, "0301", 2025, Math.round(original * 1.05));
    const boardBefore = await board.benchmarks.indicator(args);
    const financeBefore = await finance.benchmarks.indicator(args);
    await saveDraftTotal(api, "0301", 2025, Math.round(original * 1.1));
    // The board does not see drafts: its cached answer stands.
    expect(await board.benchmarks.indicator(args)).toBe(boardBefore);
    const financeAfter = await finance.benchmarks.indicator(args);
    expect(financeAfter).not.toBe(financeBefore);
    expect(financeAfter.freshness.status).toBe("draft");
    // An approved figure put under correction (Bergen's report returned) changes everyone's answer:
    // the figure stays, as last approved, marked under correction (issue 20).
    const bergen = await api.as("admin@demo.example").costs.report({ municipalityNumber: "4601", year: 2025 });
    await api
      .as("admin@demo.example")
      .costs.return({ municipalityNumber: "4601", year: 2025, expectedVersion: bergen.report?.version ?? 0, comment: "Rett tallene" });
    const boardAfter = await board.benchmarks.indicator(args);
    expect(boardAfter).not.toBe(boardBefore);
    const before4601 = boardBefore.distribution.find((d) => d.number === "4601");
    expect(before4601).toMatchObject({ isUnderCorrection: false });
    expect(boardAfter.distribution.find((d) => d.number === "4601")).toMatchObject({ value: before4601?.value, isUnderCorrection: true });
  });
});

describe("figures that mean the same to everyone (issue 20)", () => {
  const k1 = <T extends { code: string }>(items: readonly T[]) => items.find((i) => i.code === "K1");

  it("keeps the last approved figure readable, marked under correction, while a returned report is corrected", async () => {
    const api = setupApi();
    const board = api.as("board@demo.example");
    const before = (await board.benchmarks.series({ indicatorCode: "K1", municipalityNumber: "0301" })).points.find((p) => p.year === 2024);
    const sectorBefore = k1((await board.sector.dashboard({ year: 2024 })).indicators);
    // Oslo's approved 2024 report is returned and saved again as a draft.
    await saveDraftTotal(api, "0301", 2024, 7_000_000_000);

    for (const email of ["board@demo.example", "finance.5001@demo.example"]) {
      const reader = api.as(email);
      const point = (await reader.benchmarks.series({ indicatorCode: "K1", municipalityNumber: "0301" })).points.find(
        (p) => p.year === 2024,
      );
      expect(point?.own).toMatchObject({ value: before?.own?.value, status: "approved", isUnderCorrection: true });
      expect(point?.national).toEqual(before?.national);
      const profile = await reader.benchmarks.profile({ municipalityNumber: "0301", year: 2024 });
      expect(k1(profile.items)).toMatchObject({ value: before?.own?.value, status: "approved", isUnderCorrection: true });
      const detail = await reader.benchmarks.indicator({ indicatorCode: "K1", municipalityNumber: "0301", year: 2024 });
      expect(detail.distribution.find((d) => d.own)).toMatchObject({ value: before?.own?.value, isUnderCorrection: true });
      expect(detail.freshness).toMatchObject({ status: "approved", isUnderCorrection: true });
    }
    expect(k1((await board.sector.dashboard({ year: 2024 })).indicators)).toEqual(sectorBefore);
    // Oslo itself works on its draft.
    const own = (
      await api.as("finance.0301@demo.example").benchmarks.series({ indicatorCode: "K1", municipalityNumber: "0301" })
    ).points.find((p) => p.year === 2024);
    expect(own?.own).toMatchObject({ numerator: 7_000_000_000, status: "draft", isUnderCorrection: false });

    // Approved again, the corrected figure is everyone's, no longer under correction.
    const finance = api.as("finance.0301@demo.example");
    const view = await finance.costs.report({ municipalityNumber: "0301", year: 2024 });
    const explained = await finance.costs.save({
      ...emptyReportInput("0301", 2024, view.report?.version ?? null),
      lines: [{ service: "operations", costType: "ownStaff", systemId: null, amount: 7_000_000_000, comment: null }],
      itUserAccounts: view.report?.itUserAccounts ?? null,
      warningComments: Object.fromEntries(view.warnings.map((w) => [w.key, "Rettet etter kontroll"])),
    });
    await finance.costs.submit({ municipalityNumber: "0301", year: 2024, expectedVersion: explained.version });
    await api.as("admin@demo.example").costs.approve({ municipalityNumber: "0301", year: 2024, expectedVersion: explained.version + 1 });
    const after = (await board.benchmarks.series({ indicatorCode: "K1", municipalityNumber: "0301" })).points.find((p) => p.year === 2024);
    expect(after?.own).toMatchObject({ numerator: 7_000_000_000, status: "approved", isUnderCorrection: false });
  });

  it("computes national and group statistics from approved figures for every reader, and gives the own draft beside them", async () => {
    const api = setupApi();
    // Trondheim's 2024 report becomes a draft of ten times the cost.
    const approved = (
      await api.as("board@demo.example").benchmarks.series({ indicatorCode: "K1", municipalityNumber: "5001" })
    ).points.find((p) => p.year === 2024);
    await saveDraftTotal(api, "5001", 2024, (approved?.own?.numerator ?? 0) * 10);

    const views = await Promise.all(
      ["finance.5001@demo.example", "finance.0301@demo.example", "board@demo.example", "admin@demo.example"].map(async (email) => {
        const reader = api.as(email);
        const series = await reader.benchmarks.series({ indicatorCode: "K1", municipalityNumber: "5001", peerGroup: "asss" });
        const profile = await reader.benchmarks.profile({ municipalityNumber: "5001", year: 2024, peerGroup: "asss" });
        const detail = await reader.benchmarks.indicator({
          indicatorCode: "K1",
          municipalityNumber: "5001",
          year: 2024,
          peerGroup: "asss",
        });
        const point = series.points.find((p) => p.year === 2024);
        const item = k1(profile.items);
        return {
          statistics: {
            national: point?.national,
            peers: point?.peers,
            profileNational: item?.national,
            profilePeers: item?.peers,
            series: detail.series.map((s) => [s.median, s.national]),
          },
          own: point?.own,
        };
      }),
    );
    for (const view of views.slice(1)) expect(view.statistics).toEqual(views[0]?.statistics);
    // The statistics hold Trondheim's approved figure; its own finance user sees the draft beside them.
    expect(views[0]?.statistics.national).toEqual(approved?.national);
    expect(views[0]?.own).toMatchObject({ numerator: (approved?.own?.numerator ?? 0) * 10, status: "draft" });
    expect(views[1]?.own).toMatchObject({ numerator: approved?.own?.numerator, status: "approved", isUnderCorrection: true });
  });
});

describe("a peer group too small to compare with (issue 20)", () => {
  it("stands the ten largest in for Oslo's one-member KOSTRA group on every page, and says so", async () => {
    const board = setupApi().as("board@demo.example");
    const args = { municipalityNumber: "0301", peerGroup: "kostra" as const };
    const profile = await board.benchmarks.profile({ ...args, year: 2024 });
    const series = await board.benchmarks.series({ ...args, indicatorCode: "K1" });
    const detail = await board.benchmarks.indicator({ ...args, indicatorCode: "K1", year: 2024 });
    for (const group of [profile.peerGroup, series.peerGroup, detail.peerGroup])
      expect(group).toMatchObject({ kind: "asss", members: 10, standInFor: "kostra" });
    expect(profile.items.find((i) => i.code === "K1")?.peers.status).toBe("shown");
    // A group large enough is kept as chosen.
    expect((await board.benchmarks.profile({ municipalityNumber: "4601", peerGroup: "county", year: 2024 })).peerGroup).toMatchObject({
      kind: "county",
      standInFor: null,
    });
  });
});

describe("benchmarks.map (issue 24)", () => {
  it("gives every municipality's figure for the year, with its county, the chosen one's peer group and the counties", async () => {
    const { caller, db } = setupCaller();
    const map = await caller.benchmarks.map({ indicatorCode: "K1", municipalityNumber: "5001", year: 2024, peerGroup: "county" });
    expect(map.units).toHaveLength(357);
    expect(map.counties).toHaveLength(15);
    expect(map).toMatchObject({ year: 2024, municipalityNumber: "5001", municipalityName: "Trondheim", isDemo: true });
    // The county group: Trøndelag's municipalities, every one in county 50.
    const inGroup = map.units.filter((u) => map.peerNumbers.includes(u.number));
    expect(inGroup.length).toBeGreaterThan(3);
    expect(inGroup.every((u) => u.countyNumber === "50")).toBe(true);
    // A figure is its read model's ratio, and a missing one stays missing.
    const rows = listIndicatorValues(db, "K1", [2024]);
    const oslo = getMunicipalityByNumber(db, "0301");
    const row = rows.find((r) => r.organisationId === oslo?.id);
    expect(map.units.find((u) => u.number === "0301")?.value).toBeCloseTo((row?.numerator ?? 0) / (row?.denominator ?? 1), 9);
    expect(map.units.filter((u) => u.value === null).length).toBe(357 - rows.filter((r) => r.denominator > 0).length);
    // Small enough to send for every indicator (docs/quality-targets.md#p-8 is 25 kB for a series; the map is every unit).
    expect(JSON.stringify(map).length).toBeLessThan(60_000);
  });

  it("draws the whole country without a chosen municipality, and never shows another's draft", async () => {
    const api = setupApi();
    const before = await api.as("board@demo.example").benchmarks.map({ indicatorCode: "K1", year: 2024 });
    expect(before.municipalityNumber).toBeNull();
    expect(before.peerNumbers).toEqual([]);
    await saveDraftTotal(api, "0301", 2024, 7_000_000_000);
    const board = await api.as("board@demo.example").benchmarks.map({ indicatorCode: "K1", year: 2024, municipalityNumber: "0301" });
    expect(board.units.find((u) => u.number === "0301")).toMatchObject({
      numerator: before.units.find((u) => u.number === "0301")?.numerator,
      isUnderCorrection: true,
    });
    const own = await api.as("finance.0301@demo.example").benchmarks.map({ indicatorCode: "K1", year: 2024, municipalityNumber: "0301" });
    expect(own.units.find((u) => u.number === "0301")?.numerator).toBe(7_000_000_000);
    const other = await api.as("finance.5001@demo.example").benchmarks.map({ indicatorCode: "K1", year: 2024 });
    expect(other.units.find((u) => u.number === "0301")?.numerator).toBe(before.units.find((u) => u.number === "0301")?.numerator);
  });
});
