import { describe, expect, it } from 'vitest';
import { joinParts, splitParts } from '../../../src/lib/search/contract.ts';
import { expandQuery, noVocabulary, type QueryForm } from '../../../src/lib/search/page/expand.ts';
import {
  longestRun,
  matchApart,
  matchParts,
  matchText,
  orderHits,
  rankHit,
  rankIssues,
  type SearchHit,
} from '../../../src/lib/search/page/rank.ts';

/** The query itself as the only form looked for, with the words Pagefind gets. */
const form = (text: string, words: string[] = [text]): QueryForm => ({
  text,
  terms: words,
  words,
  apart: text.split(' ').length > 1 ? text.split(' ') : [],
});
const typed = (text: string, words?: string[]) => ({ forms: [form(text, words)] });

interface Fragment {
  content: string;
  meta: Record<string, string>;
}

/** An issue's parts: the introduction first (under `intro`), then sections by project id. */
type Parts = Record<string, string>;

/** A record's fragment as the index holds it: parts joined, section starts in meta. */
function fragmentOf(issue: string, parts: Parts): Fragment {
  const { content, meta } = joinParts(Object.entries(parts).map(([id, text]) => (id === 'intro' ? { text } : { projectId: id, text })));
  return { content, meta: { issue, ...meta } };
}

/** Fake Pagefind hits, one per issue; `loads` counts fragments read. */
function hitsOf(records: [issue: string, parts: Parts | string, words?: number[]][]) {
  const loads: string[] = [];
  const hits: SearchHit<Fragment>[] = records.map(([issue, parts, words = [0]], index) => ({
    id: `${issue}-${index}`,
    score: records.length - index,
    words,
    data: async () => {
      loads.push(`${issue}-${index}`);
      return fragmentOf(issue, typeof parts === 'string' ? { intro: parts } : parts);
    },
  }));
  return { hits, loads };
}

describe('signals', () => {
  it.each([
    [[], 0],
    [[5], 1],
    [[3, 9, 10, 12, 20], 3],
    [[1, 4, 7], 1],
    [[2, 1, 3, 3], 3],
  ])('longest run of %j is %i', (positions, run) => {
    expect(longestRun(positions)).toBe(run);
  });

  it('puts likely phrase matches first, keeping order otherwise', () => {
    const { hits } = hitsOf([
      ['1', 'a', [1, 9]],
      ['2', 'b', [4, 5]],
      ['3', 'c', [2]],
      ['4', 'd', [7, 8]],
    ]);
    expect(orderHits(hits, 2).map((hit) => hit.id)).toEqual(['2-1', '4-3', '1-0', '3-2']);
    expect(orderHits(hits, 1).map((hit) => hit.id)).toEqual(['1-0', '2-1', '3-2', '4-3']);
  });

  it.each([
    ['支持H版（但', 'exact'],
    ['H 的新版本', 'all-words'],
    ['html 版本', 'none'],
    ['没有', 'none'],
  ] as const)('%s answers H版: %s', (text, match) => {
    expect(matchText(text, form('H版', ['H', '版']))).toBe(match);
  });

  // The last word may still be being typed, so it finds longer words; what the query goes on with after it is typed.
  it.each([
    ['C++', 'MongoDB是一个由C++语言编写的数据库', 'exact'],
    ['C++', 'Cisco 和 Chef', 'none'],
    ['C++', 'review.openstack.org/#/c/101124/', 'none'],
    ['C#', 'Cisco 和 CI', 'none'],
    ['C#', 'C++语言', 'none'],
    ['nova-', 'python-novaclient', 'none'],
    ['nova-', 'nova-network', 'exact'],
    ['Nova', 'novaclient', 'exact'],
    ['nova\uFFFD', 'novaclient', 'all-words'],
    ['nova ~', 'novaclient', 'all-words'],
  ] as const)('%s answers %s: %s', (query, text, match) => {
    const [typedForm] = expandQuery(query, noVocabulary);
    expect(typedForm && matchText(text, typedForm)).toBe(match);
  });
});

