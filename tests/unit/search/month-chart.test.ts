import { describe, expect, it } from 'vitest';
import { monthBars } from '../../../src/lib/search/page/month-chart.ts';

describe('the chart of matching issues per month', () => {
  it('has a bar per month from the first to the last month with a match, empty months included', () => {
    const bars = monthBars({ '2013-12': 1, '2014-02': 4, '2013-10': 0, '2014-03': 2 });
    expect(bars.map((bar) => [bar.month, bar.count, bar.share])).toEqual([
      ['2013-12', 1, 0.25],
      ['2014-01', 0, 0],
      ['2014-02', 4, 1],
      ['2014-03', 2, 0.5],
    ]);
    expect(bars.map((bar) => bar.yearStart)).toEqual([true, true, false, false]);
  });

  it('marks the months of the range the search is narrowed to', () => {
    const counts = { '2014-01': 1, '2014-02': 1, '2014-03': 1 };
    expect(monthBars(counts, { from: '2014-02' }).map((bar) => bar.chosen)).toEqual([false, true, true]);
    expect(monthBars(counts, { from: '2014-02', to: '2014-02' }).map((bar) => bar.chosen)).toEqual([false, true, false]);
    expect(monthBars(counts).every((bar) => !bar.chosen)).toBe(true);
  });

  it('has no bars without a match, and ignores what is not a month', () => {
    expect(monthBars({})).toEqual([]);
    expect(monthBars({ '2014-01': 0, nova: 3 })).toEqual([]);
  });
});
