import type { TFunction } from "i18next";

/**
 * The text of every fixed sheet name the app writes to Excel, by what the sheet holds. A test holds
 * each to Excel's rules in both languages (at most 31 characters, none of : \ / ? * [ ]), so that
 * no name is ever cut; names made from data (a chart's title) are cut between words by the writer.
 */
export const SHEET_NAME_KEYS = {
  about: "exports.about.sheet",
  ideas: "ideas.title",
  meetingItems: "ideas.pack.items",
  portfolio: "benefits.crumb",
  benefits: "benefits.benefits.heading",
  measurements: "benefits.measurements.heading",
  compare: "compare.title",
  success: "sector.sheets.success",
  coverage: "sector.sheets.coverage",
  missing: "sector.sheets.missing",
  sectorPortfolio: "benefits.pack.portfolioSheet",
  withoutPlan: "benefits.pack.withoutPlanSheet",
  solutions: "benefits.pack.solutionsSheet",
  solutionYears: "benefits.pack.solutionYearsSheet",
  solutionMunicipalities: "benefits.pack.solutionMunicipalitiesSheet",
} as const;

export function sheetName(t: TFunction, sheet: keyof typeof SHEET_NAME_KEYS): string {
  return t(SHEET_NAME_KEYS[sheet]);
}
