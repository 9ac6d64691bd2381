import { getMunicipalityByNumber, listGrants, findUserByEmail, listProjectsOf, type Db } from "@malestokk/db";
import { can } from "@malestokk/domain";
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";

import { AppError } from "./errors";
import { appRouter } from "./root";
import { emptyReportInput, setupApi, type Caller } from "./test-helpers";
import type { Meta } from "./trpc";

/**
 * Walks every procedure of the router for every role, in the user's own municipality and in
 * another one, and checks the outcome against the permission table. A procedure added without a
 * sample input here, or without an access rule, fails this test.
 */
const OWN = "0301";
const OTHER = "5001";

type SampleInput = (municipalityNumber: string, db: Db) => unknown;

/** A demo project the municipality owns alone: its access follows the owner only. */
function projectOf(db: Db, number: string): number {
  const id = getMunicipalityByNumber(db, number)?.id ?? 0;
  const project = listProjectsOf(db, id).find((p) => p.ownerOrganisationId === id && p.participants.length === 0);
  if (!project) throw new Error(`no demo project owned by ${number}`);
  return project.id;
}
const PROJECT = { name: "Prøve", description: null, sector: "common", phase: "concept", participants: [] };
const { participants: _p, ...PROJECT_FIELDS } = PROJECT;

const SAMPLES: Record<string, SampleInput | null> = {
  "system.info": null,
  "auth.me": null,
  "auth.signIn": () => ({ email: "nobody@demo.example", password: "wrong password" }),
  "auth.demoAccounts": null,
  "auth.signInOptions": null,
  "auth.secondFactor": () => ({ challenge: "x".repeat(43), code: "123456" }),
  "auth.enrolBegin": () => ({ challenge: "x".repeat(43) }),
  "auth.enrolConfirm": () => ({ challenge: "x".repeat(43), code: "123456" }),
  "auth.secondFactorStatus": null,
  "admin.resetSecondFactor": () => ({ userId: 999_999 }),
  "admin.secondFactorPolicy": null,
  "admin.identityProviders": null,
  "admin.saveIdentityProvider": () => ({ slug: "test-idp", name: "Test", issuer: "https://idp.example", clientId: "malestokk" }),
  "admin.deleteIdentityProvider": () => ({ id: 999_999, version: 1 }),
  "admin.setLocalSignIn": () => ({ enabled: true }),
  "admin.unlinkIdentities": () => ({ userId: 999_999 }),
  "admin.setSecondFactorPolicy": () => ({ required: false }),
  "admin.fourEyes": null,
  "admin.setFourEyes": () => ({ unitNumber: "0301", required: false }),
  "mail.status": null,
  "mail.outbox": () => ({}),
  "mail.retry": () => ({ id: 999_999 }),
  "mail.recipients": null,
  "mail.preferences": null,
  "mail.setPreference": () => ({ kind: "deadlineReminder", on: true }),
  "mail.unsubscribe": () => ({ token: "1.deadlineReminder.forged" }),
  "admin.openDataLicence": null,
  "admin.setOpenDataLicence": () => ({ licence: "CC-BY-4.0", attribution: "KS" }),
  "auth.completeReset": () => ({ token: "x".repeat(43), newPassword: "a new long password" }),
  "auth.signOut": null,
  "auth.signOutEverywhere": null,
  "auth.changePassword": () => ({ currentPassword: "wrong", newPassword: "a new long password" }),
  "auth.setLanguage": () => ({ language: "nn" }),
  "municipalities.list": null,
  "municipalities.get": (m) => ({ municipalityNumber: m }),
  "municipalities.population": (m) => ({ municipalityNumber: m }),
  "benchmarks.series": (m) => ({ indicatorCode: "K1", municipalityNumber: m }),
  "benchmarks.profile": (m) => ({ municipalityNumber: m, year: 2024 }),
  "benchmarks.compare": (m) => ({ numbers: [m, "4601"], codes: ["K1", "Q1"] }),
  "benchmarks.indicator": (m) => ({ indicatorCode: "K1", municipalityNumber: m, year: 2024, against: "Q1" }),
  "benchmarks.map": (m) => ({ indicatorCode: "K1", municipalityNumber: m, year: 2024 }),
  "costs.list": (m) => ({ municipalityNumber: m }),
  "years.list": null,
  "years.setPublication": () => ({ year: 2016, publishedOn: "2026-06-01", previous: null }),
  "open.municipality": (m) => ({ municipalityNumber: m }),
  "open.indicator": () => ({ indicatorCode: "K1" }),
  "open.valueHistory": (m) => ({ indicatorCode: "K1", municipalityNumber: m, year: 2024 }),
  "open.licence": null,
  "open.map": () => ({ indicatorCode: "K1", year: 2024 }),
  "quality.list": (m) => ({ municipalityNumber: m }),
  "quality.report": (m) => ({ municipalityNumber: m, year: 2024, instrument: "maturity" }),
  "quality.save": (m) => ({
    municipalityNumber: m,
    year: 2024,
    expectedVersion: null,
    body: { instrument: "maturity", content: { scores: [] } },
  }),
  "quality.submit": (m) => ({ municipalityNumber: m, year: 2024, instrument: "maturity", expectedVersion: 1 }),
  "quality.approve": (m) => ({ municipalityNumber: m, year: 2024, instrument: "maturity", expectedVersion: 1 }),
  "quality.return": (m) => ({ municipalityNumber: m, year: 2024, instrument: "maturity", expectedVersion: 1, comment: "Se på skårene" }),
  "quality.setWeights": () => ({ weights: [] }),
  "benefits.portfolio": (m) => ({ municipalityNumber: m }),
  "benefits.createProject": (m) => ({ municipalityNumber: m, project: PROJECT }),
  "benefits.project": (m, db) => ({ projectId: projectOf(db, m) }),
  "benefits.planVersion": (m, db) => ({ projectId: projectOf(db, m), number: 1 }),
  "benefits.saveProject": (m, db) => ({ projectId: projectOf(db, m), expectedVersion: 1, project: PROJECT_FIELDS }),
  "benefits.deleteProject": (m, db) => ({ projectId: projectOf(db, m), expectedVersion: 99 }),
  "benefits.saveMap": (m, db) => ({
    projectId: projectOf(db, m),
    expectedVersion: 99,
    map: { deliverables: [], preconditions: [], goals: [] },
  }),
  "benefits.saveBenefit": (m, db) => ({
    projectId: projectOf(db, m),
    benefitId: null,
    expectedVersion: null,
    benefit: {
      title: "Prøve",
      description: null,
      ownerName: "Kari",
      ownerUserId: null,
      type: "quality",
      valuation: "unpriced",
      annualValueNok: null,
      cash: false,
      quantitative: true,
      disBenefit: false,
      indicator: { name: "Andel", unit: "%", direction: "higher", method: null, frequency: "yearly" },
      linkedIndicatorCode: null,
      baseline: { value: 1, date: "2025-01-01" },
      targets: [{ value: 2, date: "2026-01-01" }],
      preconditionKeys: [],
      goalKeys: [],
    },
  }),
  "benefits.deleteBenefit": (m, db) => ({ projectId: projectOf(db, m), benefitId: 1, expectedVersion: 99 }),
  "benefits.addMeasurement": (m, db) => ({
    projectId: projectOf(db, m),
    benefitId: 1,
    measurement: { value: 1, date: "2025-06-01", comment: null },
  }),
  "benefits.deleteMeasurement": (m, db) => ({ projectId: projectOf(db, m), benefitId: 1, measurementId: 999 }),
  "benefits.approvePlan": (m, db) => ({
    projectId: projectOf(db, m),
    planHash: "0".repeat(16),
    approvedOn: "2026-01-01",
    comment: null,
  }),
  "benefits.followUp": null,
  "benefits.invite": (m, db) => ({ projectId: projectOf(db, m), participant: "4601" }),
  "benefits.removeParticipant": (m, db) => ({ projectId: projectOf(db, m), participant: "4601" }),
  "benefits.answerInvitation": (m) => ({ municipalityNumber: m, projectId: 999_999, answer: "decline" }),
  "benefits.leaveProject": (m) => ({ municipalityNumber: m, projectId: 999_999 }),
  "ideas.list": null,
  "sector.dashboard": () => ({ year: 2024 }),
  "sector.portfolio": null,
  "sector.projectsWithoutPlan": null,
  "ideas.get": () => ({ id: 999_999 }),
  "ideas.submit": (m) => ({
    municipalityNumber: m,
    idea: { title: "Idé", problem: "Problem", sector: "helseVelferd", expectedBenefits: "Gevinster", roughCostNok: 1000, participants: [] },
  }),
  "ideas.step": () => ({ id: 999_999, expectedVersion: 1, step: { action: "withdraw", comment: "Ikke aktuelt" } }),
  "ideas.invitations": null,
  "ideas.answerInvitation": (m) => ({ municipalityNumber: m, ideaId: 999_999, answer: "decline" }),
  "ideas.leave": (m) => ({ municipalityNumber: m, ideaId: 999_999 }),
  "ideas.removeParticipant": (m) => ({ municipalityNumber: m, ideaId: 999_999, participant: "4601" }),
  "ideas.announceMeetingPack": () => ({ meetingDate: "2026-04-02" }),
  "systems.list": (m) => ({ municipalityNumber: m }),
  "systems.save": (m) => ({
    municipalityNumber: m,
    id: null,
    expectedVersion: null,
    name: "Nytt system",
    vendor: null,
    systemClass: "other",
    svarUt: false,
    inUseFrom: 2020,
    inUseTo: null,
  }),
  "systems.delete": (m) => ({ municipalityNumber: m, id: 1 }),
  "years.close": () => ({ year: 2016 }),
  "years.reopen": () => ({ year: 2016, reason: "Retting av tall" }),
  "costs.report": (m) => ({ municipalityNumber: m, year: 2024 }),
  "costs.save": (m) => emptyReportInput(m),
  "costs.importFile": (m) => ({
    municipalityNumber: m,
    year: 2024,
    expectedVersion: 1,
    fileName: "k.csv",
    contentBase64: "YTtiCg==",
    dryRun: true,
  }),
  "costs.submit": (m) => ({ municipalityNumber: m, year: 2024, expectedVersion: 1 }),
  "costs.approve": (m) => ({ municipalityNumber: m, year: 2024, expectedVersion: 1 }),
  "costs.return": (m) => ({ municipalityNumber: m, year: 2024, expectedVersion: 1, comment: "Sjekk tallene" }),
  "admin.users": null,
  "admin.createUser": () => ({ email: "new.user@example.no", name: "New User", role: "board" }),
  "admin.addRole": () => ({ userId: 2, role: "secretariat" }),
  "admin.removeRole": () => ({ grantId: 3 }),
  "admin.createResetLink": () => ({ userId: 2 }),
  "admin.setDisabled": () => ({ userId: 2, disabled: false }),
  "admin.permissions": null,
  "admin.audit": () => ({}),
  "peers.sets": null,
  "peers.saveSet": (m) => ({ name: "Mine", memberNumbers: [m, "4601"], shareWithMunicipality: null }),
  "peers.deleteSet": () => ({ id: 1 }),
  "peers.suggest": (m) => ({ municipalityNumber: m }),
  "imports.registerNames": () => ({ content: "{}", dryRun: true }),
  "imports.kostraGroups": () => ({ content: "{}", year: 2024, dryRun: true }),
  "imports.regionChanges": () => ({ content: "{}", dryRun: true }),
  "register.cooperatives": null,
  "register.saveCooperative": (m) => ({ organisationNumber: "912345688", name: "IKT-samarbeidet", memberNumbers: [m, "4601"] }),
  "imports.jsonStat": () => ({ measure: "population", content: "{}", dryRun: true }),
  // What awaits a municipal user: their own organisations only, read from the session (issue 20, point 11).
  "home.awaiting": null,
  // A joint project's toolbox (issue 26): read as the project is, kept by its owner and the secretariat.
  "toolbox.list": (m, db) => ({ projectId: projectOf(db, m) }),
  "toolbox.addLink": (m, db) => ({ projectId: projectOf(db, m), title: "Veileder", url: "https://www.ks.no/" }),
  "toolbox.addDocument": (m, db) => ({
    projectId: projectOf(db, m),
    title: "Kravspesifikasjon",
    fileName: "krav.pdf",
    contentBase64: Buffer.from("%PDF-1.4\n%%EOF\n").toString("base64"),
  }),
  "toolbox.remove": (m, db) => ({ projectId: projectOf(db, m), entryId: 999_999 }),
  "toolbox.document": (m, db) => ({ projectId: projectOf(db, m), entryId: 999_999 }),
  // API tokens (issue 23, point 3): a manager for the own organisation, admins for any; finance never.
  "apiTokens.list": (m) => ({ municipalityNumber: m }),
  "apiTokens.create": (m) => ({ municipalityNumber: m, name: "Power BI", expiresInDays: 90 }),
  "apiTokens.revoke": (m) => ({ municipalityNumber: m, tokenId: 999_999 }),
  "apiTokens.all": null,
  // Joint solutions (issue 26): the template by the owner's keepers or the secretariat; adoption, approval and
  // accepting a newer template by the adopting municipality's manager.
  "solutions.template": (m, db) => ({ projectId: projectOf(db, m) }),
  "solutions.saveTemplate": (m, db) => ({ projectId: projectOf(db, m), expectedVersion: 99, template: { benefits: [] } }),
  "solutions.publishTemplate": (m, db) => ({ projectId: projectOf(db, m), expectedVersion: 99, comment: null }),
  "solutions.rollUp": (m, db) => ({ projectId: projectOf(db, m) }),
  "solutions.sector": null,
  "solutions.list": (m) => ({ municipalityNumber: m }),
  "solutions.adoptionDraft": (m) => ({ municipalityNumber: m, projectId: 999_999 }),
  "solutions.adopt": (m) => ({ municipalityNumber: m, projectId: 999_999, plan: { inUseFrom: "2025-01-01", benefits: [] } }),
  "solutions.localPlan": (m) => ({ municipalityNumber: m, projectId: 999_999 }),
  "solutions.saveLocalPlan": (m) => ({
    municipalityNumber: m,
    projectId: 999_999,
    expectedVersion: 1,
    plan: { inUseFrom: "2025-01-01", benefits: [] },
  }),
  "solutions.approveLocalPlan": (m) => ({ municipalityNumber: m, projectId: 999_999, expectedVersion: 1 }),
  "solutions.acceptTemplateVersion": (m) => ({ municipalityNumber: m, projectId: 999_999, expectedVersion: 1, number: 2 }),
  // Measurements typed by hand for a local plan's benefit: the adopting municipality's keepers only.
  "solutions.addLocalMeasurement": (m) => ({
    municipalityNumber: m,
    projectId: 999_999,
    key: "purringer",
    measurement: { value: 1, date: "2025-01-01", comment: null },
  }),
  "solutions.changeLocalMeasurement": (m) => ({
    municipalityNumber: m,
    projectId: 999_999,
    id: 999_999,
    expectedVersion: 1,
    measurement: { value: 1, date: "2025-01-01", comment: null },
  }),
  "solutions.deleteLocalMeasurement": (m) => ({ municipalityNumber: m, projectId: 999_999, id: 999_999, expectedVersion: 1 }),
};

