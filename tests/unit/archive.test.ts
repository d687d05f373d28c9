import { describe, expect, it } from 'vitest';
import { createArchive, groupByYear } from '../../src/lib/archive.ts';
import { parseIsoDay } from '../../src/lib/dates.ts';
import type { IssueData } from '../../src/schemas/issue.ts';
import { resolver } from './helpers.ts';

const entry = (number: number, end: string, body: string) => ({
  data: {
    number, title: 't', description: 'd', projects: [], attribution: { editor: 'e', source: 'https://example.org/' },
    period: { start: parseIsoDay(end) as Date, end: parseIsoDay(end) as Date }, published: parseIsoDay(end) as Date,
  } satisfies IssueData,
  body,
});

describe('the archive', () => {
  const archive = createArchive([entry(1, '2013-11-22', '## Nova\na'), entry(8, '2014-02-15', '## Heat\nb\n## Nova\nc'), entry(7, '2014-02-02', '## Heat\nd')], resolver);

  it('lists issues newest first', () => {
    expect(archive.issues.map((issue) => issue.number)).toEqual([8, 7, 1]);
  });

  it('links each issue to its neighbours', () => {
    expect(archive.neighbors(7)).toMatchObject({ previous: { number: 1 }, next: { number: 8 } });
    expect(archive.neighbors(8).next).toBeUndefined();
    expect(archive.neighbors(1).previous).toBeUndefined();
  });

  it('gathers a project\'s sections, newest first', () => {
    expect(archive.sectionsOf('nova').map(({ issue, section }) => [issue.number, section.markdown])).toEqual([[8, 'c'], [1, 'a']]);
    expect(archive.projectIds().sort()).toEqual(['heat', 'nova']);
  });

  it('groups by year, newest year first, keeping order', () => {
    expect(groupByYear(archive.issues, (issue) => issue.period.end.getUTCFullYear()).map(({ year, items }) => [year, items.map((i) => i.number)])).toEqual([
      [2014, [8, 7]],
      [2013, [1]],
    ]);
  });
});
