import { describe, expect, it } from 'vitest';
import { parseIsoDay } from '../../src/lib/dates.ts';
import {
  groupByMonth,
  groupByYearAndMonth,
  isMonthKey,
  issueMonth,
  monthFromIndex,
  monthIndex,
  monthKey,
  monthsBetween,
  monthsOfPeriod,
  monthStart,
  parseMonthKey,
} from '../../src/lib/months.ts';

const day = (text: string) => parseIsoDay(text) as Date;

describe('month keys', () => {
  it.each([
    [2014, 2, '2014-02'],
    [2013, 12, '2013-12'],
    [987, 1, '0987-01'],
  ])('writes %i-%i as %s and reads it back', (year, month, key) => {
    expect(monthKey(year, month)).toBe(key);
    expect(parseMonthKey(key)).toEqual({ year, month });
  });

  it.each(['2014-13', '2014-00', '2014-2', '201402', ''])('rejects %j', (key) => {
    expect(() => parseMonthKey(key)).toThrow(/not a month/);
  });

  it('counts months across years, both ways', () => {
    expect(monthIndex('2014-01') - monthIndex('2013-12')).toBe(1);
    for (const key of ['2013-11', '2014-01', '2014-12', '0001-01']) expect(monthFromIndex(monthIndex(key))).toBe(key);
  });

  it('starts a month on its first UTC day', () => {
    expect(monthStart('2014-02').toISOString()).toBe('2014-02-01T00:00:00.000Z');
  });
});

describe('the month an issue belongs to', () => {
  it.each([
    ['2014-02-03', '2014-02-15', '2014-02'],
    ['2014-01-17', '2014-02-02', '2014-02'],
    ['2013-12-28', '2014-01-03', '2014-01'],
    ['2014-06-16', '2014-07-01', '2014-07'],
  ])('is the month %s..%s ends in: %s', (start, end, month) => {
    expect(issueMonth({ start: day(start), end: day(end) })).toBe(month);
  });
});

describe('grouping by month', () => {
  const items = [
    { n: 3, m: '2014-02' },
    { n: 2, m: '2014-02' },
    { n: 1, m: '2013-11' },
    { n: 4, m: '2014-03' },
  ];

  it('puts months newest first and keeps the order within a month', () => {
    expect(groupByMonth(items, (item) => item.m).map(({ month, items: grouped }) => [month, grouped.map((item) => item.n)])).toEqual([
      ['2014-03', [4]],
      ['2014-02', [3, 2]],
      ['2013-11', [1]],
    ]);
  });

  it('nests months under their years, both newest first', () => {
    expect(groupByYearAndMonth(items, (item) => item.m).map(({ year, months }) => [year, months.map(({ month }) => month)])).toEqual([
      [2014, ['2014-03', '2014-02']],
      [2013, ['2013-11']],
    ]);
  });

  it('gives nothing for nothing', () => {
    expect(groupByYearAndMonth([], () => '2014-01')).toEqual([]);
  });
});

describe('month ranges for the search filter', () => {
  it.each([
    ['2014-02', true],
    ['2014-13', false],
    ['2014-2', false],
    ['', false],
    ['2014-02-01', false],
  ])('%s is a month: %s', (value, expected) => {
    expect(isMonthKey(value)).toBe(expected);
  });

  it('lists the months of a range, across a new year', () => {
    expect(monthsBetween('2013-11', '2014-02')).toEqual(['2013-11', '2013-12', '2014-01', '2014-02']);
    expect(monthsBetween('2014-02', '2014-02')).toEqual(['2014-02']);
    expect(monthsBetween('2014-03', '2014-02')).toEqual([]);
    expect(monthsBetween('x', '2014-02')).toEqual([]);
  });

  it('gives the months a period touches', () => {
    const day = (text: string) => new Date(`${text}T00:00:00Z`);
    expect(monthsOfPeriod({ start: day('2014-01-17'), end: day('2014-02-02') })).toEqual(['2014-01', '2014-02']);
    expect(monthsOfPeriod({ start: day('2013-12-28'), end: day('2014-01-03') })).toEqual(['2013-12', '2014-01']);
  });
});
