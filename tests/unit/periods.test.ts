import { describe, expect, it } from 'vitest';
import { parseIsoDay, toIsoDay } from '../../src/lib/dates.ts';
import { firstFreeDay, nextPeriod, parseLegacyPeriod, periodsOverlap, resolvePeriodYears } from '../../src/lib/periods.ts';

const day = (text: string) => {
  const date = parseIsoDay(text);
  if (!date) throw new Error(`bad test date ${text}`);
  return date;
};
const span = (period: { start: Date; end: Date } | undefined) => period && `${toIsoDay(period.start)}..${toIsoDay(period.end)}`;

describe('legacy period formats', () => {
  it.each([
    ['OpenStack社区动态第一期(11.17-11.22)', 'dotted', [11, 17, 11, 22]],
    ['OpenStack社区动态第七期(01.17-02.02)', 'dotted', [1, 17, 2, 2]],
    ['OpenStack社区动态第十一期(0320-0410)', 'compact', [3, 20, 4, 10]],
    ['第九期（2.3–2.15）', 'dotted', [2, 3, 2, 15]],
    ['第九期 ( 1228 - 0103 )', 'compact', [12, 28, 1, 3]],
    ['OpenStack社区动态第二十三期（０９．２６－１０．１０）', 'dotted', [9, 26, 10, 10]],
    ['OpenStack社区动态第２４期（１０１１－１０２５）', 'compact', [10, 11, 10, 25]],
  ] as const)('reads %s', (title, format, [m1, d1, m2, d2]) => {
    expect(parseLegacyPeriod(title)).toMatchObject({ format, start: { month: m1, day: d1 }, end: { month: m2, day: d2 } });
  });

  it('finds no period in a title without one', () => {
    expect(parseLegacyPeriod('OpenStack社区动态第八期')).toBeUndefined();
  });
});

describe('years from the file-name date', () => {
  it.each([
    ['a period inside one year', '11.17-11.22', '2013-11-22', '2013-11-17..2013-11-22', false],
    ['a file date ten days before the period (disagreeing with the title)', '11.17-11.22', '2013-11-12', '2013-11-17..2013-11-22', false],
    ['a period crossing a new year, dated in January', '12.28-01.03', '2014-01-03', '2013-12-28..2014-01-03', true],
    ['a period crossing a new year, dated in late December', '12.28-01.03', '2013-12-30', '2013-12-28..2014-01-03', true],
    ['a December period published in January', '12.20-12.31', '2014-01-02', '2013-12-20..2013-12-31', false],
    ['a January period dated the December before', '01.02-01.09', '2013-12-31', '2014-01-02..2014-01-09', false],
  ])('%s', (_name, text, anchor, expected, crossesYear) => {
    const legacy = parseLegacyPeriod(`(${text})`);
    if (!legacy) throw new Error('unparsed');
    const resolved = resolvePeriodYears(legacy, day(anchor));
    expect(span(resolved)).toBe(expected);
    expect(resolved?.crossesYear).toBe(crossesYear);
  });

  it('reports how far the anchor is from the end', () => {
    const legacy = parseLegacyPeriod('(11.17-11.22)');
    expect(legacy && resolvePeriodYears(legacy, day('2013-11-12'))?.anchorOffsetDays).toBe(-10);
  });

  it('rejects days that do not exist', () => {
    expect(resolvePeriodYears({ start: { month: 2, day: 30 }, end: { month: 3, day: 2 } }, day('2014-03-03'))).toBeUndefined();
  });

  it('accepts 29 February in a leap year only', () => {
    const leap = { start: { month: 2, day: 29 }, end: { month: 3, day: 5 } };
    expect(span(resolvePeriodYears(leap, day('2016-03-05')))).toBe('2016-02-29..2016-03-05');
    expect(resolvePeriodYears(leap, day('2014-03-05'))).toBeUndefined();
  });

  it('never moves an impossible 29 February to a leap year nearby', () => {
    const leap = { start: { month: 2, day: 29 }, end: { month: 3, day: 5 } };
    expect(resolvePeriodYears(leap, day('2015-03-05'))).toBeUndefined();
    expect(resolvePeriodYears({ start: { month: 2, day: 20 }, end: { month: 2, day: 29 } }, day('2017-03-01'))).toBeUndefined();
  });
});

describe('overlap and succession', () => {
  const period = (start: string, end: string) => ({ start: day(start), end: day(end) });

  it('lets consecutive issues share their boundary day', () => {
    expect(periodsOverlap(period('2013-11-17', '2013-11-22'), period('2013-11-22', '2013-11-28'))).toBe(false);
  });

  it.each([
    [period('2013-11-17', '2013-11-22'), period('2013-11-20', '2013-11-28')],
    [period('2013-11-20', '2013-11-28'), period('2013-11-17', '2013-11-22')],
    [period('2014-01-01', '2014-01-31'), period('2014-01-10', '2014-01-12')],
    [period('2015-01-05', '2015-01-05'), period('2015-01-05', '2015-01-12')],
    [period('2015-01-05', '2015-01-12'), period('2015-01-05', '2015-01-05')],
    [period('2015-01-05', '2015-01-05'), period('2015-01-05', '2015-01-05')],
  ])('finds real overlaps in either order', (a, b) => {
    expect(periodsOverlap(a, b)).toBe(true);
  });

  it.each([
    ['2013-11-17', '2013-11-22', '2013-11-22'],
    ['2016-02-29', '2016-02-29', '2016-03-01'],
    ['2013-12-31', '2013-12-31', '2014-01-01'],
  ])('lets a later issue start from %s..%s on %s, and not the day before', (start, end, free) => {
    const before = period(start, end);
    expect(toIsoDay(firstFreeDay(before))).toBe(free);
    expect(periodsOverlap(before, period(free, free))).toBe(false);
    const earlier = new Date(firstFreeDay(before).getTime() - 86_400_000);
    expect(periodsOverlap(before, { start: earlier, end: earlier })).toBe(true);
  });

  it('gives the next issue the week after the last one ends', () => {
    expect(span(nextPeriod(period('2014-07-20', '2014-08-25')))).toBe('2014-08-26..2014-09-01');
    expect(span(nextPeriod(period('2013-12-20', '2013-12-28')))).toBe('2013-12-29..2014-01-04');
  });
});
