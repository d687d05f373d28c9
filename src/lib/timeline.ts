/**
 * A project's timeline: its sections newest first, in pages of a fixed size (Astro's `paginate()`
 * cuts them) so a page never grows with the archive, each page grouped by the month its issues
 * belong to.
 */
import { groupByMonth, issueMonth, type MonthGroup } from './months.ts';
import type { Period } from './periods.ts';

/** Sections per timeline page. */
export const timelinePageSize = 30;

/** A page's entries (given newest first) by month, newest first; a month cut by a page break continues on the next page. */
export function timelineMonths<T extends { issue: { period: Period } }>(entries: readonly T[]): MonthGroup<T>[] {
  return groupByMonth(entries, (entry) => issueMonth(entry.issue.period));
}
