import { describe, expect, it } from "vitest";

import { checkPeersOf, choosePeerGroup, kostraPeersOf, selectPeers, type PeerUnit } from "./peer-groups";

const units: PeerUnit[] = [
  { id: 1, number: "0301", countyNumber: "03", population: 717_710 },
  { id: 2, number: "4601", countyNumber: "46", population: 291_940 },
  { id: 3, number: "4602", countyNumber: "46", population: 17_000 },
  { id: 4, number: "4603", countyNumber: "46", population: 4_000 },
  { id: 5, number: "1151", countyNumber: "11", population: 215 },
  { id: 6, number: "1152", countyNumber: "11", population: null },
];

describe("selectPeers", () => {
  it("groups by DFØ size class", () => {
    expect(selectPeers(units, units[3] as PeerUnit, "sizeClass")).toEqual({ kind: "sizeClass", sizeClass: "xs", members: new Set([4, 5]) });
    expect(selectPeers(units, units[5] as PeerUnit, "sizeClass")).toEqual({ kind: "sizeClass", sizeClass: null, members: new Set() });
  });

  it("groups by county", () => {
    expect(selectPeers(units, units[2] as PeerUnit, "county")).toEqual({ kind: "county", countyNumber: "46", members: new Set([2, 3, 4]) });
  });

  it("groups by KOSTRA group, and has none until groups are imported", () => {
    const withGroups = units.map((u) => ({ ...u, kostraGroup: u.id <= 2 ? "EKG13" : null }));
    expect(selectPeers(withGroups, withGroups[1] as PeerUnit, "kostra")).toEqual({
      kind: "kostra",
      kostraGroup: "EKG13",
      members: new Set([1, 2]),
    });
    expect(selectPeers(units, units[1] as PeerUnit, "kostra")).toEqual({ kind: "kostra", kostraGroup: null, members: new Set() });
  });

  it("knows the ASSS network and everyone", () => {
    expect(selectPeers(units, units[4] as PeerUnit, "asss").members).toEqual(new Set([1, 2]));
    expect(selectPeers(units, units[4] as PeerUnit, "all").members.size).toBe(6);
  });
});

describe("kostraPeersOf", () => {
  it("gives the other members of the unit's KOSTRA group, and nobody without a group", () => {
    const units = [
      { id: 1, kostraGroup: "K13" },
      { id: 2, kostraGroup: "K13" },
      { id: 3, kostraGroup: "K08" },
      { id: 4, kostraGroup: null },
      { id: 5 },
    ];
    expect([...kostraPeersOf(units, { id: 1, kostraGroup: "K13" })]).toEqual([2]);
    expect([...kostraPeersOf(units, { id: 4, kostraGroup: null })]).toEqual([]);
    expect([...kostraPeersOf(units, { id: 5 })]).toEqual([]);
  });
});

describe("choosePeerGroup", () => {
  const grouped = units.map((u) => ({ ...u, kostraGroup: u.id === 1 ? "EKG16" : u.id <= 4 ? "EKG13" : "EKG01" }));

  it("keeps a chosen group of three or more members", () => {
    expect(choosePeerGroup(grouped, grouped[1] as PeerUnit, "kostra")).toEqual({
      group: { kind: "kostra", kostraGroup: "EKG13", members: new Set([2, 3, 4]) },
      standInFor: null,
    });
  });

  it("stands in the ten largest for a group of one that is among them (Oslo in its own KOSTRA group), and says so", () => {
    const withAsss = [...grouped, { id: 7, number: "5001", countyNumber: "50", population: 214_000, kostraGroup: "EKG13" }];
    expect(choosePeerGroup(withAsss, withAsss[0] as PeerUnit, "kostra")).toEqual({
      group: { kind: "asss", members: new Set([1, 2, 7]) },
      standInFor: "kostra",
    });
  });

  it("stands in the size class, else everyone, for a small group outside the ten largest", () => {
    // 1151 and 1152 are alone in EKG01, and 1151's size class has only 4603 besides: everyone stands in.
    expect(choosePeerGroup(grouped, grouped[4] as PeerUnit, "kostra")).toEqual({
      group: { kind: "all", members: new Set([1, 2, 3, 4, 5, 6]) },
      standInFor: "kostra",
    });
    const small = [...grouped, { id: 8, number: "1153", countyNumber: "11", population: 300, kostraGroup: "EKG02" }];
    expect(choosePeerGroup(small, small[6] as PeerUnit, "kostra")).toEqual({
      group: { kind: "sizeClass", sizeClass: "xs", members: new Set([4, 5, 8]) },
      standInFor: "kostra",
    });
  });

  it("leaves a group that does not exist yet for the page to explain", () => {
    expect(choosePeerGroup(units, units[1] as PeerUnit, "kostra")).toEqual({
      group: { kind: "kostra", kostraGroup: null, members: new Set() },
      standInFor: null,
    });
  });
});

describe("checkPeersOf", () => {
  it("checks against the KOSTRA group, or the comparison pages' stand-in when it has fewer than three members (issue 20)", () => {
    const units: PeerUnit[] = [
      { id: 1, number: "0301", countyNumber: "03", population: 700_000, kostraGroup: "K13" },
      { id: 2, number: "4601", countyNumber: "46", population: 290_000, kostraGroup: "K14" },
      { id: 3, number: "5001", countyNumber: "50", population: 210_000, kostraGroup: "K14" },
      { id: 4, number: "1103", countyNumber: "11", population: 145_000, kostraGroup: "K14" },
      { id: 5, number: "1111", countyNumber: "11", population: 3_000, kostraGroup: "K01" },
    ];
    expect(checkPeersOf(units, units[1])).toEqual({ peers: new Set([3, 4]), kind: "kostra", standInFor: null });
    expect(checkPeersOf(units, units[0])).toEqual({ peers: new Set([2, 3, 4]), kind: "asss", standInFor: "kostra" });
    expect(checkPeersOf(units, undefined)).toEqual({ peers: new Set(), kind: "kostra", standInFor: null });
  });
});
