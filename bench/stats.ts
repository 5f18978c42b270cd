// Order statistics for timings: median, spread and percentiles.

export interface Summary {
  median: number;
  min: number;
  max: number;
  /** (max − min) / median: how much the runs disagree. */
  spread: number;
  count: number;
}

export function summarise(values: readonly number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  const median = percentile(sorted, 50);
  const min = sorted[0];
  const max = sorted[sorted.length - 1];
  return { median, min, max, spread: median > 0 ? (max - min) / median : 0, count: sorted.length };
}

/** Nearest-rank percentile of an ascending list (the median of an even list is the mean of the middle two). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  if (p === 50 && sorted.length % 2 === 0) return (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}
