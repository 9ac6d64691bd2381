import { displayCode, getIndicator } from "@malestokk/domain";

import { formatNok, formatPercent, formatScore } from "../lib/format";
import type { Language } from "../lib/i18n";
import { localized } from "../lib/localized";

/** An indicator value in its unit: kroner whole, percentages with one decimal, scores with two. */
export function formatIndicatorValue(code: string, value: number): string {
  const unit = getIndicator(code)?.unit;
  if (unit === "NOK") return formatNok(Math.round(value));
  if (unit === "percent") return formatPercent(value);
  return formatScore(value);
}

/** "K4 Brukerstøtte …": the code users read (never "K4.userSupport") with the indicator's name. */
export function indicatorLabel(code: string, language: Language): string {
  const name = localized(getIndicator(code)?.name, language);
  return name === undefined ? displayCode(code) : `${displayCode(code)} ${name}`;
}
