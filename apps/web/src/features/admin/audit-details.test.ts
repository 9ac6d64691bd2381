import { AUDIT_ACTIONS, type AuditAction } from "@malestokk/domain";
import type { TFunction } from "i18next";
import { describe, expect, it } from "vitest";

import type { OrganisationRef } from "./admin-text";
import { adminTranslator as translator } from "../../test/translator";
import { describeAuditDetails } from "./audit-details";

const organisations = new Map<number, OrganisationRef>([
  [7, { number: "4601", name: "Bergen" }],
  [9, { number: "5001", name: "Trondheim" }],
  [3, { number: "0301", name: "Oslo" }],
]);

const nbsp = (s: string) => s.replace(/\u00a0/g, " ");

const costContent = {
  itUserAccounts: 1200,
  employeesFte: 14.5,
  populationOverride: { value: 28000, reason: "Folketall 1. januar" },
  grossOperatingExpenditureOverride: null,
  warningComments: { K1: "Nytt sak/arkiv" },
  allocation: null,
};
const benefitInput = {
  title: "Færre telefoner til servicetorget",
  description: "Innbyggerne finner svar selv.",
  ownerName: "Kari Nordmann",
  ownerUserId: null,
  type: "efficiency",
  valuation: "freedCapacity",
  annualValueNok: 250000,
  cash: false,
  quantitative: true,
  disBenefit: false,
  indicator: { name: "Henvendelser", unit: "antall", direction: "lower" },
  linkedIndicatorCode: "K1",
  baseline: { date: "2025-01-01", value: 1200 },
  targets: [{ date: "2027-01-01", value: 900 }],
  preconditionKeys: ["p1"],
  goalKeys: ["g1"],
};
const provider = {
  slug: "trondheim",
  name: "Trondheim kommune",
  issuer: "https://login.trondheim.kommune.no",
  clientId: "malestokk",
  emailClaim: "email",
  requireVerifiedEmail: true,
  enabled: true,
  vouchesForMfa: false,
  mfaAmrValues: ["mfa"],
  mfaAcrValues: [],
  nationalRoles: false,
  organisationIds: [9],
};
const joint = {
  name: "Felles sak/arkiv",
  owner: "5001",
  participant: "0301",
  before: { status: "invited" },
  after: { status: "accepted" },
};
/** The six steps of an invitation, as joint.service.ts logs them for projects and ideas alike. */
function jointSteps<A extends "benefits" | "ideas">(area: A) {
  return {
    [`${area}.participantInvited`]: { ...joint, before: { status: null }, after: { status: "invited" } },
    [`${area}.invitationAccepted`]: joint,
    [`${area}.invitationDeclined`]: { ...joint, after: { status: "declined" } },
    [`${area}.participantLeft`]: { ...joint, before: { status: "accepted" }, after: { status: "left" } },
    [`${area}.invitationWithdrawn`]: { ...joint, after: { status: null } },
    [`${area}.participantRemoved`]: { ...joint, before: { status: "left" }, after: { status: null } },
  } as Record<
    `${A}.${"participantInvited" | "invitationAccepted" | "invitationDeclined" | "participantLeft" | "invitationWithdrawn" | "participantRemoved"}`,
    unknown
  >;
}
const system = {
  id: 4,
  organisationId: 9,
  name: "Elements",
  vendor: "Sikri",
  systemClass: "caseArchive",
  svarUt: true,
  inUseFrom: 2019,
  inUseTo: null,
  version: 1,
};
const project = { name: "Ny sak/arkiv", description: "Felles anskaffelse", sector: "common", phase: "planning", participants: ["0301"] };
const idea = {
  title: "Chatbot for byggesak",
  problem: "Mange like spørsmål",
  sector: "planByggGeodata",
  expectedBenefits: "Færre telefoner",
  roughCostNok: 400000,
  participants: [],
};

