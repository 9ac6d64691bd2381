import {
  appendAudit,
  findOrganisationByNumber,
  getMunicipalityByNumber,
  listCooperatives,
  saveCooperative,
  type CooperativeRow,
  type Db,
} from "@malestokk/db";

import { nameKey } from "@malestokk/domain";

import { auditBy, type ChangeOptions } from "../../context";
import { AppError } from "../../errors";

export function listAllCooperatives(db: Db): CooperativeRow[] {
  return listCooperatives(db);
}

/**
 * Registers an IT cooperative (by its 9-digit organisation number) with the municipalities it
 * serves; saving again replaces the members. Audited with old and new members. Another number with
 * the same name (case and spacing aside) and the same members is the same cooperative registered
 * twice, and is refused with `COOPERATIVE_EXISTS`.
 */
export function registerCooperative(
  db: Db,
  input: { organisationNumber: string; name: string; memberNumbers: readonly string[] },
  options: ChangeOptions,
): CooperativeRow {
  return db.transaction((tx) => {
    const existing = findOrganisationByNumber(tx, input.organisationNumber);
    if (existing && existing.kind !== "itCooperative") {
      throw new AppError("VALIDATION_FAILED", { issues: [{ path: ["organisationNumber"], code: "NUMBER_TAKEN", params: {} }] });
    }
    const members = input.memberNumbers.map((number, index) => {
      const m = getMunicipalityByNumber(tx, number);
      if (!m)
        throw new AppError("VALIDATION_FAILED", {
          issues: [{ path: ["memberNumbers", index], code: "NOT_FOUND", params: { municipalityNumber: number } }],
        });
      return m;
    });
    const cooperatives = listCooperatives(tx);
    const memberKey = [...new Set(input.memberNumbers)].sort().join();
    const twin = cooperatives.find(
      (c) =>
        c.organisationNumber !== input.organisationNumber &&
        nameKey(c.name) === nameKey(input.name) &&
        c.members.map((m) => m.number).join() === memberKey,
    );
    if (twin) {
      const params = { organisationNumber: twin.organisationNumber, name: twin.name };
      throw new AppError("COOPERATIVE_EXISTS", { params, issues: [{ path: ["name"], code: "COOPERATIVE_EXISTS", params }] });
    }
    const before = cooperatives.find((c) => c.organisationNumber === input.organisationNumber) ?? null;
    const id = saveCooperative(tx, {
      organisationNumber: input.organisationNumber,
      name: input.name,
      memberIds: members.map((m) => m.id),
      countyNumber: members[0]?.countyNumber ?? "",
    });
    const after = listCooperatives(tx).find((c) => c.id === id);
    if (!after) throw new Error("saved cooperative vanished");
    appendAudit(tx, {
      at: options.now.toISOString(),
      ...auditBy(options.actor),
      action: before ? "register.cooperativeChanged" : "register.cooperativeCreated",
      entity: "organisation",
      entityId: String(id),
      details: {
        before: before ? { name: before.name, members: before.members.map((m) => m.number) } : null,
        after: { name: after.name, members: after.members.map((m) => m.number) },
      },
    });
    return after;
  });
}
