import { describe, expect, it } from 'vitest';
import { growthRows, judgeGrowth } from '../lib/growth.ts';
import { builds, page, searched, sized } from './fixtures.ts';

describe('growth rows', () => {
  it('give time per issue and the cost of each added issue, smallest archive first', () => {
    const rows = growthRows([sized('1000', 1000, [21_000]), sized('corpus', 14, [3_000]), sized('5000', 5000, [95_000])]);
    expect(rows.map((row) => row.label)).toEqual(['corpus', '1000', '5000']);
    expect(rows.map((row) => row.msPerIssue)).toEqual([3_000 / 14, 21, 19]);
    expect(rows[0]?.marginalMsPerIssue).toBeUndefined();
    expect(rows[1]?.marginalMsPerIssue).toBeCloseTo(18_000 / 986);
    expect(rows[2]?.marginalMsPerIssue).toBe(74_000 / 4000);
    expect(rows[2]).toMatchObject({
      distBytesPerIssue: 100_000,
      searchIndexBytesPerIssue: 20_000,
      issueNumber: 2,
      pagesPerIssue: 10_040 / 5000,
      firstSearchBytes: 150_000,
    });
  });

  it('leave out archives that failed to build', () => {
    expect(
      growthRows([sized('corpus', 14, [3_000]), { ...sized('5000', 5000, []), build: builds([], { error: 'killed' }) }]).map(
        (row) => row.label,
      ),
    ).toEqual(['corpus']);
  });
});

describe('the verdict', () => {
  it('is linear when an added issue costs about the same at every step and the same page keeps its weight', () => {
    const verdict = judgeGrowth(growthRows([sized('corpus', 14, [3_000]), sized('1000', 1000, [21_000]), sized('5000', 5000, [95_000])]));
    expect(verdict).toMatchObject({ linearTime: true, constantPages: true });
    expect(verdict.sentences.join(' ')).toMatch(/grows linearly/);
  });

  it('is not linear when the last step costs much more per issue', () => {
    const verdict = judgeGrowth(growthRows([sized('corpus', 14, [3_000]), sized('1000', 1000, [21_000]), sized('5000', 5000, [150_000])]));
    expect(verdict.linearTime).toBe(false);
    expect(verdict.sentences.join(' ')).toMatch(/faster than linearly/);
  });

  it('sees an issue page that grows with the archive, such as a list of every issue', () => {
    const large = sized('5000', 5000, [95_000], { issuePage: { number: 2, pages: [page('/issues/2/', 25_000)] } });
    const verdict = judgeGrowth(growthRows([sized('1000', 1000, [21_000]), large]));
    expect(verdict.constantPages).toBe(false);
    expect(verdict.linearTime).toBeUndefined();
    expect(verdict.sentences.join(' ')).toMatch(/grows with the archive/);
  });

  it('sees a search page or a first search that grows with the archive', () => {
    const steady = judgeGrowth(growthRows([sized('1000', 1000, [21_000]), sized('5000', 5000, [95_000])]));
    expect(steady.constantSearch).toBe(true);
    const search = searched([100, 120, 140], 600_000, [10]);
    const cold = search.cold.map((entry) => ({
      ...entry,
      page: page('/search/', 40_000, 13_255),
      files: [{ path: '/pagefind/pagefind.zh-cn_1.pf_meta', kind: 'other' as const, raw: 262_135, gzip: 262_135 }],
    }));
    const verdict = judgeGrowth(
      growthRows([sized('1000', 1000, [21_000]), sized('5000', 5000, [95_000], { search: { ...search, cold } })]),
    );
    expect(verdict.constantSearch).toBe(false);
    expect(verdict.sentences.join(' ')).toMatch(
      /search page \(before searching\) weighs 15.0 KB at 1,000 and 120.0 KB at 5,000 of HTML \(\+700.0%\); a first search fetches 150.0 KB at 1,000 and 600.0 KB at 5,000 \(\+300.0%.*what a reader downloads to search grows with the archive/,
    );
  });

  it('has nothing to judge without archives', () => {
    expect(judgeGrowth([])).toEqual({ sentences: ['No archive was built.'] });
  });
});
