/**
 * Size classes by population as DFØ groups municipalities: under 5 000; 5 001–20 000;
 * 20 001–110 000; over 110 000 inhabitants (a municipality of exactly 5 000 is in the first).
 */
export const SIZE_CLASSES = ["xs", "s", "m", "l"] as const;
export type SizeClass = (typeof SIZE_CLASSES)[number];

export const SIZE_CLASS_BOUNDS: Record<SizeClass, { readonly min: number; readonly max: number | null }> = {
  xs: { min: 0, max: 5_000 },
  s: { min: 5_001, max: 20_000 },
  m: { min: 20_001, max: 110_000 },
  l: { min: 110_001, max: null },
};

export function sizeClassOf(population: number): SizeClass {
  if (population <= 5_000) return "xs";
  if (population <= 20_000) return "s";
  if (population <= 110_000) return "m";
  return "l";
}
