/** The interface languages: bokmål first, then nynorsk, then English (docs/style.md#web). */
export const LANGUAGES = ["nb", "nn", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

/** A name or description in every interface language, bokmål first (docs/style.md#web). */
export interface LocalizedText {
  readonly nb: string;
  readonly nn: string;
  readonly en: string;
}
