import { getMunicipalityByNumber, listMunicipalities, type Db, type MunicipalityListItem } from "@malestokk/db";

import { AppError } from "../../errors";

export function listAllMunicipalities(db: Db): MunicipalityListItem[] {
  return listMunicipalities(db);
}

/** The municipality with this number, or NOT_FOUND. */
export function requireMunicipality(db: Db, number: string): MunicipalityListItem {
  const municipality = getMunicipalityByNumber(db, number);
  if (!municipality) {
    throw new AppError("NOT_FOUND", { message: `No municipality ${number}`, params: { municipalityNumber: number } });
  }
  return municipality;
}
