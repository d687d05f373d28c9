import { describe, expect, it } from 'vitest';
import { formatDay, formatIssueLabel, formatPeriod } from '../../src/i18n/format.ts';
import { defaultLocale, localeCodes } from '../../src/i18n/locales.ts';
import { getTranslator, uiStrings } from '../../src/i18n/t.ts';
import { parseIsoDay } from '../../src/lib/dates.ts';

const pluralSuffix = /_(zero|one|two|few|many|other)$/;
const baseKeys = (strings: Record<string, string>) => new Set(Object.keys(strings).map((key) => key.replace(pluralSuffix, '')));
/** Each counted key's plural forms, by the key without its suffix. */
const pluralForms = (strings: Record<string, string>) => {
  const forms = new Map<string, string[]>();
  for (const key of Object.keys(strings)) {
    const category = pluralSuffix.exec(key)?.[1];
    const base = key.replace(pluralSuffix, '');
    if (category) forms.set(base, [...(forms.get(base) ?? []), category]);
  }
  return forms;
};
const period = (start: string, end: string) => ({ start: parseIsoDay(start) as Date, end: parseIsoDay(end) as Date });

describe('UI strings', () => {
  const reference = baseKeys(uiStrings[defaultLocale]);
  const others = localeCodes.filter((locale) => locale !== defaultLocale);

  it.each(others)(`%s has every key of ${defaultLocale} and no other`, (locale) => {
    expect([...baseKeys(uiStrings[locale])].sort()).toEqual([...reference].sort());
  });

  it.each(others)(`%s counts the keys ${defaultLocale} counts`, (locale) => {
    expect([...pluralForms(uiStrings[locale]).keys()].sort()).toEqual([...pluralForms(uiStrings[defaultLocale]).keys()].sort());
  });

  it.each(localeCodes)('%s gives each counted key every plural form the language has, and no other', (locale) => {
    const categories = [...new Intl.PluralRules(locale).resolvedOptions().pluralCategories].sort();
    const forms = pluralForms(uiStrings[locale]);
    expect(forms.size).toBeGreaterThan(0);
    for (const [key, found] of forms) expect([...found].sort(), key).toEqual(categories);
  });

  it('writes the apostrophe as ’ in English, as the Markdown pages beside the strings do (“The digest’s copyright”)', () => {
    expect(Object.entries(uiStrings.en).filter(([, value]) => /\p{L}'\p{L}/u.test(value))).toEqual([]);
  });

  it.each(localeCodes)('%s has no empty string', (locale) => {
    expect(Object.entries(uiStrings[locale]).filter(([, value]) => !value.trim())).toEqual([]);
  });

  it.each([
    ['zh-CN', 'archive.intro', 1000, /^共 1,000 期，/],
    ['en', 'archive.intro', 1000, /^1,000 issues, /],
    ['en', 'archive.intro', 1, /^1 issue, /],
    ['zh-CN', 'projects.sectionCount', 1000, /^1,000 期$/],
    ['en', 'project.sections', 12_345, /^Nova appears in 12,345 issues$/],
  ] as const)('%s %s with %i groups the digits of its count as the language writes them', (locale, key, count, expected) => {
    expect(getTranslator(locale)(key, { count, project: 'Nova' })).toMatch(expected);
  });

  it.each(localeCodes)('%s writes every count with its digits grouped (a reader sees "1,000 issues", not "1000")', (locale) => {
    // Keys read from the file are plain strings, not the typed keys pages use.
    const translate = getTranslator(locale) as unknown as (key: string, options: object) => string;
    const counted = Object.entries(uiStrings[locale]).filter(([, value]) => value.includes('{{count'));
    expect(counted.length).toBeGreaterThan(0);
    for (const [key] of counted) {
      const text = translate(key.replace(pluralSuffix, ''), {
        count: 1000,
        project: 'P',
        year: 2014,
        page: 2,
        bucket: 'B',
      });
      expect(text, key).toContain('1,000');
    }
  });
});

describe('names set in Chinese UI strings', () => {
  const t = getTranslator('zh-CN');

  it.each([
    ['issue.projectLink', { project: '业界动态' }, '业界动态的全部动态'],
    ['issue.projectLink', { project: 'Nova' }, 'Nova 的全部动态'],
    ['timeline.feed', { project: '业界动态' }, '订阅业界动态的 RSS'],
    ['timeline.feed', { project: 'Nova' }, '订阅 Nova 的 RSS'],
    ['project.sections', { project: '业界动态', count: 14 }, '业界动态出现在 14 期周报中'],
    ['subscribe.copyAddress', { feed: 'OpenStack社区动态' }, '复制 OpenStack社区动态的订阅地址'],
    ['subscribe.address', { feed: 'OpenStack Community Digest (English)' }, 'OpenStack Community Digest (English) 的订阅地址'],
    ['subscribe.address', { feed: 'OpenStack社区动态（中文）' }, 'OpenStack社区动态（中文）的订阅地址'],
  ] as const)('%s with %o is spaced only where Latin text meets Chinese', (key, values, expected) => {
    expect(t(key, values)).toBe(expected);
  });

  it('never puts a space between two Chinese characters around a Chinese name', () => {
    // Search's messages are filled in by the browser, which quotes the query: they are left out.
    const translate = t as unknown as (key: string, options: object) => string;
    const name = '业界动态';
    const values = { count: 14, project: name, feed: name, name, issue: name, period: name, title: name, editor: name, bucket: name };
    for (const key of Object.keys(uiStrings['zh-CN']).filter((key) => !key.startsWith('search.'))) {
      const text = translate(key.replace(pluralSuffix, ''), values);
      expect(text, key).not.toMatch(new RegExp(`${name} \\p{Script=Han}|\\p{Script=Han} ${name}`, 'u'));
    }
  });
});

describe('formatting per locale', () => {
  it.each([
    ['2014-02-03', '2014-02-15', '2014年2月3日至15日', 'February 3–15, 2014'],
    ['2014-01-17', '2014-02-02', '2014年1月17日至2月2日', 'January 17 – February 2, 2014'],
    ['2013-12-28', '2014-01-03', '2013年12月28日至2014年1月3日', 'December 28, 2013 – January 3, 2014'],
    ['2015-01-05', '2015-01-05', '2015年1月5日', 'January 5, 2015'],
  ])('writes %s..%s', (start, end, zh, en) => {
    expect(formatPeriod(period(start, end), 'zh-CN')).toBe(zh);
    expect(formatPeriod(period(start, end), 'en')).toBe(en);
  });

  it('shortens periods for listings grouped by year', () => {
    expect(formatPeriod(period('2014-02-03', '2014-02-15'), 'zh-CN', 'short')).toBe('2月3日–15日');
    expect(formatPeriod(period('2014-02-03', '2014-02-15'), 'en', 'short')).toBe('Feb 3–15');
    expect(formatPeriod(period('2015-01-05', '2015-01-05'), 'zh-CN', 'short')).toBe('1月5日');
    expect(formatPeriod(period('2015-01-05', '2015-01-05'), 'en', 'short')).toBe('Jan 5');
  });

  it('never shows the day before, whatever the time zone', () => {
    expect(formatDay(parseIsoDay('2014-01-01') as Date, 'en')).toBe('January 1, 2014');
  });

  it('names issues in each language', () => {
    expect(formatIssueLabel(11, 'zh-CN')).toBe('第十一期');
    expect(formatIssueLabel(11, 'en')).toBe('Issue 11');
  });
});
