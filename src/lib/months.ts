/**
 * Calendar months as `YYYY-MM` keys: the unit of the search page's date range. Pure, so the
 * build (which tags every record with its months) and the browser (which turns a range into
 * the months it spans) agree.
 */
import type { Period } from './periods.ts';

const MONTH_KEY = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** @example monthKey(new Date('2014-02-15')) // '2014-02' */
export function monthKey(day: Date): string {
  return day.toISOString().slice(0, 7);
}

/** Whether a string is a `YYYY-MM` month. @example isMonthKey('2014-13') // false */
export function isMonthKey(value: string): boolean {
  return MONTH_KEY.test(value);
}

/**
 * Every month from `from` to `to`, both included; empty when `to` comes first.
 * @example monthsBetween('2013-11', '2014-01') // ['2013-11', '2013-12', '2014-01']
 */
export function monthsBetween(from: string, to: string): string[] {
  const start = MONTH_KEY.exec(from);
  const end = MONTH_KEY.exec(to);
  if (!start || !end) return [];
  const months: string[] = [];
  let year = Number(start[1]);
  let month = Number(start[2]);
  const last = Number(end[1]) * 12 + Number(end[2]);
  while (year * 12 + month <= last) {
    months.push(`${year}-${String(month).padStart(2, '0')}`);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

/** The months a period touches. @example monthsOfPeriod({ start: 2014-01-17, end: 2014-02-02 }) // ['2014-01', '2014-02'] */
export function monthsOfPeriod(period: Period): string[] {
  return monthsBetween(monthKey(period.start), monthKey(period.end));
}
