import { appendAudit, listAudit } from "@malestokk/db";
import { describe, expect, it } from "vitest";

import { emptyReportInput, expectAppError, expectTrpcError, saveDraftTotal, setupApi } from "../../test-helpers";

describe("admin", () => {
  it("creates a user with a role and a one-time link; the user sets a password and signs in", async () => {
    const api = setupApi();
    const admin = api.as("admin@demo.example");
    const created = await admin.admin.createUser({
      email: "Kari.Nordmann@Bergen.kommune.no",
      name: "Kari Nordmann",
      role: "finance",
      municipalityNumber: "4601",
    });
    const users = await admin.admin.users();
    const kari = users.find((u) => u.id === created.userId);
    expect(kari).toMatchObject({
      email: "kari.nordmann@bergen.kommune.no",
      hasPassword: false,
      grants: [{ role: "finance", organisationNumber: "4601" }],
    });
    await api.anonymous().auth.completeReset({ token: created.resetToken ?? "", newPassword: "kari sitt passord" });
    await api.anonymous().auth.signIn({ email: "kari.nordmann@bergen.kommune.no", password: "kari sitt passord" });
    const actions = listAudit(api.db, { limit: 10 }).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["admin.userCreated", "admin.resetLinkCreated", "auth.passwordReset", "auth.signIn"]));
  });

  it("rejects a duplicate e-mail and an organisation role without a municipality", async () => {
    const admin = setupApi().as("admin@demo.example");
    const duplicate = await expectTrpcError(() => admin.admin.createUser({ email: "board@demo.example", name: "X", role: "board" }));
    expect(expectAppError(duplicate, "VALIDATION_FAILED").issues[0]).toMatchObject({ path: ["email"], code: "EMAIL_TAKEN" });
    const missing = await expectTrpcError(() => admin.admin.createUser({ email: "y@example.no", name: "Y", role: "manager" }));
    expect(expectAppError(missing, "VALIDATION_FAILED").issues[0]).toMatchObject({ path: ["municipalityNumber"], code: "REQUIRED" });
  });

  it("grants and revokes roles, with old and new values in the audit log", async () => {
    const api = setupApi();
    const admin = api.as("admin@demo.example");
    const board = (await admin.admin.users()).find((u) => u.email === "board@demo.example");
    const { grantId } = await admin.admin.addRole({ userId: board?.id ?? 0, role: "finance", municipalityNumber: "5001" });
    const save = () => api.as("board@demo.example").costs.save(emptyReportInput("5001", 2024, 1));
    // With the role, the save gets past access and is refused only because the demo report is approved.
    expectAppError(await expectTrpcError(save), "STATUS_CONFLICT");
    await admin.admin.removeRole({ grantId });
    const forbidden = await expectTrpcError(save);
    expect(forbidden.code).toBe("FORBIDDEN");
    const revoked = listAudit(api.db, { action: "admin.roleRevoked", limit: 1 })[0];
    expect(JSON.parse(revoked?.details ?? "{}")).toMatchObject({ before: { role: "finance" } });
  });

  it("never removes or disables the last admin", async () => {
    const api = setupApi();
    const admin = api.as("admin@demo.example");
    const me = (await admin.admin.users()).find((u) => u.email === "admin@demo.example");
    const grant = me?.grants.find((g) => g.role === "admin");
    expect(expectAppError(await expectTrpcError(() => admin.admin.removeRole({ grantId: grant?.id ?? 0 })), "FORBIDDEN").params).toEqual({
      reason: "LAST_ADMIN",
    });
    expect(
      expectAppError(await expectTrpcError(() => admin.admin.setDisabled({ userId: me?.id ?? 0, disabled: true })), "FORBIDDEN").params,
    ).toEqual({ reason: "SELF" });
  });

  it("ends every session of a user an administrator disables, at once (ASVS 7.4.2)", async () => {
    const api = setupApi();
    const token = api.tokenFor("finance.0301@demo.example");
    await api.callerWithToken(token).municipalities.list();
    const admin = api.as("admin@demo.example");
    const finance = (await admin.admin.users()).find((u) => u.email === "finance.0301@demo.example");
    await admin.admin.setDisabled({ userId: finance?.id ?? 0, disabled: true });
    expect((await expectTrpcError(() => api.callerWithToken(token).municipalities.list())).code).toBe("UNAUTHORIZED");
  });

  it("filters the audit log", async () => {
    const api = setupApi();
    await saveDraftTotal(api, "0301", 2024, 3_000_000_000);
    const rows = await api.as("admin@demo.example").admin.audit({ action: "costs.reportSaved", municipalityNumber: "0301" });
    expect(rows).toHaveLength(1);
    expect(rows[0]?.actorEmail).toBe("finance.0301@demo.example");
    expect(JSON.parse(rows[0]?.details ?? "{}")).toMatchObject({
      year: 2024,
      total: { after: 3_000_000_000 },
      version: { before: 2, after: 3 },
    });
    expect(await api.as("admin@demo.example").admin.audit({ municipalityNumber: "5001", action: "costs.reportSaved" })).toEqual([]);
  });

  it("keeps the audit log append-only in the database itself", () => {
    const api = setupApi();
    appendAudit(api.db, { at: "2026-01-01T00:00:00.000Z", actorUserId: null, actorEmail: null, action: "years.closed" });
    expect(() => api.sqlite.prepare("update audit_log set action = 'changed'").run()).toThrow(/append-only/);
    expect(() => api.sqlite.prepare("delete from audit_log").run()).toThrow(/append-only/);
  });
});
