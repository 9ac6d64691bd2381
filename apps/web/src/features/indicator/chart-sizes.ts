// The heights of the indicator page's charts, shared by the drawings and the room held for them before they are drawn.

export const SERIES_HEIGHT = 300;
export const SCATTER_HEIGHT = 340;

/** Above this many points, names on the scatter would overlap. */
export const MAX_LABELLED = 15;

/** A bar of 22 pixels per municipality, at least 240 in all. */
export function distributionHeight(count: number): number {
  return Math.max(240, count * 22);
}
