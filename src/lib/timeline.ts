/**
 * A project's timeline: its sections newest first, cut into pages of a fixed size so a
 * page never grows with the archive, each page grouped by the month its issues belong to.
 */
import { groupByMonth, issueMonth, type MonthGroup } from './months.ts';
import { paginate, type Page } from './pagination.ts';
import type { Period } from './periods.ts';

/** Sections per timeline page. */
export const timelinePageSize = 30;

export interface TimelinePage<T> extends Page<T> {
  /** The page's entries by month, newest first. */
  months: MonthGroup<T>[];
}

/** Pages of a project's entries (given newest first), each grouped by month. */
export function paginateTimeline<T extends { issue: { period: Period } }>(
  entries: readonly T[],
  pageSize = timelinePageSize,
): TimelinePage<T>[] {
  return paginate(entries, pageSize).map((page) => ({
    ...page,
    months: groupByMonth(page.items, (entry) => issueMonth(entry.issue.period)),
  }));
}
