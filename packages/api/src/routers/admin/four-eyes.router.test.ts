import { listAudit } from "@malestokk/db";
import { MATURITY_AREAS } from "@malestokk/domain";
import { describe, expect, it } from "vitest";

import { expectAppError, expectTrpcError, setupApi } from "../../test-helpers";
import { line, submitCorrection } from "../costs/test-helpers";

// Four eyes per organisation (issue 20, point 16): an administrator may require that the one who
// submits a report is not the one who approves it.

const NUMBER = "0301";
const key = { municipalityNumber: NUMBER, year: 2020, instrument: "maturity" as const };
const scores = MATURITY_AREAS.map((area) => ({ area, score: 3, comment: null, evidence: null }));

/** Oslo's manager fills in and submits the 2020 maturity assessment; gives the submitted version. */
async function submitMaturity(api: ReturnType<typeof setupApi>): Promise<number> {
  const manager = api.as(`manager.${NUMBER}@demo.example`);
  const saved = await manager.quality.save({ ...key, expectedVersion: null, body: { instrument: "maturity", content: { scores } } });
  return (await manager.quality.submit({ ...key, expectedVersion: saved.version })).version;
}

describe("four eyes on report approval", () => {
  it("refuses the submitter's own approval when the organisation requires four eyes", async () => {
    const api = setupApi();
    const admin = api.as("admin@demo.example");
    expect(await admin.admin.setFourEyes({ unitNumber: NUMBER, required: true })).toEqual({ required: true });
    const version = await submitMaturity(api);
    const refused = await expectTrpcError(() =>
      api.as(`manager.${NUMBER}@demo.example`).quality.approve({ ...key, expectedVersion: version }),
    );
    expect(refused.code).toBe("FORBIDDEN");
    expectAppError(refused, "FOUR_EYES");
    // Nothing moved: the report still waits for someone else.
    const view = await api.as(`manager.${NUMBER}@demo.example`).quality.report(key);
    expect(view.report).toMatchObject({ status: "submitted", version });
    // Nor is «Godkjenn» offered to the submitter; returning stays open to them.
    expect(view.actions).toEqual(["return"]);
  });

  it("allows the submitter's own approval when four eyes is off, as it is by default", async () => {
    const api = setupApi();
    expect(await api.as("admin@demo.example").admin.fourEyes()).toEqual([]);
    const version = await submitMaturity(api);
    expect(await api.as(`manager.${NUMBER}@demo.example`).quality.approve({ ...key, expectedVersion: version })).toMatchObject({
      status: "approved",
    });
  });

  it("allows another manager of the organisation to approve when four eyes is on", async () => {
    const api = setupApi();
    const admin = api.as("admin@demo.example");
    await admin.admin.setFourEyes({ unitNumber: NUMBER, required: true });
    await admin.admin.createUser({ email: "leder2.0301@demo.example", name: "Andre leder", role: "manager", municipalityNumber: NUMBER });
    const version = await submitMaturity(api);
    expect(await api.as("leder2.0301@demo.example").quality.approve({ ...key, expectedVersion: version })).toMatchObject({
      status: "approved",
    });
  });

  it("holds for cost reports too: the one who submitted may not approve, someone else may", async () => {
    const api = setupApi();
    const admin = api.as("admin@demo.example");
    // A municipality without demo people: the admin returns, corrects and submits its report.
    const number = "5025";
    await admin.admin.setFourEyes({ unitNumber: number, required: true });
    const version = await submitCorrection(api, number, [{ lines: [line({ amount: 9_000_000 })], itUserAccounts: 3_000 }]);
    const refused = await expectTrpcError(() => admin.costs.approve({ municipalityNumber: number, year: 2024, expectedVersion: version }));
    expectAppError(refused, "FOUR_EYES");
    expect((await admin.costs.report({ municipalityNumber: number, year: 2024 })).actions).toEqual(["return"]);
    await admin.admin.createUser({ email: "leder.5025@demo.example", name: "Leder Røros", role: "manager", municipalityNumber: number });
    expect((await api.as("leder.5025@demo.example").costs.report({ municipalityNumber: number, year: 2024 })).actions).toEqual([
      "approve",
      "return",
    ]);
    expect(
      await api.as("leder.5025@demo.example").costs.approve({ municipalityNumber: number, year: 2024, expectedVersion: version }),
    ).toMatchObject({ status: "approved" });
  });

  it("is switched per organisation by an administrator only, and every switch is audited", async () => {
    const api = setupApi();
    for (const email of [
      `manager.${NUMBER}@demo.example`,
      `finance.${NUMBER}@demo.example`,
      "board@demo.example",
      "secretariat@demo.example",
    ]) {
      const caller = api.as(email);
      expect((await expectTrpcError(() => caller.admin.setFourEyes({ unitNumber: NUMBER, required: true }))).code, email).toBe("FORBIDDEN");
      expect((await expectTrpcError(() => caller.admin.fourEyes())).code, email).toBe("FORBIDDEN");
    }
    const admin = api.as("admin@demo.example");
    await admin.admin.setFourEyes({ unitNumber: NUMBER, required: true });
    expect(await admin.admin.fourEyes()).toEqual([{ number: NUMBER, name: "Oslo" }]);
    await admin.admin.setFourEyes({ unitNumber: NUMBER, required: false });
    expect(await admin.admin.fourEyes()).toEqual([]);
    const entries = listAudit(api.db, { action: "admin.fourEyesChanged", limit: 10 });
    expect(entries.map((e) => JSON.parse(e.details ?? "null") as unknown)).toEqual(
      expect.arrayContaining([
        { before: { requireFourEyes: false }, after: { requireFourEyes: true } },
        { before: { requireFourEyes: true }, after: { requireFourEyes: false } },
      ]),
    );
    const unknown = await expectTrpcError(() => admin.admin.setFourEyes({ unitNumber: "9999", required: true }));
    expect(expectAppError(unknown, "VALIDATION_FAILED").issues).toEqual([
      { path: ["unitNumber"], code: "NOT_FOUND", params: { municipalityNumber: "9999" } },
    ]);
  });
});
