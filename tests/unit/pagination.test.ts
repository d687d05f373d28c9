import { describe, expect, it } from 'vitest';
import { parseIsoDay } from '../../src/lib/dates.ts';
import { paginate } from '../../src/lib/pagination.ts';
import { paginateTimeline, timelinePageSize } from '../../src/lib/timeline.ts';

const numbers = (count: number) => Array.from({ length: count }, (_, index) => index + 1);

describe('pages of a list', () => {
  it.each([
    [0, 30, [0]],
    [1, 30, [1]],
    [30, 30, [30]],
    [31, 30, [30, 1]],
    [95, 30, [30, 30, 30, 5]],
  ])('cuts %i items into pages of %i: %j', (count, size, sizes) => {
    const pages = paginate(numbers(count), size);
    expect(pages.map((page) => page.items.length)).toEqual(sizes);
    expect(pages.map((page) => page.number)).toEqual(sizes.map((_, index) => index + 1));
    expect(pages.every((page) => page.count === sizes.length)).toBe(true);
    expect(pages.flatMap((page) => page.items)).toEqual(numbers(count));
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses a page size of %s', (size) => {
    expect(() => paginate([1], size)).toThrow(/page size/);
  });
});

describe('a project timeline', () => {
  const entry = (number: number, end: string) => ({
    number,
    issue: { period: { start: parseIsoDay(end) as Date, end: parseIsoDay(end) as Date } },
  });
  const entries = [entry(5, '2014-03-10'), entry(4, '2014-02-20'), entry(3, '2014-02-05'), entry(2, '2014-01-31'), entry(1, '2013-12-20')];

  it('groups each page by month, newest first; a month cut by a page break continues on the next page', () => {
    const pages = paginateTimeline(entries, 2);
    expect(pages.map((page) => page.months.map(({ month, items }) => [month, items.map((item) => item.number)]))).toEqual([
      [
        ['2014-03', [5]],
        ['2014-02', [4]],
      ],
      [
        ['2014-02', [3]],
        ['2014-01', [2]],
      ],
      [['2013-12', [1]]],
    ]);
  });

  it('keeps a fixed page size however long the archive grows', () => {
    const long = Array.from({ length: 5000 }, (_, index) => entry(5000 - index, '2014-01-01'));
    const pages = paginateTimeline(long);
    expect(Math.max(...pages.map((page) => page.items.length))).toBe(timelinePageSize);
    expect(pages).toHaveLength(Math.ceil(5000 / timelinePageSize));
  });
});