/** Details as the services write them (see the *.service.ts files under packages/api/src/routers). */
const DETAILS: Record<AuditAction, unknown> = {
  "admin.userCreated": {
    after: { email: "kari@trondheim.kommune.no", name: "Kari Nordmann", role: "finance", organisationId: 9, sector: null },
  },
  "admin.roleGranted": { after: { role: "finance", organisationId: 9, sector: null } },
  "admin.roleRevoked": { before: { role: "sectorCouncil", organisationId: null, sector: "skoleOppvekst" } },
  "admin.resetLinkCreated": null,
  "admin.userDisabled": { before: { disabled: false }, after: { disabled: true } },
  "admin.userEnabled": { before: { disabled: true }, after: { disabled: false } },
  "admin.secondFactorPolicy": { required: true },
  "admin.fourEyesChanged": { before: { requireFourEyes: false }, after: { requireFourEyes: true } },
  "admin.openDataLicenceChanged": {
    before: { licence: "NLOD-2.0", attribution: "Målestokk" },
    after: { licence: "CC-BY-4.0", attribution: "KS" },
  },
  "admin.secondFactorReset": { email: "kari@trondheim.kommune.no" },
  "admin.identityProviderAdded": { before: null, after: provider },
  "admin.identityProviderChanged": {
    before: provider,
    after: { ...provider, nationalRoles: true, mfaAmrValues: ["mfa", "otp"] },
    clientSecretChanged: true,
  },
  "admin.identityProviderRemoved": { before: provider },
  "admin.identitiesUnlinked": { identities: [{ issuer: provider.issuer, subject: "abc-123" }] },
  "admin.localSignInChanged": { enabled: false },
  "admin.secretsRotated": { resealed: 3 },
  "auth.signIn": { secondFactor: "recoveryCode", recoveryCodesLeft: 7 },
  "auth.signInFailed": { reason: "wrongPassword" },
  "auth.passwordAccepted": { next: "verify" },
  "auth.oidcAccepted": { provider: "trondheim", next: "enrol", mfa: null },
  "auth.secondFactorEnabled": null,
  "auth.secondFactorFailed": { reason: "REUSED" },
  "auth.secondFactorLocked": { retryAfterSeconds: 900 },
  "auth.secondFactorReplaced": null,
  "auth.oidcSignIn": { provider: "trondheim", issuer: provider.issuer, subject: "abc-123", mfa: "amr" },
  "auth.oidcSignInFailed": { provider: "trondheim", reason: "emailNotVerified", detail: null },
  "auth.identityLinked": { provider: "trondheim", issuer: provider.issuer, subject: "abc-123" },
  "auth.signOut": null,
  "auth.signOutEverywhere": { sessionsEnded: 2 },
  "auth.passwordChanged": null,
  "auth.passwordReset": null,
  "auth.languageChanged": { language: "nn" },
  "costs.totalSaved": { year: 2024, before: { totalItCost: 41250000, version: 1 }, after: { totalItCost: 41300000, version: 2 } },
  "costs.reportSaved": {
    year: 2024,
    fileName: null,
    version: { before: 2, after: 3 },
    status: { before: "returned", after: "draft" },
    total: { before: 41250000, after: 41300000 },
    lines: { added: [{ key: "a", amount: 50000 }], removed: [], changed: [{ key: "b", before: 1, after: 2 }] },
    before: costContent,
    after: { ...costContent, itUserAccounts: 1250, populationOverride: { value: 28100, reason: "Nytt tall" } },
  },
  "costs.reportImported": {
    year: 2025,
    fileName: "kostnader-2025.xlsx",
    version: { before: null, after: 1 },
    status: { before: null, after: "draft" },
    total: { before: null, after: 28000 },
    lines: { added: [{ key: "a", amount: 28000 }], removed: [], changed: [] },
    before: null,
    after: costContent,
  },
  "costs.reportSubmitted": { year: 2024, status: { before: "draft", after: "submitted" }, comment: null },
  "costs.reportApproved": { year: 2024, status: { before: "submitted", after: "approved" }, comment: null },
  "costs.reportReturned": { year: 2024, status: { before: "submitted", after: "returned" }, comment: "Lisenser mangler" },
  "systems.created": { before: null, after: system },
  "systems.updated": { before: { ...system, svarUt: false }, after: { ...system, inUseTo: 2026, version: 2 } },
  "systems.deleted": { before: { id: 4, organisationId: 9, name: "Elements", vendor: "Sikri", svarUt: true, version: 2 } },
  "years.closed": { before: "open", after: "closed", reason: "Frist 1. mars" },
  "years.reopened": { before: "closed", after: "open", reason: "Retting for Oslo" },
  "years.publicationSet": { year: 2025, before: { publishedOn: null }, after: { publishedOn: "2026-06-15" } },
  "years.publicationWithdrawn": { year: 2025, before: { publishedOn: "2026-06-15" }, after: { publishedOn: null } },
  "reference.imported": { measure: "population", fileName: "07459.json", written: 356, unchanged: 1, totals: { rows: 357 } },
  "quality.reportSaved": {
    year: 2024,
    instrument: "maturity",
    status: { before: null, after: "draft" },
    before: null,
    after: { scores: { userCentred: 3, innovation: 2 }, comment: "Første år" },
  },
  "quality.reportSubmitted": { year: 2024, instrument: "satisfaction", status: { before: "draft", after: "submitted" }, comment: null },
  "quality.reportApproved": { year: 2024, instrument: "scope", status: { before: "submitted", after: "approved" }, comment: null },
  "quality.reportReturned": {
    year: 2024,
    instrument: "maturity",
    status: { before: "submitted", after: "returned" },
    comment: "Svar mangler",
  },
  "quality.weightsSet": { before: { userCentred: 1, innovation: 1 }, after: { userCentred: 2, innovation: 1 } },
  "register.cooperativeCreated": { before: null, after: { name: "Vestlandet IKT", members: ["4601", "4602"] } },
  "register.cooperativeChanged": {
    before: { name: "Vestlandet IKT", members: ["4601", "4602"] },
    after: { name: "Vestlandet IKT IKS", members: ["4601", "4602", "4603"] },
  },
  "benefits.projectCreated": { after: project },
  "benefits.projectUpdated": {
    before: { name: "Ny sak/arkiv", description: "Felles anskaffelse", sector: "common", phase: "planning" },
    after: { ...project, phase: "execution" },
  },
  "benefits.projectDeleted": {
    before: { project: { id: 2, name: "Ny sak/arkiv", phase: "concept", benefitMap: null }, benefits: [{ id: 1, title: "X" }] },
  },
  "benefits.mapSaved": {
    before: null,
    after: {
      deliverables: [{ key: "d1", label: "Nytt system" }],
      preconditions: [{ key: "p1", label: "Opplæring", from: ["d1"] }],
      goals: [{ key: "g1", label: "Færre telefoner" }],
    },
  },
  "benefits.benefitCreated": { projectId: 2, before: null, after: benefitInput },
  "benefits.benefitUpdated": {
    projectId: 2,
    before: benefitInput,
    after: { ...benefitInput, annualValueNok: 300000, targets: [{ date: "2027-01-01", value: 800 }] },
  },
  "benefits.benefitDeleted": { projectId: 2, before: { id: 5, ...benefitInput } },
  "benefits.measurementAdded": {
    projectId: 2,
    measurementId: 11,
    after: { value: 1050.5, date: "2026-04-30", comment: "Etter første kvartal" },
  },
  "benefits.measurementDeleted": { projectId: 2, before: { id: 11, value: 1050.5, date: "2026-04-30", comment: null } },
  "benefits.planApproved": { number: 2, phase: "planning", approvedByName: "Ola Nordmann", approvedOn: "2026-04-30" },
  ...jointSteps("benefits"),
  "benefits.templateSaved": { name: "SvarUt", owner: "5001", participant: null, before: null, after: { benefits: [] } },
  "benefits.templatePublished": { name: "SvarUt", owner: "5001", participant: null, number: 2, benefits: 1 },
  "benefits.solutionAdopted": { name: "SvarUt", owner: "5001", participant: "4601", templateVersion: 1, after: {} },
  "benefits.localPlanSaved": { name: "SvarUt", owner: "5001", participant: "4601", before: {}, after: { templateVersion: 1 } },
  "benefits.localPlanApproved": { name: "SvarUt", owner: "5001", participant: "4601", templateVersion: 1, approved: {} },
  "benefits.templateVersionAccepted": {
    name: "SvarUt",
    owner: "5001",
    participant: "4601",
    before: { templateVersion: 1 },
    after: { templateVersion: 2 },
    added: ["raskere"],
    dropped: [],
  },
  "ideas.submitted": { after: idea },
  "ideas.prioritize": { from: "submitted", to: "prioritized", step: { action: "prioritize", score: 4.5, comment: "Viktig" } },
  "ideas.compile": { from: "prioritized", to: "compiled", step: { action: "compile", recommendation: "approve", comment: null } },
  "ideas.decide": {
    from: "compiled",
    to: "approved",
    step: { action: "decide", decision: "approved", comment: "Vedtatt i styret" },
    projectId: 8,
    participants: ["0301", "4601"],
  },
  "ideas.withdraw": { from: "submitted", to: "withdrawn", step: { action: "withdraw", comment: null } },
  ...jointSteps("ideas"),
  "benefits.toolboxEntryAdded": { entryId: 4, kind: "link", title: "Veileder for anskaffelse", url: "https://www.ks.no/veileder" },
  "benefits.toolboxEntryRemoved": {
    entryId: 5,
    kind: "document",
    title: "Krav",
    fileName: "Krav SvarUt.pdf",
    documentType: "pdf",
    sizeBytes: 1_258_291,
  },
  "apiTokens.created": { name: "Power BI", publicId: "abcd2345", scope: "read-own", expiresAt: "2026-06-01T00:00:00.000Z" },
  "apiTokens.revoked": { name: "Power BI", publicId: "abcd2345" },
  "apiTokens.used": { name: "Power BI", publicId: "abcd2345" },
  "mail.retried": { kind: "reportReturned", email: "finance.0301@demo.example", reason: "INTERRUPTED", attempts: 1 },
  "mail.preferenceChanged": { kind: "deadlineReminder", on: false },
  "mail.unsubscribed": { kind: "reportReturned" },
  "benefits.localMeasurementAdded": {
    name: "SvarUt",
    owner: "5001",
    participant: "4601",
    key: "purringer",
    measurementId: 3,
    after: { value: 250, date: "2025-12-31", comment: "Fra sak/arkiv" },
  },
  "benefits.localMeasurementChanged": {
    name: "SvarUt",
    owner: "5001",
    participant: "4601",
    key: "purringer",
    measurementId: 3,
    before: { value: 250, date: "2025-12-31", comment: null },
    after: { value: 100, date: "2025-12-31", comment: null },
  },
  "benefits.localMeasurementDeleted": {
    name: "SvarUt",
    owner: "5001",
    participant: "4601",
    key: "purringer",
    measurementId: 3,
    before: { value: 100, date: "2025-12-31", comment: null },
  },
};

