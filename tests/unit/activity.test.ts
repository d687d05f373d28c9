import { describe, expect, it } from 'vitest';
import { activityEntries, bucketOf, bucketsBetween, buildActivityMatrix, chooseBucketSize, monthRange } from '../../src/lib/activity.ts';
import { parseIsoDay } from '../../src/lib/dates.ts';
import { monthFromIndex, monthIndex } from '../../src/lib/months.ts';

describe('choosing the column width', () => {
  it.each([
    ['2013-11', '2014-08', 24, 1],
    ['2013-01', '2014-12', 24, 1],
    ['2013-01', '2015-01', 24, 3],
    ['2013-01', '2014-12', 12, 3],
    ['2000-01', '2013-12', 24, 12],
    ['2013-03', '2013-03', 1, 1],
    ['2013-01', '2013-02', 1, 3],
    ['1950-01', '2045-12', 24, 60],
    ['1001-01', '2999-12', 24, 1200],
  ])('shows %s..%s in at most %i columns with %i-month columns', (first, last, maxColumns, size) => {
    expect(chooseBucketSize(first, last, maxColumns)).toBe(size);
    expect(bucketsBetween(first, last, size).length).toBeLessThanOrEqual(maxColumns);
  });

  it('never exceeds the column budget, for any span', () => {
    for (let months = 1; months <= 2400; months += 37) {
      for (const maxColumns of [1, 6, 24]) {
        const first = '1990-05';
        const last = monthFromIndex(monthIndex(first) + months - 1);
        expect(bucketsBetween(first, last, chooseBucketSize(first, last, maxColumns)).length).toBeLessThanOrEqual(maxColumns);
      }
    }
  });

  it('does not mind the order of the two months', () => {
    expect(chooseBucketSize('2014-12', '2013-01', 24)).toBe(1);
  });

  it.each([0, -2, 2.5])('refuses a budget of %s columns', (maxColumns) => {
    expect(() => chooseBucketSize('2014-01', '2014-02', maxColumns)).toThrow(/maxColumns/);
  });
});

describe('buckets', () => {
  it.each([
    ['2014-05', 1, { key: '2014-05', unit: 'month', start: '2014-05', end: '2014-05' }],
    ['2014-05', 3, { key: '2014-Q2', unit: 'quarter', start: '2014-04', end: '2014-06' }],
    ['2014-12', 3, { key: '2014-Q4', unit: 'quarter', start: '2014-10', end: '2014-12' }],
    ['2014-01', 3, { key: '2014-Q1', unit: 'quarter', start: '2014-01', end: '2014-03' }],
    ['2014-05', 12, { key: '2014', unit: 'year', start: '2014-01', end: '2014-12' }],
    ['2014-05', 60, { key: '2010-2014', unit: 'years', start: '2010-01', end: '2014-12' }],
    ['2015-01', 24, { key: '2014-2015', unit: 'years', start: '2014-01', end: '2015-12' }],
  ] as const)('puts %s in %i-month buckets as %o', (month, size, bucket) => {
    expect(bucketOf(month, size)).toEqual(bucket);
  });

  it('lists every bucket between two months, empty ones included', () => {
    expect(bucketsBetween('2013-11', '2014-02', 1).map((bucket) => bucket.key)).toEqual(['2013-11', '2013-12', '2014-01', '2014-02']);
    expect(bucketsBetween('2013-11', '2014-08', 3).map((bucket) => bucket.key)).toEqual(['2013-Q4', '2014-Q1', '2014-Q2', '2014-Q3']);
  });
});

describe('activity entries', () => {
  const issue = (end: string, projects: string[]) => ({
    period: { start: parseIsoDay(end) as Date, end: parseIsoDay(end) as Date },
    projects,
  });

  it('counts each project of an issue once, in the month the issue ends', () => {
    expect(activityEntries([issue('2014-02-15', ['industry', 'heat']), issue('2013-11-22', ['nova'])])).toEqual([
      { projectId: 'industry', month: '2014-02' },
      { projectId: 'heat', month: '2014-02' },
      { projectId: 'nova', month: '2013-11' },
    ]);
  });

  it('spans from the first to the last month', () => {
    expect(
      monthRange([
        { projectId: 'a', month: '2014-02' },
        { projectId: 'a', month: '2013-11' },
        { projectId: 'b', month: '2014-01' },
      ]),
    ).toEqual({ first: '2013-11', last: '2014-02' });
    expect(monthRange([])).toBeUndefined();
  });
});

describe('the activity matrix', () => {
  const entries = [
    { projectId: 'nova', month: '2013-11' },
    { projectId: 'nova', month: '2013-11' },
    { projectId: 'heat', month: '2013-11' },
    { projectId: 'nova', month: '2014-02' },
    { projectId: 'swift', month: '2014-01' },
  ];

  it('counts per project and month, with empty months and rows in the order asked', () => {
    const matrix = buildActivityMatrix(entries, { projectIds: ['heat', 'nova', 'glance'], maxColumns: 24 });
    expect(matrix.size).toBe(1);
    expect(matrix.buckets.map((bucket) => bucket.key)).toEqual(['2013-11', '2013-12', '2014-01', '2014-02']);
    expect(matrix.rows).toEqual([
      { projectId: 'heat', counts: [1, 0, 0, 0], total: 1 },
      { projectId: 'nova', counts: [2, 0, 0, 1], total: 3 },
      { projectId: 'glance', counts: [0, 0, 0, 0], total: 0 },
    ]);
    expect(matrix.max).toBe(2);
  });

  it('spans a given range, widened to hold every entry', () => {
    const matrix = buildActivityMatrix(entries, { projectIds: ['heat'], maxColumns: 24, range: { first: '2013-10', last: '2013-12' } });
    expect(matrix.buckets.map((bucket) => bucket.key)).toEqual(['2013-10', '2013-11', '2013-12']);
    expect(matrix.rows[0]?.counts).toEqual([0, 1, 0]);
  });

  it('aggregates into wider columns when months do not fit, keeping every count', () => {
    const matrix = buildActivityMatrix(entries, { projectIds: ['nova', 'heat', 'swift'], maxColumns: 2 });
    expect(matrix.buckets.map((bucket) => bucket.key)).toEqual(['2013-Q4', '2014-Q1']);
    expect(matrix.rows.map((row) => row.counts)).toEqual([
      [2, 1],
      [1, 0],
      [0, 1],
    ]);
    expect(matrix.rows.map((row) => row.total)).toEqual([3, 1, 1]);
  });

  it('stays bounded for thousands of weekly issues', () => {
    const weekly = Array.from({ length: 5000 }, (_, index) => ({
      projectId: index % 3 ? 'nova' : 'heat',
      month: monthFromIndex(monthIndex('1950-01') + Math.floor(index / 4.3)),
    }));
    const matrix = buildActivityMatrix(weekly, { projectIds: ['nova', 'heat'], maxColumns: 24 });
    expect(matrix.buckets.length).toBeLessThanOrEqual(24);
    expect(matrix.rows.reduce((sum, row) => sum + row.total, 0)).toBe(5000);
    expect(matrix.rows.flatMap((row) => row.counts).reduce((sum, count) => sum + count, 0)).toBe(5000);
  });

  it('is empty without entries', () => {
    expect(buildActivityMatrix([], { projectIds: ['nova'], maxColumns: 24 })).toEqual({
      size: 1,
      buckets: [],
      rows: [{ projectId: 'nova', counts: [], total: 0 }],
      max: 0,
    });
  });
});
