import { appendAudit, getSetting, setSetting, type DbOrTx } from "@malestokk/db";
import { OPEN_DATA_LICENCES, type OpenDataLicenceId, type OpenDataLicenceInput } from "@malestokk/domain";

import { auditBy, type Context, type SignedInContext } from "../context";

export type OpenDataLicenceSetting = OpenDataLicenceInput;

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

export function getOpenDataLicence(db: DbOrTx): OpenDataLicence {
  const stored = getSetting<Partial<OpenDataLicenceSetting>>(db, LICENCE_SETTING, DEFAULT_LICENCE_SETTING);
  const licence = OPEN_DATA_LICENCES.includes(stored.licence as OpenDataLicenceId)
    ? (stored.licence as OpenDataLicenceId)
    : DEFAULT_LICENCE_SETTING.licence;
  const attribution = stored.attribution?.trim() || DEFAULT_LICENCE_SETTING.attribution;
  return { licence, attribution, ...LICENCE_TEXTS[licence] };
}

/** The administrator's view of the setting. */
export function readOpenDataLicence(ctx: Context): OpenDataLicence {
  return getOpenDataLicence(ctx.db);
}

/** Changes the licence every public answer states from now on; audited. */
export function changeOpenDataLicence(ctx: SignedInContext, input: OpenDataLicenceInput): OpenDataLicence {
  const at = ctx.now().toISOString();
  ctx.db.transaction((tx) => {
    const before = getOpenDataLicence(tx);
    setSetting(tx, LICENCE_SETTING, { licence: input.licence, attribution: input.attribution }, at);
    appendAudit(tx, {
      at,
      ...auditBy(ctx.actor),
      action: "admin.openDataLicenceChanged",
      details: { before: { licence: before.licence, attribution: before.attribution }, after: input },
    });
  });
  return getOpenDataLicence(ctx.db);
}
