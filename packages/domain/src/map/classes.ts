import type { Direction } from "../indicators/catalogue";
import { quantile, quartiles } from "../statistics/descriptive";
import { MIN_PEERS_FOR_STATISTICS } from "../statistics/peer-summary";

// Classes for the map (issue 24): the fill of a unit says which class its value falls in, and the shade
// follows the indicator's direction, so that "darker" always means "better" where there is a better
// (docs/indicators.md#minimum-n for the group's n).

/** National quintiles (five classes of about equal count), or the chosen group's quartiles (four classes). */
export type MapClassMethod = "quantiles" | "groupQuartiles";

export const QUANTILE_CLASSES = 5;

/** A unit's figure as the map is given it: null when it has none; hidden when it may not be shown (n < 3). */
export interface MapFigure {
  readonly key: string;
  readonly value: number | null;
  readonly isHidden?: boolean;
}

export type MapUnitState =
  | { readonly kind: "value"; readonly value: number; readonly class: number; readonly shade: number }
  | { readonly kind: "missing" }
  | { readonly kind: "hidden" };

export interface MapClassing {
  /** The method used; the group's quartiles fall back to quantiles when the group has fewer than 3 values. */
  readonly method: MapClassMethod;
  /** Ascending limits: class i holds [limits[i], limits[i + 1]), the last class its upper limit too. Empty without values. */
  readonly limits: readonly number[];
  readonly classCount: number;
  /** Per class, how many units fall in it (for the legend). */
  readonly counts: readonly number[];
  readonly states: ReadonlyMap<string, MapUnitState>;
}

/** Limits of `count` classes of about equal size (type 7 quantiles); equal limits are merged. */
export function quantileLimits(values: readonly number[], count = QUANTILE_CLASSES): number[] {
  if (values.length === 0) return [];
  const limits = Array.from({ length: count + 1 }, (_, i) => quantile(values, i / count) as number);
  return dedupe(limits);
}

/**
 * Four classes by the group's quartiles: below its first quartile, up to its median, up to its third
 * quartile, above it. The outer limits are the lowest and highest value drawn, so every unit has a class.
 * Null when the group has fewer than MIN_PEERS_FOR_STATISTICS values (its quartiles are not shown).
 */
export function groupQuartileLimits(groupValues: readonly number[], allValues: readonly number[]): number[] | null {
  if (groupValues.length < MIN_PEERS_FOR_STATISTICS) return null;
  const q = quartiles(groupValues) as NonNullable<ReturnType<typeof quartiles>>;
  const low = Math.min(q.q1, ...allValues, ...groupValues);
  const high = Math.max(q.q3, ...allValues, ...groupValues);
  return dedupe([low, q.q1, q.median, q.q3, high]);
}

function dedupe(limits: readonly number[]): number[] {
  const out: number[] = [];
  for (const limit of limits) if (out.length === 0 || limit > (out.at(-1) as number)) out.push(limit);
  // One value everywhere: one class from it to itself.
  return out.length === 1 ? [out[0] as number, out[0] as number] : out;
}

/** The class (0 = lowest values) of `value` under `limits`; values outside the limits go to the end classes. */
export function classOf(value: number, limits: readonly number[]): number {
  const last = Math.max(0, limits.length - 2);
  for (let i = 0; i < last; i++) if (value < (limits[i + 1] as number)) return i;
  return last;
}

/**
 * The shade of a class: 0 lightest. Where lower is better the lowest values are darkest, where higher is
 * better the highest; a neutral indicator is darker the higher it is.
 */
export function shadeOf(classIndex: number, classCount: number, direction: Direction): number {
  return direction === "lower" ? classCount - 1 - classIndex : classIndex;
}

/** Every unit's class and shade, by the chosen method; units without a value are "missing", hidden ones "hidden". */
export function classifyMap(
  figures: readonly MapFigure[],
  options: { readonly method: MapClassMethod; readonly direction: Direction; readonly groupKeys?: ReadonlySet<string> },
): MapClassing {
  const shown = figures.filter((f): f is MapFigure & { value: number } => f.value !== null && !f.isHidden);
  const values = shown.map((f) => f.value);
  const groupLimits =
    options.method === "groupQuartiles"
      ? groupQuartileLimits(
          shown.filter((f) => options.groupKeys?.has(f.key)).map((f) => f.value),
          values,
        )
      : null;
  const method: MapClassMethod = groupLimits ? "groupQuartiles" : "quantiles";
  const limits = groupLimits ?? quantileLimits(values);
  const classCount = Math.max(0, limits.length - 1);
  const counts = Array.from({ length: classCount }, () => 0);
  const states = new Map<string, MapUnitState>();
  for (const figure of figures) {
    if (figure.isHidden) states.set(figure.key, { kind: "hidden" });
    else if (figure.value === null) states.set(figure.key, { kind: "missing" });
    else {
      const index = classOf(figure.value, limits);
      counts[index] = (counts[index] ?? 0) + 1;
      states.set(figure.key, { kind: "value", value: figure.value, class: index, shade: shadeOf(index, classCount, options.direction) });
    }
  }
  return { method, limits, classCount, counts, states };
}
