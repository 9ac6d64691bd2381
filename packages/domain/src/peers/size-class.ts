/**
 * Provisional peer groups by population, used until the KOSTRA groups are imported (issue 4).
 * Bounds follow the population steps SSB uses for KOSTRA groups: under 5 000, 5 000–19 999,
 * 20 000–49 999, and 50 000 or more.
 */
export const SIZE_CLASSES = ["xs", "s", "m", "l"] as const;
export type SizeClass = (typeof SIZE_CLASSES)[number];

export const SIZE_CLASS_BOUNDS: Record<SizeClass, { readonly min: number; readonly max: number | null }> = {
  xs: { min: 0, max: 4_999 },
  s: { min: 5_000, max: 19_999 },
  m: { min: 20_000, max: 49_999 },
  l: { min: 50_000, max: null },
};

export function sizeClassOf(population: number): SizeClass {
  if (population < 5_000) return "xs";
  if (population < 20_000) return "s";
  if (population < 50_000) return "m";
  return "l";
}
