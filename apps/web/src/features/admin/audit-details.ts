import type { AuditAction } from "@malestokk/domain";
import { isAuditAction } from "@malestokk/domain";
import type { TFunction } from "i18next";

import { formatDate, formatDecimal, formatFileSize, formatInteger, formatNok } from "../../lib/format";
import { isLanguage, LANGUAGE_NAMES } from "../../lib/i18n";
import { roleLabel, sectorLabel, organisationLabel, summarizeAuditDetails, type OrganisationRef } from "./admin-text";

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

interface Entry {
  readonly t: TFunction;
  readonly d: JsonObject;
  readonly organisations: ReadonlyMap<number, OrganisationRef>;
}

/** One sentence (or none) per part of an entry; the parts are joined into short sentences. */
type Renderer = (entry: Entry) => (string | null)[];

const S = "admin.audit.sentences";

const str = (value: Json | undefined): string | null => (typeof value === "string" && value !== "" ? value : null);
const num = (value: Json | undefined): number | null => (typeof value === "number" ? value : null);
const obj = (value: Json | undefined): JsonObject | null => (isObject(value) ? value : null);
const count = (value: Json | undefined): number => (Array.isArray(value) ? value.length : isObject(value) ? Object.keys(value).length : 0);

function statusText(t: TFunction, status: Json | undefined): string {
  if (typeof status !== "string") return t("admin.audit.details.none");
  return t(`admin.audit.details.status.${status}`, { defaultValue: t(`${S}.unknownValue`) });
}

/** "Status endret fra utkast til sendt inn", or "Status satt til utkast" for the first one. */
function statusChange(t: TFunction, before: Json | undefined, after: Json | undefined): string | null {
  if (before === after) return null;
  if (before === null || before === undefined) return t(`${S}.statusSet`, { after: statusText(t, after) });
  return t(`${S}.statusChanged`, { before: statusText(t, before), after: statusText(t, after) });
}

/** A value in words: numbers in nb-NO, kroner where the key holds kroner, never JSON. */
function valueText(t: TFunction, key: string, value: Json | undefined): string {
  if (value === undefined || value === null) return t("admin.audit.details.none");
  if (typeof value === "boolean") return t(value ? "admin.audit.details.yes" : "admin.audit.details.no");
  if (typeof value === "number" && YEAR_KEYS.has(key)) return String(value);
  if (typeof value === "number")
    return MONEY_KEYS.has(key) ? formatNok(value) : Number.isInteger(value) ? formatInteger(value) : formatDecimal(value);
  if (typeof value === "string") {
    if (key === "phase") return t(`${S}.phases.${value}`, { defaultValue: value });
    if (key === "sector") return sectorLabel(t, value);
    if (key === "type") return t(`${S}.benefitTypes.${value}`, { defaultValue: t(`${S}.unknownValue`) });
    if (key === "valuation") return t(`${S}.valuations.${value}`, { defaultValue: t(`${S}.unknownValue`) });
    if (/^\d{4}-\d{2}-\d{2}/.test(value)) return formatDate(value);
    return value;
  }
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v === "string" || typeof v === "number")) return value.map((v) => valueText(t, key, v)).join(", ");
    return t(`${S}.items`, { count: value.length });
  }
  if ("value" in value) return valueText(t, key, value.value);
  return t(`${S}.items`, { count: Object.keys(value).length });
}

/** Years are written without a thousands separator: "2026", not "2 026". */
const YEAR_KEYS = new Set(["year", "inUseFrom", "inUseTo"]);

const MONEY_KEYS = new Set(["totalItCost", "total", "annualValueNok", "roughCostNok", "grossOperatingExpenditureOverride"]);

/** A benefit's measure, targets and place in the map: structured, so the log says only that they changed. */
const BENEFIT_PLAN_KEYS = ["indicator", "linkedIndicatorCode", "baseline", "targets", "preconditionKeys", "goalKeys"];

