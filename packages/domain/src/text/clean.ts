/**
 * Characters that show nothing but can change how text looks or compares: format characters
 * (bidi embeddings, overrides and isolates U+202A–U+202E and U+2066–U+2069, zero-width space,
 * joiners U+200B–U+200D, word joiner U+2060, byte order mark U+FEFF, soft hyphen U+00AD,
 * left-to-right and right-to-left marks) and Unicode's other default-ignorable code points.
 */
const INVISIBLE = /[\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;
/** Every form of line break: CR LF, LF, CR, vertical tab, form feed, NEL, line and paragraph separators. */
const LINE_BREAK = /\r\n|[\n\v\f\r\u0085\u2028\u2029]/g;
/** C0 and C1 controls and DEL, save the line feed that multi-line text keeps. */
const CONTROL_BUT_LF = /(?!\n)\p{Cc}/gu;
/** Spaces, no-break spaces and the like at the end of a line. */
const TRAILING_SPACE = /[^\S\n]+(?=\n|$)/g;

/** Line breaks as "\n", tabs as spaces, other controls and every invisible character gone. */
function stripHidden(value: string): string {
  return value
    .replace(LINE_BREAK, "\n")
    .replace(CONTROL_BUT_LF, (c) => (c === "\t" ? " " : ""))
    .replace(INVISIBLE, "");
}

/**
 * A name or title as it is stored and compared: without controls or invisible characters, with
 * every run of whitespace (line breaks, tabs, no-break spaces) made one space, trimmed, and composed
 * (NFC, last, so a removed character between a letter and its accent cannot leave them apart).
 * Letters are never changed: Norwegian and Sámi letters (æ ø å, á č đ ŋ š ŧ ž) come out as they
 * went in. An empty result is for the schema to refuse.
 */
export function cleanName(value: string): string {
  return stripHidden(value).replace(/\s+/g, " ").trim().normalize("NFC");
}

/**
 * Free text (comments, descriptions): cleaned as a name, except that line breaks stay (as "\n")
 * and spacing inside a line is kept; spaces at the ends of lines and of the text go.
 */
export function cleanText(value: string): string {
  return stripHidden(value).replace(TRAILING_SPACE, "").trim().normalize("NFC");
}

/** What two names are compared by, for uniqueness and matching: the clean name, case aside. */
export function nameKey(value: string): string {
  return cleanName(value).toLowerCase();
}
