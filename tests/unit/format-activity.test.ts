import { describe, expect, it } from 'vitest';
import { bucketOf } from '../../src/lib/activity.ts';
import { activityCaption, formatBucket, formatShortMonth } from '../../src/i18n/format-activity.ts';

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

describe("a chart's caption", () => {
  it.each([
    [1, 'en', 'Activity overview: issues covering each project, by month', 'Issues covering Nova, by month', 'One column per month'],
    [3, 'en', 'Activity overview: issues covering each project, by quarter', 'Issues covering Nova, by quarter', 'One column per quarter'],
    [12, 'en', 'Activity overview: issues covering each project, by year', 'Issues covering Nova, by year', 'One column per year'],
    [
      24,
      'en',
      'Activity overview: issues covering each project, 2 years at a time',
      'Issues covering Nova, 2 years at a time',
      'One column per 2 years',
    ],
    [1, 'zh-CN', '活跃度概览：各项目每月出现的期数', 'Nova 每月出现的期数', '每列为一个月'],
    [3, 'zh-CN', '活跃度概览：各项目每季度出现的期数', 'Nova 每季度出现的期数', '每列为一个季度'],
    [12, 'zh-CN', '活跃度概览：各项目每年出现的期数', 'Nova 每年出现的期数', '每列为一年'],
    [60, 'zh-CN', '活跃度概览：各项目每 5 年出现的期数', 'Nova 每 5 年出现的期数', '每列为 5 年'],
  ] as const)('names columns of %i months in %s', (size, locale, overview, project, note) => {
    const matrix = { size, buckets: [bucketOf('2014-05', size)] };
    expect(activityCaption(matrix, locale).title).toBe(overview);
    expect(activityCaption(matrix, locale, 'Nova').title).toBe(project);
    expect(activityCaption(matrix, locale).note.startsWith(note)).toBe(true);
  });
});