/** Fields whose values are long, structured or codes: the log says only that they changed. */
const CHANGED_ONLY_KEYS = new Set(["description", "warningComments", "allocation", "organisationIds", ...BENEFIT_PLAN_KEYS]);

function fieldLabel(t: TFunction, key: string): string {
  return t(`admin.audit.details.fields.${key}`, { defaultValue: t(`${S}.otherField`) });
}

/** "Forventet gevinst: 1 000 kr → 2 000 kr" for each labelled field that changed; long texts only say that they changed. */
function fieldChanges(t: TFunction, before: JsonObject | null, after: JsonObject | null, keys: readonly string[]): string[] {
  const parts: string[] = [];
  for (const key of keys) {
    // An override is logged as { value, reason }: its value is what changed.
    const unwrap = (v: Json | undefined): Json => (isObject(v) && "value" in v ? (v.value ?? null) : (v ?? null));
    const old = unwrap(before?.[key]);
    const now = unwrap(after?.[key]);
    if (JSON.stringify(old) === JSON.stringify(now)) continue;
    const field = fieldLabel(t, key);
    const simple = (v: Json) => v === null || typeof v !== "object" || (Array.isArray(v) && v.every((x) => typeof x !== "object"));
    const long = (typeof old === "string" && old.length > 60) || (typeof now === "string" && now.length > 60);
    if (long || CHANGED_ONLY_KEYS.has(key) || !simple(old) || !simple(now)) parts.push(t(`${S}.fieldChanged`, { field }));
    else parts.push(t(`${S}.fieldChange`, { field, before: valueText(t, key, old), after: valueText(t, key, now) }));
  }
  return parts;
}

/** The text for a logged code under a group of texts, or null when nothing was logged. */
function named(t: TFunction, group: string, value: Json | undefined, fallback = ""): string | null {
  const code = str(value);
  return code === null ? null : t(`${group}.${code}`, { defaultValue: fallback });
}

function instrumentPart(t: TFunction, d: JsonObject): string | null {
  const instrument = named(t, `${S}.instruments`, d.instrument);
  return instrument === null ? null : t(`${S}.instrument`, { instrument });
}

function yearPart(t: TFunction, d: JsonObject): string | null {
  const year = num(d.year);
  return year === null ? null : t("admin.audit.details.year", { year });
}

function commentPart(t: TFunction, comment: Json | undefined): string | null {
  const text = str(comment);
  return text === null ? null : t(`${S}.comment`, { comment: text });
}

function scopeOf(t: TFunction, side: JsonObject, organisations: ReadonlyMap<number, OrganisationRef>): string | null {
  const id = num(side.organisationId);
  if (id !== null) {
    const organisation = organisations.get(id);
    return organisation ? organisationLabel(t, organisation) : t("admin.organisationId", { id });
  }
  const sector = str(side.sector);
  return sector === null ? null : sectorLabel(t, sector);
}

/** "Rolle Økonomi gitt for Bergen (4601)". */
function grantSentence(
  t: TFunction,
  key: "roleGranted" | "roleRevoked",
  side: JsonObject | null,
  organisations: ReadonlyMap<number, OrganisationRef>,
) {
  if (side === null || typeof side.role !== "string") return null;
  const role = roleLabel(t, side.role);
  const scope = scopeOf(t, side, organisations);
  return scope === null ? t(`${S}.${key}`, { role }) : t(`${S}.${key}For`, { role, scope });
}

/** A municipality by number, named where the screen knows it: "Oslo (0301)". */
function municipalityByNumber(t: TFunction, number: Json | undefined, organisations: ReadonlyMap<number, OrganisationRef>): string {
  const text = str(number) ?? t("admin.audit.details.none");
  for (const organisation of organisations.values()) if (organisation.number === text) return organisationLabel(t, organisation);
  return text;
}

