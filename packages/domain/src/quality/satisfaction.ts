/** Fewer respondents than this make a mean uncertain; it is flagged wherever it is shown. */
export const MIN_RESPONDENTS = 10;

/** bedrekommune.no citizen surveys score 1–6. */
export const CITIZEN_SCALE = { min: 1, max: 6 } as const;

export interface SurveyResult {
  readonly mean: number;
  readonly respondents: number;
  readonly scaleMin: number;
  readonly scaleMax: number;
}

export type SurveyIssue =
  | { readonly field: "scale"; readonly code: "SCALE_INVERTED" }
  | { readonly field: "mean"; readonly code: "OUTSIDE_SCALE"; readonly min: number; readonly max: number }
  | { readonly field: "respondents"; readonly code: "NO_RESPONDENTS" };

/** A mean must lie on its own scale: a 7 on a 1–6 scale is refused, never clipped. */
export function checkSurveyResult(result: SurveyResult): SurveyIssue[] {
  const issues: SurveyIssue[] = [];
  if (result.scaleMax <= result.scaleMin) issues.push({ field: "scale", code: "SCALE_INVERTED" });
  else if (result.mean < result.scaleMin || result.mean > result.scaleMax) {
    issues.push({ field: "mean", code: "OUTSIDE_SCALE", min: result.scaleMin, max: result.scaleMax });
  }
  if (!Number.isInteger(result.respondents) || result.respondents < 1) issues.push({ field: "respondents", code: "NO_RESPONDENTS" });
  return issues;
}

export function isUncertain(respondents: number): boolean {
  return respondents < MIN_RESPONDENTS;
}

/**
 * The stored components of a mean: the sum of scores (in hundredths, so it is a whole number) over
 * the respondents. Peer aggregates then weigh each unit by its respondents (ratio of sums).
 */
export function surveyComponents(result: Pick<SurveyResult, "mean" | "respondents">): { numerator: number; denominator: number } {
  return { numerator: Math.round(result.mean * 100) * result.respondents, denominator: result.respondents };
}

/** The quality and scope instruments an organisation reports, each through the report workflow. */
export const QUALITY_INSTRUMENTS = ["maturity", "satisfaction", "scope"] as const;
export type QualityInstrument = (typeof QUALITY_INSTRUMENTS)[number];
