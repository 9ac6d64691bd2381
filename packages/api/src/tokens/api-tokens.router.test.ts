import { findUserByEmail, getMunicipalityByNumber, listAudit, listGrants } from "@malestokk/db";
import { describe, expect, it } from "vitest";
import { ZodError } from "zod";

import { expectAppError, expectTrpcError, FIXED_NOW, setupApi } from "../test-helpers";
import { AppError } from "../errors";
import { API_TOKEN_USE_AUDIT_MS, authenticateApiToken } from "./api-tokens.service";

const OSLO = "0301";
const BERGEN = "4601";
const MANAGER = `manager.${OSLO}@demo.example`;
const DAY = 86_400_000;

/** A clock the test moves. */
function clock() {
  let now = FIXED_NOW.getTime();
  return { now: () => new Date(now), advance: (ms: number) => (now += ms) };
}

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).appCode).toBe("UNAUTHORIZED");
    return String((error as AppError).params["reason"]);
  }
  throw new Error("expected the token to be refused");
}

describe("API tokens (issue 23, point 3)", () => {
  it("lets a manager create a named token for the own organisation, shown once, and list it without its secret", async () => {
    const api = setupApi();
    const manager = api.as(MANAGER);
    const created = await manager.apiTokens.create({ municipalityNumber: OSLO, name: "Power BI", expiresInDays: 90 });
    expect(created.token).toMatch(/^mlst_[a-z2-7]{8}_[A-Za-z0-9_-]{43}$/);
    expect(created.token.slice(5, 13)).toBe(created.item.publicId);
    expect(created.item).toMatchObject({
      name: "Power BI",
      scope: "read-own",
      organisationNumber: OSLO,
      createdByName: findUserByEmail(api.db, MANAGER)?.name,
      createdAt: FIXED_NOW.toISOString(),
      expiresAt: new Date(FIXED_NOW.getTime() + 90 * DAY).toISOString(),
      lastUsedAt: null,
      status: "active",
    });
    const list = await manager.apiTokens.list({ municipalityNumber: OSLO });
    expect(list.map((t) => t.publicId)).toEqual([created.item.publicId]);
    expect(JSON.stringify(list)).not.toContain(created.token.slice(14));
    expect(JSON.stringify(list)).not.toContain("secretHash");
  });

  it("keeps only the SHA-256 of the token in the database, never the secret", async () => {
    const api = setupApi();
    const { token } = await api.as(MANAGER).apiTokens.create({ municipalityNumber: OSLO, name: "R", expiresInDays: 30 });
    const rows = api.sqlite.prepare("select * from api_tokens").all() as Record<string, unknown>[];
    expect(rows).toHaveLength(1);
    const raw = JSON.stringify(rows);
    expect(raw).not.toContain(token);
    expect(raw).not.toContain(token.slice(14));
    const { createHash } = await import("node:crypto");
    expect(rows[0]?.["secret_hash"]).toBe(createHash("sha256").update(token).digest("hex"));
    const audit = JSON.stringify(api.sqlite.prepare("select * from audit_log").all());
    expect(audit).not.toContain(token.slice(14));
  });

  it("refuses finance, and a manager of another organisation, and lets an admin make one for any", async () => {
    const api = setupApi();
    expectAppError(
      await expectTrpcError(() =>
        api.as(`finance.${OSLO}@demo.example`).apiTokens.create({ municipalityNumber: OSLO, name: "X", expiresInDays: 30 }),
      ),
      "FORBIDDEN",
    );
    expectAppError(
      await expectTrpcError(() => api.as(MANAGER).apiTokens.create({ municipalityNumber: BERGEN, name: "X", expiresInDays: 30 })),
      "FORBIDDEN",
    );
    const admin = api.as("admin@demo.example");
    const made = await admin.apiTokens.create({ municipalityNumber: BERGEN, name: "Fra admin", expiresInDays: 365 });
    expect(made.item.organisationNumber).toBe(BERGEN);
    await api.as(MANAGER).apiTokens.create({ municipalityNumber: OSLO, name: "Oslo", expiresInDays: 7 });
    expect((await admin.apiTokens.all()).map((t) => t.organisationNumber).sort()).toEqual([OSLO, BERGEN].sort());
    expect((await api.as(MANAGER).apiTokens.list({ municipalityNumber: OSLO })).map((t) => t.name)).toEqual(["Oslo"]);
    expectAppError(await expectTrpcError(() => api.as(MANAGER).apiTokens.all()), "FORBIDDEN");
  });

  it("requires an expiry of at most a year", async () => {
    const api = setupApi();
    const error = await expectTrpcError(() =>
      api.as(MANAGER).apiTokens.create({ municipalityNumber: OSLO, name: "X", expiresInDays: 366 }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.cause).toBeInstanceOf(ZodError);
    expect((error.cause as ZodError).issues.map((i) => i.path)).toEqual([["expiresInDays"]]);
    expect(api.sqlite.prepare("select count(*) as n from api_tokens").get()).toEqual({ n: 0 });
  });

  it("authenticates the token for its own organisation only, and not after it expires", async () => {
    const time = clock();
    const api = setupApi({ now: time.now });
    const { token } = await api.as(MANAGER).apiTokens.create({ municipalityNumber: OSLO, name: "R", expiresInDays: 1 });
    const viewer = authenticateApiToken(api.db, `Bearer ${token}`, time.now());
    expect(viewer).toEqual({
      tokenId: expect.any(Number) as number,
      organisationId: getMunicipalityByNumber(api.db, OSLO)?.id,
      scope: "read-own",
    });
    expect(authenticateApiToken(api.db, undefined, time.now())).toBeNull();
    time.advance(DAY);
    expect(refusal(() => authenticateApiToken(api.db, `Bearer ${token}`, time.now()))).toBe("expired");
    expect((await api.as(MANAGER).apiTokens.list({ municipalityNumber: OSLO }))[0]?.status).toBe("expired");
  });

  it("refuses malformed and unknown tokens, and a right id with a wrong secret as unknown", async () => {
    const api = setupApi();
    const { token } = await api.as(MANAGER).apiTokens.create({ municipalityNumber: OSLO, name: "R", expiresInDays: 30 });
    const wrongSecret = token.slice(0, -4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
    expect(refusal(() => authenticateApiToken(api.db, "", FIXED_NOW))).toBe("malformed");
    expect(refusal(() => authenticateApiToken(api.db, `Basic ${btoa("a:b")}`, FIXED_NOW))).toBe("malformed");
    expect(refusal(() => authenticateApiToken(api.db, `Bearer ${token.slice(1)}`, FIXED_NOW))).toBe("malformed");
    expect(refusal(() => authenticateApiToken(api.db, `Bearer ${wrongSecret}`, FIXED_NOW))).toBe("unknown");
    expect(refusal(() => authenticateApiToken(api.db, `Bearer mlst_aaaaaaaa_${token.slice(14)}`, FIXED_NOW))).toBe("unknown");
    expect(authenticateApiToken(api.db, `bearer ${token}`, FIXED_NOW)?.scope).toBe("read-own");
  });

  it("revokes at once, with confirmation left to the page, and only within the organisation", async () => {
    const api = setupApi();
    const manager = api.as(MANAGER);
    const { token, item } = await manager.apiTokens.create({ municipalityNumber: OSLO, name: "R", expiresInDays: 30 });
    expect(authenticateApiToken(api.db, `Bearer ${token}`, FIXED_NOW)).not.toBeNull();
    // Bergen's manager cannot reach it, and naming Bergen with Oslo's token id does not find it for an admin either.
    expectAppError(
      await expectTrpcError(() =>
        api.as(`manager.${BERGEN}@demo.example`).apiTokens.revoke({ municipalityNumber: OSLO, tokenId: item.id }),
      ),
      "FORBIDDEN",
    );
    expectAppError(
      await expectTrpcError(() => api.as("admin@demo.example").apiTokens.revoke({ municipalityNumber: BERGEN, tokenId: item.id })),
      "NOT_FOUND",
    );
    const revoked = await manager.apiTokens.revoke({ municipalityNumber: OSLO, tokenId: item.id });
    expect(revoked).toMatchObject({
      status: "revoked",
      revokedAt: FIXED_NOW.toISOString(),
      revokedByName: findUserByEmail(api.db, MANAGER)?.name,
    });
    expect(refusal(() => authenticateApiToken(api.db, `Bearer ${token}`, FIXED_NOW))).toBe("revoked");
    // Twice changes nothing and writes no second entry.
    await manager.apiTokens.revoke({ municipalityNumber: OSLO, tokenId: item.id });
    expect(listAudit(api.db, { action: "apiTokens.revoked", limit: 10 })).toHaveLength(1);
  });

  it("stops a token whose creator lost the manager role or was disabled, and lists it as inactive", async () => {
    const api = setupApi();
    const { token } = await api.as(MANAGER).apiTokens.create({ municipalityNumber: OSLO, name: "R", expiresInDays: 30 });
    const manager = findUserByEmail(api.db, MANAGER);
    const grant = listGrants(api.db, manager?.id ?? 0).find((g) => g.role === "manager");
    const admin = api.as("admin@demo.example");
    await admin.admin.removeRole({ grantId: grant?.id ?? 0 });
    expect(refusal(() => authenticateApiToken(api.db, `Bearer ${token}`, FIXED_NOW))).toBe("inactive");
    expect((await admin.apiTokens.list({ municipalityNumber: OSLO }))[0]?.status).toBe("inactive");
    await admin.admin.addRole({ userId: manager?.id ?? 0, role: "manager", municipalityNumber: OSLO });
    expect(authenticateApiToken(api.db, `Bearer ${token}`, FIXED_NOW)).not.toBeNull();
    await admin.admin.setDisabled({ userId: manager?.id ?? 0, disabled: true });
    expect(refusal(() => authenticateApiToken(api.db, `Bearer ${token}`, FIXED_NOW))).toBe("inactive");
  });

  it("audits create, revoke and use, a use at most once a minute per token, and shows the last use", async () => {
    const time = clock();
    const api = setupApi({ now: time.now });
    const manager = api.as(MANAGER);
    const { token, item } = await manager.apiTokens.create({ municipalityNumber: OSLO, name: "Power BI", expiresInDays: 30 });
    const oslo = getMunicipalityByNumber(api.db, OSLO)?.id;
    const [created] = listAudit(api.db, { action: "apiTokens.created", limit: 10 });
    expect(created).toMatchObject({ actorEmail: MANAGER, entity: "apiToken", entityId: item.publicId, organisationId: oslo });
    expect(JSON.parse(created?.details ?? "{}")).toEqual({
      name: "Power BI",
      publicId: item.publicId,
      scope: "read-own",
      expiresAt: item.expiresAt,
    });

    authenticateApiToken(api.db, `Bearer ${token}`, time.now(), { ip: "192.0.2.7" });
    time.advance(API_TOKEN_USE_AUDIT_MS - 1);
    authenticateApiToken(api.db, `Bearer ${token}`, time.now());
    let uses = listAudit(api.db, { action: "apiTokens.used", limit: 10 });
    expect(uses).toHaveLength(1);
    expect(uses[0]).toMatchObject({
      actorUserId: null,
      entityId: item.publicId,
      organisationId: oslo,
      ip: "192.0.2.7",
      at: FIXED_NOW.toISOString(),
    });
    time.advance(1);
    authenticateApiToken(api.db, `Bearer ${token}`, time.now());
    uses = listAudit(api.db, { action: "apiTokens.used", limit: 10 });
    expect(uses).toHaveLength(2);
    expect((await manager.apiTokens.list({ municipalityNumber: OSLO }))[0]?.lastUsedAt).toBe(time.now().toISOString());

    await manager.apiTokens.revoke({ municipalityNumber: OSLO, tokenId: item.id });
    expect(listAudit(api.db, { action: "apiTokens.revoked", limit: 10 })[0]).toMatchObject({
      actorEmail: MANAGER,
      entityId: item.publicId,
    });
    // A refused use is not a use.
    time.advance(API_TOKEN_USE_AUDIT_MS);
    refusal(() => authenticateApiToken(api.db, `Bearer ${token}`, time.now()));
    expect(listAudit(api.db, { action: "apiTokens.used", limit: 10 })).toHaveLength(2);
  });
});
