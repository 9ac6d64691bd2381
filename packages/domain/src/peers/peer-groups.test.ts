import { describe, expect, it } from "vitest";

import { kostraPeersOf, selectPeers, type PeerUnit } from "./peer-groups";

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
    expect(selectPeers(withGroups, withGroups[1] as PeerUnit, "kostra")).toEqual({ kind: "kostra", kostraGroup: "EKG13", members: new Set([1, 2]) });
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