const reportSave: Renderer = ({ t, d }) => {
  const total = obj(d.total);
  const lines = obj(d.lines);
  const status = obj(d.status);
  return [
    yearPart(t, d),
    instrumentPart(t, d),
    str(d.fileName) && t(`${S}.file`, { fileName: d.fileName }),
    status && statusChange(t, status.before, status.after),
    total && total.before !== total.after
      ? t(`${S}.totalChange`, { before: valueText(t, "total", total.before), after: valueText(t, "total", total.after) })
      : null,
    lines && t(`${S}.lines`, { added: count(lines.added), changed: count(lines.changed), removed: count(lines.removed) }),
    ...(str(d.instrument)
      ? [contentChanges(t, obj(d.before), obj(d.after))]
      : fieldChanges(t, obj(d.before), obj(d.after), [
          "totalItCost",
          "itUserAccounts",
          "employeesFte",
          "populationOverride",
          "grossOperatingExpenditureOverride",
          "warningComments",
          "allocation",
        ])),
  ];
};

/** A quality report's answers are many; the log says how many changed. */
function contentChanges(t: TFunction, before: JsonObject | null, after: JsonObject | null): string | null {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  let changed = 0;
  for (const key of keys) if (JSON.stringify(before?.[key] ?? null) !== JSON.stringify(after?.[key] ?? null)) changed += 1;
  return changed === 0 ? null : t(`${S}.answersChanged`, { count: changed });
}

const reportStep: Renderer = ({ t, d }) => {
  const status = obj(d.status);
  return [yearPart(t, d), instrumentPart(t, d), status && statusChange(t, status.before, status.after), commentPart(t, d.comment)];
};

const jointStep: Renderer = ({ t, d, organisations }) => [
  t(`${S}.joint`, {
    name: str(d.name) ?? "",
    owner: municipalityByNumber(t, d.owner, organisations),
    participant: municipalityByNumber(t, d.participant, organisations),
  }),
  statusChange(t, obj(d.before)?.status, obj(d.after)?.status),
];

/** A joint solution's template or local plan step (issue 26): the project, the municipality when one is concerned, the template version. */
const solutionStep: Renderer = (args) => {
  const { t, d } = args;
  const version = num(d.number) ?? num(d.templateVersion) ?? num(obj(d.after)?.templateVersion);
  return [
    str(d.participant) ? (jointStep(args)[0] ?? null) : t(`${S}.solution`, { name: str(d.name) ?? "" }),
    version === null ? null : t(`${S}.templateVersion`, { number: version }),
  ];
};

const ideaStep: Renderer = ({ t, d }) => {
  const step = obj(d.step);
  const score = num(step?.score);
  return [
    statusChange(t, d.from, d.to),
    score === null ? null : t(`${S}.score`, { score: formatDecimal(score) }),
    commentPart(t, step?.comment),
    num(d.projectId) === null ? null : t(`${S}.projectCreatedFromIdea`, { count: count(d.participants) }),
  ];
};

const nothing: Renderer = () => [];

const system =
  (key: "systemCreated" | "systemUpdated" | "systemDeleted"): Renderer =>
  ({ t, d }) => {
    const before = obj(d.before);
    const after = obj(d.after);
    const name = str(after?.name) ?? str(before?.name) ?? "";
    return [
      t(`${S}.${key}`, { name }),
      ...(key === "systemUpdated"
        ? fieldChanges(t, before, after, ["name", "vendor", "systemClass", "svarUt", "inUseFrom", "inUseTo"])
        : []),
    ];
  };

const identityProvider: Renderer = ({ t, d }) => {
  const before = obj(d.before);
  const after = obj(d.after);
  const side = after ?? before;
  return [
    t(`${S}.provider`, { name: str(side?.name) ?? "", issuer: str(side?.issuer) ?? "" }),
    ...(before && after
      ? fieldChanges(t, before, after, [
          "name",
          "slug",
          "issuer",
          "clientId",
          "emailClaim",
          "requireVerifiedEmail",
          "enabled",
          "nationalRoles",
          "vouchesForMfa",
          "mfaAmrValues",
          "mfaAcrValues",
          "organisationIds",
        ])
      : []),
    d.clientSecretChanged === true ? t(`${S}.clientSecretChanged`) : null,
  ];
};

