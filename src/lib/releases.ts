/**
 * The OpenStack releases on the archive's charts and timelines: which release days fall in which
 * column of an activity chart, and where in it, and which fall in a month, so a reader sees what
 * each month was leading up to. Pure.
 */
import type { Bucket } from './activity.ts';
import { monthIndex, monthOfDay, monthStart, type MonthKey } from './months.ts';
import type { Release } from '../schemas/release.ts';

/** A release day on an activity chart: its column, and how far into the column it falls (0 to 1). */
export interface ReleaseMark {
  release: Release;
  column: number;
  offset: number;
}

const DAY_MS = 86_400_000;

/** The first day after a month. */
function monthEnd(month: MonthKey): Date {
  const start = monthStart(month);
  return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
}

/**
 * The releases whose day falls in one of the chart's columns, oldest first.
 * @example releaseMarks([{ key: '2014-04', unit: 'month', start: '2014-04', end: '2014-04' }], [icehouse]) // [{ release: icehouse, column: 0, offset: 0.53 }]
 */
export function releaseMarks(buckets: readonly Bucket[], releases: readonly Release[]): ReleaseMark[] {
  const first = buckets[0];
  const last = buckets.at(-1);
  if (!first || !last) return [];
  return [...releases]
    .sort((a, b) => a.released.getTime() - b.released.getTime())
    .flatMap((release) => {
      const month = monthOfDay(release.released);
      if (monthIndex(month) < monthIndex(first.start) || monthIndex(month) > monthIndex(last.end)) return [];
      const column = buckets.findIndex(
        (bucket) => monthIndex(month) >= monthIndex(bucket.start) && monthIndex(month) <= monthIndex(bucket.end),
      );
      const bucket = buckets[column] as Bucket;
      const from = monthStart(bucket.start).getTime();
      const span = monthEnd(bucket.end).getTime() - from;
      // Noon of the release day, so the mark sits inside the day.
      return [{ release, column, offset: (release.released.getTime() + DAY_MS / 2 - from) / span }];
    });
}

/**
 * The releases that came out in a month, oldest first.
 * @example releasesInMonth([icehouse, juno], '2014-04') // [icehouse]
 */
export function releasesInMonth(releases: readonly Release[], month: MonthKey): Release[] {
  return releases.filter((release) => monthOfDay(release.released) === month).sort((a, b) => a.released.getTime() - b.released.getTime());
}
