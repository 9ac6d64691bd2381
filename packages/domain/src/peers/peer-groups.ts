import { MIN_PEERS_FOR_STATISTICS } from "../statistics/peer-summary";
import { sizeClassOf, type SizeClass } from "./size-class";

/** The ASSS network: the ten largest municipalities, by their 2024 numbers. */
export const ASSS_NUMBERS = ["0301", "4601", "5001", "1103", "3201", "4204", "3301", "3107", "1108", "5501"] as const;

/** Peer groups offered wherever a comparison is shown; saved custom sets come on top. */
export const PEER_GROUP_KINDS = ["kostra", "sizeClass", "county", "asss", "all"] as const;
export type PeerGroupKind = (typeof PEER_GROUP_KINDS)[number];

export interface PeerUnit {
  readonly id: number;
  readonly number: string;
  readonly countyNumber: string;
  /** Latest population; null when unknown. */
  readonly population: number | null;
  /** KOSTRA group code; null until imported. */
  readonly kostraGroup?: string | null;
}

export type PeerGroup =
  | { readonly kind: "kostra"; readonly kostraGroup: string | null; readonly members: ReadonlySet<number> }
  | { readonly kind: "sizeClass"; readonly sizeClass: SizeClass | null; readonly members: ReadonlySet<number> }
  | { readonly kind: "county"; readonly countyNumber: string; readonly members: ReadonlySet<number> }
  | { readonly kind: "asss"; readonly members: ReadonlySet<number> }
  | { readonly kind: "all"; readonly members: ReadonlySet<number> };

/** The members of a unit's peer group (the unit itself included when it qualifies). */
export function selectPeers(units: readonly PeerUnit[], self: PeerUnit, kind: PeerGroupKind): PeerGroup {
  switch (kind) {
    case "kostra": {
      const group = self.kostraGroup ?? null;
      return {
        kind,
        kostraGroup: group,
        members: new Set(group === null ? [] : units.filter((u) => u.kostraGroup === group).map((u) => u.id)),
      };
    }
    case "sizeClass": {
      const sizeClass = self.population === null ? null : sizeClassOf(self.population);
      const members = new Set(
        sizeClass === null ? [] : units.filter((u) => u.population !== null && sizeClassOf(u.population) === sizeClass).map((u) => u.id),
      );
      return { kind, sizeClass, members };
    }
    case "county":
      return {
        kind,
        countyNumber: self.countyNumber,
        members: new Set(units.filter((u) => u.countyNumber === self.countyNumber).map((u) => u.id)),
      };
    case "asss": {
      const asss = new Set<string>(ASSS_NUMBERS);
      return { kind, members: new Set(units.filter((u) => asss.has(u.number)).map((u) => u.id)) };
    }
    case "all":
      return { kind, members: new Set(units.map((u) => u.id)) };
  }
}

/**
 * The other members of a unit's KOSTRA group (none without a group): the comparison base of a
 * report's plausibility checks and of the peer medians beside it.
 */
export function kostraPeersOf(
  units: readonly Pick<PeerUnit, "id" | "kostraGroup">[],
  self: Pick<PeerUnit, "id" | "kostraGroup">,
): Set<number> {
  const group = self.kostraGroup ?? null;
  return new Set(group === null ? [] : units.filter((u) => u.kostraGroup === group && u.id !== self.id).map((u) => u.id));
}

/** The group compared with, and the group asked for when that had too few members to say anything. */
export interface ChosenPeerGroup {
  readonly group: PeerGroup;
  /** The chosen kind, when its group had fewer than three members and `group` stands in for it; else null. */
  readonly standInFor: PeerGroupKind | null;
}

/**
 * The peer group every comparison page uses. A chosen group with fewer than three members hides
 * every statistic (Oslo is alone in its KOSTRA group), so the default stands in for it: the ASSS
 * network (the ten largest) for its members, else the size class, else everyone. A group that does
 * not exist yet (no KOSTRA groups imported, no population) is left as it is, for the page to say so.
 */
export function choosePeerGroup(units: readonly PeerUnit[], self: PeerUnit, kind: PeerGroupKind): ChosenPeerGroup {
  const chosen = selectPeers(units, self, kind);
  const isUndefined =
    (chosen.kind === "kostra" && chosen.kostraGroup === null) || (chosen.kind === "sizeClass" && chosen.sizeClass === null);
  if (chosen.members.size >= MIN_PEERS_FOR_STATISTICS || isUndefined) return { group: chosen, standInFor: null };
  const fallbacks: PeerGroupKind[] = (ASSS_NUMBERS as readonly string[]).includes(self.number)
    ? ["asss", "sizeClass", "all"]
    : ["sizeClass", "all"];
  for (const fallback of fallbacks.filter((f) => f !== kind)) {
    const group = selectPeers(units, self, fallback);
    if (group.members.size >= MIN_PEERS_FOR_STATISTICS) return { group, standInFor: kind };
  }
  return { group: chosen, standInFor: null };
}

/**
 * The peers a report's plausibility checks and the peer medians beside it compare with: the unit's
 * KOSTRA group, or the stand-in every comparison page uses when that has fewer than three members
 * (`choosePeerGroup`), without the unit itself. A unit outside the register (a cooperative) has none.
 */
export function checkPeersOf(
  units: readonly PeerUnit[],
  self: PeerUnit | undefined,
): { peers: Set<number>; kind: PeerGroupKind; standInFor: PeerGroupKind | null } {
  if (!self) return { peers: new Set(), kind: "kostra", standInFor: null };
  const { group, standInFor } = choosePeerGroup(units, self, "kostra");
  return { peers: new Set([...group.members].filter((id) => id !== self.id)), kind: group.kind, standInFor };
}
