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
      return { kind, kostraGroup: group, members: new Set(group === null ? [] : units.filter((u) => u.kostraGroup === group).map((u) => u.id)) };
    }
    case "sizeClass": {
      const sizeClass = self.population === null ? null : sizeClassOf(self.population);
      const members = new Set(
        sizeClass === null ? [] : units.filter((u) => u.population !== null && sizeClassOf(u.population) === sizeClass).map((u) => u.id),
      );
      return { kind, sizeClass, members };
    }
    case "county":
      return { kind, countyNumber: self.countyNumber, members: new Set(units.filter((u) => u.countyNumber === self.countyNumber).map((u) => u.id)) };
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
export function kostraPeersOf(units: readonly Pick<PeerUnit, "id" | "kostraGroup">[], self: Pick<PeerUnit, "id" | "kostraGroup">): Set<number> {
  const group = self.kostraGroup ?? null;
  return new Set(group === null ? [] : units.filter((u) => u.kostraGroup === group && u.id !== self.id).map((u) => u.id));
}
