import { AUDIT_ACTIONS } from "@malestokk/domain";
import { describe, expect, it } from "vitest";

import { translateFormIssue } from "../../lib/form-errors";
import { actionLabel, summarizeAuditDetails, type OrganisationRef } from "./admin-text";
import { adminTranslator as translator } from "../../test/translator";
import { toAuditInput } from "./audit-filter";

const organisations = new Map<number, OrganisationRef>([[7, { number: "4601", name: "Bergen" }]]);
const nbsp = (s: string) => s.replace(/\u00a0/g, " ");

describe("summarizeAuditDetails", () => {
  const t = translator("nb");

  it("shows a cost correction as before → after in kroner", () => {
    const details = JSON.stringify({
      year: 2024,
      before: { totalItCost: 1000, version: 1, status: "draft" },
      after: { totalItCost: 2000, version: 2, status: "draft" },
    });
    expect(nbsp(summarizeAuditDetails(t, details, organisations))).toBe("År 2024; før: 1 000 kr → etter: 2 000 kr");
  });

  it("says 'ingen' for the first figure of a year and names a status change", () => {
    const details = JSON.stringify({ year: 2023, before: null, after: { totalItCost: 5, version: 1, status: "submitted" } });
    expect(nbsp(summarizeAuditDetails(t, details, organisations))).toBe(
      "År 2023; før: ingen → etter: 5 kr; Status: før: ingen → etter: sendt inn",
    );
  });

  it("describes granted and revoked roles with the municipality or sector", () => {
    expect(summarizeAuditDetails(t, JSON.stringify({ after: { role: "finance", organisationId: 7, sector: null } }), organisations)).toBe(
      "Rolle: Økonomi, Bergen (4601)",
    );
    expect(
      summarizeAuditDetails(
        t,
        JSON.stringify({ before: { role: "sectorCouncil", organisationId: null, sector: "skoleOppvekst" } }),
        organisations,
      ),
    ).toBe("Rolle: Kommunalt prioriteringsråd (KPR), Skole og oppvekst");
  });

  it("words disabling, failed sign-ins, empty and unknown details", () => {
    expect(summarizeAuditDetails(t, JSON.stringify({ before: { disabled: false }, after: { disabled: true } }), organisations)).toBe(
      "før: aktiv → etter: deaktivert",
    );
    expect(summarizeAuditDetails(t, JSON.stringify({ reason: "wrongPassword" }), organisations)).toBe("Feil passord");
    expect(summarizeAuditDetails(t, null, organisations)).toBe("");
    expect(summarizeAuditDetails(t, "not json", organisations)).toBe("not json");
    expect(summarizeAuditDetails(t, JSON.stringify({ rows: 12 }), organisations)).toBe("rows: 12");
  });

  it("speaks English too", () => {
    const tEn = translator("en");
    const details = JSON.stringify({ year: 2024, before: { totalItCost: 1000 }, after: { totalItCost: 2000 } });
    expect(nbsp(summarizeAuditDetails(tEn, details, organisations))).toBe("Year 2024; before: 1 000 kr → after: 2 000 kr");
  });
});

describe("translateFormIssue with the admin texts", () => {
  const t = translator("nb");

  it("uses the admin texts first, then the shared ones", () => {
    expect(translateFormIssue(t, "admin", "email", "EMAIL_TAKEN")).toMatch(/^Det finnes allerede en bruker med e-postadressen\./);
    expect(translateFormIssue(t, "admin", "role", "ROLE_HELD")).toBe("Brukeren har allerede denne rollen.");
    expect(translateFormIssue(t, "admin", "other", "REQUIRED")).toBe("Fyll ut feltet.");
    expect(translateFormIssue(t, "admin", "other", "too_big", { maximum: 5 })).toBe("Verdien kan ikke være over 5.");
    expect(translateFormIssue(t, "admin", "other", "SOMETHING_NEW")).toBe("Noen felt har ugyldige verdier.");
  });
});

