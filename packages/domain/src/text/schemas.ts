import { z } from "zod";

import { cleanName, cleanText } from "./clean";

// The schemas of stored text, apart from the cleaning itself (./clean): a page that only cleans or compares
// names does not load zod for them (issue 21).

/**
 * A stored name or title: cleaned, then `min` (default 1) to `max` characters, so a name of
 * nothing but invisible characters is too short.
 */
export function nameSchema(max: number, options: { min?: number } = {}) {
  return z
    .string()
    .overwrite(cleanName)
    .min(options.min ?? 1)
    .max(max);
}

/** Stored free text: cleaned with its line breaks kept, then `min` (default 0) to `max` characters. */
export function textSchema(max: number, options: { min?: number } = {}) {
  return z
    .string()
    .overwrite(cleanText)
    .min(options.min ?? 0)
    .max(max);
}
