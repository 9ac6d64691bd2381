import nbCosts from "../locales/nb.costs.json";
import nb from "../locales/nb.json";
import nbIndicator from "../locales/nb.indicator.json";
import nbProfile from "../locales/nb.profile.json";
import nbQuality from "../locales/nb.quality.json";
import nbReport from "../locales/nb.report.json";
import nbSystems from "../locales/nb.systems.json";

/**
 * The bokmål texts every page shares, one file per area under the area's name. A chunk of its own,
 * loaded beside the first page's chunk (lib/i18n.ts), so it is not part of the entry's JavaScript
 * (docs/quality-targets.md#p-4).
 */
export const BOKMAL: Record<string, unknown> = {
  ...nb,
  costReport: nbCosts,
  systems: nbSystems,
  quality: nbQuality,
  report: nbReport,
  profile: nbProfile,
  indicator: nbIndicator,
};
