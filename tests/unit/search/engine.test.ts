import { describe, expect, it } from 'vitest';
import { preloadQuery, runSearch, warmUp, type SearchRequest } from '../../../src/lib/search/page/engine.ts';
import { splitQuery } from '../../../src/lib/search/page/query.ts';
import { fakePagefind, type FakeRecord } from './fake-pagefind.ts';
import { vocabularyOf } from './registries.ts';

const records: FakeRecord[] = [
  {
    issue: 3,
    date: '2013-11-28',
    months: ['2013-11', '2013-12'],
    parts: { intro: '前言', heat: 'Rackspace Heater', nova: 'nova-scheduler' },
  },
  { issue: 8, date: '2014-02-03', months: ['2014-02'], parts: { heat: 'Rackspace keystone', nova: 'nova 的数据库' } },
  { issue: 11, date: '2014-03-20', months: ['2014-03', '2014-04'], parts: { nova: 'Rackspace engineers', common: 'about Rackspace' } },
  { issue: 16, date: '2014-06-16', months: ['2014-06', '2014-07'], hidden: ['en'], parts: { common: 'Rackspace private cloud' } },
  {
    issue: 16,
    date: '2014-06-16',
    months: ['2014-06', '2014-07'],
    hidden: ['zh-CN'],
    parts: { common: 'Rackspace private cloud, translated' },
  },
];
const request = {
  text: 'Rackspace',
  terms: ['Rackspace'],
  projects: [],
  order: 'relevance' as const,
  locale: 'zh-CN' as const,
  limit: 10,
  counts: true,
};
const listed = (outcome: Awaited<ReturnType<typeof runSearch>>) => outcome.issues.map((issue) => [issue.issue, issue.best.part.projectId]);

