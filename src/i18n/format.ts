/**
 * Locale-aware formatting of days, periods and numbers. Days are UTC calendar days, so every
 * formatter pins `timeZone: 'UTC'`. Period patterns live in the UI strings (`period.*`),
 * because ICU's Chinese date ranges fall back to "2014/2/3 – 2014/2/15".
 */
import type { ArchiveIssue } from '../lib/archive.ts';
import type { Period } from '../lib/periods.ts';
import type { Locale } from './locales.ts';
import { getTranslator } from './t.ts';
import { formatChineseNumeral } from '../lib/numerals.ts';

const formats = new Map<string, Intl.DateTimeFormat>();

function format(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let cached = formats.get(key);
  if (!cached) {
    cached = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
    formats.set(key, cached);
  }
  return cached;
}

/** @example formatDay(new Date('2014-02-15'), 'zh-CN') // '2014年2月15日' */
export function formatDay(day: Date, locale: Locale): string {
  return format(locale, { year: 'numeric', month: 'long', day: 'numeric' }).format(day);
}

/** @example formatMonth(new Date('2014-02-01'), 'en') // 'February 2014' */
export function formatMonth(day: Date, locale: Locale): string {
  return format(locale, { year: 'numeric', month: 'long' }).format(day);
}

/**
 * Whether the language writes a month's year before the month (2014年2月) or after it (February 2014).
 * @example yearBeforeMonth('zh-CN') // true
 */
export function yearBeforeMonth(locale: Locale): boolean {
  const parts = format(locale, { year: 'numeric', month: 'short' }).formatToParts(new Date(Date.UTC(2014, 1, 1)));
  return parts.findIndex(({ type }) => type === 'year') < parts.findIndex(({ type }) => type === 'month');
}

/** @example formatNumber(1234, 'en') // '1,234' */
export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale).format(value);
}

/**
 * A period in words; `short` leaves out the year where the listing already gives it.
 * @example formatPeriod({ start: 2014-02-03, end: 2014-02-15 }, 'zh-CN') // '2014年2月3日至15日'
 * @example formatPeriod({ start: 2014-02-03, end: 2014-02-15 }, 'en', 'short') // 'Feb 3–15'
 */
export function formatPeriod(period: Period, locale: Locale, length: 'long' | 'short' = 'long'): string {
  // Every listing, page and feed names the same periods again and again.
  const key = `${locale}|${length}|${period.start.getTime()}|${period.end.getTime()}`;
  let text = periods.get(key);
  if (text === undefined) periods.set(key, (text = writePeriod(period, locale, length)));
  return text;
}

const periods = new Map<string, string>();

function writePeriod(period: Period, locale: Locale, length: 'long' | 'short'): string {
  const { start, end } = period;
  const shape =
    start.getUTCFullYear() !== end.getUTCFullYear()
      ? 'crossYear'
      : start.getUTCMonth() !== end.getUTCMonth()
        ? 'sameYear'
        : start.getUTCDate() !== end.getUTCDate()
          ? 'sameMonth'
          : 'sameDay';
  const month = (day: Date, style: 'long' | 'short') => format(locale, { month: style }).format(day);
  return getTranslator(locale)(length === 'long' ? `period.${shape}` : `periodShort.${shape}`, {
    year: end.getUTCFullYear(),
    startYear: start.getUTCFullYear(),
    startMonth: month(start, 'long'),
    startMonthShort: month(start, 'short'),
    startMonthNumber: start.getUTCMonth() + 1,
    startDay: start.getUTCDate(),
    endMonth: month(end, 'long'),
    endMonthShort: month(end, 'short'),
    endMonthNumber: end.getUTCMonth() + 1,
    endDay: end.getUTCDate(),
  });
}

const labels = new Map<string, string>();

/** An issue's name in the page's language. @example formatIssueLabel(8, 'zh-CN') // '第八期' */
export function formatIssueLabel(number: number, locale: Locale): string {
  const key = `${locale}|${number}`;
  let label = labels.get(key);
  if (label === undefined)
    labels.set(key, (label = getTranslator(locale)('issue.label', { number, numeral: formatChineseNumeral(number) })));
  return label;
}

/**
 * What an issue's page and feed items say it holds, in the reader's language: the text's own
 * description, or, where the issue is not translated, which issue and period it is and that it
 * is shown in the Chinese original (a Chinese description would stand in an English page's head
 * and an English feed).
 */
export function formatIssueDescription(issue: Pick<ArchiveIssue, 'number' | 'period' | 'texts'>, locale: Locale): string {
  const text = issue.texts[locale];
  if (text.status !== 'untranslated') return text.description;
  return getTranslator(locale)('translation.untranslatedDescription', {
    number: issue.number,
    issue: formatIssueLabel(issue.number, locale),
    period: formatPeriod(issue.period, locale),
  });
}