const render = (t: TFunction, action: AuditAction) =>
  nbsp(describeAuditDetails(t, action, DETAILS[action] === null ? null : JSON.stringify(DETAILS[action]), organisations));

describe("audit details as sentences (issue 20, point 6)", () => {
  it("words every action in both languages without JSON, quotes, camelCase keys or open placeholders", () => {
    for (const lng of ["nb", "en"] as const) {
      const t = translator(lng);
      for (const action of AUDIT_ACTIONS) {
        const text = render(t, action);
        const label = `${lng} ${action}: ${text}`;
        expect(text, label).not.toMatch(/[{}"]/);
        expect(text, label).not.toMatch(/\b[a-z]+[A-Z][A-Za-z]*\b/);
        expect(text, label).not.toMatch(/undefined|null|NaN|\[object/);
        if (DETAILS[action] !== null && action !== "auth.secondFactorEnabled") expect(text, label).not.toBe("");
      }
    }
  });

  it("says a status change as a sentence, with the year and the comment", () => {
    const t = translator("nb");
    expect(render(t, "costs.reportSubmitted")).toBe("År 2024. Status endret fra utkast til sendt inn.");
    expect(render(t, "costs.reportReturned")).toBe(
      "År 2024. Status endret fra sendt inn til sendt tilbake. Kommentar: «Lisenser mangler».",
    );
    expect(render(translator("en"), "costs.reportSubmitted")).toBe("Year 2024. Status changed from draft to submitted.");
  });

  it("names the role and where it holds, not the ids", () => {
    const t = translator("nb");
    expect(render(t, "admin.roleGranted")).toBe("Rolle Økonomi gitt for Trondheim (5001).");
    expect(render(t, "admin.roleRevoked")).toBe("Rolle Kommunalt prioriteringsråd (KPR) fjernet for Skole og oppvekst.");
  });

  it("gives amounts with thousands separators and dates in Norwegian", () => {
    const t = translator("nb");
    expect(render(t, "costs.reportSaved")).toBe(
      "År 2024. Status endret fra sendt tilbake til utkast. Sum IKT-kostnader endret fra 41 250 000 kr til 41 300 000 kr. " +
        "Linjer: 1 nye, 1 endrede, 0 fjernede. IKT-brukerkontoer: 1 200 → 1 250. Overstyrt folketall: 28 000 → 28 100.",
    );
    expect(render(t, "benefits.benefitUpdated")).toBe(
      "Gevinst Færre telefoner til servicetorget. Forventet gevinst: 250 000 kr → 300 000 kr. Mål endret.",
    );
    expect(render(t, "systems.updated")).toBe("Fagsystem Elements. SvarUt: nei → ja. I bruk til: ingen → 2026.");
    expect(render(t, "benefits.measurementAdded")).toBe("Måling 1 050,5 per 30. april 2026. Kommentar: «Etter første kvartal».");
    expect(render(t, "benefits.invitationAccepted")).toBe(
      "Felles sak/arkiv (eier Trondheim (5001)), deltaker Oslo (0301). Status endret fra invitert til deltar.",
    );
  });

  it("names a toolbox entry: a link by its address, a document by its name, type and size (issue 26)", () => {
    expect(render(translator("nb"), "benefits.toolboxEntryAdded")).toBe("Lenke «Veileder for anskaffelse» til https://www.ks.no/veileder.");
    expect(render(translator("nb"), "benefits.toolboxEntryRemoved")).toBe("Dokument «Krav» (Krav SvarUt.pdf, PDF, 1,2 MB).");
  });

  it("names the notice, the recipient and the reason of a mail retry, and how a notice was turned off (issue 25)", () => {
    const t = translator("nb");
    expect(render(t, "mail.retried")).toBe(
      "«En rapport er returnert» til finance.0301@demo.example lagt i kø igjen. Grunnen til feilen: Avbrutt under sending; kan ha kommet fram.",
    );
    expect(render(t, "mail.preferenceChanged")).toBe("«Påminnelse om rapporteringsfrist» slått av.");
    expect(render(t, "mail.unsubscribed")).toBe("«En rapport er returnert» slått av. Med lenken i en e-post.");
    expect(render(translator("en"), "mail.unsubscribed")).toBe("“A report was returned” turned off. By the link in an e-mail.");
  });
});