describe("toAuditInput", () => {
  it("sends whole local days, with the end date included, and leaves out what is not set", () => {
    const input = toAuditInput({ action: "", actor: " admin ", municipality: "0301", from: "2024-05-01", to: "2024-05-31" });
    expect(input.action).toBeUndefined();
    expect(input.actorEmail).toBe("admin");
    expect(input.municipalityNumber).toBe("0301");
    expect(new Date(input.from ?? "").getTime()).toBe(new Date(2024, 4, 1).getTime());
    expect(new Date(input.to ?? "").getTime()).toBe(new Date(2024, 5, 1).getTime() - 1);
    expect(toAuditInput({ action: "", actor: "", municipality: "46", from: "2024-02-30", to: "" })).toEqual({});
  });
});

describe("summarizeAuditDetails for cost reports", () => {
  it("words a report save: total, status and the lines that changed", () => {
    const t = translator("nb");
    const details = JSON.stringify({
      year: 2024,
      fileName: "kostnader.csv",
      version: { before: 2, after: 3 },
      status: { before: "returned", after: "draft" },
      total: { before: 1000, after: 2000 },
      lines: {
        added: [{ key: "a", amount: 1 }],
        removed: [],
        changed: [
          { key: "b", before: 1, after: 2 },
          { key: "c", before: 1, after: 3 },
        ],
      },
      before: { itUserAccounts: 10 },
      after: { itUserAccounts: 12 },
    });
    expect(nbsp(summarizeAuditDetails(t, details, organisations))).toBe(
      "År 2024; IKT-brukerkontoer: før: 10 → etter: 12; Fil: kostnader.csv; Status: før: sendt tilbake → etter: utkast; før: 1 000 kr → etter: 2 000 kr; Linjer: 1 nye, 2 endrede, 0 fjernede",
    );
  });
});

describe("joint-project invitations in the log (issue 17, finding 6)", () => {
  const t = translator("nb");
  const steps = [
    "participantInvited",
    "invitationAccepted",
    "invitationDeclined",
    "participantLeft",
    "invitationWithdrawn",
    "participantRemoved",
  ];

  it("offers every step of an invitation, for projects and ideas, in the filter", () => {
    expect(AUDIT_ACTIONS).toEqual(expect.arrayContaining(steps.flatMap((step) => [`benefits.${step}`, `ideas.${step}`])));
  });

  it("words an answer: the status before and after, what, whose and which municipality", () => {
    const details = JSON.stringify({
      name: "Felles sak/arkiv",
      owner: "5001",
      participant: "0301",
      before: { status: "invited" },
      after: { status: "accepted" },
    });
    expect(summarizeAuditDetails(t, details, organisations)).toBe(
      "Status: før: invitert → etter: deltar; Navn: Felles sak/arkiv; Eier: 5001; Deltaker: 0301",
    );
    const removed = JSON.stringify({
      name: "Felles sak/arkiv",
      owner: "5001",
      participant: "0301",
      before: { status: "left" },
      after: { status: null },
    });
    expect(summarizeAuditDetails(t, removed, organisations)).toBe(
      "Status: før: gått ut → etter: ingen; Navn: Felles sak/arkiv; Eier: 5001; Deltaker: 0301",
    );
  });
});

describe("audit action names", () => {
  it("words a change to an identity provider: national roles and the MFA it vouches for", () => {
    const details = JSON.stringify({
      before: { name: "Trondheim", nationalRoles: false, vouchesForMfa: false, mfaAmrValues: ["mfa", "otp"] },
      after: { name: "Trondheim", nationalRoles: true, vouchesForMfa: true, mfaAmrValues: ["mfa"] },
      clientSecretChanged: false,
    });
    expect(summarizeAuditDetails(translator("nb"), details, organisations)).toBe(
      "Nasjonale roller: før: nei → etter: ja; Bekrefter totrinnsinnlogging: før: nei → etter: ja; amr-verdier for totrinn: før: mfa, otp → etter: mfa; Ny klienthemmelighet: nei",
    );
    expect(summarizeAuditDetails(translator("en"), details, organisations)).toContain("National roles: before: no → after: yes");
  });

  it("names every action the filter offers, in both languages", () => {
    for (const lng of ["nb", "en"] as const) {
      const t = translator(lng);
      for (const action of AUDIT_ACTIONS) expect(actionLabel(t, action), `${lng} ${action}`).not.toBe(action);
    }
  });
});
