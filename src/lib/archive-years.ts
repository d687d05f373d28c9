/**
 * The archive by year: its index shows every year with the issues of each month counted, and
 * each year has a page listing that year's issues by month. No page lists every issue, so a
 * page's size stays bounded by one year's issues however long the archive grows.
 */
import { groupByYearAndMonth, issueMonth, monthKey, type MonthGroup, type MonthKey } from './months.ts';
import type { Period } from './periods.ts';

export interface ArchiveYear<T> {
  year: number;
  /** The year's issues. */
  count: number;
  /** Months with issues, newest first, each with its issues in the order given. */
  months: MonthGroup<T>[];
}

/** One cell of a year in the index: a calendar month and how many issues it holds (0 for none). */
export interface CalendarMonth {
  month: MonthKey;
  count: number;
}

/**
 * The years an archive spans, as a tagline names them: from its oldest year to its newest.
 * @example yearSpan([{ year: 2014 }, { year: 2013 }]) // '2013–2014'
 */
export function yearSpan(years: readonly { year: number }[]): string {
  if (!years.length) return '';
  const newest = Math.max(...years.map(({ year }) => year));
  const oldest = Math.min(...years.map(({ year }) => year));
  return newest === oldest ? String(newest) : `${oldest}–${newest}`;
}

/** The archive's years, newest first; each issue in the year and month its period ends. */
export function archiveYears<T extends { period: Period }>(issues: readonly T[]): ArchiveYear<T>[] {
  return groupByYearAndMonth(issues, (issue) => issueMonth(issue.period)).map(({ year, months }) => ({
    year,
    count: months.reduce((sum, month) => sum + month.items.length, 0),
    months,
  }));
}

/**
 * The twelve months of a year, January first, with their issue counts.
 * @example yearCalendar({ year: 2014, count: 1, months: [{ month: '2014-02', items: [issue] }] })[1] // { month: '2014-02', count: 1 }
 */
export function yearCalendar({ year, months }: Pick<ArchiveYear<unknown>, 'year' | 'months'>): CalendarMonth[] {
  const counts = new Map(months.map(({ month, items }) => [month, items.length]));
  return Array.from({ length: 12 }, (_, index) => {
    const month = monthKey(year, index + 1);
    return { month, count: counts.get(month) ?? 0 };
  });
}

/** The years with issues either side of `year` (given newest first): the next newer and the next older. */
export function adjacentYears<T extends { year: number }>(years: readonly T[], year: number): { newer?: T; older?: T } {
  const newer = years.filter((candidate) => candidate.year > year).at(-1);
  const older = years.find((candidate) => candidate.year < year);
  return { ...(newer ? { newer } : {}), ...(older ? { older } : {}) };
}
