/**
 * Issue periods: the days an issue covers. Legacy titles give them without a year,
 * as `(MM.DD-MM.DD)` in early issues and `(MMDD-MMDD)` later; the year comes from an
 * anchor date (the file name's), and a period may cross a new year.
 */
import { addDays, daysBetween, makeDay } from './dates.ts';

export interface Period {
  start: Date;
  end: Date;
}

export interface MonthDay {
  month: number;
  day: number;
}

export interface LegacyPeriod {
  start: MonthDay;
  end: MonthDay;
  /** `dotted` for (11.17-11.22), `compact` for (0320-0410). */
  format: 'dotted' | 'compact';
  /** The period exactly as the title wrote it, parentheses included. */
  text: string;
}

// Digits, dots, dashes and parentheses in either width, as the titles' numbers are (第２１期).
const DOTTED =
  /[(（]\s*([0-9０-９]{1,2})\s*[.．]\s*([0-9０-９]{1,2})\s*[-－–—~～至]\s*([0-9０-９]{1,2})\s*[.．]\s*([0-9０-９]{1,2})\s*[)）]/;
const COMPACT = /[(（]\s*([0-9０-９]{2})([0-9０-９]{2})\s*[-－–—~～至]\s*([0-9０-９]{2})([0-9０-９]{2})\s*[)）]/;
/** A number written in ASCII or full-width digits. @example digits('０９') // 9 */
const digits = (text = '') => Number(text.normalize('NFKC'));

/**
 * Finds the period in a legacy title.
 * @example parseLegacyPeriod('第八期(02.03-02.15)') // { start: {month: 2, day: 3}, end: {month: 2, day: 15}, format: 'dotted', ... }
 */
export function parseLegacyPeriod(title: string): LegacyPeriod | undefined {
  for (const [format, pattern] of [
    ['dotted', DOTTED],
    ['compact', COMPACT],
  ] as const) {
    const match = pattern.exec(title);
    if (!match) continue;
    const [text, m1, d1, m2, d2] = match;
    return {
      start: { month: digits(m1), day: digits(d1) },
      end: { month: digits(m2), day: digits(d2) },
      format,
      text,
    };
  }
  return undefined;
}

export interface ResolvedPeriod extends Period {
  /** The start falls in the year before the end (12.28-01.03). */
  crossesYear: boolean;
  /** Days from the period's end to the anchor date (negative: the anchor comes first). */
  anchorOffsetDays: number;
}

/**
 * Gives a year-less period the years that put its end nearest the anchor date, so a
 * period of 12.28-01.03 anchored on 2014-01-03 runs from 2013-12-28 to 2014-01-03.
 * The years are chosen first and the days checked in them: a day that does not exist
 * there (02.30, or 02.29 outside a leap year) gives `undefined`, never another year.
 */
export function resolvePeriodYears(period: Pick<LegacyPeriod, 'start' | 'end'>, anchor: Date): ResolvedPeriod | undefined {
  const anchorYear = anchor.getUTCFullYear();
  const crossesYear = compareMonthDay(period.start, period.end) > 0;
  // Nearest by the calendar position of the days, whether or not they exist in that year.
  const offset = (endYear: number) => daysBetween(new Date(Date.UTC(endYear, period.end.month - 1, period.end.day)), anchor);
  const endYear = [anchorYear - 1, anchorYear, anchorYear + 1].reduce((best, year) =>
    Math.abs(offset(year)) < Math.abs(offset(best)) ? year : best,
  );
  const end = makeDay(endYear, period.end.month, period.end.day);
  const start = makeDay(crossesYear ? endYear - 1 : endYear, period.start.month, period.start.day);
  if (!start || !end) return undefined;
  return { start, end, crossesYear, anchorOffsetDays: daysBetween(end, anchor) };
}

function compareMonthDay(a: MonthDay, b: MonthDay): number {
  return a.month - b.month || a.day - b.day;
}

/** Whether two periods share more than a boundary day (editors often end one issue on the day the next begins). */
export function periodsOverlap(a: Period, b: Period): boolean {
  const [first, second] = a.start <= b.start ? [a, b] : [b, a];
  // Two issues may share a boundary day (11.17-11.22, then 11.22-11.28), never their first day.
  return second.start < first.end || second.start.getTime() === first.start.getTime();
}

/**
 * The first day a later issue may start on: the day this period ends, which two issues may share,
 * or the day after for a one-day period, whose last day is its first.
 * @example firstFreeDay({ start: new Date('2016-02-29'), end: new Date('2016-02-29') }) // 2016-03-01
 */
export function firstFreeDay(period: Period): Date {
  return period.end.getTime() === period.start.getTime() ? addDays(period.end, 1) : period.end;
}

/** The period a new issue gets after `previous`: the week starting the day after it ends. */
export function nextPeriod(previous: Period): Period {
  const start = addDays(previous.end, 1);
  return { start, end: addDays(start, 6) };
}