const USERS = [
  null,
  "admin@demo.example",
  "board@demo.example",
  "secretariat@demo.example",
  "council@demo.example",
  `finance.${OWN}@demo.example`,
  `manager.${OWN}@demo.example`,
] as const;

const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { meta?: Meta; type: string } }>);

async function call(caller: Caller, path: string, input: unknown): Promise<"allowed" | "UNAUTHORIZED" | "FORBIDDEN"> {
  const [area, name] = path.split(".") as [string, string];
  const fn = (caller as unknown as Record<string, Record<string, (input: unknown) => Promise<unknown>>>)[area]?.[name];
  if (!fn) throw new Error(`no procedure ${path} on the caller`);
  try {
    await fn(input);
    return "allowed";
  } catch (error) {
    // Wrong credentials are the procedure's own answer (it ran), not a refusal to run it.
    if (error instanceof AppError && error.appCode === "INVALID_CREDENTIALS") return "allowed";
    if (error instanceof TRPCError && (error.code === "UNAUTHORIZED" || error.code === "FORBIDDEN")) return error.code;
    return "allowed";
  }
}

describe("permission table × router", () => {
  it("has a sample for every procedure and an access rule on each", () => {
    expect(procedures.map(([path]) => path).sort()).toEqual(Object.keys(SAMPLES).sort());
    for (const [path, procedure] of procedures) {
      expect(procedure._def.meta?.access, `${path} has no access rule`).toBeDefined();
    }
  });

  for (const [path, procedure] of procedures) {
    const access = procedure._def.meta?.access;
    for (const email of USERS) {
      for (const target of [OWN, OTHER]) {
        it(`${path} as ${email ?? "anonymous"} on ${target}`, async () => {
          const api = setupApi();
          const caller = email === null ? api.anonymous() : api.as(email);
          const sample = SAMPLES[path];
          const outcome = await call(caller, path, sample ? sample(target, api.db) : undefined);
          let expected: "allowed" | "UNAUTHORIZED" | "FORBIDDEN";
          if (!access) throw new Error("missing access");
          if (access.kind === "public") expected = "allowed";
          else if (email === null) expected = "UNAUTHORIZED";
          else if (access.kind === "signedIn") expected = "allowed";
          else {
            const user = findUserByEmail(api.db, email);
            const grants = user ? listGrants(api.db, user.id) : [];
            const organisationId = getMunicipalityByNumber(api.db, target)?.id ?? null;
            expected = can(grants, access.permission, organisationId) ? "allowed" : "FORBIDDEN";
          }
          expect(outcome).toBe(expected);
        });
      }
    }
  }
});

