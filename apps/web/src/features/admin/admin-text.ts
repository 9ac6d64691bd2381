import type { RouterOutputs } from "@malestokk/api";
import { ROLES, SECTORS, type Role, type Sector } from "@malestokk/domain";
import type { TFunction } from "i18next";

import { formatNok } from "../../lib/format";

export type AdminUser = RouterOutputs["admin"]["users"][number];
export type AdminGrant = AdminUser["grants"][number];
export type AuditRow = RouterOutputs["admin"]["audit"][number];

/** What the audit screen needs to know about an organisation id. */
export interface OrganisationRef {
  readonly number: string;
  readonly name: string;
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function isSector(value: string): value is Sector {
  return (SECTORS as readonly string[]).includes(value);
}

export function roleLabel(t: TFunction, role: string): string {
  return t(`admin.roles.${role}`, { defaultValue: role });
}

export function sectorLabel(t: TFunction, sector: string): string {
  return t(`admin.sectors.${sector}`, { defaultValue: sector });
}

export function organisationLabel(t: TFunction, organisation: OrganisationRef): string {
  return t("admin.organisation", { name: organisation.name, number: organisation.number });
}

/** "Økonomi, Bergen (4601)", "Kommunalt prioriteringsråd (KPR), Helse og velferd" or "Administrator". */
export function grantLabel(
  t: TFunction,
  grant: { role: string; sector?: string | null; organisation?: OrganisationRef | null; organisationId?: number | null },
): string {
  const role = roleLabel(t, grant.role);
  if (grant.organisation) return t("admin.grant", { role, scope: organisationLabel(t, grant.organisation) });
  if (grant.organisationId !== undefined && grant.organisationId !== null) {
    return t("admin.grant", { role, scope: t("admin.organisationId", { id: grant.organisationId }) });
  }
  if (grant.sector) return t("admin.grant", { role, scope: sectorLabel(t, grant.sector) });
  return role;
}

export function userGrantLabel(t: TFunction, grant: AdminGrant): string {
  const organisation =
    grant.organisationNumber !== null && grant.organisationName !== null
      ? { number: grant.organisationNumber, name: grant.organisationName }
      : null;
  return grantLabel(t, { role: grant.role, sector: grant.sector, organisation, organisationId: grant.organisationId });
}

/** A readable name for an audit action code; unknown codes show as they are. */
export function actionLabel(t: TFunction, action: string): string {
  return t(`admin.audit.actions.${action}`, { defaultValue: action });
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function parseDetails(details: string | null): JsonObject | null {
  if (details === null) return null;
  try {
    const parsed = JSON.parse(details) as Json;
    return isObject(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

/** Keys that only the database cares about. */
const HIDDEN_KEYS = new Set(["version", "organisationId", "sector"]);

function formatValue(t: TFunction, key: string, value: Json | undefined): string {
  if (value === undefined || value === null) return t("admin.audit.details.none");
  if ((key === "totalItCost" || key === "total") && typeof value === "number") return formatNok(value);
  if (key === "disabled" && typeof value === "boolean") return t(value ? "admin.audit.details.disabled" : "admin.audit.details.enabled");
  if (key === "role" && typeof value === "string") return roleLabel(t, value);
  if (key === "status" && typeof value === "string") return t(`admin.audit.details.status.${value}`, { defaultValue: value });
  if (typeof value === "boolean") return t(value ? "admin.audit.details.yes" : "admin.audit.details.no");
  if (typeof value === "string" || typeof value === "number") return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v === "string")) return value.join(", ");
  // Never raw JSON: what the summary cannot word, it counts.
  return t("admin.audit.sentences.items", { count: Array.isArray(value) ? value.length : Object.keys(value).length });
}

function fieldLabel(t: TFunction, key: string): string {
  return t(`admin.audit.details.fields.${key}`, { defaultValue: key });
}

/** "Økonomi, Bergen (4601)" from a logged grant, or null when the side holds no role. */
function describeGrant(t: TFunction, side: JsonObject, organisations: ReadonlyMap<number, OrganisationRef>): string | null {
  const role = side.role;
  if (typeof role !== "string") return null;
  const organisationId = typeof side.organisationId === "number" ? side.organisationId : null;
  const sector = typeof side.sector === "string" ? side.sector : null;
  const organisation = organisationId === null ? null : (organisations.get(organisationId) ?? null);
  return grantLabel(t, { role, sector, organisation, organisationId });
}

/** One side of a change that has no other side: what was created, or what was removed. */
function describeSide(t: TFunction, side: JsonObject, organisations: ReadonlyMap<number, OrganisationRef>): string {
  const parts: string[] = [];
  for (const key of ["name", "email"]) {
    const value = side[key];
    if (value !== undefined) parts.push(t("admin.audit.details.field", { field: fieldLabel(t, key), value: formatValue(t, key, value) }));
  }
  const grant = describeGrant(t, side, organisations);
  if (grant !== null) parts.push(t("admin.audit.details.field", { field: fieldLabel(t, "role"), value: grant }));
  for (const [key, value] of Object.entries(side)) {
    if (key === "name" || key === "email" || key === "role" || HIDDEN_KEYS.has(key)) continue;
    parts.push(t("admin.audit.details.field", { field: fieldLabel(t, key), value: formatValue(t, key, value) }));
  }
  return parts.join(", ");
}

/** Keys whose change the action already names, so the change reads without a label. */
const SELF_EVIDENT_KEYS = new Set(["totalItCost", "disabled"]);

function describeChange(t: TFunction, before: JsonObject | null, after: JsonObject): string[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after)]);
  const parts: string[] = [];
  for (const key of keys) {
    if (HIDDEN_KEYS.has(key)) continue;
    const old = before?.[key];
    const now = after[key];
    if (JSON.stringify(old ?? null) === JSON.stringify(now ?? null)) continue;
    const change = t("admin.audit.details.change", { before: formatValue(t, key, old), after: formatValue(t, key, now) });
    parts.push(SELF_EVIDENT_KEYS.has(key) ? change : t("admin.audit.details.field", { field: fieldLabel(t, key), value: change }));
  }
  return parts;
}

