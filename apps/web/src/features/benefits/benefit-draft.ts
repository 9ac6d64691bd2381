import {
  BenefitInputSchema,
  checkBenefit,
  type BenefitInput,
  type BenefitMap,
  type BenefitType,
  type BenefitValuation,
  type FieldIssue,
  type MeasurementFrequency,
} from "@malestokk/domain";

/** What the benefit form holds while the user types: numbers as typed, so "12,5" survives. */
export interface BenefitDraft {
  readonly title: string;
  readonly description: string;
  readonly ownerName: string;
  readonly ownerUserId: string;
  readonly type: BenefitType;
  readonly valuation: BenefitValuation;
  readonly annualValueNok: string;
  readonly cash: boolean;
  readonly quantitative: boolean;
  readonly disBenefit: boolean;
  readonly indicatorName: string;
  readonly unit: string;
  readonly direction: "higher" | "lower";
  readonly method: string;
  readonly frequency: MeasurementFrequency;
  readonly linkedIndicatorCode: string;
  readonly baselineValue: string;
  readonly baselineDate: string;
  readonly targets: readonly { readonly value: string; readonly date: string }[];
  readonly preconditionKeys: readonly string[];
  readonly goalKeys: readonly string[];
}

export const EMPTY_BENEFIT: BenefitDraft = {
  title: "",
  description: "",
  ownerName: "",
  ownerUserId: "",
  type: "efficiency",
  valuation: "budgetOwn",
  annualValueNok: "",
  cash: true,
  quantitative: true,
  disBenefit: false,
  indicatorName: "",
  unit: "",
  direction: "higher",
  method: "",
  frequency: "quarterly",
  linkedIndicatorCode: "",
  baselineValue: "",
  baselineDate: "",
  targets: [{ value: "", date: "" }],
  preconditionKeys: [],
  goalKeys: [],
};

const numberText = (value: number) => String(value).replace(".", ",");

export function draftFromBenefit(b: BenefitInput): BenefitDraft {
  return {
    title: b.title,
    description: b.description ?? "",
    ownerName: b.ownerName,
    ownerUserId: b.ownerUserId === null ? "" : String(b.ownerUserId),
    type: b.type,
    valuation: b.valuation,
    annualValueNok: b.annualValueNok === null ? "" : String(b.annualValueNok),
    cash: b.cash,
    quantitative: b.quantitative,
    disBenefit: b.disBenefit,
    indicatorName: b.indicator.name,
    unit: b.indicator.unit,
    direction: b.indicator.direction,
    method: b.indicator.method ?? "",
    frequency: b.indicator.frequency,
    linkedIndicatorCode: b.linkedIndicatorCode ?? "",
    baselineValue: numberText(b.baseline.value),
    baselineDate: b.baseline.date,
    targets: b.targets.map((t) => ({ value: numberText(t.value), date: t.date })),
    preconditionKeys: b.preconditionKeys,
    goalKeys: b.goalKeys,
  };
}

/** "1 234,5", "1234.5" and "−3" as numbers; NaN for anything else. */
export function parseDecimal(text: string): number {
  const cleaned = text
    .replace(/[\s\u00a0\u202f]/g, "")
    .replace("−", "-")
    .replace(",", ".");
  return cleaned === "" || !/^-?\d+(\.\d+)?$/.test(cleaned) ? Number.NaN : Number(cleaned);
}

/** A field of the form, as the error paths name it ("targets.1.date", "baseline.value", …). */
export type DraftIssue = FieldIssue;

/**
 * The draft as the API's input, with the same rules the server applies, so most mistakes are
 * shown before anything is sent. Issues carry the input paths the server would use.
 */
export function checkBenefitDraft(draft: BenefitDraft, map: BenefitMap): { input: BenefitInput | null; issues: DraftIssue[] } {
  const issues: DraftIssue[] = [];
  const number = (text: string, path: (string | number)[], required = true) => {
    if (text.trim() === "") {
      if (required) issues.push({ path, code: "REQUIRED", params: {} });
      return null;
    }
    const value = parseDecimal(text);
    if (Number.isNaN(value)) issues.push({ path, code: "NOT_A_NUMBER", params: { value: text } });
    return value;
  };
  const candidate = {
    title: draft.title,
    description: draft.description.trim() === "" ? null : draft.description,
    ownerName: draft.ownerName,
    ownerUserId: draft.ownerUserId === "" ? null : Number(draft.ownerUserId),
    type: draft.type,
    valuation: draft.valuation,
    annualValueNok: draft.valuation === "unpriced" ? null : number(draft.annualValueNok, ["annualValueNok"]),
    cash: draft.cash,
    quantitative: draft.quantitative,
    disBenefit: draft.disBenefit,
    indicator: {
      name: draft.indicatorName,
      unit: draft.unit,
      direction: draft.direction,
      method: draft.method.trim() === "" ? null : draft.method,
      frequency: draft.frequency,
    },
    linkedIndicatorCode: draft.linkedIndicatorCode === "" ? null : draft.linkedIndicatorCode,
    baseline: { value: number(draft.baselineValue, ["baseline", "value"]), date: draft.baselineDate },
    targets: draft.targets.map((t, i) => ({ value: number(t.value, ["targets", i, "value"]), date: t.date })),
    preconditionKeys: draft.preconditionKeys,
    goalKeys: draft.goalKeys,
  };
  const parsed = BenefitInputSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
      if (issues.some((i) => i.path.join(".") === path.join("."))) continue;
      const code =
        issue.message === "DATE_FORMAT" || issue.message === "DATE_INVALID"
          ? issue.message
          : issue.code === "too_small" && path.at(-1) !== "targets"
            ? "REQUIRED"
            : issue.code;
      issues.push({ path, code, params: {} });
    }
    return { input: null, issues };
  }
  issues.push(...checkBenefit(parsed.data, map));
  return issues.length > 0 ? { input: null, issues } : { input: parsed.data, issues: [] };
}
