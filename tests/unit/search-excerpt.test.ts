import { describe, expect, it } from 'vitest';
import { excerptAround, findQuery, parsePagefindExcerpt } from '../../src/lib/search-excerpt.ts';

const text = (pieces: { text: string; mark: boolean }[] | undefined) => pieces?.map((piece) => (piece.mark ? `[${piece.text}]` : piece.text)).join('');

describe('excerpts around the query', () => {
  it('marks every occurrence in the window, ignoring case', () => {
    expect(text(excerptAround('Rackspace 目前只支持 keystone 的 v2 版本，Keystone v3 不行', 'KEYSTONE', 100))).toBe('Rackspace 目前只支持 [keystone] 的 v2 版本，[Keystone] v3 不行');
  });

  it('cuts long text around the first occurrence without splitting words', () => {
    const long = `${'alpha beta gamma '.repeat(10)}关于nova-scheduler的讨论${' delta epsilon'.repeat(10)}`;
    const excerpt = text(excerptAround(long, 'nova-scheduler', 20)) ?? '';
    expect(excerpt).toMatch(/^… ?[a-z]/);
    expect(excerpt).toContain('关于[nova-scheduler]的讨论');
    expect(excerpt.endsWith('…')).toBe(true);
    expect(excerpt).not.toMatch(/…[a-z]+[a-z]…/);
  });

  it('needs the query to start a word when it starts with a Latin letter', () => {
    expect(findQuery('OpenStack2014UserSurvey user', 'user')).toBe(24);
    expect(excerptAround('OpenStack2014UserSurvey only', 'users')).toBeUndefined();
  });

  it('keeps markup-looking text as text', () => {
    expect(excerptAround('a <img src=x onerror=alert(1)> b', '<img')).toEqual([{ text: 'a ', mark: false }, { text: '<img', mark: true }, { text: ' src=x onerror=alert(1)> b', mark: false }]);
  });
});

describe("Pagefind's excerpts", () => {
  it('takes marks apart and restores escaped angle brackets only', () => {
    expect(parsePagefindExcerpt('a &lt;b&gt; &amp;lt; <mark>nova</mark>\u200b-<mark>scheduler</mark> x')).toEqual([
      { text: 'a <b> &amp;lt; ', mark: false },
      { text: 'nova', mark: true },
      { text: '-', mark: false },
      { text: 'scheduler', mark: true },
      { text: ' x', mark: false },
    ]);
  });
});
