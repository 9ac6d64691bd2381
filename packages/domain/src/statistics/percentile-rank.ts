/**
 * Percentile rank of `value` within `values` (0–100): the share of members below it, with ties
 * counted half (the "mean rank" definition), so the middle of a group is 50 whatever its size.
 * Returns null for an empty group.
 */
export function percentileRank(values: readonly number[], value: number): number | null {
  if (values.length === 0) return null;
  let below = 0;
  let equal = 0;
  for (const v of values) {
    if (v < value) below += 1;
    else if (v === value) equal += 1;
  }
  return ((below + equal / 2) / values.length) * 100;
}

/**
 * Competition rank ("1224") of `value` among `values`, 1 = lowest when `order` is "ascending".
 * Returns null for an empty group.
 */
export function rankOf(values: readonly number[], value: number, order: "ascending" | "descending" = "ascending"): number | null {
  if (values.length === 0) return null;
  const ahead = values.filter((v) => (order === "ascending" ? v < value : v > value)).length;
  return ahead + 1;
}
