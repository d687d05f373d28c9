import { describe, expect, it } from 'vitest';
import { formatDay, formatIssueLabel, formatPeriod } from '../../src/i18n/format.ts';
import { localeCodes } from '../../src/i18n/locales.ts';
import { uiStrings } from '../../src/i18n/t.ts';
import { parseIsoDay } from '../../src/lib/dates.ts';

const baseKeys = (strings: Record<string, string>) =>
  new Set(Object.keys(strings).map((key) => key.replace(/_(zero|one|two|few|many|other)$/, '')));
const period = (start: string, end: string) => ({ start: parseIsoDay(start) as Date, end: parseIsoDay(end) as Date });

describe('UI strings', () => {
  const reference = baseKeys(uiStrings['zh-CN']);

  it.each(localeCodes)('%s has every key and no other', (locale) => {
    expect([...baseKeys(uiStrings[locale])].sort()).toEqual([...reference].sort());
  });

  it.each(localeCodes)('%s has no empty string', (locale) => {
    expect(Object.entries(uiStrings[locale]).filter(([, value]) => !value.trim())).toEqual([]);
  });
});

describe('formatting per locale', () => {
  it.each([
    ['2014-02-03', '2014-02-15', '2014年2月3日至15日', 'February 3 – 15, 2014'],
    ['2014-01-17', '2014-02-02', '2014年1月17日至2月2日', 'January 17 – February 2, 2014'],
    ['2013-12-28', '2014-01-03', '2013年12月28日至2014年1月3日', 'December 28, 2013 – January 3, 2014'],
  ])('writes %s..%s', (start, end, zh, en) => {
    expect(formatPeriod(period(start, end), 'zh-CN')).toBe(zh);
    expect(formatPeriod(period(start, end), 'en')).toBe(en);
  });

  it('shortens periods for listings grouped by year', () => {
    expect(formatPeriod(period('2014-02-03', '2014-02-15'), 'zh-CN', 'short')).toBe('2月3日–15日');
    expect(formatPeriod(period('2014-02-03', '2014-02-15'), 'en', 'short')).toBe('Feb 3–15');
  });

  it('never shows the day before, whatever the time zone', () => {
    expect(formatDay(parseIsoDay('2014-01-01') as Date, 'en')).toBe('January 1, 2014');
  });

  it('names issues in each language', () => {
    expect(formatIssueLabel(11, 'zh-CN')).toBe('第十一期');
    expect(formatIssueLabel(11, 'en')).toBe('Issue 11');
  });
});
