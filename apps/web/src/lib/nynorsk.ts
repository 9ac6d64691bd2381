import nnCosts from "../locales/nn.costs.json";
import nn from "../locales/nn.json";
import nnIndicator from "../locales/nn.indicator.json";
import nnProfile from "../locales/nn.profile.json";
import nnQuality from "../locales/nn.quality.json";
import nnReport from "../locales/nn.report.json";
import nnSystems from "../locales/nn.systems.json";

/**
 * The nynorsk texts every page shares, as lib/bokmal.ts holds bokmål's: one chunk, loaded when the language
 * is shown (lib/i18n.ts) and named in the page by the server when it knows the language will be.
 */
export const NYNORSK: Record<string, unknown> = {
  ...nn,
  costReport: nnCosts,
  systems: nnSystems,
  quality: nnQuality,
  report: nnReport,
  profile: nnProfile,
  indicator: nnIndicator,
};
