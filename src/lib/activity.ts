/**
 * The activity overview's numbers: how many issues covered each project in each column of
 * time. Columns are months while they fit; with a longer archive they widen to quarters,
 * years, then spans of years, so the chart's size stays bounded however long the digest runs.
 */
import { issueMonth, monthFromIndex, monthIndex, parseMonthKey, type MonthKey } from './months.ts';
import type { Period } from './periods.ts';

/** What one column covers. */
export type BucketUnit = 'month' | 'quarter' | 'year' | 'years';

/** One column of the chart: a run of whole months. */
export interface Bucket {
  /** Stable id: `2014-02`, `2014-Q1`, `2014` or `2010-2014`. */
  key: string;
  unit: BucketUnit;
  /** First month covered. */
  start: MonthKey;
  /** Last month covered. */
  end: MonthKey;
}

/** One project's appearance: a section in an issue of that month. */
export interface ActivityEntry {
  projectId: string;
  month: MonthKey;
}

export interface ActivityRow {
  projectId: string;
  /** Sections per bucket, in bucket order. */
  counts: number[];
  total: number;
}

export interface ActivityMatrix {
  /** Months per column. */
  size: number;
  buckets: Bucket[];
  /** One row per requested project, in the order asked for. */
  rows: ActivityRow[];
  /** The largest count in any cell (0 when empty). */
  max: number;
}

/** Column widths tried in turn, in months: month, quarter, then 1, 2, 5, 10, 20, 50, ... years. */
function* bucketSizes(): Generator<number> {
  yield 1;
  yield 3;
  for (let decade = 1; ; decade *= 10) {
    for (const years of [1, 2, 5]) yield years * decade * 12;
  }
}

/**
 * The narrowest column width (in months) that shows `first`..`last` in at most `maxColumns` columns.
 * @example chooseBucketSize('2013-11', '2014-08', 24) // 1
 * @example chooseBucketSize('2000-01', '2013-12', 24) // 12
 */
export function chooseBucketSize(first: MonthKey, last: MonthKey, maxColumns: number): number {
  if (!Number.isInteger(maxColumns) || maxColumns < 1) throw new Error(`maxColumns must be a positive whole number, got ${maxColumns}`);
  const [from, to] = [monthIndex(first), monthIndex(last)].sort((a, b) => a - b) as [number, number];
  for (const size of bucketSizes()) {
    if (Math.floor(to / size) - Math.floor(from / size) + 1 <= maxColumns) return size;
  }
  throw new Error('unreachable');
}

/**
 * The bucket of `size` months that holds `month`; buckets align to calendar quarters and years.
 * @example bucketOf('2014-05', 3) // { key: '2014-Q2', unit: 'quarter', start: '2014-04', end: '2014-06' }
 */
export function bucketOf(month: MonthKey, size: number): Bucket {
  const startIndex = Math.floor(monthIndex(month) / size) * size;
  const start = monthFromIndex(startIndex);
  const end = monthFromIndex(startIndex + size - 1);
  const { year, month: startMonth } = parseMonthKey(start);
  if (size === 1) return { key: start, unit: 'month', start, end };
  if (size === 3) return { key: `${year}-Q${(startMonth + 2) / 3}`, unit: 'quarter', start, end };
  if (size === 12) return { key: String(year), unit: 'year', start, end };
  if (size % 12 !== 0) throw new Error(`buckets are 1, 3 or a multiple of 12 months, got ${size}`);
  return { key: `${year}-${parseMonthKey(end).year}`, unit: 'years', start, end };
}

/** Every bucket from the one holding `first` to the one holding `last`, oldest first. */
export function bucketsBetween(first: MonthKey, last: MonthKey, size: number): Bucket[] {
  const from = Math.floor(monthIndex(first) / size);
  const to = Math.floor(monthIndex(last) / size);
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, offset) => bucketOf(monthFromIndex((from + offset) * size), size));
}

/** One entry per project section of each issue, in the month the issue belongs to. */
export function activityEntries(issues: readonly { period: Period; projects: readonly string[] }[]): ActivityEntry[] {
  return issues.flatMap((issue) => {
    const month = issueMonth(issue.period);
    return issue.projects.map((projectId) => ({ projectId, month }));
  });
}

/** The first and last month of the entries, or undefined when there are none. */
export function monthRange(entries: readonly ActivityEntry[]): { first: MonthKey; last: MonthKey } | undefined {
  if (entries.length === 0) return undefined;
  const months = entries.map((entry) => entry.month).sort();
  return { first: months[0] as MonthKey, last: months.at(-1) as MonthKey };
}

export interface MatrixOptions {
  /** The rows, in display order; entries of other projects are left out. */
  projectIds: readonly string[];
  /** The most columns the chart may have. */
  maxColumns: number;
  /** Months to span (widened to hold every entry); defaults to the entries' own range. */
  range?: { first: MonthKey; last: MonthKey };
}

/** Counts entries per project and bucket, choosing the bucket size that fits `maxColumns`. */
export function buildActivityMatrix(entries: readonly ActivityEntry[], options: MatrixOptions): ActivityMatrix {
  const wanted = new Set(options.projectIds);
  const kept = entries.filter((entry) => wanted.has(entry.projectId));
  const own = monthRange(kept);
  const bounds = [options.range?.first, options.range?.last, own?.first, own?.last]
    .filter((month): month is MonthKey => month !== undefined)
    .sort();
  const first = bounds[0];
  const last = bounds.at(-1);
  const size = first && last ? chooseBucketSize(first, last, options.maxColumns) : 1;
  const buckets = first && last ? bucketsBetween(first, last, size) : [];
  const offset = first ? Math.floor(monthIndex(first) / size) : 0;
  const rows = options.projectIds.map((projectId) => ({ projectId, counts: buckets.map(() => 0), total: 0 }));
  const rowOf = new Map(rows.map((row) => [row.projectId, row]));
  for (const entry of kept) {
    const row = rowOf.get(entry.projectId);
    if (!row) continue;
    const column = Math.floor(monthIndex(entry.month) / size) - offset;
    row.counts[column] = (row.counts[column] ?? 0) + 1;
    row.total += 1;
  }
  const max = Math.max(0, ...rows.flatMap((row) => row.counts));
  return { size, buckets, rows, max };
}
