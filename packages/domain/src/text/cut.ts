import { cleanName } from "./clean";

/** About how much of a value a message quotes: enough to recognise it, never a whole 5 MB comment. */
export const MESSAGE_VALUE_LENGTH = 60;

/**
 * A value as a message quotes it (issue 18): cleaned as a name (no controls, so nothing from a file
 * can steer a terminal, and line breaks made spaces), then cut to `max` characters with "…" at the
 * end. Cutting again changes nothing, so a value cut where it is read can be cut where it is shown.
 */
export function cutForMessage(value: string, max = MESSAGE_VALUE_LENGTH): string {
  const characters = Array.from(cleanName(value));
  return characters.length <= max ? characters.join("") : `${characters.slice(0, max - 1).join("")}…`;
}
