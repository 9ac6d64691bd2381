import type { TemplateBenefit } from "./joint";

/**
 * What one version of a joint project's template changes from another (issue 26): benefits added, removed and
 * changed (by key, which stays across versions), with the fields that changed and the unit values per year.
 * The template's history lists it per version; a local plan shows it before its manager accepts a newer one.
 */

/** The fields of a template benefit a change is named by; unit values are listed apart, per year. */
export const TEMPLATE_FIELDS = [
  "title",
  "description",
  "type",
  "valuation",
  "cash",
  "valueMethod",
  "indicator",
  "linkedIndicatorCode",
  "suggestedTargets",
  "annualValueNok",
] as const satisfies readonly (keyof TemplateBenefit)[];
export type TemplateField = (typeof TEMPLATE_FIELDS)[number];

/** A unit value of one year: `before` null when it is new, `after` null when it was removed. */
export interface UnitValueChange {
  readonly fromYear: number;
  readonly before: number | null;
  readonly after: number | null;
}

export interface TemplateBenefitChange {
  readonly key: string;
  /** The title in the newer version. */
  readonly title: string;
  readonly fields: readonly TemplateField[];
  readonly unitValues: readonly UnitValueChange[];
}

export interface TemplateDiff {
  readonly added: readonly { readonly key: string; readonly title: string }[];
  readonly removed: readonly { readonly key: string; readonly title: string }[];
  readonly changed: readonly TemplateBenefitChange[];
}

/** Equal as data: the template is checked JSON, so key order is the only difference that does not count. */
function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(sorted(a)) === JSON.stringify(sorted(b));
}

function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value !== null && typeof value === "object")
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, sorted(v)]),
    );
  return value;
}

/** Unit values by year that differ: added, removed, or changed in value, date or source. */
export function diffUnitValues(older: TemplateBenefit["unitValues"], newer: TemplateBenefit["unitValues"]): UnitValueChange[] {
  const years = [...new Set([...older, ...newer].map((u) => u.fromYear))].sort((a, b) => a - b);
  return years.flatMap((fromYear) => {
    const before = older.find((u) => u.fromYear === fromYear) ?? null;
    const after = newer.find((u) => u.fromYear === fromYear) ?? null;
    if (before && after && same(before, after)) return [];
    return [{ fromYear, before: before?.valueNok ?? null, after: after?.valueNok ?? null }];
  });
}

/**
 * The changes from `older` to `newer` (both a version's benefits; `older` null for the first version, whose
 * benefits are all added). Added and changed follow the newer version's order, removed the older one's.
 */
export function diffTemplateVersions(older: readonly TemplateBenefit[] | null, newer: readonly TemplateBenefit[]): TemplateDiff {
  const before = new Map((older ?? []).map((b) => [b.key, b]));
  const keys = new Set(newer.map((b) => b.key));
  const changed = newer.flatMap((b): TemplateBenefitChange[] => {
    const o = before.get(b.key);
    if (!o) return [];
    const fields = TEMPLATE_FIELDS.filter((f) => !same(o[f], b[f]));
    const unitValues = diffUnitValues(o.unitValues, b.unitValues);
    return fields.length === 0 && unitValues.length === 0 ? [] : [{ key: b.key, title: b.title, fields, unitValues }];
  });
  return {
    added: newer.filter((b) => !before.has(b.key)).map(({ key, title }) => ({ key, title })),
    removed: (older ?? []).filter((b) => !keys.has(b.key)).map(({ key, title }) => ({ key, title })),
    changed,
  };
}

/** Whether a diff changes nothing in the benefits. */
export function isEmptyDiff(diff: TemplateDiff): boolean {
  return diff.added.length === 0 && diff.removed.length === 0 && diff.changed.length === 0;
}
