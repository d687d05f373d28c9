/** Summaries of repeated measurements: medians and ranges. */

/** The middle of repeated measurements (the mean of the two middle ones for an even count). */
export interface Spread {
  median: number;
  min: number;
  max: number;
  /** The measurements, in the order they were taken. */
  samples: number[];
}

/**
 * The median of a non-empty list.
 * @example median([3, 1, 2]) // 2
 */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Median, minimum and maximum of a non-empty list. */
export function spread(values: readonly number[]): Spread {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values), samples: [...values] };
}

/**
 * `part / whole`, or undefined when either is missing or `whole` is zero.
 * @example ratio(25, 50) // 0.5
 */
export function ratio(part: number | undefined, whole: number | undefined): number | undefined {
  return part === undefined || whole === undefined || whole === 0 ? undefined : part / whole;
}
