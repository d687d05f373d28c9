/**
 * Names of the activity chart's columns in the page's language: short ones for the chart's
 * header (`11月`, `Nov`, `Q1`), long ones for cell titles and the table (`2013年11月`, `Q1 2014`);
 * and the chart's caption, which says what a column spans.
 */
import type { ActivityMatrix, Bucket } from '../lib/activity.ts';
import { monthStart, parseMonthKey, type MonthKey } from '../lib/months.ts';
import { formatMonth } from './format.ts';
import type { Locale } from './locales.ts';
import { getTranslator } from './t.ts';

const shortMonths = new Map<Locale, Intl.DateTimeFormat>();

/** A month's abbreviated name, for labels under a year heading. @example formatShortMonth('2013-11', 'en') // 'Nov' */
export function formatShortMonth(month: MonthKey, locale: Locale): string {
  let format = shortMonths.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' });
    shortMonths.set(locale, format);
  }
  return format.format(monthStart(month));
}

/**
 * A column's name.
 * @example formatBucket({ key: '2013-11', unit: 'month', start: '2013-11', end: '2013-11' }, 'en', 'short') // 'Nov'
 * @example formatBucket({ key: '2014-Q1', unit: 'quarter', start: '2014-01', end: '2014-03' }, 'zh-CN', 'long') // '2014年第1季度'
 */
export function formatBucket(bucket: Bucket, locale: Locale, length: 'short' | 'long'): string {
  const t = getTranslator(locale);
  const { year, month } = parseMonthKey(bucket.start);
  switch (bucket.unit) {
    case 'month':
      return length === 'long' ? formatMonth(monthStart(bucket.start), locale) : formatShortMonth(bucket.start, locale);
    case 'quarter': {
      const quarter = (month + 2) / 3;
      return length === 'long' ? t('activity.quarter', { year, quarter }) : t('activity.quarterShort', { quarter });
    }
    case 'year':
      return length === 'long' ? t('activity.year', { year }) : String(year);
    case 'years':
      return t('activity.years', { start: year, end: parseMonthKey(bucket.end).year });
  }
}

/**
 * A chart's title and the note under it, both naming what one column spans; `project` names the
 * one project of a project page's chart (the overview's title speaks of every project).
 * @example activityCaption({ size: 12, buckets: [bucketOf('2014-05', 12)] }, 'en', 'Nova').title // 'Issues covering Nova, by year'
 */
export function activityCaption(
  matrix: Pick<ActivityMatrix, 'size' | 'buckets'>,
  locale: Locale,
  project?: string,
): { title: string; note: string } {
  const t = getTranslator(locale);
  const unit = matrix.buckets[0]?.unit ?? 'month';
  const span = matrix.size / 12;
  return {
    title: project === undefined ? t(`activity.title.${unit}`, { span }) : t(`activity.projectTitle.${unit}`, { project, span }),
    note: t(`activity.note.${unit}`, { span }),
  };
}
