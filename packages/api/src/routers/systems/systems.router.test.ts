import { listAudit } from "@malestokk/db";
import { describe, expect, it } from "vitest";
import { ZodError } from "zod";

import { emptyReportInput, expectAppError, expectTrpcError, setupApi } from "../../test-helpers";

const base = {
  municipalityNumber: "0301",
  id: null,
  expectedVersion: null,
  vendor: "Leverandør AS",
  systemClass: "healthCare" as const,
  svarUt: false,
  inUseFrom: 2021,
  inUseTo: null,
};

describe("systems (the fagsystem register)", () => {
  it("creates, renames from the version read, and audits old → new", async () => {
    const api = setupApi();
    const finance = api.as("finance.0301@demo.example");
    const created = await finance.systems.save({ ...base, name: "Helseplattformen" });
    expect(created).toMatchObject({ name: "Helseplattformen", version: 1, systemClass: "healthCare" });
    const updated = await finance.systems.save({
      ...base,
      id: created.id,
      expectedVersion: 1,
      name: "Helseplattformen Epic",
      svarUt: true,
    });
    expect(updated).toMatchObject({ version: 2, svarUt: true });
    const stale = await expectTrpcError(() => finance.systems.save({ ...base, id: created.id, expectedVersion: 1, name: "Gammelt navn" }));
    expect(expectAppError(stale, "VERSION_CONFLICT").params).toEqual({ currentVersion: 2 });
    const audit = listAudit(api.db, { action: "systems.updated", limit: 1 })[0];
    expect(JSON.parse(audit?.details ?? "{}")).toMatchObject({
      before: { name: "Helseplattformen" },
      after: { name: "Helseplattformen Epic" },
    });
    expect((await finance.systems.list({ municipalityNumber: "0301" })).map((s) => s.name)).toContain("Helseplattformen Epic");
  });

  it("refuses a name already used in the organisation, whatever the case, and an end before the start", async () => {
    const api = setupApi();
    const finance = api.as("finance.0301@demo.example");
    const taken = await expectTrpcError(() => finance.systems.save({ ...base, name: "DEMO SAK/ARKIV" }));
    expect(expectAppError(taken, "NAME_TAKEN").issues[0]?.path).toEqual(["name"]);
    const backwards = await expectTrpcError(() => finance.systems.save({ ...base, name: "Nytt", inUseFrom: 2022, inUseTo: 2020 }));
    expect(expectAppError(backwards, "VALIDATION_FAILED").issues[0]).toMatchObject({ path: ["inUseTo"], code: "BEFORE_START" });
  });

  it("refuses a name that differs from a used one only by invisible characters, spacing or composition", async () => {
    const finance = setupApi().as("finance.0301@demo.example");
    for (const name of ["Demo sak/arkiv\u200b", "\u202eDemo\u00a0sak/arkiv", "Demo  sak/\u2060arkiv\u00ad", "DEMO SAK/ARKIV\ufeff"]) {
      expect(
        expectAppError(await expectTrpcError(() => finance.systems.save({ ...base, name })), "NAME_TAKEN").issues[0]?.path,
        JSON.stringify(name),
      ).toEqual(["name"]);
    }
  });

  it("stores a name and vendor without NUL, bidi overrides or zero-width characters, and refuses a name of nothing but those", async () => {
    const api = setupApi();
    const finance = api.as("finance.0301@demo.example");
    const saved = await finance.systems.save({
      ...base,
      name: "\u202eHelse\u0000plattformen\u200b ",
      vendor: "Epic\u2066 Systems\u2069\u0007",
    });
    expect(saved).toMatchObject({ name: "Helseplattformen", vendor: "Epic Systems" });
    expect(api.sqlite.prepare("select name, vendor from systems where id = ?").get(saved.id)).toEqual({
      name: "Helseplattformen",
      vendor: "Epic Systems",
    });
    const invisible = await expectTrpcError(() => finance.systems.save({ ...base, name: "\u200b\u202e \u0000" }));
    expect(invisible.cause).toBeInstanceOf(ZodError);
    expect((invisible.cause as ZodError).issues[0]).toMatchObject({ path: ["name"], code: "too_small" });
  });

  it("compares with names stored before names were cleaned, so an old name with a hidden character still counts", async () => {
    const api = setupApi();
    const organisationId = (api.sqlite.prepare("select id from organisations where number = '0301'").get() as { id: number }).id;
    api.sqlite
      .prepare("insert into systems (organisation_id, name, system_class, updated_at) values (?, ?, 'other', '2025-01-01T00:00:00.000Z')")
      .run(organisationId, "Gerica\u200b");
    const taken = await expectTrpcError(() => api.as("finance.0301@demo.example").systems.save({ ...base, name: "gerica" }));
    expectAppError(taken, "NAME_TAKEN");
  });

  it("keeps a fagsystem that cost lines use, deletes an unused one, and never reaches another organisation's", async () => {
    const api = setupApi();
    const finance = api.as("finance.0301@demo.example");
    const systems = await finance.systems.list({ municipalityNumber: "0301" });
    const used = systems.find((s) => s.lineCount > 0);
    expect(used).toBeDefined();
    expect(
      expectAppError(await expectTrpcError(() => finance.systems.delete({ municipalityNumber: "0301", id: used?.id ?? 0 })), "IN_USE")
        .params.count,
    ).toBe(used?.lineCount);
    const fresh = await finance.systems.save({ ...base, name: "Ubrukt" });
    await finance.systems.delete({ municipalityNumber: "0301", id: fresh.id });
    expect((await finance.systems.list({ municipalityNumber: "0301" })).some((s) => s.id === fresh.id)).toBe(false);
    const bergen = (await api.as("admin@demo.example").systems.list({ municipalityNumber: "4601" }))[0];
    const foreign = await expectTrpcError(() => finance.systems.delete({ municipalityNumber: "0301", id: bergen?.id ?? 0 }));
    expect(foreign.code).toBe("NOT_FOUND");
  });
});

describe("systems: line counts before approval (issue 17, finding 3)", () => {
  it("counts, for the board, only the lines of approved reports: a draft's lines show to the own organisation", async () => {
    const api = setupApi();
    const finance = api.as("finance.0301@demo.example");
    const board = api.as("board@demo.example");
    const fresh = await finance.systems.save({ ...base, name: "Nytt fagsystem" });
    // Oslo's 2024 report goes back to finance, who ties one line to the new system.
    const view = await finance.costs.report({ municipalityNumber: "0301", year: 2024 });
    const { version } = await api
      .as("manager.0301@demo.example")
      .costs.return({ municipalityNumber: "0301", year: 2024, expectedVersion: view.report?.version ?? 0, comment: "Legg inn systemet" });
    await finance.costs.save({
      ...emptyReportInput("0301", 2024, version),
      lines: [
        ...(view.report?.lines ?? []),
        { service: "operations", costType: "licences", systemId: fresh.id, amount: 1_000, comment: null },
      ],
      itUserAccounts: view.report?.itUserAccounts ?? null,
    });
    const count = async (caller: typeof board) =>
      (await caller.systems.list({ municipalityNumber: "0301" })).find((s) => s.id === fresh.id)?.lineCount;
    expect(await count(finance)).toBe(1);
    expect(await count(board)).toBe(0);
  });
});
