import { listLatestPopulations, listMunicipalities, type DbOrTx } from "@malestokk/db";

/** Every municipality as the peer groups read it (domain/peers): number, county, latest population, KOSTRA group and name. */
export function listPeerUnits(db: DbOrTx) {
  const latest = listLatestPopulations(db);
  return listMunicipalities(db).map((m) => ({
    id: m.id,
    number: m.number,
    countyNumber: m.countyNumber,
    population: latest.get(m.id) ?? null,
    kostraGroup: m.kostraGroup,
    name: m.name,
  }));
}
