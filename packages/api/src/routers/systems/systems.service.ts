import {
  appendAudit,
  countSystemLines,
  deleteSystem,
  getSystem,
  listSystems,
  saveSystem,
  type Db,
  type DbOrTx,
  type MunicipalityListItem,
  type SystemFields,
} from "@malestokk/db";
import { can, type RoleGrant } from "@malestokk/domain";

import { auditBy, type ChangeOptions } from "../../context";
import { AppError } from "../../errors";

/**
 * The organisation's fagsystemer, with how many cost lines are tied to each (those cannot be
 * deleted); lines of reports not approved yet count only for readers of the organisation's drafts.
 */
export function listOrganisationSystems(db: DbOrTx, municipality: MunicipalityListItem, grants: readonly RoleGrant[]) {
  return listSystems(db, municipality.id, { approvedLinesOnly: !can(grants, "drafts.read", municipality.id) });
}

/** Creates (id null) or updates a fagsystem from the version the user read; audited with old → new. */
export function saveOrganisationSystem(
  db: Db,
  municipality: MunicipalityListItem,
  input: { id: number | null; expectedVersion: number | null; fields: SystemFields },
  options: ChangeOptions,
) {
  if (input.fields.inUseFrom !== null && input.fields.inUseTo !== null && input.fields.inUseTo < input.fields.inUseFrom) {
    throw new AppError("VALIDATION_FAILED", {
      issues: [{ path: ["inUseTo"], code: "BEFORE_START", params: { from: input.fields.inUseFrom } }],
    });
  }
  return db.transaction(
    (tx) => {
      const before = input.id === null ? null : getSystem(tx, municipality.id, input.id);
      const result = saveSystem(tx, { organisationId: municipality.id, ...input, now: options.now.toISOString() });
      if (!result.ok) {
        if (result.reason === "NAME_TAKEN") {
          throw new AppError("NAME_TAKEN", {
            params: { name: input.fields.name },
            issues: [{ path: ["name"], code: "NAME_TAKEN", params: {} }],
          });
        }
        if (result.reason === "NOT_FOUND") throw new AppError("NOT_FOUND", { params: { id: input.id } });
        throw new AppError("VERSION_CONFLICT", { params: { currentVersion: result.currentVersion ?? null } });
      }
      appendAudit(tx, {
        at: options.now.toISOString(),
        ...auditBy(options.actor),
        action: before ? "systems.updated" : "systems.created",
        entity: "system",
        entityId: String(result.row.id),
        organisationId: municipality.id,
        details: { before, after: result.row },
      });
      return result.row;
    },
    { behavior: "immediate" },
  );
}

/** Deletes a fagsystem that no cost line uses; one in use is kept (mark it out of use instead). */
export function deleteOrganisationSystem(db: Db, municipality: MunicipalityListItem, id: number, options: ChangeOptions) {
  db.transaction(
    (tx) => {
      const system = getSystem(tx, municipality.id, id);
      if (!system) throw new AppError("NOT_FOUND", { params: { id } });
      const lines = countSystemLines(tx, id);
      if (lines > 0) throw new AppError("IN_USE", { params: { count: lines } });
      deleteSystem(tx, municipality.id, id);
      appendAudit(tx, {
        at: options.now.toISOString(),
        ...auditBy(options.actor),
        action: "systems.deleted",
        entity: "system",
        entityId: String(id),
        organisationId: municipality.id,
        details: { before: system },
      });
    },
    { behavior: "immediate" },
  );
  return { id };
}
