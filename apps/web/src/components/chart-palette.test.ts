import { describe, expect, it } from "vitest";

import { contrastRatio, NON_TEXT_CONTRAST } from "../lib/contrast";
import { CHART_BACKGROUND, SERIES_PALETTE } from "./chart-palette";

describe("the chart palette (WCAG 1.4.11, issue 20 point 27)", () => {
  it.each(SERIES_PALETTE.map((colour) => [colour]))("has %s at least 3:1 against the page", (colour) => {
    expect(contrastRatio(colour, CHART_BACKGROUND)).toBeGreaterThanOrEqual(NON_TEXT_CONTRAST);
  });
});
