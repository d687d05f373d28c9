/** How the report writes figures: bytes in KB of 1,000 bytes, times in ms or s, ranges. */
import type { Spread } from './stats.ts';

/** One KB, as the budgets count it. */
export const KB = 1000;

/**
 * Bytes for a reader: plain bytes below 1 KB, then KB or MB (of 1,000) with one decimal.
 * @example formatBytes(15360) // '15.4 KB'
 */
export function formatBytes(bytes: number): string {
  if (bytes < KB) return `${bytes} B`;
  if (bytes < KB * KB) return `${(bytes / KB).toFixed(1)} KB`;
  if (bytes < KB * KB * KB) return `${(bytes / KB / KB).toFixed(1)} MB`;
  return `${(bytes / KB / KB / KB).toFixed(2)} GB`;
}

/**
 * A duration: ms below 10 s (one decimal below 100 ms), then seconds.
 * @example formatMs(36841) // '36.8 s'
 */
export function formatMs(ms: number): string {
  if (ms < 100) return `${Math.round(ms * 10) / 10} ms`;
  if (ms < 10_000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(1)} s`;
}

/**
 * A median with its range when measured more than once.
 * @example formatSpread({ median: 2, min: 1, max: 3, samples: [1, 2, 3] }, String) // '2 (1–3)'
 */
export function formatSpread(value: Spread, format: (value: number) => string): string {
  return value.samples.length > 1 ? `${format(value.median)} (${format(value.min)}–${format(value.max)})` : format(value.median);
}

/**
 * A whole number with thousands separators.
 * @example formatCount(7495) // '7,495'
 */
export function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}

/**
 * A ratio with two decimals.
 * @example formatRatio(0.6912) // '0.69'
 */
export function formatRatio(value: number): string {
  return value.toFixed(2);
}

/** Markdown table from a header row and rows of cells (pipes in cells escaped). */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map((cell) => cell.replaceAll('|', '\\|')).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
