import { cleanName } from "./clean";

/** About how much of a value a message quotes: enough to recognise it, never a whole 5 MB comment. */
export const MESSAGE_VALUE_LENGTH = 60;

/** `text` cut to at most `max` characters, the last of them "…" when something was cut; characters are never split. */
export function cutText(text: string, max = MESSAGE_VALUE_LENGTH): string {
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

/**
 * A value as a message quotes it (issue 18): cleaned as a name (no controls, so nothing from a file
 * can steer a terminal, and line breaks made spaces), then cut to `max` characters with "…" at the
 * end. Only the start of a long value is cleaned. Cutting again changes nothing, so a value cut where
 * it is read can be cut where it is shown.
 */
export function cutForMessage(value: string, max = MESSAGE_VALUE_LENGTH): string {
  return cutText(cleanName(cutText(value, max * 4)), max);
}