/** Read procedures: what the walks below search for draft content. */
const READS = procedures.filter(([, procedure]) => procedure._def.type === "query").map(([path]) => path);

/** The demo's joint solution (issue 26), which both units have adopted. */
function svarUtOf(db: Db): number {
  const oslo = getMunicipalityByNumber(db, OWN)?.id ?? 0;
  const project = listProjectsOf(db, oslo).find((p) => p.name === "Digital post med SvarUt");
  if (!project) throw new Error("no demo SvarUt project");
  return project.id;
}

/** More inputs of a read than its sample: every quality instrument; the local plans of the demo's joint solution. */
const MORE_READS: Record<string, SampleInput[]> = {
  "quality.report": [
    (m) => ({ municipalityNumber: m, year: 2024, instrument: "satisfaction" }),
    (m) => ({ municipalityNumber: m, year: 2024, instrument: "scope" }),
  ],
  "solutions.localPlan": [(m, db) => ({ municipalityNumber: m, projectId: svarUtOf(db) })],
  "solutions.rollUp": [(_m, db) => ({ projectId: svarUtOf(db) })],
};

/** Everything a caller gets back from a read, an error included, as text to search. */
async function respond(caller: Caller, path: string, input: unknown): Promise<string> {
  const [area, name] = path.split(".") as [string, string];
  const fn = (caller as unknown as Record<string, Record<string, (input: unknown) => Promise<unknown>>>)[area]?.[name];
  if (!fn) throw new Error(`no procedure ${path} on the caller`);
  try {
    return JSON.stringify(await fn(input));
  } catch (error) {
    return JSON.stringify({ message: String(error), ...(error instanceof AppError ? { params: error.params, issues: error.issues } : {}) });
  }
}

