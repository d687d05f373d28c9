import { describe, expect, it } from 'vitest';
import { parseIsoDay } from '../../src/lib/dates.ts';
import { isMonthKey, monthKey, monthsBetween, monthsOfPeriod } from '../../src/lib/months.ts';

describe('months', () => {
  it('keys days by month', () => {
    expect(monthKey(parseIsoDay('2014-02-15') as Date)).toBe('2014-02');
  });

  it.each([['2014-02', true], ['2014-13', false], ['2014-2', false], ['', false], ['2014-02-01', false]])('%s is a month: %s', (value, expected) => {
    expect(isMonthKey(value)).toBe(expected);
  });

  it('lists the months of a range, across a new year', () => {
    expect(monthsBetween('2013-11', '2014-02')).toEqual(['2013-11', '2013-12', '2014-01', '2014-02']);
    expect(monthsBetween('2014-02', '2014-02')).toEqual(['2014-02']);
    expect(monthsBetween('2014-03', '2014-02')).toEqual([]);
    expect(monthsBetween('x', '2014-02')).toEqual([]);
  });

  it('gives the months a period touches', () => {
    expect(monthsOfPeriod({ start: parseIsoDay('2014-01-17') as Date, end: parseIsoDay('2014-02-02') as Date })).toEqual(['2014-01', '2014-02']);
    expect(monthsOfPeriod({ start: parseIsoDay('2013-12-28') as Date, end: parseIsoDay('2014-01-03') as Date })).toEqual(['2013-12', '2014-01']);
  });
});