describe('the part a match lies in', () => {
  const issue = fragmentOf('8', {
    intro: '编者按：Rackspace 的消息。',
    heat: 'Rackspace 认证被破坏，Rackspace 目前只支持 keystone v2',
    nova: 'nova-scheduler 使用db的问题',
    common: 'keystone 的 v2 版本认证',
  });
  const parts = splitParts(issue.content, issue.meta);
  const answer = (query: string, terms: string[], projects?: string[]) =>
    matchParts(parts, { ...typed(query, terms), ...(projects ? { projects } : {}) }).map((match) => [
      match.part.projectId ?? 'intro',
      match.exact,
      match.count,
    ]);

  it('is every part holding the query, the one holding it most first', () => {
    expect(answer('Rackspace', ['Rackspace'])).toEqual([
      ['heat', true, 2],
      ['intro', true, 1],
    ]);
    expect(answer('nova-scheduler', ['nova', 'scheduler'])).toEqual([['nova', true, 1]]);
  });

  it('puts parts holding the query as typed before parts holding only its words', () => {
    expect(answer('keystone v2', ['keystone', 'v2'])).toEqual([
      ['heat', true, 1],
      ['common', false, 2],
    ]);
  });

  it('never counts words that only meet across parts', () => {
    expect(answer('消息 Rackspace 认证', ['消息', 'Rackspace', '认证'])).toEqual([]);
  });

  it("looks only at the chosen projects' sections", () => {
    expect(answer('Rackspace', ['Rackspace'], ['nova'])).toEqual([]);
    expect(answer('Rackspace', ['Rackspace'], ['nova', 'heat'])).toEqual([['heat', true, 2]]);
    expect(answer('db', ['db'], ['nova'])).toEqual([['nova', true, 1]]);
  });

  it('makes a result entry of a hit: its issue, the part to show and the others', async () => {
    const { hits } = hitsOf([['8', { intro: '前言 Heat', heat: 'Heat 和 Heat', nova: 'nova' }]]);
    const [hit] = hits as [SearchHit<Fragment>];
    const entry = rankHit(hit, await hit.data(), typed('heat'));
    expect(entry).toMatchObject({ issue: '8', exact: true, best: { part: { projectId: 'heat', text: 'Heat 和 Heat' } } });
    expect(entry?.others.map((other) => other.part.projectId)).toEqual([undefined]);
    expect(rankHit(hit, await hit.data(), { ...typed('heat'), projects: ['nova'] })).toBeUndefined();
  });
});

describe('ranking issues', () => {
  it('lists issues holding the query as typed first, one entry per issue, dropping non-matches', async () => {
    const { hits } = hitsOf([
      ['3', { intro: 'H 和 版 分开', heat: '也支持H版' }],
      ['9', 'html 版本'],
      ['5', { nova: 'H 的新版本' }],
      ['1', '支持H版'],
      ['4', '没有'],
      ['2', { heat: '适配G版和H版' }],
      ['1', '支持H版'],
    ]);
    const { issues } = await rankIssues(hits, { ...typed('H版', ['H', '版']), limit: 10 });
    expect(issues.map((issue) => [issue.issue, issue.exact])).toEqual([
      ['3', true],
      ['1', true],
      ['2', true],
      ['5', false],
    ]);
    expect(issues[0]?.best.part).toMatchObject({ projectId: 'heat', text: '也支持H版' });
    expect(issues[0]?.others.map((other) => [other.part.projectId, other.exact])).toEqual([[undefined, false]]);
  });

  it("keeps a project filter to those projects' sections", async () => {
    const { hits } = hitsOf([
      ['8', { heat: 'Rackspace 认证', nova: 'nova-scheduler' }],
      ['11', { nova: 'Rackspace 工程师', common: 'Rackspace' }],
    ]);
    const { issues } = await rankIssues(hits, { ...typed('Rackspace', ['Rackspace']), projects: ['nova'], limit: 10 });
    expect(issues.map((issue) => [issue.issue, issue.best.part.projectId, issue.others.length])).toEqual([['11', 'nova', 0]]);
  });

  it('reads few fragments when the first ones already answer', async () => {
    const { hits, loads } = hitsOf(Array.from({ length: 100 }, (_, index): [string, string] => [String(index), 'nova']));
    const { issues, unread } = await rankIssues(hits, { ...typed('nova', ['nova']), limit: 10 });
    expect(issues).toHaveLength(10);
    expect(loads).toHaveLength(10);
    expect(unread).toBe(90);
  });

  it('reads on past near misses to find exact matches ranked low, within its budget', async () => {
    const records = Array.from({ length: 60 }, (_, index): [string, string, number[]] =>
      index < 25 ? [String(index), 'keystone 的 v3', [1, 3]] : [String(index), 'keystone v3', [1, 2]],
    );
    const { hits, loads } = hitsOf(records);
    const { issues } = await rankIssues(hits, { ...typed('keystone v3', ['keystone', 'v3']), limit: 10 });
    expect(issues.slice(0, 10).every((issue) => issue.exact)).toBe(true);
    expect(loads.length).toBeLessThanOrEqual(50);
  });

  it('stops at its budget', async () => {
    const { hits, loads } = hitsOf(Array.from({ length: 100 }, (_, index): [string, string] => [String(index), 'nothing here']));
    const { issues, unread } = await rankIssues(hits, { ...typed('nova', ['nova']), limit: 10, budget: 25 });
    expect(issues).toEqual([]);
    expect(loads).toHaveLength(25);
    expect(unread).toBe(75);
  });
});

