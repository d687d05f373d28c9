import { describe, expect, it } from 'vitest';
import { containsQuery, countQuery, findMatches, normalizeForMatch, toMatchable } from '../../../src/lib/search/page/matcher.ts';

describe('matching queries against text', () => {
  it('normalizes case, width and spacing', () => {
    expect(normalizeForMatch(' Keystone\n  Ｖ３ ')).toBe('keystone v3');
  });

  it.each([
    ['关于Nova中（nova-scheduler）的讨论', 'Nova-Scheduler', true],
    ['只支持keystone的v2版本认证', 'keystone v2 认证', false],
    ['支持H版（但如果部署', 'h版', true],
    ['健康检查工具', '康检', true],
    ['OpenStack2014UserSurvey', 'users', false],
    ['openstack-users list', 'users', true],
    ['novaclient', 'nova', true],
    ['', 'nova', false],
    ['anything', '   ', false],
  ])('%s contains %s: %s', (text, query, expected) => {
    expect(containsQuery(text, query)).toBe(expected);
  });

  it('can ask for whole words', () => {
    expect(containsQuery('novaclient', 'nova', { wholeWord: true })).toBe(false);
    expect(containsQuery('nova-compute', 'nova', { wholeWord: true })).toBe(true);
    expect(containsQuery('支持H版', 'h', { wholeWord: true })).toBe(true);
    expect(containsQuery('html', 'h', { wholeWord: true })).toBe(false);
  });
});

describe('counting a query in text', () => {
  it.each([
    ['Nova, nova-scheduler and Novas', 'nova', {}, 3],
    ['novaclient and nova', 'nova', { wholeWord: true }, 1],
    ['OpenStack2014UserSurvey users', 'users', {}, 1],
    ['H版和H版', 'h版', {}, 2],
    ['检查检查检查', '检查检', {}, 2],
    ['aaaa', 'aa', {}, 1],
    ['nova nova nova', 'nova', { limit: 2 }, 2],
    ['nova', '', {}, 0],
  ])('%s holds %s %j: %i times', (text, query, options, count) => {
    expect(countQuery(text, query, options)).toBe(count);
  });
});

describe('matches in the text as written', () => {
  it('are reported in the original characters, whatever normalizing changed', () => {
    expect(findMatches(toMatchable('Keystone  Ｖ３ API'), 'v3')).toEqual([{ start: 10, end: 12 }]);
    expect(findMatches(toMatchable('ﬁle  Keystone V3'), 'keystone v3')).toEqual([{ start: 5, end: 16 }]);
    expect(findMatches(toMatchable('OpenStack2014UserSurvey user'), 'user')).toEqual([{ start: 24, end: 28 }]);
  });

  it('span whole characters and fold every run of whitespace, leaving out those at either end', () => {
    // 😀 is two UTF-16 units; the runs are a tab and a newline, an ideographic space, CR LF.
    const text = ' \t😀\n 云计算　Ｖ３\r\n';
    expect(toMatchable(text).folded).toBe('😀 云计算 v3');
    expect(findMatches(toMatchable(text), '😀')).toEqual([{ start: 2, end: 4 }]);
    expect(findMatches(toMatchable(text), '😀 云')).toEqual([{ start: 2, end: 7 }]);
    expect(findMatches(toMatchable(text), 'V3')).toEqual([{ start: 10, end: 12 }]);
    expect(toMatchable(' ').folded).toBe('');
    expect(findMatches(toMatchable('ﬁ\n'), 'fi')).toEqual([{ start: 0, end: 1 }]);
  });

  it('agree with the counts ranking uses', () => {
    for (const [text, query] of [
      ['Ｋｅｙｓｔｏｎｅ v3 and keystone V3', 'KEYSTONE v3'],
      ['nova, Nova-scheduler, novas, supernova', 'nova'],
      ['健康检查 健康 检查', '健康检查'],
    ] as const) {
      expect(findMatches(toMatchable(text), query)).toHaveLength(countQuery(text, query));
    }
  });
});
