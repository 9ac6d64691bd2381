/**
 * Designsystemet's stylesheet holds every component's rules, each component in an `@layer ds.components { … }`
 * block; the app uses about two thirds of them. The blocks of components the app never draws are left out of
 * the build (vite.config.ts), so that less CSS blocks the first paint and every style recalculation matches
 * fewer rules (docs/quality-targets.md#p-1). A block is dropped only when its first selector names one of
 * these; anything else (a new component, a changed layout of the file) stays.
 */
export const UNUSED_DESIGNSYSTEMET_COMPONENTS = [
  "avatar",
  "badge",
  "card",
  "chip",
  "divider",
  "dropdown",
  "pagination",
  "popover",
  "skeleton",
  "tabs",
  "tooltip",
] as const;

/**
 * The theme's layers the app never applies: the dark colour scheme holds only for `data-color-scheme="dark"`
 * (or `"auto"` in a dark browser), which the app never sets.
 */
export const UNUSED_THEME_LAYERS = ["ds.theme.color-scheme.dark"] as const;

interface Part {
  readonly text: string;
  /** The layer's name and its content; null for what lies between layers. */
  readonly layer: string | null;
  readonly body: string | null;
}

/** The top-level `@layer name{…}` blocks of a minified stylesheet, and what lies between them, in order. */
function splitLayers(css: string): Part[] {
  const parts: Part[] = [];
  let at = 0;
  const opening = /@layer ([\w.-]+)\{/g;
  for (let match = opening.exec(css); match; match = opening.exec(css)) {
    if (match.index > at) parts.push({ text: css.slice(at, match.index), layer: null, body: null });
    let depth = 1;
    let end = match.index + match[0].length;
    while (depth > 0 && end < css.length) {
      const char = css[end++];
      if (char === "{") depth++;
      else if (char === "}") depth--;
    }
    parts.push({ text: css.slice(match.index, end), layer: match[1] ?? null, body: css.slice(match.index + match[0].length, end - 1) });
    at = end;
    opening.lastIndex = end;
  }
  if (at < css.length) parts.push({ text: css.slice(at), layer: null, body: null });
  return parts;
}

/** The component a layer block styles, by its first selector (`.ds-card…`, `[data-tooltip]…`, `@property --_dsc-avatar…`). */
function componentOf(body: string): string | null {
  return /^(?::where\()?\.ds-([a-z]+)|^\[data-([a-z]+)\]|^@property --_dsc-([a-z]+)/.exec(body)?.slice(1).find(Boolean) ?? null;
}

/** Designsystemet's stylesheet without the blocks of the given components. */
export function withoutComponents(css: string, unused: readonly string[] = UNUSED_DESIGNSYSTEMET_COMPONENTS): string {
  return splitLayers(css)
    .filter((part) => part.body === null || !unused.includes(componentOf(part.body) ?? ""))
    .map((part) => part.text)
    .join("");
}

/** Designsystemet's theme without the given layers. */
export function withoutLayers(css: string, unused: readonly string[] = UNUSED_THEME_LAYERS): string {
  return splitLayers(css)
    .filter((part) => !unused.includes(part.layer ?? ""))
    .map((part) => part.text)
    .join("");
}
