/**
 * The search page's chart of matching issues per month: one bar per month from the first to the
 * last month holding a match, from the counts Pagefind returns for its month filter (an issue
 * counts in every month its period touches, as the month range filters). Pure.
 */
import { monthsBetween, parseMonthKey } from '../../months.ts';

export interface MonthBar {
  /** `YYYY-MM`. */
  month: string;
  /** Matching issues whose period touches the month. */
  count: number;
  /** The count over the largest count, 0 to 1. */
  share: number;
  /** Whether it is the chart's first month of its year (where the year is written). */
  yearStart: boolean;
  /** Whether the month lies in the range the search is narrowed to. */
  chosen: boolean;
}

/**
 * Bars for the months between the first and last one with a match; none without a match.
 * @example monthBars({ '2014-01': 2, '2014-03': 1 }).map((bar) => [bar.month, bar.count]) // [['2014-01', 2], ['2014-02', 0], ['2014-03', 1]]
 */
export function monthBars(counts: Readonly<Record<string, number>>, range: { from?: string; to?: string } = {}): MonthBar[] {
  const months = Object.entries(counts)
    .filter(([month, count]) => count > 0 && /^\d{4}-\d{2}$/.test(month))
    .map(([month]) => month)
    .sort();
  const [first, last] = [months[0], months.at(-1)];
  if (!first || !last) return [];
  const max = Math.max(...months.map((month) => counts[month] ?? 0));
  const ranged = range.from !== undefined || range.to !== undefined;
  return monthsBetween(first, last).map((month, index) => {
    const count = counts[month] ?? 0;
    return {
      month,
      count,
      share: count / max,
      yearStart: index === 0 || parseMonthKey(month).month === 1,
      chosen: ranged && (range.from === undefined || month >= range.from) && (range.to === undefined || month <= range.to),
    };
  });
}