/** Calls every read with every input for each target, and lists the responses that contain a forbidden text. */
async function findInReads(
  caller: Caller,
  db: Db,
  targets: readonly string[],
  forbidden: (text: string) => string | null,
): Promise<string[]> {
  const found: string[] = [];
  for (const path of READS) {
    for (const target of targets) {
      const sample = SAMPLES[path];
      // A sample that needs a demo project the target does not own (a cooperative) has no input there.
      const inputs = [sample ?? (() => undefined), ...(MORE_READS[path] ?? [])].flatMap((make) => {
        try {
          return [make(target, db)];
        } catch {
          return [];
        }
      });
      for (const input of inputs) {
        const what = forbidden(await respond(caller, path, input));
        if (what) found.push(`${path}(${JSON.stringify(input)}) shows ${what}`);
      }
    }
  }
  return found;
}

/** Values no demo figure has, planted in each unit's unapproved reports. */
const MARKERS: Record<string, { readonly amount: number; readonly text: string }> = {
  [OWN]: { amount: 8_731_337, text: "Utkastmerke0301" },
  [OTHER]: { amount: 8_750_017, text: "Utkastmerke5001" },
};

/**
 * Puts the markers into every kind of report content of 2024: in OWN a draft cost report and draft
 * quality reports; in OTHER the same, submitted where it can be.
 */
