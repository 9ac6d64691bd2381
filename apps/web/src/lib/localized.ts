import type { Language } from "./i18n";

/** A text the domain keeps in each language (LocalizedText, its message tables). */
type InEachLanguage<T> = { readonly nb: T; readonly en: T; readonly nn?: T };

/**
 * The one way the web reads a text the domain keeps: in `language`, or in bokmål where the domain has no
 * nynorsk for it (docs/decisions/026-three-written-languages.md).
 */
export function localized<T>(text: InEachLanguage<T>, language: Language): T;
export function localized<T>(text: InEachLanguage<T> | undefined, language: Language): T | undefined;
export function localized<T>(text: InEachLanguage<T> | undefined, language: Language): T | undefined {
  return text && ((text as { readonly [L in Language]?: T })[language] ?? text.nb);
}

/** A text table of the domain with an entry for every UI language (bokmål standing in for a missing one). */
export function inEveryLanguage<T>(texts: InEachLanguage<T>): Record<Language, T> {
  return { nb: texts.nb, nn: localized(texts, "nn"), en: texts.en };
}
