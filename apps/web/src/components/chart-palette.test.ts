import { describe, expect, it } from "vitest";

import { contrastRatio, NON_TEXT_CONTRAST } from "../lib/contrast";
import { BAND_CHART_COLOURS, CHART_BACKGROUND, MAP_COLOURS, MAP_SHADES, mapShades, SERIES_PALETTE } from "./chart-palette";

describe("the chart palette (WCAG 1.4.11, issue 20 point 27)", () => {
  it.each(SERIES_PALETTE.map((colour) => [colour]))("has %s at least 3:1 against the page", (colour) => {
    expect(contrastRatio(colour, CHART_BACKGROUND)).toBeGreaterThanOrEqual(NON_TEXT_CONTRAST);
  });

  it.each(["good", "bad", "neutral", "median"] as const)("has the profile's %s mark at least 3:1 against the band it sits on", (mark) => {
    expect(contrastRatio(BAND_CHART_COLOURS[mark], BAND_CHART_COLOURS.bandFill)).toBeGreaterThanOrEqual(NON_TEXT_CONTRAST);
  });

  it.each([...MAP_SHADES, MAP_COLOURS.missing, MAP_COLOURS.hidden, MAP_COLOURS.context].map((colour) => [colour]))(
    "has the map's borders and outlines at least 3:1 against its fill %s (issue 24)",
    (fill) => {
      for (const line of [MAP_COLOURS.border, MAP_COLOURS.county, MAP_COLOURS.own, MAP_COLOURS.focus])
        expect(contrastRatio(line, fill)).toBeGreaterThanOrEqual(NON_TEXT_CONTRAST);
    },
  );

  it("has the map's outlines at least 3:1 against the page, and the own outline's white halo against its black line", () => {
    for (const line of [MAP_COLOURS.border, MAP_COLOURS.county, MAP_COLOURS.own, MAP_COLOURS.focus, MAP_COLOURS.hatch])
      expect(contrastRatio(line, MAP_COLOURS.background)).toBeGreaterThanOrEqual(NON_TEXT_CONTRAST);
    expect(contrastRatio(MAP_COLOURS.own, MAP_COLOURS.halo)).toBeGreaterThanOrEqual(NON_TEXT_CONTRAST);
  });

  it("spreads the map's shades over the classes, light to dark", () => {
    expect(mapShades(5)).toEqual(MAP_SHADES);
    expect(mapShades(4)).toEqual([MAP_SHADES[0], MAP_SHADES[1], MAP_SHADES[3], MAP_SHADES[4]]);
    expect(mapShades(1)).toEqual([MAP_SHADES[4]]);
  });
});
