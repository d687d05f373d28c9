import { describe, expect, it } from 'vitest';
import { chooseCostQueries } from '../lib/search-cost.ts';
import type { SearchQuery } from '../../scripts/lib/search-queries.ts';

const query = (text: string, kind: SearchQuery['kind'], found: number): SearchQuery => ({
  query: text,
  kind,
  relevant: Array.from({ length: found }, (_, index) => index + 1),
});

describe('the queries a search is timed with', () => {
  const set = [
    query('健康检查', 'named', 3),
    query('门禁', 'chinese', 9),
    query('测试', 'chinese', 1),
    query('迁移', 'chinese', 4),
    query('不存在', 'chinese', 0),
    query('PTL发布', 'mixed', 2),
    query('nova-scheduler', 'mixed', 5),
    query('plugin', 'english', 7),
  ];

  it('take per kind the one found in the median number of issues, cold, and the first others as later queries', () => {
    expect(chooseCostQueries(set)).toEqual({
      cold: [
        { query: '迁移', kind: 'chinese' },
        { query: 'PTL发布', kind: 'mixed' },
        { query: 'plugin', kind: 'english' },
      ],
      later: ['门禁', '测试', 'nova-scheduler'],
    });
  });

  it('need a query of every kind that finds something', () => {
    expect(() => chooseCostQueries(set.filter((entry) => entry.kind !== 'english'))).toThrow(/no english query/);
  });
});
