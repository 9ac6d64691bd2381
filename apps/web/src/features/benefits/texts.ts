import type { FieldIssue } from "@malestokk/domain";
import type { TFunction } from "i18next";

import { formatErrorParams } from "../../lib/errors";
import { useLocaleArea } from "../../lib/i18n";
import enBenefits from "../../locales/en.benefits.json";
import nbBenefits from "../../locales/nb.benefits.json";
import nnBenefits from "../../locales/nn.benefits.json";

/** The benefit pages' texts load with their route, not with the first page. */
export function useBenefitTexts(): void {
  useLocaleArea("benefits", { nb: nbBenefits, nn: nnBenefits, en: enBenefits });
}

/** One field issue from the server or the form's own check, in the user's language. */
export function benefitIssueText(t: TFunction, issue: Pick<FieldIssue, "code" | "params">): string {
  return t(
    [`benefits.errors.${issue.code}`, `errors.field.${issue.code}`, `errors.${issue.code}`, "errors.VALIDATION_FAILED"],
    formatErrorParams(issue.params),
  );
}

/** Field messages keyed by the input path joined with "." (the form's field ids follow the same paths). */
export function issuesByPath(t: TFunction, issues: readonly FieldIssue[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) out[issue.path.join(".")] ??= benefitIssueText(t, issue);
  return out;
}

export { STATUS_COLOURS } from "../../components/benefit-status";