describe('running a search', () => {
  it('lists each issue once, by the section that answers, and counts issues per project', async () => {
    const { instance } = fakePagefind(records);
    const outcome = await runSearch(instance, request);
    expect(listed(outcome)).toEqual([
      ['3', 'heat'],
      ['8', 'heat'],
      ['11', 'nova'],
      ['16', 'common'],
    ]);
    expect(outcome.issues.find((issue) => issue.issue === '11')?.others.map((other) => other.part.projectId)).toEqual(['common']);
    // Pagefind's counts: issues holding the words that cover the project, wherever the words are.
    expect(outcome.counts?.projects).toEqual({ heat: 2, nova: 3, common: 2 });
    // And per month: every month an issue's period touches.
    expect(outcome.counts?.months).toEqual({
      '2013-11': 1,
      '2013-12': 1,
      '2014-02': 1,
      '2014-03': 1,
      '2014-04': 1,
      '2014-06': 1,
      '2014-07': 1,
    });
    expect(outcome.more).toBe(false);
  });

  it('counts per month and project only the issues the list shows, not those Pagefind matched by a shorter word', async () => {
    // Pagefind answers `H版` with `Tech版` too (the fake, with any text holding it); the list drops it.
    const { instance } = fakePagefind([
      { issue: 20, date: '2013-10-17', months: ['2013-10'], parts: { nova: 'Havana 即 H版，已经发布' } },
      { issue: 21, date: '2014-07-03', months: ['2014-07'], parts: { heat: 'Tech版本的说明' } },
    ]);
    const outcome = await runSearch(instance, { ...request, text: 'H版', terms: ['H版'] });
    expect(outcome.issues.map((issue) => issue.issue)).toEqual(['20']);
    expect(outcome.counts).toEqual({ projects: { nova: 1 }, months: { '2013-10': 1 } });
  });

  it("searches only the texts the page's locale shows", async () => {
    const { instance, calls } = fakePagefind(records);
    const outcome = await runSearch(instance, { ...request, locale: 'en' });
    expect(calls.every((call) => JSON.stringify(call['not']) === '{"hidden":"en"}')).toBe(true);
    expect(outcome.issues.find((issue) => issue.issue === '16')?.best.part.text).toBe('Rackspace private cloud, translated');
  });

  it("restricts matches to the chosen projects' own sections", async () => {
    const { instance, calls } = fakePagefind(records);
    const outcome = await runSearch(instance, { ...request, projects: ['nova'] });
    // Issues 3 and 8 cover Nova and mention Rackspace, but only under Heat.
    expect(listed(outcome)).toEqual([['11', 'nova']]);
    expect(calls.some((call) => JSON.stringify(call['project']) === '{"any":["nova"]}')).toBe(true);
    expect(outcome.counts?.projects).toMatchObject({ heat: 2, nova: 3 });
    const both = await runSearch(instance, { ...request, projects: ['nova', 'heat'] });
    expect(listed(both)).toEqual([
      ['3', 'heat'],
      ['8', 'heat'],
      ['11', 'nova'],
    ]);
  });

  it('keeps to a range of months', async () => {
    const { instance } = fakePagefind(records);
    const outcome = await runSearch(instance, { ...request, months: ['2013-12', '2014-01', '2014-02'] });
    expect(listed(outcome)).toEqual([
      ['3', 'heat'],
      ['8', 'heat'],
    ]);
  });

  it('finds nothing in a range of months outside the archive, in either order', async () => {
    const { instance } = fakePagefind(records);
    // `?from=2099-01`: the range from there to the archive's last month holds no month.
    for (const order of ['relevance', 'newest'] as const) {
      const outcome = await runSearch(instance, { ...request, order, months: [] });
      expect(outcome.issues).toEqual([]);
      expect(outcome.counts?.projects).toEqual({});
    }
  });

  it('lists newest first, month by month, and knows when more remain', async () => {
    const { instance } = fakePagefind(records);
    expect((await runSearch(instance, { ...request, order: 'newest' })).issues.map((issue) => issue.issue)).toEqual(['16', '11', '8', '3']);
    const first = await runSearch(instance, { ...request, order: 'newest', limit: 2 });
    expect(first.issues.map((issue) => issue.issue)).toEqual(['16', '11']);
    expect(first.more).toBe(true);
    const nova = await runSearch(instance, { ...request, order: 'newest', projects: ['nova'] });
    expect(listed(nova)).toEqual([['11', 'nova']]);
  });

  it('counts only when asked, so the project filter is not downloaded for nothing', async () => {
    const { instance, calls } = fakePagefind(records);
    const outcome = await runSearch(instance, { ...request, counts: false });
    expect(outcome.counts).toBeUndefined();
    expect(calls.map((call) => call['project'])).toEqual([undefined]);
  });

  it('answers a query of several words from a phrase search when it lists enough issues holding it', async () => {
    const phrased: FakeRecord[] = Array.from({ length: 12 }, (_, index) => ({
      issue: index + 1,
      date: `2014-01-${String(index + 10)}`,
      months: ['2014-01'],
      parts: { nova: index < 3 ? 'keystone 的 v3' : 'keystone v3 API' },
    }));
    const { instance, calls } = fakePagefind(phrased);
    const few = await runSearch(instance, { ...request, text: 'keystone v3', terms: ['keystone', 'v3'], limit: 5, counts: false });
    expect(calls.map((call) => call['term'])).toEqual(['"keystone v3"']);
    expect(few.issues.map((issue) => [issue.issue, issue.exact])).toEqual(['4', '5', '6', '7', '8'].map((issue) => [issue, true]));
    expect(few.more).toBe(true);
    calls.length = 0;
    // Fewer than wanted hold the phrase: every issue holding the words is ranked, exact ones first.
    const all = await runSearch(instance, { ...request, text: 'keystone v3', terms: ['keystone', 'v3'], limit: 12, counts: false });
    expect(calls.map((call) => call['term'])).toEqual(['"keystone v3"', 'keystone v3']);
    expect(all.issues.map((issue) => issue.exact)).toEqual([...Array(9).fill(true), ...Array(3).fill(false)]);
    expect(all.more).toBe(false);
  });

  it('reads no text of the phrase hits first when they are fewer than the issues wanted', async () => {
    const apart: FakeRecord[] = Array.from({ length: 8 }, (_, index) => ({
      issue: index + 1,
      date: `2014-01-${String(index + 10)}`,
      months: ['2014-01'],
      parts: { nova: index < 2 ? 'PTL 修复' : 'PTL 的修复' },
    }));
    const { instance, calls, reads } = fakePagefind(apart);
    const outcome = await runSearch(instance, { ...request, text: 'PTL 修复', terms: ['ptl', '修复'], limit: 5, counts: false });
    expect(calls.map((call) => call['term'])).toEqual(['"PTL 修复"', 'PTL 修复']);
    expect(reads.length).toBeGreaterThan(0);
    expect(
      reads.every((read) => read.afterCalls === 2),
      'every text read after the search for the words',
    ).toBe(true);
    expect(outcome.issues.slice(0, 2).map((issue) => [issue.issue, issue.exact])).toEqual([
      ['1', true],
      ['2', true],
    ]);
  });

  it('shows no counts when nothing in the text answers the query', async () => {
    const { instance } = fakePagefind([{ issue: 1, date: '2013-11-17', months: ['2013-11'], parts: { nova: 'xab' } }]);
    const outcome = await runSearch(instance, { ...request, text: 'ab', terms: ['ab'] });
    expect(outcome).toMatchObject({ issues: [], counts: { projects: {}, months: {} } });
  });
});

describe('getting Pagefind ready before a search', () => {
  it('warms up with a search by filter alone, for the texts the page shows, which needs no index chunk', async () => {
    const { instance, calls } = fakePagefind(records);
    await warmUp(instance, 'en');
    expect(calls).toEqual([{ term: null, not: { hidden: 'en' } }]);
  });

  it('preloads what the words typed so far need, under the same locale filter a search uses', async () => {
    const { instance, calls } = fakePagefind(records);
    await preloadQuery(instance, 'keystone v3', 'zh-CN');
    await runSearch(instance, { ...request, text: 'keystone', terms: ['keystone'], counts: false });
    expect(calls).toEqual([
      { preload: 'keystone v3', not: { hidden: 'zh-CN' } },
      { term: 'keystone', not: { hidden: 'zh-CN' } },
    ]);
  });
});

