/** A name or description in both interface languages, bokmål first (docs/style.md#web). */
export interface LocalizedText {
  readonly nb: string;
  readonly en: string;
}
