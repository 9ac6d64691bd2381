/**
 * A municipality's official written standard (målform) under the Language Act (språklova § 5), as
 * Kartverket and SSB list it: bokmål, nynorsk or neutral. Counties and IT cooperatives have none here.
 */
export const WRITTEN_STANDARDS = ["bokmal", "nynorsk", "neutral"] as const;
export type WrittenStandard = (typeof WRITTEN_STANDARDS)[number];

/** The languages a municipality's official names are in (ISO 639): Norwegian, North, Lule and South Sámi, Kven. */
export const NAME_LANGUAGES = ["no", "se", "smj", "sma", "fkv"] as const;
export type NameLanguage = (typeof NAME_LANGUAGES)[number];

/** One of a municipality's up to three official names, in KLASS 131's order. */
export interface OfficialName {
  readonly name: string;
  readonly language: NameLanguage;
}
