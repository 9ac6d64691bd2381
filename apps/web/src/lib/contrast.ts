/**
 * Colour contrast as WCAG 2.1 defines it (relative luminance, then (L1 + 0.05) / (L2 + 0.05)).
 * Chart symbols, legends and tooltips need at least 3:1 against their background (WCAG 1.4.11).
 */

export const NON_TEXT_CONTRAST = 3;

type Rgb = readonly [number, number, number];

/** Reads `#rgb`, `#rrggbb` or `rgb(a)(r, g, b[, a])` (as getComputedStyle gives it); null for anything else. */
export function parseColour(colour: string): Rgb | null {
  const text = colour.trim().toLowerCase();
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/.exec(text)?.[1];
  if (hex) {
    const full = hex.length === 3 ? [...hex].map((c) => c + c).join("") : hex;
    return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as unknown as Rgb;
  }
  const rgb = /^rgba?\(\s*(\d+(?:\.\d+)?)[\s,]+(\d+(?:\.\d+)?)[\s,]+(\d+(?:\.\d+)?)\s*(?:[,/]\s*[\d.]+%?\s*)?\)$/.exec(text);
  return rgb ? [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])] : null;
}

function luminance([r, g, b]: Rgb): number {
  const channel = (v: number) => {
    const s = v / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** The contrast ratio of two colours, from 1 to 21; throws on a colour it cannot read. */
export function contrastRatio(a: string, b: string): number {
  const [x, y] = [a, b].map((c) => {
    const rgb = parseColour(c);
    if (!rgb) throw new Error(`not a colour: ${c}`);
    return luminance(rgb);
  }) as [number, number];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}
