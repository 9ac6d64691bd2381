import enCosts from "../locales/en.costs.json";
import en from "../locales/en.json";
import enIndicator from "../locales/en.indicator.json";
import enProfile from "../locales/en.profile.json";
import enQuality from "../locales/en.quality.json";
import enReport from "../locales/en.report.json";
import enSystems from "../locales/en.systems.json";

/**
 * The English texts every page shares, as lib/bokmal.ts holds bokmål's: one chunk, loaded when the language
 * is shown (lib/i18n.ts) and named in the page by the server when it knows the language will be.
 */
export const ENGLISH: Record<string, unknown> = {
  ...en,
  costReport: enCosts,
  systems: enSystems,
  quality: enQuality,
  report: enReport,
  profile: enProfile,
  indicator: enIndicator,
};
