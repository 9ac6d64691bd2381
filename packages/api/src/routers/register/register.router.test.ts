import { listAudit } from "@malestokk/db";
import { describe, expect, it } from "vitest";
import { ZodError } from "zod";

import { toFieldIssues } from "../../errors";
import { expectAppError, expectTrpcError, setupApi } from "../../test-helpers";

describe("IT cooperatives", () => {
  it("registers a cooperative with its members, lists it for everyone and audits the change", async () => {
    const api = setupApi();
    const admin = api.as("admin@demo.example");
    expect(await admin.register.cooperatives()).toEqual([]);
    const saved = await admin.register.saveCooperative({
      organisationNumber: "912345688",
      name: "Digitale Vestland",
      memberNumbers: ["4601", "4602", "4601"],
    });
    expect(saved).toMatchObject({
      organisationNumber: "912345688",
      name: "Digitale Vestland",
      members: [
        { number: "4601", name: "Bergen" },
        { number: "4602", name: "Kinn" },
      ],
    });
    expect(await api.as("finance.5001@demo.example").register.cooperatives()).toHaveLength(1);

    await admin.register.saveCooperative({ organisationNumber: "912345688", name: "Digitale Vestland", memberNumbers: ["4601", "4631"] });
    const audit = listAudit(api.db, { action: "register.cooperativeChanged", limit: 1 })[0];
    expect(JSON.parse(audit?.details ?? "{}")).toEqual({
      before: { name: "Digitale Vestland", members: ["4601", "4602"] },
      after: { name: "Digitale Vestland", members: ["4601", "4631"] },
    });
    // A cooperative is not a municipality: the municipality list is unchanged.
    expect(await admin.municipalities.list()).toHaveLength(357);
  });

  it("names the admin's address in the audit entry, as every change does", async () => {
    const api = setupApi();
    const admin = api.callerWithToken(api.tokenFor("admin@demo.example"), { clientIp: "10.0.0.7" });
    await admin.register.saveCooperative({ organisationNumber: "912345688", name: "Digitale Vestland", memberNumbers: ["4601", "4602"] });
    expect(listAudit(api.db, { action: "register.cooperativeCreated", limit: 1 })[0]).toMatchObject({
      actorEmail: "admin@demo.example",
      ip: "10.0.0.7",
    });
  });

  it("refuses unknown members and a number that belongs to a municipality", async () => {
    const admin = setupApi().as("admin@demo.example");
    const unknown = await expectTrpcError(() =>
      admin.register.saveCooperative({ organisationNumber: "912345688", name: "X", memberNumbers: ["4601", "9999"] }),
    );
    expect(expectAppError(unknown, "VALIDATION_FAILED").issues[0]).toMatchObject({ path: ["memberNumbers", 1], code: "NOT_FOUND" });
    expect(await admin.register.cooperatives()).toEqual([]);
  });

  it("refuses an organisation number whose MOD11 check digit is wrong", async () => {
    const admin = setupApi().as("admin@demo.example");
    // 964 338 531 is Oslo kommune; the same number with another last digit is no organisation number.
    const wrong = await expectTrpcError(() =>
      admin.register.saveCooperative({ organisationNumber: "964338532", name: "Digitale Oslo", memberNumbers: ["0301", "3201"] }),
    );
    expect(wrong.code).toBe("BAD_REQUEST");
    expect(wrong.cause).toBeInstanceOf(ZodError);
    expect((wrong.cause as ZodError).issues[0]).toMatchObject({ path: ["organisationNumber"], message: "ORGANISATION_NUMBER_CHECK_DIGIT" });
    expect(await admin.register.cooperatives()).toEqual([]);
  });

  it("gives a direct call the issue the web words, not zod's «custom»: a wrong check digit, or not nine digits (issue 20)", async () => {
    const admin = setupApi().as("admin@demo.example");
    // What the error formatter (api/src/trpc.ts) sends as the field issues of a refused input.
    const issuesOf = async (organisationNumber: string) =>
      toFieldIssues(
        (
          (
            await expectTrpcError(() =>
              admin.register.saveCooperative({ organisationNumber, name: "Digitale Oslo", memberNumbers: ["0301", "3201"] }),
            )
          ).cause as ZodError
        ).issues,
      );
    expect(await issuesOf("964338532")).toEqual([{ path: ["organisationNumber"], code: "ORGANISATION_NUMBER_CHECK_DIGIT", params: {} }]);
    expect(await issuesOf("96433853")).toEqual([{ path: ["organisationNumber"], code: "ORGANISATION_NUMBER_FORMAT", params: {} }]);
  });

  it("refuses a second cooperative with the same name and the same members under another number", async () => {
    const admin = setupApi().as("admin@demo.example");
    await admin.register.saveCooperative({ organisationNumber: "912345688", name: "Digitale Vestland", memberNumbers: ["4601", "4602"] });
    const twin = await expectTrpcError(() =>
      admin.register.saveCooperative({
        organisationNumber: "923456783",
        name: "digitale  vestland",
        memberNumbers: ["4602", "4601", "4602"],
      }),
    );
    expect(expectAppError(twin, "COOPERATIVE_EXISTS").params).toEqual({ organisationNumber: "912345688", name: "Digitale Vestland" });
    expect(await admin.register.cooperatives()).toHaveLength(1);
    // Another member set, or saving the same cooperative again under its own number, is fine.
    await admin.register.saveCooperative({ organisationNumber: "923456783", name: "Digitale Vestland", memberNumbers: ["4601", "4631"] });
    await admin.register.saveCooperative({ organisationNumber: "912345688", name: "Digitale Vestland", memberNumbers: ["4601", "4602"] });
    expect(await admin.register.cooperatives()).toHaveLength(2);
  });
});
