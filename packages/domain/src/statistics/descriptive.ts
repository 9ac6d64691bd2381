/**
 * Quantile by linear interpolation between closest ranks (Hyndman & Fan type 7, the same as
 * Excel's QUARTILE.INC and R's default). `p` is in [0, 1]. Returns null for an empty list.
 */
export function quantile(values: readonly number[], p: number): number | null {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile: p must be in [0, 1], got ${p}`);
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * p;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const lowValue = sorted[lower] as number;
  const highValue = sorted[upper] as number;
  return lowValue + (highValue - lowValue) * (position - lower);
}

export function median(values: readonly number[]): number | null {
  return quantile(values, 0.5);
}

export interface Quartiles {
  readonly q1: number;
  readonly median: number;
  readonly q3: number;
}

export function quartiles(values: readonly number[]): Quartiles | null {
  if (values.length === 0) return null;
  return {
    q1: quantile(values, 0.25) as number,
    median: quantile(values, 0.5) as number,
    q3: quantile(values, 0.75) as number,
  };
}
