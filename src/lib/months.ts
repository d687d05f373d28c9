/**
 * Calendar months as `YYYY-MM` keys, and grouping by month. An issue belongs to the month
 * its period ends in: the archive, the project timelines and the activity charts all use
 * `issueMonth`, so an issue is counted in the same month everywhere.
 */
import type { Period } from './periods.ts';

/** A calendar month, `YYYY-MM`. */
export type MonthKey = string;

export interface MonthGroup<T> {
  month: MonthKey;
  items: T[];
}

export interface YearMonthGroup<T> {
  year: number;
  months: MonthGroup<T>[];
}

/** @example monthKey(2014, 2) // '2014-02' */
export function monthKey(year: number, month: number): MonthKey {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/** The month of a UTC day. @example monthOfDay(new Date('2014-02-15')) // '2014-02' */
export function monthOfDay(day: Date): MonthKey {
  return monthKey(day.getUTCFullYear(), day.getUTCMonth() + 1);
}

/** The month an issue belongs to: the one its period ends in. */
export function issueMonth(period: Period): MonthKey {
  return monthOfDay(period.end);
}

/** @example parseMonthKey('2014-02') // { year: 2014, month: 2 } */
export function parseMonthKey(key: MonthKey): { year: number; month: number } {
  const match = /^(\d{4})-(\d{2})$/.exec(key);
  const month = Number(match?.[2]);
  if (!match || month < 1 || month > 12) throw new Error(`not a month: ${JSON.stringify(key)}`);
  return { year: Number(match[1]), month };
}

/** Months since year 0, for arithmetic. @example monthIndex('0001-01') // 12 */
export function monthIndex(key: MonthKey): number {
  const { year, month } = parseMonthKey(key);
  return year * 12 + month - 1;
}

/** The inverse of `monthIndex`. @example monthFromIndex(24169) // '2014-02' */
export function monthFromIndex(index: number): MonthKey {
  return monthKey(Math.floor(index / 12), (index % 12) + 1);
}

/** The first day of the month (UTC), for date formatters. */
export function monthStart(key: MonthKey): Date {
  const { year, month } = parseMonthKey(key);
  return new Date(Date.UTC(year, month - 1, 1));
}

/**
 * Groups items by month, keeping their order within a month; months newest first.
 * @example groupByMonth([{ m: '2014-01' }, { m: '2014-02' }], (item) => item.m) // [{ month: '2014-02', ... }, { month: '2014-01', ... }]
 */
export function groupByMonth<T>(items: readonly T[], monthOf: (item: T) => MonthKey): MonthGroup<T>[] {
  const groups = new Map<MonthKey, T[]>();
  for (const item of items) {
    const month = monthOf(item);
    const group = groups.get(month);
    if (group) group.push(item);
    else groups.set(month, [item]);
  }
  return [...groups].sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0)).map(([month, grouped]) => ({ month, items: grouped }));
}

/** Groups items by year, then by month within the year; both newest first. */
export function groupByYearAndMonth<T>(items: readonly T[], monthOf: (item: T) => MonthKey): YearMonthGroup<T>[] {
  const years: YearMonthGroup<T>[] = [];
  for (const group of groupByMonth(items, monthOf)) {
    const year = parseMonthKey(group.month).year;
    const last = years.at(-1);
    if (last?.year === year) last.months.push(group);
    else years.push({ year, months: [group] });
  }
  return years;
}

/** Whether a string is a `YYYY-MM` month. @example isMonthKey('2014-13') // false */
export function isMonthKey(value: string): value is MonthKey {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(value);
}

/**
 * Every month from `from` to `to`, both included; empty when `to` comes first or either is not a month.
 * @example monthsBetween('2013-11', '2014-01') // ['2013-11', '2013-12', '2014-01']
 */
export function monthsBetween(from: string, to: string): MonthKey[] {
  if (!isMonthKey(from) || !isMonthKey(to)) return [];
  const months: MonthKey[] = [];
  for (let index = monthIndex(from); index <= monthIndex(to); index++) months.push(monthFromIndex(index));
  return months;
}

/** The months a period touches (the search page's date filter matches any of them). */
export function monthsOfPeriod(period: Period): MonthKey[] {
  return monthsBetween(monthOfDay(period.start), monthOfDay(period.end));
}