/**
 * The details of an audit entry in words, e.g. "År 2024; før: 1 000 kr → etter: 2 000 kr".
 * Unknown shapes fall back to the keys and values as they are, so nothing logged is hidden.
 */
export function summarizeAuditDetails(t: TFunction, details: string | null, organisations: ReadonlyMap<number, OrganisationRef>): string {
  const parsed = parseDetails(details);
  if (parsed === null) return details ?? "";
  const parts: string[] = [];
  const rest: JsonObject = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (key !== "before" && key !== "after") rest[key] = value;
  }
  if (typeof rest.year === "number") {
    parts.push(t("admin.audit.details.year", { year: rest.year }));
    delete rest.year;
  }
  if (typeof rest.reason === "string") {
    parts.push(t(`admin.audit.details.reason.${rest.reason}`, { defaultValue: rest.reason }));
    delete rest.reason;
  }
  const before = isObject(parsed.before) ? parsed.before : null;
  const after = isObject(parsed.after) ? parsed.after : null;
  if (after !== null && "before" in parsed) {
    parts.push(...describeChange(t, before, after));
  } else if (after !== null) {
    parts.push(describeSide(t, after, organisations));
  } else if (before !== null) {
    parts.push(describeSide(t, before, organisations));
  }
  for (const [key, value] of Object.entries(rest)) {
    if (HIDDEN_KEYS.has(key)) continue;
    if (key === "lines" && isObject(value)) {
      const count = (side: string) => (Array.isArray(value[side]) ? value[side].length : 0);
      parts.push(t("admin.audit.details.lines", { added: count("added"), changed: count("changed"), removed: count("removed") }));
    } else if (isObject(value) && "before" in value && "after" in value) {
      // A change logged as { before, after } under its own name, e.g. the total or the status.
      const change = t("admin.audit.details.change", {
        before: formatValue(t, key, value.before),
        after: formatValue(t, key, value.after),
      });
      parts.push(key === "total" ? change : t("admin.audit.details.field", { field: fieldLabel(t, key), value: change }));
    } else if (value !== null) {
      parts.push(t("admin.audit.details.field", { field: fieldLabel(t, key), value: formatValue(t, key, value) }));
    }
  }
  return parts.filter((p) => p !== "").join("; ");
}
