import { describe, expect, it } from "vitest";

import { expectAppError, expectTrpcError, setupApi } from "../../test-helpers";

describe("peer sets", () => {
  it("saves a private set that only its owner sees and can compare with", async () => {
    const api = setupApi();
    const finance = api.as("finance.0301@demo.example");
    const saved = await finance.peers.saveSet({
      name: "Storbyene",
      memberNumbers: ["0301", "4601", "5001", "1103"],
      shareWithMunicipality: null,
    });
    expect(saved).toMatchObject({ name: "Storbyene", isOwner: true, version: 1, sharedWith: null });
    expect(saved.members.map((m) => m.name)).toEqual(["Oslo", "Stavanger", "Bergen", "Trondheim"]);

    const series = await finance.benchmarks.series({ indicatorCode: "K1", municipalityNumber: "0301", peerSetId: saved.id });
    expect(series.peerGroup).toMatchObject({ kind: "custom", peerSetName: "Storbyene", members: 4 });

    // Someone else: the set is invisible, and using its id is NOT_FOUND rather than FORBIDDEN.
    const manager = api.as("manager.0301@demo.example");
    expect(await manager.peers.sets()).toEqual([]);
    const error = await expectTrpcError(() =>
      manager.benchmarks.series({ indicatorCode: "K1", municipalityNumber: "0301", peerSetId: saved.id }),
    );
    expect(error.code).toBe("NOT_FOUND");
  });

  it("shares a set with the own organisation, and only the owner may change or delete it", async () => {
    const api = setupApi();
    const finance = api.as("finance.0301@demo.example");
    const saved = await finance.peers.saveSet({ name: "Nabokommuner", memberNumbers: ["3201", "3203"], shareWithMunicipality: "0301" });
    expect(saved.sharedWith).toEqual({ number: "0301", name: "Oslo" });
    const manager = api.as("manager.0301@demo.example");
    expect((await manager.peers.sets()).map((s) => [s.name, s.isOwner])).toEqual([["Nabokommuner", false]]);
    expect(await api.as("finance.5001@demo.example").peers.sets()).toEqual([]);
    expect(expectAppError(await expectTrpcError(() => manager.peers.deleteSet({ id: saved.id })), "FORBIDDEN").params).toEqual({
      reason: "NOT_OWNER",
    });

    const renamed = await finance.peers.saveSet({
      id: saved.id,
      expectedVersion: 1,
      name: "Naboer",
      memberNumbers: ["3201"],
      shareWithMunicipality: "0301",
    });
    expect(renamed).toMatchObject({ name: "Naboer", version: 2 });
    const stale = await expectTrpcError(() =>
      finance.peers.saveSet({ id: saved.id, expectedVersion: 1, name: "X", memberNumbers: ["3201"], shareWithMunicipality: null }),
    );
    expectAppError(stale, "VERSION_CONFLICT");
    await finance.peers.deleteSet({ id: saved.id });
    expect(await manager.peers.sets()).toEqual([]);
  });

  it("refuses sharing with an organisation the user does not belong to, and unknown members", async () => {
    const finance = setupApi().as("finance.0301@demo.example");
    const share = await expectTrpcError(() => finance.peers.saveSet({ name: "X", memberNumbers: ["0301"], shareWithMunicipality: "5001" }));
    expect(expectAppError(share, "FORBIDDEN").params).toEqual({ reason: "NOT_MEMBER" });
    const unknown = await expectTrpcError(() =>
      finance.peers.saveSet({ name: "X", memberNumbers: ["0301", "9999"], shareWithMunicipality: null }),
    );
    expect(expectAppError(unknown, "VALIDATION_FAILED").issues[0]).toMatchObject({ path: ["memberNumbers", 1], code: "NOT_FOUND" });
  });
});

describe("peers.suggest", () => {
  it("suggests ten similar municipalities with reasons", async () => {
    const suggestions = await setupApi().as("manager.4601@demo.example").peers.suggest({ municipalityNumber: "1103" });
    expect(suggestions).toHaveLength(10);
    expect(suggestions.map((s) => s.number)).not.toContain("1103");
    expect(suggestions[0]?.reasons.some((r) => r.code === "SIMILAR_POPULATION")).toBe(true);
    expect(suggestions.map((s) => s.name)).toContain("Sandnes");
  });

  it("suggests on structure with reasons and distances, the same whatever the indicators' figures", async () => {
    const api = setupApi();
    const manager = api.as("manager.4601@demo.example");
    const before = await manager.peers.suggest({ municipalityNumber: "1103" });
    expect([typeof before[0]?.distance, typeof before[0]?.population, typeof before[0]?.density]).toEqual(["number", "number", "number"]);
    for (let i = 1; i < before.length; i += 1) expect(before[i]?.distance).toBeGreaterThanOrEqual(before[i - 1]?.distance ?? 0);
    expect(before.flatMap((s) => s.reasons.map((r) => r.code))).toContain("SIMILAR_DENSITY");
    // Every figure of every indicator changes, the closest peers' most of all: the suggestion does not.
    api.sqlite.prepare("update indicator_values set numerator = numerator * (1 + organisation_id % 7)").run();
    const top = before.slice(0, 3).map((s) => s.number);
    api.sqlite
      .prepare(
        `update indicator_values set numerator = numerator * 50 where organisation_id in (select id from organisations where number in (${top.map(() => "?").join(", ")}))`,
      )
      .run(...top);
    expect(await manager.peers.suggest({ municipalityNumber: "1103" })).toEqual(before);
  });
});
