import { describe, expect, it } from 'vitest';
import { longestRun, matchText, orderHits, rankIssues, type SearchHit } from '../../src/lib/search-rank.ts';

interface Fragment { content: string; meta: Record<string, string> }

/** A fake Pagefind hit; `loads` counts fragments read. */
function hitsOf(records: [issue: string, content: string, words?: number[]][]) {
  const loads: string[] = [];
  const hits: SearchHit<Fragment>[] = records.map(([issue, content, words = [0]], index) => ({
    id: `${issue}-${index}`,
    score: records.length - index,
    words,
    data: async () => {
      loads.push(`${issue}-${index}`);
      return { content, meta: { issue } };
    },
  }));
  return { hits, loads };
}

describe('signals', () => {
  it.each([[[], 0], [[5], 1], [[3, 9, 10, 12, 20], 3], [[1, 4, 7], 1], [[2, 1, 3, 3], 3]])('longest run of %j is %i', (positions, run) => {
    expect(longestRun(positions)).toBe(run);
  });

  it('puts likely phrase matches first, keeping order otherwise', () => {
    const { hits } = hitsOf([['1', 'a', [1, 9]], ['2', 'b', [4, 5]], ['3', 'c', [2]], ['4', 'd', [7, 8]]]);
    expect(orderHits(hits, 2).map((hit) => hit.id)).toEqual(['2-1', '4-3', '1-0', '3-2']);
    expect(orderHits(hits, 1).map((hit) => hit.id)).toEqual(['1-0', '2-1', '3-2', '4-3']);
  });

  it.each([
    ['支持H版（但', 'exact'],
    ['H 的新版本', 'all-words'],
    ['html 版本', 'none'],
    ['没有', 'none'],
  ] as const)('%s answers H版: %s', (text, match) => {
    expect(matchText(text, 'H版', ['H', '版'])).toBe(match);
  });
});

describe('ranking issues', () => {
  it('lists issues holding the query as typed first, one entry per issue, dropping non-matches', async () => {
    const { hits } = hitsOf([
      ['3', 'H 和 版 分开'],
      ['9', 'html 版本'],
      ['1', '支持H版'],
      ['3', '也支持H版'],
      ['4', '没有'],
      ['2', '适配G版和H版'],
    ]);
    const { issues } = await rankIssues(hits, { query: 'H版', terms: ['H', '版'], limit: 10 });
    expect(issues.map((issue) => [issue.issue, issue.exact])).toEqual([['1', true], ['3', true], ['2', true]]);
    expect(issues[1]?.best.fragment.content).toBe('也支持H版');
    expect(issues[1]?.others.map((other) => other.fragment.content)).toEqual(['H 和 版 分开']);
  });

  it('reads few fragments when the first ones already answer', async () => {
    const { hits, loads } = hitsOf(Array.from({ length: 100 }, (_, index): [string, string] => [String(index), 'nova']));
    const { issues, unread } = await rankIssues(hits, { query: 'nova', terms: ['nova'], limit: 10 });
    expect(issues).toHaveLength(10);
    expect(loads).toHaveLength(10);
    expect(unread).toBe(90);
  });

  it('reads on past near misses to find exact matches ranked low, within its budget', async () => {
    const records = Array.from({ length: 60 }, (_, index): [string, string, number[]] => (index < 25 ? [String(index), 'keystone 的 v3', [1, 3]] : [String(index), 'keystone v3', [1, 2]]));
    const { hits, loads } = hitsOf(records);
    const { issues } = await rankIssues(hits, { query: 'keystone v3', terms: ['keystone', 'v3'], limit: 10 });
    expect(issues.slice(0, 10).every((issue) => issue.exact)).toBe(true);
    expect(loads.length).toBeLessThanOrEqual(50);
  });
});
