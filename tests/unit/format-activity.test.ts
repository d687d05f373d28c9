import { describe, expect, it } from 'vitest';
import { bucketOf } from '../../src/lib/activity.ts';
import { formatBucket, formatShortMonth } from '../../src/i18n/format-activity.ts';

describe('column names per locale', () => {
  it.each([
    ['2013-11', 1, 'zh-CN', '11月', '2013年11月'],
    ['2013-11', 1, 'en', 'Nov', 'November 2013'],
    ['2014-05', 3, 'zh-CN', 'Q2', '2014年第2季度'],
    ['2014-05', 3, 'en', 'Q2', 'Q2 2014'],
    ['2014-05', 12, 'zh-CN', '2014', '2014年'],
    ['2014-05', 12, 'en', '2014', '2014'],
    ['2014-05', 60, 'zh-CN', '2010–2014年', '2010–2014年'],
    ['2014-05', 60, 'en', '2010–2014', '2010–2014'],
  ] as const)('names the %s bucket of %i months in %s: %s, %s', (month, size, locale, short, long) => {
    expect(formatBucket(bucketOf(month, size), locale, 'short')).toBe(short);
    expect(formatBucket(bucketOf(month, size), locale, 'long')).toBe(long);
  });

  it('abbreviates months for the archive index', () => {
    expect(formatShortMonth('2014-02', 'en')).toBe('Feb');
    expect(formatShortMonth('2014-02', 'zh-CN')).toBe('2月');
  });
});