/** A fragment whose sections start with their headings, as the index writes them. */
function headedFragment(issue: string, sections: Record<string, [heading: string, text: string]>): Fragment {
  const { content, meta } = joinParts(Object.entries(sections).map(([projectId, [heading, text]]) => ({ projectId, heading, text })));
  return { content, meta: { issue, ...meta } };
}

function headedHits(records: [issue: string, sections: Record<string, [string, string]>][]): SearchHit<Fragment>[] {
  return records.map(([issue, sections], index) => ({
    id: issue,
    score: records.length - index,
    words: [0],
    data: async () => headedFragment(issue, sections),
  }));
}

describe('other names and words apart', () => {
  /** Icehouse, then I版, its shorthand, as `expandQuery` makes them. */
  const icehouse = { forms: [form('Icehouse'), { ...form('I版', ['I', '版']), name: 'I版', phrase: true }] };

  it('lists issues holding the query itself before those holding another name, and says which form each holds', async () => {
    const hits = headedHits([
      ['2', { nova: ['Nova', '路标是在I版就不建议使用'] }],
      ['5', { common: ['Common', 'OpenStack Icehouse 发布'] }],
      ['7', { heat: ['Heat', '与此无关'] }],
    ]);
    const { issues } = await rankIssues(hits, { ...icehouse, limit: 10 });
    expect(issues.map((issue) => [issue.issue, issue.tier, issue.form])).toEqual([
      ['5', 0, 0],
      ['2', 2, 1],
    ]);
  });

  it('counts a section as holding its project’s name: its heading is the project', async () => {
    const hits = headedHits([
      ['3', { common: ['Common', 'nova-network 和 nova 的讨论'], nova: ['Nova', '调度器的讨论'] }],
      ['4', { common: ['Common', '只在这里提到 nova'] }],
    ]);
    const { issues } = await rankIssues(hits, { ...typed('nova'), limit: 10 });
    // Issue 3 is shown by its Nova section, though Common says nova more often, and comes first.
    expect(issues.map((issue) => [issue.issue, issue.best.part.projectId, issue.about])).toEqual([
      ['3', 'nova', true],
      ['4', 'common', false],
    ]);
    expect(issues[0]?.best.part.bodyStart).toBe('Nova '.length);
  });

  it('lists issues holding the words only in different sections last, never drops them', async () => {
    const hits = headedHits([
      ['1', { common: ['Common', 'Keystone 的介绍'], heat: ['Heat', '只支持 v3 版本'] }],
      ['2', { heat: ['Heat', 'keystone v3 合入'] }],
      ['3', { heat: ['Heat', 'keystone 的 v3'] }],
      ['4', { common: ['Common', 'Keystone 的介绍'] }],
    ]);
    const { issues } = await rankIssues(hits, { ...typed('keystone v3', ['keystone', 'v3']), limit: 10 });
    expect(issues.map((issue) => [issue.issue, issue.apart])).toEqual([
      ['2', false],
      ['3', false],
      ['1', true],
    ]);
    const one = headedFragment('1', { common: ['Common', 'Keystone 的介绍'], heat: ['Heat', '只支持 v3 版本'] });
    const parts = splitParts(one.content, one.meta);
    expect(matchApart(parts, typed('keystone v3', ['keystone', 'v3'])).map((match) => match.part.projectId)).toEqual(['common', 'heat']);
    // A query of one word cannot meet itself across sections.
    expect(matchApart(parts, typed('keystone'))).toEqual([]);
  });
});
