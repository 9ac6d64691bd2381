import {
  deletePeerSet,
  getMunicipalityByNumber,
  getPeerSet,
  insertPeerSet,
  listLatestPopulations,
  listMunicipalities,
  listMunicipalityAreas,
  listVisiblePeerSets,
  updatePeerSet,
  type Db,
  type DbOrTx,
  type MunicipalityListItem,
  type PeerSetRow,
} from "@malestokk/db";
import { isOrganisationRole, suggestPeers, type SuggestReason } from "@malestokk/domain";

import type { Session } from "../../context";
import { AppError } from "../../errors";

export interface PeerSetView {
  readonly id: number;
  readonly name: string;
  readonly isOwner: boolean;
  readonly version: number;
  readonly sharedWith: { readonly number: string; readonly name: string } | null;
  readonly members: readonly { readonly number: string; readonly name: string }[];
}

/** Organisations where the user holds a role: the ones a set can be shared with. */
function memberOrganisationIds(session: Session): number[] {
  return session.grants.filter((g) => isOrganisationRole(g.role) && g.organisationId !== null).map((g) => g.organisationId as number);
}

function toView(set: PeerSetRow, session: Session, byId: Map<number, MunicipalityListItem>): PeerSetView {
  const shared = set.sharedWithOrganisationId === null ? null : byId.get(set.sharedWithOrganisationId);
  return {
    id: set.id,
    name: set.name,
    isOwner: set.ownerUserId === session.user.id,
    version: set.version,
    sharedWith: shared ? { number: shared.number, name: shared.name } : null,
    members: set.memberIds.flatMap((id) => {
      const m = byId.get(id);
      return m ? [{ number: m.number, name: m.name }] : [];
    }),
  };
}

export function listPeerSets(db: Db, session: Session): PeerSetView[] {
  const byId = new Map(listMunicipalities(db).map((m) => [m.id, m]));
  return listVisiblePeerSets(db, { userId: session.user.id, organisationIds: memberOrganisationIds(session) }).map((s) =>
    toView(s, session, byId),
  );
}

/** A set the user may use; someone else's private set is NOT_FOUND, so its existence does not leak. */
export function requireVisiblePeerSet(db: DbOrTx, session: Session, id: number): PeerSetRow {
  const set = getPeerSet(db, id);
  const visible =
    set !== null &&
    (set.ownerUserId === session.user.id ||
      (set.sharedWithOrganisationId !== null && memberOrganisationIds(session).includes(set.sharedWithOrganisationId)));
  if (!set || !visible) throw new AppError("NOT_FOUND", { params: { peerSetId: id } });
  return set;
}

export function savePeerSet(
  db: Db,
  session: Session,
  input: {
    id?: number | undefined;
    expectedVersion?: number | undefined;
    name: string;
    memberNumbers: readonly string[];
    shareWithMunicipality: string | null;
  },
  now: Date,
): PeerSetView {
  return db.transaction((tx) => {
    const memberIds = input.memberNumbers.map((number, index) => {
      const m = getMunicipalityByNumber(tx, number);
      if (!m) {
        throw new AppError("VALIDATION_FAILED", {
          issues: [{ path: ["memberNumbers", index], code: "NOT_FOUND", params: { municipalityNumber: number } }],
        });
      }
      return m.id;
    });
    let sharedWith: number | null = null;
    if (input.shareWithMunicipality !== null) {
      const org = getMunicipalityByNumber(tx, input.shareWithMunicipality);
      if (!org || !memberOrganisationIds(session).includes(org.id)) {
        throw new AppError("FORBIDDEN", {
          message: "Can share only with an organisation the user belongs to",
          params: { reason: "NOT_MEMBER" },
        });
      }
      sharedWith = org.id;
    }
    const at = now.toISOString();
    let id: number;
    if (input.id === undefined) {
      id = insertPeerSet(tx, { name: input.name, ownerUserId: session.user.id, sharedWithOrganisationId: sharedWith, memberIds, now: at });
    } else {
      const existing = requireVisiblePeerSet(tx, session, input.id);
      if (existing.ownerUserId !== session.user.id) throw new AppError("FORBIDDEN", { params: { reason: "NOT_OWNER" } });
      if (
        !updatePeerSet(tx, {
          id: input.id,
          expectedVersion: input.expectedVersion ?? -1,
          name: input.name,
          sharedWithOrganisationId: sharedWith,
          memberIds,
          now: at,
        })
      ) {
        throw new AppError("VERSION_CONFLICT", { params: { currentVersion: existing.version } });
      }
      id = input.id;
    }
    const byId = new Map(listMunicipalities(tx).map((m) => [m.id, m]));
    const saved = getPeerSet(tx, id);
    if (!saved) throw new Error("saved peer set vanished");
    return toView(saved, session, byId);
  });
}

export function removePeerSet(db: Db, session: Session, id: number): void {
  db.transaction((tx) => {
    const set = requireVisiblePeerSet(tx, session, id);
    if (set.ownerUserId !== session.user.id) throw new AppError("FORBIDDEN", { params: { reason: "NOT_OWNER" } });
    deletePeerSet(tx, id);
  });
}

export interface SuggestionView {
  readonly number: string;
  readonly name: string;
  readonly countyName: string;
  /** Weighted structural distance (domain/peers/suggest.ts); smaller is more alike. */
  readonly distance: number;
  readonly population: number;
  readonly density: number | null;
  readonly reasons: readonly SuggestReason[];
}

/**
 * The ten municipalities most like this one in structure (population, density, county), with
 * reasons and distances. No indicator goes in, so the suggestion is the same whatever is compared.
 */
export function suggestPeerSet(db: Db, municipalityNumber: string): SuggestionView[] {
  const self = getMunicipalityByNumber(db, municipalityNumber);
  if (!self) throw new AppError("NOT_FOUND", { params: { municipalityNumber } });
  const municipalities = listMunicipalities(db);
  const latest = listLatestPopulations(db);
  const areas = listMunicipalityAreas(db);
  const units = municipalities.map((m) => ({
    id: m.id,
    number: m.number,
    countyNumber: m.countyNumber,
    population: latest.get(m.id) ?? null,
    areaKm2: areas.get(m.id) ?? null,
  }));
  const own = units.find((u) => u.id === self.id);
  if (!own) return [];
  const byId = new Map(municipalities.map((m) => [m.id, m]));
  return suggestPeers(units, own).map((s) => {
    const m = byId.get(s.id);
    return {
      number: s.number,
      name: m?.name ?? s.number,
      countyName: m?.countyName ?? "",
      distance: s.distance,
      population: s.population,
      density: s.density,
      reasons: s.reasons,
    };
  });
}