const via = (t: TFunction, d: JsonObject) => (str(d.provider) === null ? null : t(`${S}.via`, { provider: d.provider }));
const nextStep = (t: TFunction, d: JsonObject) => named(t, `${S}.next`, d.next);
const reason = (t: TFunction, value: Json | undefined) => named(t, "admin.audit.details.reason", value, t(`${S}.unknownReason`));

const benefit: Renderer = ({ t, d }) => {
  const before = obj(d.before);
  const after = obj(d.after);
  const title = str(after?.title) ?? str(before?.title) ?? "";
  return [
    t(`${S}.benefit`, { title }),
    ...(before && after
      ? fieldChanges(t, before, after, [
          "title",
          "description",
          "ownerName",
          "type",
          "valuation",
          "annualValueNok",
          "cash",
          "quantitative",
          "disBenefit",
          ...BENEFIT_PLAN_KEYS,
        ])
      : []),
  ];
};

/** A toolbox entry added or removed (issue 26): a link with its address, a document with its name, type and size. */
const toolboxEntry: Renderer = ({ t, d }) => [
  d.kind === "link"
    ? t(`${S}.toolboxLink`, { title: str(d.title) ?? "", url: str(d.url) ?? "" })
    : t(`${S}.toolboxDocument`, {
        title: str(d.title) ?? "",
        fileName: str(d.fileName) ?? "",
        type: (str(d.documentType) ?? "").toUpperCase(),
        size: formatFileSize(num(d.sizeBytes) ?? 0),
      }),
];

const measurement: Renderer = ({ t, d }) => {
  const side = obj(d.after) ?? obj(d.before);
  if (side === null) return [];
  const value = num(side.value);
  const date = str(side.date);
  return [
    t(`${S}.measurement`, {
      value: value === null ? t("admin.audit.details.none") : formatDecimal(value),
      date: date === null ? "" : formatDate(date),
    }),
    commentPart(t, side.comment),
  ];
};

/**
 * A kind of notice by e-mail (issue 25) in the mail texts' words, which the log's route loads beside
 * its own; an unknown kind is named as stored.
 */
const noticeKind = (t: TFunction, d: JsonObject): string => {
  const kind = str(d.kind) ?? "";
  return t(`mail.kinds.${kind}`, { defaultValue: kind });
};