async function plantDrafts(api: ReturnType<typeof setupApi>) {
  const admin = api.as("admin@demo.example");
  for (const [number, marker] of Object.entries(MARKERS)) {
    const key = { municipalityNumber: number, year: 2024 };
    const finance = api.as(`finance.${number}@demo.example`);
    const manager = api.as(`manager.${number}@demo.example`);
    const cost = await admin.costs.report(key);
    const returned = await admin.costs.return({ ...key, expectedVersion: cost.report?.version ?? 0, comment: `Rett ${marker.text}` });
    const content = (warningComments: Record<string, string>) => ({
      ...emptyReportInput(number, 2024, null),
      lines: [
        { service: "operations" as const, costType: "ownStaff" as const, systemId: null, amount: marker.amount, comment: marker.text },
      ],
      itUserAccounts: marker.amount,
      employeesFte: marker.amount / 10,
      populationOverride: { value: marker.amount, reason: marker.text },
      grossOperatingExpenditureOverride: { value: marker.amount, reason: marker.text },
      warningComments,
    });
    let { version } = await finance.costs.save({ ...content({}), expectedVersion: returned.version });
    const { unexplained } = await finance.costs.report(key);
    ({ version } = await finance.costs.save({
      ...content(Object.fromEntries(unexplained.map((k) => [k, marker.text]))),
      expectedVersion: version,
    }));
    if (number === OTHER) await finance.costs.submit({ ...key, expectedVersion: version });

    for (const instrument of ["maturity", "satisfaction", "scope"] as const) {
      const view = await admin.quality.report({ ...key, instrument });
      const current = view.content;
      if (!current) throw new Error("the admin reads every report");
      let expectedVersion = view.report?.version ?? null;
      if (view.report && view.report.status !== "draft" && view.report.status !== "returned") {
        expectedVersion = (
          await admin.quality.return({ ...key, instrument, expectedVersion: view.report.version, comment: `Rett ${marker.text}` })
        ).version;
      }
      const body =
        current.instrument === "maturity"
          ? {
              instrument: "maturity" as const,
              content: {
                scores: current.content.scores.map((s) => ({ ...s, score: s.score ?? 3, comment: marker.text, evidence: marker.text })),
              },
            }
          : current.instrument === "satisfaction"
            ? {
                instrument: "satisfaction" as const,
                content: { staff: null, citizen: [{ surveyType: marker.text, mean: 4.5, respondents: marker.amount }] },
              }
            : {
                instrument: "scope" as const,
                content: { ...current.content, mail: [{ shipmentType: marker.text, digital: marker.amount, paper: 1 }] },
              };
      const saved = await manager.quality.save({ ...key, expectedVersion, body });
      if (number === OTHER && instrument === "satisfaction")
        await manager.quality.submit({ ...key, instrument, expectedVersion: saved.version });
    }
  }
  await plantLocalMeasurements(api);
}

