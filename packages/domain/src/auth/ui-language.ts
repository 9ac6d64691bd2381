import type { WrittenStandard } from "../register/written-standard";

/** The interface's languages: bokmål, nynorsk, English (docs/decisions/026-three-written-languages.md). */
export const UI_LANGUAGES = ["nb", "nn", "en"] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === "string" && (UI_LANGUAGES as readonly string[]).includes(value);
}

/** The language a municipality's written standard asks for: nynorsk → nn; bokmål and neutral → nb. */
export function languageOfWrittenStandard(standard: WrittenStandard): UiLanguage {
  return standard === "nynorsk" ? "nn" : "nb";
}

/**
 * The browser's first preference Målestokk speaks (`navigator.languages`, best first): nn → nn, nb or no
 * → nb, en* → en; a preference it does not speak is passed over; none at all gives null.
 */
export function languageOfBrowser(preferences: readonly string[]): UiLanguage | null {
  for (const preference of preferences) {
    const primary = preference.trim().toLowerCase().split(/[-_]/)[0];
    if (primary === "nn") return "nn";
    if (primary === "nb" || primary === "no") return "nb";
    if (primary === "en") return "en";
  }
  return null;
}

/**
 * The language a user sees (ADR 026): their own choice once made; before it, their municipality's written
 * standard; without a municipality or a known standard (national roles, counties, cooperatives), the
 * browser's; else bokmål.
 */
export function defaultUiLanguage(input: {
  readonly chosen: UiLanguage | null;
  readonly writtenStandard: WrittenStandard | null;
  readonly browser: readonly string[];
}): UiLanguage {
  if (input.chosen) return input.chosen;
  if (input.writtenStandard) return languageOfWrittenStandard(input.writtenStandard);
  return languageOfBrowser(input.browser) ?? "nb";
}
