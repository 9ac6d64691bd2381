import { getSetting, setSetting, type DbOrTx } from "@malestokk/db";

/** The licences an administrator may publish the open data under (docs/open-data.md#licence). */
export const OPEN_DATA_LICENCES = ["NLOD-2.0", "CC-BY-4.0"] as const;
export type OpenDataLicenceId = (typeof OPEN_DATA_LICENCES)[number];

export interface OpenDataLicenceSetting {
  readonly licence: OpenDataLicenceId;
  /** Who to name when the data is used ("Kilde: …"). */
  readonly attribution: string;
}

/** What every answer of the public API states about its licence. */
export interface OpenDataLicence extends OpenDataLicenceSetting {
  readonly name: string;
  readonly url: string;
}

const LICENCE_SETTING = "openData.licence";
export const DEFAULT_LICENCE_SETTING: OpenDataLicenceSetting = { licence: "NLOD-2.0", attribution: "Målestokk" };

const LICENCE_TEXTS: Record<OpenDataLicenceId, { name: string; url: string }> = {
  "NLOD-2.0": { name: "Norsk lisens for offentlige data (NLOD) 2.0", url: "https://data.norge.no/nlod/no/2.0" },
  "CC-BY-4.0": { name: "Creative Commons Navngivelse 4.0 Internasjonal (CC BY 4.0)", url: "https://creativecommons.org/licenses/by/4.0/" },
};

export function describeLicence(setting: OpenDataLicenceSetting): OpenDataLicence {
  return { ...setting, ...LICENCE_TEXTS[setting.licence] };
}

export function getOpenDataLicence(db: DbOrTx): OpenDataLicence {
  const stored = getSetting<Partial<OpenDataLicenceSetting>>(db, LICENCE_SETTING, DEFAULT_LICENCE_SETTING);
  const licence = OPEN_DATA_LICENCES.includes(stored.licence as OpenDataLicenceId)
    ? (stored.licence as OpenDataLicenceId)
    : DEFAULT_LICENCE_SETTING.licence;
  return describeLicence({ licence, attribution: stored.attribution?.trim() || DEFAULT_LICENCE_SETTING.attribution });
}

export function setOpenDataLicence(db: DbOrTx, setting: OpenDataLicenceSetting, now: string): void {
  setSetting(db, LICENCE_SETTING, setting, now);
}