/**
 * A measurement typed by hand in each unit's local plan of the demo's joint solution (issue 26): the plans move
 * onto a new template version with a benefit no indicator measures, and are not approved again.
 */
async function plantLocalMeasurements(api: ReturnType<typeof setupApi>) {
  const admin = api.as("admin@demo.example");
  const projectId = svarUtOf(api.db);
  const { draft, versions } = await admin.solutions.template({ projectId });
  const first = versions[0]?.benefits[0];
  if (!first) throw new Error("the demo's SvarUt template");
  const byHand = {
    ...first,
    key: "purringer",
    title: "Færre purringer",
    cash: false,
    valuation: "freedCapacity" as const,
    valueMethod: "share" as const,
    linkedIndicatorCode: null,
    annualValueNok: 60_000,
    unitValues: [],
  };
  const saved = await admin.solutions.saveTemplate({
    projectId,
    expectedVersion: draft.version,
    template: { benefits: [...(versions[0]?.benefits ?? []), byHand] },
  });
  const { number } = await admin.solutions.publishTemplate({ projectId, expectedVersion: saved.version, comment: null });
  for (const [municipalityNumber, marker] of Object.entries(MARKERS)) {
    const manager = api.as(`manager.${municipalityNumber}@demo.example`);
    const { plan } = await manager.solutions.localPlan({ municipalityNumber, projectId });
    await manager.solutions.acceptTemplateVersion({ municipalityNumber, projectId, expectedVersion: plan.version ?? 0, number });
    await manager.solutions.addLocalMeasurement({
      municipalityNumber,
      projectId,
      key: "purringer",
      measurement: { value: marker.amount, date: "2025-06-30", comment: marker.text },
    });
  }
}

