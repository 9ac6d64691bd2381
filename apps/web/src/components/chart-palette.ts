/**
 * Every colour a chart draws a series, a symbol or a legend swatch with. Each is at least 3:1
 * against the page's white (WCAG 1.4.11; `chart-palette.test.ts` checks it, and the e2e spec checks
 * the legends as drawn). Series also differ by dash pattern or position, so colour is never the only cue.
 */
export const CHART_BACKGROUND = "#ffffff";

export const CHART_COLOURS = {
  own: "#0062ba",
  peer: "#767c85",
  median: "#6b6b6b",
  national: "#b35f00",
  planned: "#6b6b6b",
  cashPlanned: "#5f8cc4",
  cashRealized: "#0062ba",
  nonCashPlanned: "#b07d1a",
  nonCashRealized: "#8a4b00",
} as const;

/** K1's Okabe–Ito colours, distinguishable with colour-vision deficiencies; the own municipality is always blue. */
export const K1_COLOURS = { own: "#0072B2", median: "#B34700", national: "#404040", band: "#009E73" } as const;

/** The five steps of the digital staircase, light to dark. */
export const STAIRCASE_COLOURS = ["#6a92c2", "#3f73b0", "#2a5d99", "#174a8a", "#0b3d78"] as const;

/**
 * The profile's inline band charts: the municipality's dot is green on the good side of the group's
 * median, red on the other and blue where the indicator has no direction; each at least 3:1 against
 * the page and against the band's fill it may sit on. The band has an outline of 3:1 too.
 */
export const BAND_CHART_COLOURS = {
  good: "#1a7f37",
  bad: "#b3261e",
  neutral: "#0062ba",
  bandFill: "#dde3ea",
  bandOutline: "#767c85",
  median: "#333333",
} as const;

/** Lines that only guide the eye (grid) and axis text. */
export const CHART_GRID = "#d0d0d0";
export const CHART_AXIS_TEXT = "#333333";

/** The colours above that carry meaning, for the contrast check. */
export const SERIES_PALETTE: readonly string[] = [
  ...Object.values(CHART_COLOURS),
  ...Object.values(K1_COLOURS),
  ...STAIRCASE_COLOURS,
  CHART_AXIS_TEXT,
  BAND_CHART_COLOURS.good,
  BAND_CHART_COLOURS.bad,
  BAND_CHART_COLOURS.neutral,
  BAND_CHART_COLOURS.bandOutline,
  BAND_CHART_COLOURS.median,
];

/**
 * The map's classes, light to dark (ColorBrewer's YlGnBu, safe with colour-vision deficiencies, with no red):
 * darker is better where the indicator has a better (domain/map/classes.ts). Borders are dark enough for 3:1
 * against every shade and the page (WCAG 1.4.11; chart-palette.test.ts checks it).
 */
export const MAP_SHADES = ["#ffffcc", "#c7e9b4", "#7fcdbb", "#41b6c4", "#1d91c0"] as const;

export const MAP_COLOURS = {
  background: "#ffffff",
  border: "#262626",
  county: "#000000",
  own: "#000000",
  halo: "#ffffff",
  focus: "#0b0c0c",
  /** No value: light grey under a dark hatch. */
  missing: "#e0e0e0",
  hatch: "#6b6b6b",
  /** Hidden (fewer than three with a value): a solid mid grey, apart from both the classes and "no value". */
  hidden: "#8c8c8c",
  /** Municipalities outside the county zoomed to. */
  context: "#f2f2f2",
} as const;

/** The shades a map of `count` classes uses: spread over MAP_SHADES, so four classes skip the middle one. */
export function mapShades(count: number): readonly string[] {
  if (count <= 1) return [MAP_SHADES[MAP_SHADES.length - 1] as string];
  return Array.from({ length: count }, (_, i) => MAP_SHADES[Math.round((i * (MAP_SHADES.length - 1)) / (count - 1))] as string);
}
