import { describe, expect, it } from "vitest";

import { can, canEverywhere, organisationsWhere, PERMISSION_TABLE, PERMISSIONS, ROLES, type RoleGrant } from "./permissions";

const finance7: RoleGrant = { role: "finance", organisationId: 7, sector: null };
const manager7: RoleGrant = { role: "manager", organisationId: 7, sector: null };
const admin: RoleGrant = { role: "admin", organisationId: null, sector: null };
const board: RoleGrant = { role: "board", organisationId: null, sector: null };
const council: RoleGrant = { role: "sectorCouncil", organisationId: null, sector: "helseVelferd" };

describe("can", () => {
  it("lets finance edit costs in its own organisation only", () => {
    expect(can([finance7], "costs.edit", 7)).toBe(true);
    expect(can([finance7], "costs.edit", 8)).toBe(false);
    expect(can([finance7], "costs.edit", null)).toBe(false);
  });

  it("lets a manager read but not edit own costs", () => {
    expect(can([manager7], "costs.read", 7)).toBe(true);
    expect(can([manager7], "costs.edit", 7)).toBe(false);
  });

  it("lets admin do everything everywhere", () => {
    for (const permission of PERMISSIONS) expect(can([admin], permission, 123)).toBe(true);
  });

  it("lets the board read costs everywhere but never edit or see drafts", () => {
    expect(can([board], "costs.read", 99)).toBe(true);
    expect(can([board], "costs.edit", 99)).toBe(false);
    expect(can([board], "drafts.read", 99)).toBe(false);
  });

  it("gives every role the shared reads, and nobody anything without a grant", () => {
    for (const role of ROLES) {
      const grant: RoleGrant = { role, organisationId: role === "finance" || role === "manager" ? 1 : null, sector: null };
      expect(can([grant], "register.read")).toBe(true);
      expect(can([grant], "benchmarks.read")).toBe(true);
    }
    for (const permission of PERMISSIONS) expect(can([], permission, 1)).toBe(false);
    expect(can([council], "costs.read", 1)).toBe(false);
  });

  it("combines roles in several organisations (an IT cooperative's staff)", () => {
    const grants = [finance7, { role: "finance" as const, organisationId: 8, sector: null }];
    expect(can(grants, "costs.edit", 8)).toBe(true);
    expect(organisationsWhere(grants, "costs.edit")).toEqual(new Set([7, 8]));
    expect(canEverywhere(grants, "costs.edit")).toBe(false);
    expect(canEverywhere([admin], "costs.edit")).toBe(true);
  });

  it("has a rule for every permission", () => {
    expect(Object.keys(PERMISSION_TABLE).sort()).toEqual([...PERMISSIONS].sort());
  });
});
