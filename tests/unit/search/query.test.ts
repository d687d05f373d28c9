import { describe, expect, it } from 'vitest';
import { MAX_QUERY_LENGTH, prepareQuery, splitQuery, toWellFormed } from '../../../src/lib/search/page/query.ts';

describe('splitting queries into words', () => {
  it.each([
    ['健康检查', ['健康', '检查']],
    ['keystone v2 认证', ['keystone', 'v2', '认证']],
    ['nova-scheduler', ['nova', 'scheduler']],
    ['H版', ['H', '版']],
    ['icehouse-3', ['icehouse', '3']],
    ['Keystone V3', ['Keystone', 'V3']],
  ])('splits %s', (query, words) => {
    expect(splitQuery(query)).toEqual(words);
  });
});

describe('checking queries', () => {
  it('accepts Chinese, mixed and English queries', () => {
    expect(prepareQuery('  数据库  迁移 ')).toEqual({ ok: true, text: '数据库 迁移', terms: ['数据', '库', '迁移'] });
  });

  it.each([
    ['', 'empty'],
    [' \t\n', 'empty'],
    ['a'.repeat(10_000), 'too-long'],
    ['?!…—《》', 'no-words'],
    ['.*+?^${}()|[]\\', 'no-words'],
    ['🚀🔥', 'no-words'],
    ['"\'<>&', 'no-words'],
  ])('refuses %j as %s', (query, problem) => {
    expect(prepareQuery(query)).toMatchObject({ ok: false, problem });
  });

  it('keeps the words of HTML as words, never as markup', () => {
    expect(prepareQuery('<img src=x onerror=alert(1)>')).toMatchObject({ ok: true, terms: ['img', 'src', 'x', 'onerror', 'alert', '1'] });
  });

  it('allows queries up to the limit, counting characters, not UTF-16 units', () => {
    expect(prepareQuery('𠀀'.repeat(MAX_QUERY_LENGTH)).ok).toBe(true);
    expect(prepareQuery('𠀀'.repeat(MAX_QUERY_LENGTH + 1)).ok).toBe(false);
  });

  it('drops the invisible characters text copied from a web page carries inside words', () => {
    for (const raw of ['no\u200Bva', '\uFEFFnova', 'no\u00ADva', 'nova\u200E', 'no\u2060va']) {
      expect(prepareQuery(raw), JSON.stringify(raw)).toEqual({ ok: true, text: 'nova', terms: ['nova'] });
    }
    expect(prepareQuery('云\u200D计算')).toEqual({ ok: true, text: '云计算', terms: splitQuery('云计算') });
    expect(prepareQuery('\u200B\u200B')).toMatchObject({ ok: false, problem: 'empty' });
  });

  it('reads control characters (a NUL from `?q=%00`, DEL, C1) as spaces between words', () => {
    expect(prepareQuery('\0')).toMatchObject({ ok: false, text: '', problem: 'empty' });
    expect(prepareQuery('nova\0scheduler\u007F\u0085云计算')).toEqual({
      ok: true,
      text: 'nova scheduler 云计算',
      terms: ['nova', 'scheduler', ...splitQuery('云计算')],
    });
  });

  it('replaces unpaired surrogates', () => {
    expect(toWellFormed('a\uD800b\uDC00c😀')).toBe('a\uFFFDb\uFFFDc😀');
    expect(prepareQuery('\uD800')).toMatchObject({ ok: false, problem: 'no-words' });
    expect(prepareQuery('nova\uDFFF')).toMatchObject({ ok: true, terms: ['nova'] });
  });
});