describe('a range of months with newest first', () => {
  it('lists only issues whose period touches the range, though their neighbours share a month', async () => {
    // Issue 12 spans April and May: in a May–August range, April is walked for no one else.
    const spanning: FakeRecord[] = [
      { issue: 10, date: '2014-03-20', months: ['2014-03', '2014-04'], parts: { nova: 'nova 的讨论' } },
      { issue: 11, date: '2014-04-10', months: ['2014-04'], parts: { nova: 'nova 的讨论' } },
      { issue: 12, date: '2014-04-24', months: ['2014-04', '2014-05'], parts: { nova: 'nova 的讨论' } },
      { issue: 13, date: '2014-07-01', months: ['2014-07'], parts: { nova: 'nova 的讨论' } },
      { issue: 14, date: '2014-08-25', months: ['2014-08', '2014-09'], parts: { nova: 'nova 的讨论' } },
    ];
    const { instance } = fakePagefind(spanning);
    const months = ['2014-05', '2014-06', '2014-07', '2014-08'];
    const newest = await runSearch(instance, { ...request, text: 'nova', terms: ['nova'], months, order: 'newest', counts: false });
    expect(newest.issues.map((issue) => issue.issue)).toEqual(['14', '13', '12']);
    const relevant = await runSearch(instance, { ...request, text: 'nova', terms: ['nova'], months, counts: false });
    expect(relevant.issues.map((issue) => issue.issue).sort()).toEqual(['12', '13', '14']);
  });
});

describe('queries widened by the registries', () => {
  const archive: FakeRecord[] = [
    { issue: 2, date: '2013-11-22', months: ['2013-11'], parts: { nova: '社区考虑将在I版release时不建议使用nova-network' } },
    { issue: 8, date: '2014-02-03', months: ['2014-02'], parts: { heat: 'Havana到Icehouse的一些修改' } },
    { issue: 9, date: '2014-02-17', months: ['2014-02'], parts: { industry: '私有云计算平台' } },
    {
      issue: 12,
      date: '2014-04-10',
      months: ['2014-04'],
      parts: { common: 'Neutron 发布', neutron: '修复了很多问题' },
      headings: { common: 'Common', neutron: 'Neutron' },
    },
  ];
  const vocabulary = vocabularyOf(archive.flatMap((record) => [...Object.values(record.parts), ...Object.values(record.headings ?? {})]));
  const ask = (text: string, extra: Partial<SearchRequest> = {}) =>
    runSearch(
      fakePagefind(archive).instance,
      { ...request, text, terms: splitQuery(text.normalize('NFKC')), counts: false, ...extra },
      vocabulary,
    );

  it('finds a release by its letter shorthand and the shorthand by its name, the query itself first', async () => {
    const icehouse = await ask('Icehouse');
    expect(icehouse.issues.map((issue) => [issue.issue, issue.form])).toEqual([
      ['8', 0],
      ['2', 1],
    ]);
    expect(icehouse.others.map((form) => form.text)).toEqual(['I版']);
    const shorthand = await ask('I版');
    expect(shorthand.issues.map((issue) => [issue.issue, issue.form])).toEqual([
      ['2', 0],
      ['8', 1],
    ]);
  });

  it('finds a project by a former name, its own sections first', async () => {
    const quantum = await ask('Quantum');
    expect(quantum.issues.map((issue) => [issue.issue, issue.best.part.projectId])).toEqual([['12', 'neutron']]);
    expect(quantum.issues[0]?.form).toBe(1);
  });

  it('reads a query with punctuation or an emoji around it as its words, sections about the project first', async () => {
    for (const text of ['Neutron？', '“Neutron”', '#Neutron', 'Neutron🚀', 'Quantum。']) {
      const found = await ask(text);
      expect(
        found.issues.map((issue) => [issue.issue, issue.best.part.projectId]),
        text,
      ).toEqual([['12', 'neutron']]);
    }
  });

  it('looks for the words exactly as typed on request', async () => {
    const exact = await ask('Icehouse', { exact: true });
    expect(exact.issues.map((issue) => issue.issue)).toEqual(['8']);
    expect(exact).toMatchObject({ exact: true, forms: [{ text: 'Icehouse' }] });
    expect(exact.others.map((form) => form.text)).toEqual(['I版']);
  });

  it('reads traditional characters and full-width letters as the archive writes them', async () => {
    expect((await ask('雲計算')).issues.map((issue) => issue.issue)).toEqual(['9']);
    expect((await ask('ＩＣＥＨＯＵＳＥ')).issues.map((issue) => issue.issue)).toEqual(['8', '2']);
  });

  it('counts the issues found by other names too', async () => {
    const { counts } = await ask('Icehouse', { counts: true });
    expect(counts).toEqual({ projects: { heat: 1, nova: 1 }, months: { '2013-11': 1, '2014-02': 1 } });
  });
});
