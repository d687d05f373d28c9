/**
 * The activity charts' numbers, bound to this site's archive: every chart spans the whole
 * archive's months, in at most `activityMaxColumns` columns.
 */
import { activityEntries, buildActivityMatrix, monthRange, type ActivityEntry, type ActivityMatrix } from '../lib/activity.ts';
import type { Archive } from '../lib/archive.ts';
import { getSite } from './collections.ts';

/** The most columns an activity chart has; longer archives get quarters, years, spans of years. */
export const activityMaxColumns = 24;

let cached: { archive: Archive; entries: ActivityEntry[]; range: ReturnType<typeof monthRange> } | undefined;

/** Counts per project and column of time for these projects (rows in the order given). */
export async function getActivityMatrix(projectIds: readonly string[]): Promise<ActivityMatrix> {
  const { archive } = await getSite();
  if (cached?.archive !== archive) {
    const entries = activityEntries(archive.issues);
    cached = { archive, entries, range: monthRange(entries) };
  }
  const { entries, range } = cached;
  return buildActivityMatrix(entries, { projectIds, maxColumns: activityMaxColumns, ...(range ? { range } : {}) });
}