/** An API token's name and visible id (issue 23, point 3); never its secret, which no entry holds. */
const apiToken: Renderer = ({ t, d }) => [t(`${S}.apiToken`, { name: str(d.name) ?? "", id: str(d.publicId) ?? "" })];
const RENDERERS: Record<AuditAction, Renderer> = {
  "admin.userCreated": ({ t, d, organisations }) => {
    const after = obj(d.after);
    return [
      t(`${S}.userCreated`, { name: str(after?.name) ?? "", email: str(after?.email) ?? "" }),
      grantSentence(t, "roleGranted", after, organisations),
    ];
  },
  "admin.roleGranted": ({ t, d, organisations }) => [grantSentence(t, "roleGranted", obj(d.after), organisations)],
  "admin.roleRevoked": ({ t, d, organisations }) => [grantSentence(t, "roleRevoked", obj(d.before), organisations)],
  "admin.resetLinkCreated": nothing,
  "admin.userDisabled": ({ t }) => [
    t(`${S}.statusChanged`, { before: t("admin.audit.details.enabled"), after: t("admin.audit.details.disabled") }),
  ],
  "admin.userEnabled": ({ t }) => [
    t(`${S}.statusChanged`, { before: t("admin.audit.details.disabled"), after: t("admin.audit.details.enabled") }),
  ],
  "admin.secondFactorPolicy": ({ t, d }) => [t(d.required === true ? `${S}.secondFactorRequired` : `${S}.secondFactorOptional`)],
  "admin.fourEyesChanged": ({ t, d }) => [t(obj(d.after)?.requireFourEyes === true ? `${S}.fourEyesRequired` : `${S}.fourEyesOptional`)],
  "admin.openDataLicenceChanged": ({ t, d }) => [
    t(`${S}.openDataLicence`, { licence: str(obj(d.after)?.licence) ?? "", attribution: str(obj(d.after)?.attribution) ?? "" }),
  ],
  "admin.secondFactorReset": ({ t, d }) => [str(d.email) && t(`${S}.concerns`, { email: d.email })],
  "admin.identityProviderAdded": identityProvider,
  "admin.identityProviderChanged": identityProvider,
  "admin.identityProviderRemoved": identityProvider,
  "admin.identitiesUnlinked": ({ t, d }) => [t(`${S}.identitiesUnlinked`, { count: count(d.identities) })],
  "admin.localSignInChanged": ({ t, d }) => [t(d.enabled === true ? `${S}.localSignInOn` : `${S}.localSignInOff`)],
  "admin.secretsRotated": ({ t, d }) => [t(`${S}.secretsResealed`, { count: num(d.resealed) ?? 0 })],
  "auth.signIn": ({ t, d }) => {
    const method = str(d.secondFactor);
    if (method === null) return [];
    const left = num(d.recoveryCodesLeft);
    return [
      t(`${S}.secondFactor.${method}`, { defaultValue: "" }),
      method === "recoveryCode" && left !== null ? t(`${S}.recoveryCodesLeft`, { count: left }) : null,
    ];
  },
  "auth.signInFailed": ({ t, d }) => [reason(t, d.reason)],
  "auth.passwordAccepted": ({ t, d }) => [nextStep(t, d)],
  "auth.oidcAccepted": ({ t, d }) => [via(t, d), nextStep(t, d)],
  "auth.secondFactorEnabled": nothing,
  "auth.secondFactorFailed": ({ t, d }) => [reason(t, d.reason)],
  "auth.secondFactorLocked": ({ t, d }) => [t(`${S}.lockedFor`, { count: Math.ceil((num(d.retryAfterSeconds) ?? 0) / 60) })],
  "auth.secondFactorReplaced": nothing,
  "auth.oidcSignIn": ({ t, d }) => [via(t, d)],
  "auth.oidcSignInFailed": ({ t, d }) => [via(t, d), reason(t, d.reason)],
  "auth.identityLinked": ({ t, d }) => [via(t, d)],
  "auth.signOut": nothing,
  "auth.signOutEverywhere": ({ t, d }) => [t(`${S}.sessionsEnded`, { count: num(d.sessionsEnded) ?? 0 })],
  "auth.passwordChanged": nothing,
  "auth.passwordReset": nothing,
  "auth.languageChanged": ({ d }) => {
    const language = str(d.language);
    return [language !== null && isLanguage(language) ? LANGUAGE_NAMES[language] : null];
  },
  "costs.totalSaved": reportSave,
  "costs.reportSaved": reportSave,
  "costs.reportImported": reportSave,
  "costs.reportSubmitted": reportStep,
  "costs.reportApproved": reportStep,
  "costs.reportReturned": reportStep,
  "systems.created": system("systemCreated"),
  "systems.updated": system("systemUpdated"),
  "systems.deleted": system("systemDeleted"),
  "years.closed": ({ t, d }) => [commentPart(t, d.reason)],
  "years.reopened": ({ t, d }) => [commentPart(t, d.reason)],
  "years.publicationSet": ({ t, d }) => [yearPart(t, d), ...fieldChanges(t, obj(d.before), obj(d.after), ["publishedOn"])],
  "years.publicationWithdrawn": ({ t, d }) => [yearPart(t, d), ...fieldChanges(t, obj(d.before), obj(d.after), ["publishedOn"])],
  "reference.imported": ({ t, d }) => [
    yearPart(t, d),
    str(d.measure) && t(`${S}.measure`, { measure: named(t, `${S}.measures`, d.measure, t(`${S}.unknownValue`)) }),
    str(d.fileName) && t(`${S}.file`, { fileName: d.fileName }),
    t(`${S}.written`, { count: num(d.written) ?? 0 }),
    num(d.unchanged) === null ? null : t(`${S}.unchanged`, { count: num(d.unchanged) }),
    Array.isArray(d.changes) ? t(`${S}.nameChanges`, { count: d.changes.length }) : null,
    count(d.unknown) + (num(d.skipped) ?? 0) > 0 ? t(`${S}.skipped`, { count: count(d.unknown) + (num(d.skipped) ?? 0) }) : null,
    count(d.missing) + (num(d.unassigned) ?? 0) > 0 ? t(`${S}.missing`, { count: count(d.missing) + (num(d.unassigned) ?? 0) }) : null,
  ],
  "quality.reportSaved": reportSave,
  "quality.reportSubmitted": reportStep,
  "quality.reportApproved": reportStep,
  "quality.reportReturned": reportStep,
  "quality.weightsSet": ({ t, d }) => {
    const before = obj(d.before);
    const after = obj(d.after);
    const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
    return keys
      .filter((area) => before?.[area] !== after?.[area])
      .map((area) =>
        t(`${S}.weightChange`, {
          area: t(`${S}.areas.${area}`, { defaultValue: t(`${S}.otherField`) }),
          before: valueText(t, "weight", before?.[area] ?? 1),
          after: valueText(t, "weight", after?.[area] ?? 1),
        }),
      );
  },
  "register.cooperativeCreated": ({ t, d }) => {
    const after = obj(d.after);
    return [t(`${S}.cooperative`, { name: str(after?.name) ?? "", count: count(after?.members) })];
  },
  "register.cooperativeChanged": ({ t, d }) => {
    const before = obj(d.before);
    const after = obj(d.after);
    const old = new Set(Array.isArray(before?.members) ? before.members : []);
    const now = new Set(Array.isArray(after?.members) ? after.members : []);
    return [
      t(`${S}.cooperative`, { name: str(after?.name) ?? "", count: now.size }),
      ...fieldChanges(t, before, after, ["name"]),
      t(`${S}.membersChanged`, { added: [...now].filter((m) => !old.has(m)).length, removed: [...old].filter((m) => !now.has(m)).length }),
    ];
  },
  "benefits.projectCreated": ({ t, d }) => {
    const after = obj(d.after);
    return [t(`${S}.project`, { name: str(after?.name) ?? "", phase: valueText(t, "phase", after?.phase) })];
  },
  "benefits.projectUpdated": ({ t, d }) => {
    const before = obj(d.before);
    const after = obj(d.after);
    return fieldChanges(t, before, after, ["name", "description", "sector", "phase"]);
  },
  "benefits.projectDeleted": ({ t, d }) => {
    const before = obj(d.before);
    return [t(`${S}.projectDeleted`, { name: str(obj(before?.project)?.name) ?? "", count: count(before?.benefits) })];
  },
  "benefits.mapSaved": ({ t, d }) => {
    const after = obj(d.after);
    return [
      t(`${S}.map`, { deliverables: count(after?.deliverables), preconditions: count(after?.preconditions), goals: count(after?.goals) }),
    ];
  },
  "benefits.benefitCreated": benefit,
  "benefits.benefitUpdated": benefit,
  "benefits.benefitDeleted": benefit,
  "benefits.measurementAdded": measurement,
  "benefits.measurementDeleted": measurement,
  "benefits.planApproved": ({ t, d }) => [
    t(`${S}.planApproved`, {
      number: num(d.number) ?? "",
      name: str(d.approvedByName) ?? t("admin.audit.details.none"),
      date: valueText(t, "approvedOn", d.approvedOn),
    }),
    str(d.phase) && t(`${S}.inPhase`, { phase: valueText(t, "phase", d.phase) }),
  ],
  "benefits.participantInvited": jointStep,
  "benefits.invitationAccepted": jointStep,
  "benefits.invitationDeclined": jointStep,
  "benefits.participantLeft": jointStep,
  "benefits.invitationWithdrawn": jointStep,
  "benefits.participantRemoved": jointStep,
  "benefits.templateSaved": solutionStep,
  "benefits.templatePublished": solutionStep,
  "benefits.solutionAdopted": solutionStep,
  "benefits.localPlanSaved": solutionStep,
  "benefits.localPlanApproved": solutionStep,
  "benefits.templateVersionAccepted": solutionStep,
  "ideas.submitted": ({ t, d }) => {
    const after = obj(d.after);
    return [
      t(`${S}.idea`, { title: str(after?.title) ?? "" }),
      num(after?.roughCostNok) === null ? null : t(`${S}.roughCost`, { cost: formatNok(num(after?.roughCostNok) ?? 0) }),
    ];
  },
  "ideas.prioritize": ideaStep,
  "ideas.compile": ideaStep,
  "ideas.decide": ideaStep,
  "ideas.withdraw": ideaStep,
  "ideas.participantInvited": jointStep,
  "ideas.invitationAccepted": jointStep,
  "ideas.invitationDeclined": jointStep,
  "ideas.participantLeft": jointStep,
  "ideas.invitationWithdrawn": jointStep,
  "ideas.participantRemoved": jointStep,
  "benefits.toolboxEntryAdded": toolboxEntry,
  "benefits.toolboxEntryRemoved": toolboxEntry,
  "apiTokens.created": apiToken,
  "apiTokens.revoked": apiToken,
  "apiTokens.used": apiToken,
  "mail.retried": ({ t, d }) => [
    t(`${S}.mailRetried`, { kind: noticeKind(t, d), email: str(d.email) ?? "" }),
    str(d.reason) &&
      t(`${S}.mailFailedBefore`, { reason: t(`mail.failure.${str(d.reason) ?? ""}`, { defaultValue: str(d.reason) ?? "" }) }),
  ],
  "mail.preferenceChanged": ({ t, d }) => [t(d.on === true ? `${S}.mailKindOn` : `${S}.mailKindOff`, { kind: noticeKind(t, d) })],
  "mail.unsubscribed": ({ t, d }) => [t(`${S}.mailKindOff`, { kind: noticeKind(t, d) }), t(`${S}.mailByLink`)],
  "benefits.localMeasurementAdded": (args) => [...solutionStep(args), ...measurement(args)],
  "benefits.localMeasurementChanged": (args) => [...solutionStep(args), ...measurement(args)],
  "benefits.localMeasurementDeleted": (args) => [...solutionStep(args), ...measurement(args)],
};

/**
 * An audit entry's details as short sentences in the reader's language, e.g. "Status endret fra utkast til
 * sendt inn." or "Rolle Økonomi gitt for Bergen (4601).": one renderer per action, names rather than codes,
 * amounts and dates through lib/format. An action this build does not know falls back to the generic summary.
 */
export function describeAuditDetails(
  t: TFunction,
  action: string,
  details: string | null,
  organisations: ReadonlyMap<number, OrganisationRef>,
): string {
  let parsed: Json;
  try {
    parsed = details === null ? {} : (JSON.parse(details) as Json);
  } catch {
    return summarizeAuditDetails(t, details, organisations);
  }
  if (!isAuditAction(action) || !isObject(parsed)) return summarizeAuditDetails(t, details, organisations);
  const parts = RENDERERS[action]({ t, d: parsed, organisations }).filter((p): p is string => typeof p === "string" && p !== "");
  return parts.map((p) => (/[.!?]$/.test(p) ? p : `${p}.`)).join(" ");
}
