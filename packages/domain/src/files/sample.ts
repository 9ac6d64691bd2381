import { cleanName } from "../text/clean";

/** How much of a value a message quotes: a 5 MB comment is not repeated back whole (issue 18). */
export const SAMPLE_LENGTH = 60;

/** `text` cut to at most `max` characters, the last of them "…" when something was cut; characters are never split. */
export function cutText(text: string, max = SAMPLE_LENGTH): string {
  if (text.length <= max) return text;
  // Count characters (code points) only as far as needed: the text may be megabytes long.
  let kept = 0;
  let count = 0;
  for (const char of text) {
    if (count === max) return `${text.slice(0, kept)}…`;
    if (count < max - 1) kept += char.length;
    count++;
  }
  return text;
}

/** Text quoted in a message: one line, no controls or invisible characters, at most `max` characters. */
export function sampleText(text: string, max = SAMPLE_LENGTH): string {
  return cutText(cleanName(text), max);
}
