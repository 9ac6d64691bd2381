import { getIndicator } from "@malestokk/domain";

import { formatDecimal, formatNok, formatScore } from "../lib/format";

/** An indicator value in its unit: kroner whole, percentages with one decimal, scores with two. */
export function formatIndicatorValue(code: string, value: number): string {
  const unit = getIndicator(code)?.unit;
  if (unit === "NOK") return formatNok(Math.round(value));
  if (unit === "percent") return `${formatDecimal(value)} %`;
  return formatScore(value);
}
