import { describe, expect, it } from "vitest";

import { contrastRatio, NON_TEXT_CONTRAST } from "../lib/contrast";
import { BAND_CHART_COLOURS, CHART_BACKGROUND, SERIES_PALETTE } from "./chart-palette";

describe("the chart palette (WCAG 1.4.11, issue 20 point 27)", () => {
  it.each(SERIES_PALETTE.map((colour) => [colour]))("has %s at least 3:1 against the page", (colour) => {
    expect(contrastRatio(colour, CHART_BACKGROUND)).toBeGreaterThanOrEqual(NON_TEXT_CONTRAST);
  });

  it.each(["good", "bad", "neutral", "median"] as const)("has the profile's %s mark at least 3:1 against the band it sits on", (mark) => {
    expect(contrastRatio(BAND_CHART_COLOURS[mark], BAND_CHART_COLOURS.bandFill)).toBeGreaterThanOrEqual(NON_TEXT_CONTRAST);
  });
});