/** The markers of the units `grants` may not read drafts of, as found in a response. */
function markersHidden(db: Db, grants: ReturnType<typeof listGrants>) {
  const hidden = Object.entries(MARKERS).filter(([number]) => !can(grants, "drafts.read", getMunicipalityByNumber(db, number)?.id ?? null));
  return (text: string) => {
    const shown = hidden.flatMap(([number, m]) =>
      [String(m.amount), m.text].filter((s) => text.includes(s)).map((s) => `${number}'s ${s}`),
    );
    return shown.length > 0 ? shown.join(", ") : null;
  };
}

describe("draft content × every read procedure (issue 17, finding 3)", () => {
  it("plants markers the own organisation does read, so the walk can see a leak", async () => {
    const api = setupApi();
    await plantDrafts(api);
    const finance = api.as(`finance.${OWN}@demo.example`);
    const seen = await findInReads(finance, api.db, [OWN], (text) => (text.includes(MARKERS[OWN]?.text ?? "?") ? "the marker" : null));
    for (const path of ["costs.report", "quality.report", "solutions.localPlan"])
      expect(
        seen.some((s) => s.startsWith(path)),
        path,
      ).toBe(true);
    const amounts = await findInReads(finance, api.db, [OWN], (text) =>
      text.includes(String(MARKERS[OWN]?.amount)) ? "the amount" : null,
    );
    for (const path of ["costs.list", "costs.report", "quality.report", "benchmarks.series"])
      expect(
        amounts.some((s) => s.startsWith(path)),
        path,
      ).toBe(true);
  }, 120_000);

  for (const email of USERS) {
    it(`shows ${email ?? "anonymous"} no content of a report it may not read before approval`, async () => {
      const api = setupApi();
      await plantDrafts(api);
      const caller = email === null ? api.anonymous() : api.as(email);
      const user = email === null ? null : findUserByEmail(api.db, email);
      const grants = user ? listGrants(api.db, user.id) : [];
      expect(await findInReads(caller, api.db, [OWN, OTHER], markersHidden(api.db, grants))).toEqual([]);
    }, 120_000);
  }
});

