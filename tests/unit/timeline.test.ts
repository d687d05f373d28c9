import { describe, expect, it } from 'vitest';
import { parseIsoDay } from '../../src/lib/dates.ts';
import { timelineMonths } from '../../src/lib/timeline.ts';

describe('a page of a project timeline', () => {
  const entry = (number: number, end: string) => ({
    number,
    issue: { period: { start: parseIsoDay(end) as Date, end: parseIsoDay(end) as Date } },
  });

  it('groups its sections by the month their issues belong to, newest first', () => {
    const page = [entry(5, '2014-03-10'), entry(4, '2014-02-20'), entry(3, '2014-02-05'), entry(2, '2014-01-31')];
    expect(timelineMonths(page).map(({ month, items }) => [month, items.map((item) => item.number)])).toEqual([
      ['2014-03', [5]],
      ['2014-02', [4, 3]],
      ['2014-01', [2]],
    ]);
  });
});
