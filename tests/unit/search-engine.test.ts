import { describe, expect, it } from 'vitest';
import { runSearch, type PagefindFragment, type PagefindInstance } from '../../src/lib/search-engine.ts';

interface FakeRecord { issue: number; date: string; project?: string; months: string[]; hidden?: string[]; content: string }

/** A stand-in for Pagefind: every record holding all terms is a hit; filters as Pagefind applies them. */
function fakePagefind(records: FakeRecord[]) {
  const calls: Record<string, unknown>[] = [];
  const passes = (record: FakeRecord, filters: Record<string, unknown>) => {
    const not = filters['not'] as { hidden?: string } | undefined;
    if (not?.hidden && record.hidden?.includes(not.hidden)) return false;
    const project = filters['project'] as { any?: string[] } | undefined;
    if (project?.any && !project.any.includes(record.project ?? '')) return false;
    const month = filters['month'];
    if (typeof month === 'string' && !record.months.includes(month)) return false;
    const any = (month as { any?: string[] } | undefined)?.any;
    return !(any && !record.months.some((value) => any.includes(value)));
  };
  const instance: PagefindInstance = {
    async search(term, { filters }) {
      calls.push(filters);
      const matching = records.filter((record) => term.split(' ').every((word) => record.content.toLowerCase().includes(word.toLowerCase())));
      const results = matching.filter((record) => passes(record, filters)).map((record, index) => ({
        id: `${record.issue}${record.project ?? ''}`, score: 1 / (index + 1), words: [0],
        data: async (): Promise<PagefindFragment> => ({ url: `/issues/${record.issue}/`, content: record.content, excerpt: record.content, meta: { issue: String(record.issue), date: record.date } }),
      }));
      const counts = (name: 'project' | 'month') => {
        const values: Record<string, number> = {};
        for (const record of matching.filter((candidate) => passes(candidate, { ...filters, [name]: undefined }))) {
          for (const value of name === 'project' ? [record.project ?? ''] : record.months) if (value) values[value] = (values[value] ?? 0) + 1;
        }
        return values;
      };
      return { results, filters: { project: counts('project'), month: counts('month') } };
    },
  };
  return { instance, calls };
}

const records: FakeRecord[] = [
  { issue: 3, date: '2013-11-28', project: 'heat', months: ['2013-11', '2013-12'], content: 'Rackspace Heater' },
  { issue: 8, date: '2014-02-03', project: 'heat', months: ['2014-02'], content: 'Rackspace keystone' },
  { issue: 11, date: '2014-03-20', project: 'nova', months: ['2014-03', '2014-04'], content: 'Rackspace engineers' },
  { issue: 11, date: '2014-03-20', project: 'common', months: ['2014-03', '2014-04'], content: 'about Rackspace' },
  { issue: 16, date: '2014-06-16', project: 'common', months: ['2014-06', '2014-07'], content: 'Rackspace private cloud', hidden: ['en'] },
  { issue: 16, date: '2014-06-16', project: 'common', months: ['2014-06', '2014-07'], content: 'Rackspace private cloud, translated', hidden: ['zh-CN'] },
];
const request = { text: 'Rackspace', terms: ['Rackspace'], projects: [], order: 'relevance' as const, locale: 'zh-CN' as const, limit: 10 };

describe('running a search', () => {
  it('lists each issue once and counts issues per project', async () => {
    const { instance } = fakePagefind(records);
    const outcome = await runSearch(instance, request);
    expect(outcome.issues.map((issue) => issue.issue)).toEqual(['3', '8', '11', '16']);
    expect(outcome.projectCounts).toEqual({ heat: 2, nova: 1, common: 2 });
    expect(outcome.more).toBe(false);
  });

  it('searches only the texts the page\'s locale shows', async () => {
    const { instance, calls } = fakePagefind(records);
    const outcome = await runSearch(instance, { ...request, locale: 'en' });
    expect(calls.every((filters) => JSON.stringify(filters['not']) === '{"hidden":"en"}')).toBe(true);
    expect(outcome.issues.find((issue) => issue.issue === '16')?.best.fragment.content).toBe('Rackspace private cloud, translated');
  });

  it('restricts matches to the chosen projects\' own sections, counting over all projects', async () => {
    const { instance } = fakePagefind(records);
    const outcome = await runSearch(instance, { ...request, projects: ['nova'] });
    expect(outcome.issues.map((issue) => issue.issue)).toEqual(['11']);
    expect(outcome.projectCounts).toMatchObject({ heat: 2, nova: 1 });
    const both = await runSearch(instance, { ...request, projects: ['nova', 'heat'] });
    expect(both.issues.map((issue) => issue.issue)).toEqual(['3', '8', '11']);
  });

  it('keeps to a range of months', async () => {
    const { instance } = fakePagefind(records);
    const outcome = await runSearch(instance, { ...request, months: ['2013-12', '2014-01', '2014-02'] });
    expect(outcome.issues.map((issue) => issue.issue)).toEqual(['3', '8']);
  });

  it('lists newest first, month by month, and knows when more remain', async () => {
    const { instance } = fakePagefind(records);
    expect((await runSearch(instance, { ...request, order: 'newest' })).issues.map((issue) => issue.issue)).toEqual(['16', '11', '8', '3']);
    const first = await runSearch(instance, { ...request, order: 'newest', limit: 2 });
    expect(first.issues.map((issue) => issue.issue)).toEqual(['16', '11']);
    expect(first.more).toBe(true);
  });

  it('shows no counts when nothing in the text answers the query', async () => {
    const { instance } = fakePagefind([{ issue: 1, date: '2013-11-17', project: 'nova', months: ['2013-11'], content: 'xab' }]);
    const outcome = await runSearch(instance, { ...request, text: 'ab', terms: ['ab'] });
    expect(outcome).toMatchObject({ issues: [], projectCounts: {} });
  });
});