describe("the anonymous caller × publication (issue 23)", () => {
  it("reads nothing of a year before its publication date, never a draft or submitted value, and the last approved one under correction", async () => {
    const api = setupApi();
    const admin = api.as("admin@demo.example");
    for (const y of await admin.years.list())
      if (y.publishedOn !== null) await admin.years.setPublication({ year: y.year, publishedOn: null, previous: y.publishedOn });
    // The test clock says 2026-03-01: 2024 is published, 2023 scheduled.
    await admin.years.setPublication({ year: 2024, publishedOn: "2026-02-01", previous: null });
    await admin.years.setPublication({ year: 2023, publishedOn: "2026-06-15", previous: null });
    const anonymous = api.anonymous();
    const before = await anonymous.open.indicator({ indicatorCode: "K1", year: 2024 });
    const approvedOf = (v: typeof before) => v.values.filter((x) => x.municipalityNumber === OWN || x.municipalityNumber === OTHER);
    expect(approvedOf(before)).toHaveLength(2);

    await plantDrafts(api);
    expect(await findInReads(anonymous, api.db, [OWN, OTHER], markersHidden(api.db, []))).toEqual([]);
    // Both units' 2024 reports are being corrected (a draft in OWN, submitted in OTHER): the public reads them as last approved.
    const after = await anonymous.open.indicator({ indicatorCode: "K1", year: 2024 });
    expect(approvedOf(after)).toEqual(approvedOf(before));
    expect(after.years).toEqual([expect.objectContaining({ year: 2024, publishedOn: "2026-02-01" })]);

    // Nothing of the scheduled year: not in the years, no points, no values.
    const refused = await anonymous.open.indicator({ indicatorCode: "K1", year: 2023 }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(TRPCError);
    const profile = await anonymous.open.municipality({ municipalityNumber: OWN });
    expect(profile.years.map((y) => y.year)).toEqual([2024]);
    expect(profile.indicators.flatMap((i) => i.points.map((p) => p.year))).not.toContain(2023);
    expect(await anonymous.open.valueHistory({ indicatorCode: "K1", municipalityNumber: OWN, year: 2023 })).toEqual([]);
  }, 120_000);
});

describe("a member's draft in an IT cooperative reaches no one else (issue 17, finding 2)", () => {
  // The outside test's reproduction: a cooperative of Oslo and Trondheim, divided per IT user;
  // Oslo saves drafts with 31 337 and then 10 000 000 IT users.
  const COOP = "923456783";
  const OTHERS = [
    "finance.5001@demo.example",
    "manager.5001@demo.example",
    "finance.coop@demo.example",
    "manager.coop@demo.example",
    "board@demo.example",
    "secretariat@demo.example",
    "council@demo.example",
  ];
  const shows31337 = (text: string) => (/31[\s\u00a0\u202f.]?337/.test(text) ? "31 337" : null);

  for (const email of OTHERS) {
    it(`shows ${email} no trace of Oslo's draft IT users`, async () => {
      const api = setupApi();
      const admin = api.as("admin@demo.example");
      await admin.register.saveCooperative({ organisationNumber: COOP, name: "IKT Oslo–Trondheim", memberNumbers: [OWN, OTHER] });
      for (const role of ["finance", "manager"] as const) {
        await admin.admin.createUser({ email: `${role}.coop@demo.example`, name: `Samarbeid ${role}`, role, municipalityNumber: COOP });
      }
      const saved = await admin.costs.save({
        ...emptyReportInput(COOP, 2024, null),
        lines: [{ service: "operations", costType: "ownStaff", systemId: null, amount: 12_000_000, comment: null }],
        allocation: { key: "perItUser", shares: null },
      });
      await admin.costs.submit({ municipalityNumber: COOP, year: 2024, expectedVersion: saved.version });
      await admin.costs.approve({ municipalityNumber: COOP, year: 2024, expectedVersion: saved.version + 1 });

      const oslo = await api.as(`manager.${OWN}@demo.example`).costs.report({ municipalityNumber: OWN, year: 2024 });
      const returned = await api
        .as(`manager.${OWN}@demo.example`)
        .costs.return({ municipalityNumber: OWN, year: 2024, expectedVersion: oslo.report?.version ?? 0, comment: "Tell brukerne" });
      const caller = api.as(email);
      let version = returned.version;
      for (const itUserAccounts of [31_337, 10_000_000]) {
        ({ version } = await api.as(`finance.${OWN}@demo.example`).costs.save({
          ...emptyReportInput(OWN, 2024, version),
          lines: [...(oslo.report?.lines ?? [])],
          itUserAccounts,
        }));
        if (itUserAccounts === 31_337) {
          // The walk can see it: Oslo's own finance reads its draft.
          expect(
            shows31337(await respond(api.as(`finance.${OWN}@demo.example`), "costs.report", { municipalityNumber: OWN, year: 2024 })),
          ).not.toBeNull();
        }
        expect(await findInReads(caller, api.db, [OWN, OTHER, COOP], shows31337)).toEqual([]);
      }
    }, 120_000);
  }
});
