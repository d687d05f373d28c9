import { getRssString } from '@astrojs/rss';
import { XMLParser } from 'fast-xml-parser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Locale } from '../../src/i18n/locales.ts';
import { getTranslator } from '../../src/i18n/t.ts';
import { createArchive, type ArchiveIssue } from '../../src/lib/archive.ts';
import { parseIsoDay } from '../../src/lib/dates.ts';
import {
  createIssueItem,
  createProjectFeed,
  createSectionItem,
  createSiteFeed,
  describeFeed,
  feedGuid,
  feedItemLimit,
  toXmlText,
  type FeedContext,
} from '../../src/lib/feeds.ts';
import type { IssueData } from '../../src/schemas/issue.ts';
import { issueEntry, resolver, site } from './helpers.ts';

const day = (text: string) => parseIsoDay(text) as Date;

const data = (number: number, start: string, end: string, projects: string[], description = '测试摘要'): IssueData => ({
  number,
  title: `OpenStack社区动态第${number}期`,
  description,
  projects,
  period: { start: day(start), end: day(end) },
  published: day(end),
  attribution: { editor: '测试编辑', organization: '测试团队', source: 'https://example.org/blog/' },
});

const body8 = `前言，见 [第七期](/issues/7/)。

## 业界动态

新闻 [外链](https://www.openstack.org/) 与 ![图](/images/a.png)。

## Heat

Heat 动态，[上文](#industry) 与 [相对](../7/)。

## Nova

Nova 动态。
`;

const archiveOf = (body = body8, description?: string) =>
  createArchive([
    issueEntry(data(8, '2014-02-03', '2014-02-15', ['industry', 'heat', 'nova'], description), body),
    issueEntry(data(7, '2014-01-20', '2014-02-02', ['nova']), '## Nova\n\n七期的 Nova。\n'),
  ]);

const context = (locale: Locale): FeedContext => ({ locale, site, t: getTranslator(locale), project: resolver.get });

/** Issue 8 with an English text of the given status. */
const withEnglish = (issue: ArchiveIssue, status: 'translated' | 'stale'): ArchiveIssue => ({
  ...issue,
  texts: {
    ...issue.texts,
    en: {
      ...issue.original,
      lang: 'en',
      status,
      title: 'Issue 8',
      description: 'English summary',
      translator: 'Jane Doe',
      intro: { html: '<p>Foreword.</p>', text: 'Foreword.' },
      sections: issue.original.sections
        .filter((section) => section.projectId !== 'nova')
        .map((section) => ({ ...section, html: `<p>English ${section.projectId}.</p>`, text: `English ${section.projectId}.` })),
    },
  },
});

const hrefsAndSrcs = (html: string) => [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((match) => match[1]);
const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'item' || name === 'category' });
const xmlOf = async (options: Parameters<typeof getRssString>[0]) => {
  const xml = await getRssString(options);
  // Well-formedness as xmllint sees it is checked on the built site (tests/content, tests/e2e); here, what XML forbids in text.
  expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|\]\]>/);
  return { xml, rss: parser.parse(xml).rss };
};

describe('feed GUIDs', () => {
  it.each([
    ['zh-CN', 8, undefined, 'openstack-digest:zh-CN:issue-8'],
    ['en', 8, undefined, 'openstack-digest:en:issue-8'],
    ['en', 8, 'nova', 'openstack-digest:en:issue-8:nova'],
    ['zh-CN', 12, 'heat', 'openstack-digest:zh-CN:issue-12:heat'],
  ] as const)('%s issue %i %s → %s', (locale, number, project, guid) => {
    expect(feedGuid(locale, number, project)).toBe(guid);
  });

  it('stay the same when the text, the summary or the site address changes', () => {
    const before = archiveOf();
    const after = archiveOf(body8.replace('Nova 动态', 'Nova 的动态'), '改过的摘要');
    const moved = { ...context('zh-CN'), site: new URL('https://elsewhere.example/') };
    const guids = (archive: ReturnType<typeof archiveOf>, ctx: FeedContext) => [
      ...archive.issues.map((issue) => createIssueItem(issue, ctx).guid),
      ...archive.sectionsOf('nova').map(({ issue }) => createSectionItem(issue, 'nova', ctx).guid),
    ];
    expect(createSectionItem(before.get(8) as ArchiveIssue, 'nova', context('zh-CN')).content).not.toBe(
      createSectionItem(after.get(8) as ArchiveIssue, 'nova', context('zh-CN')).content,
    );
    expect(guids(after, context('zh-CN'))).toEqual(guids(before, context('zh-CN')));
    expect(guids(before, moved)).toEqual(guids(before, context('zh-CN')));
  });

  it('differ between locales, issues and projects', () => {
    const archive = archiveOf();
    const all = (['zh-CN', 'en'] as const).flatMap((locale) => [
      ...archive.issues.map((issue) => createIssueItem(issue, context(locale)).guid),
      ...archive
        .projectIds()
        .flatMap((id) => archive.sectionsOf(id).map(({ issue }) => createSectionItem(issue, id, context(locale)).guid)),
    ]);
    expect(new Set(all).size).toBe(all.length);
  });
});

describe('text for XML', () => {
  it('drops every C0 control character except tab, newline and carriage return', () => {
    const controls = Array.from({ length: 32 }, (_, code) => String.fromCharCode(code)).join('');
    expect(toXmlText(`a${controls}b`)).toBe('a\t\n\rb');
    expect(toXmlText('中文 \uFFFE\uFFFF end')).toBe('中文  end');
  });

  it('replaces unpaired surrogates and keeps paired ones', () => {
    expect(toXmlText('x\uD800y')).toBe('x\uFFFDy');
    expect(toXmlText('emoji 😀')).toBe('emoji 😀');
  });
});

describe('issue items', () => {
  const issue = archiveOf().get(8) as ArchiveIssue;

  it("say the issue number and period in the feed's language, with the publication date at noon UTC, the same day from UTC−11 to UTC+11", () => {
    expect(createIssueItem(issue, context('zh-CN'))).toMatchObject({
      title: '第八期（2014年2月3日至15日）',
      link: 'https://digest.example.org/issues/8/',
      pubDate: new Date('2014-02-15T12:00:00Z'),
    });
    expect(createSectionItem(issue, 'nova', context('zh-CN')).pubDate.toUTCString()).toBe('Sat, 15 Feb 2014 12:00:00 GMT');
    expect(createIssueItem(issue, context('en'))).toMatchObject({
      title: 'Issue 8 (February 3–15, 2014)',
      link: 'https://digest.example.org/en/issues/8/',
    });
  });

  it('carry the whole issue with only absolute links, sections heading to their anchors, and the credit', () => {
    const { content, categories } = createIssueItem(issue, context('zh-CN'));
    for (const text of ['前言', '新闻', 'Heat 动态', 'Nova 动态']) expect(content).toContain(text);
    // Names are isolated from the credit's own words, so no name can reorder them.
    // The source is linked as every outside link is, its archived copy beside it, dated to the issue.
    expect(content).toContain(
      '<p>编辑：<bdi>测试编辑</bdi>（<bdi>测试团队</bdi>） · 原文：<a href="https://example.org/blog/" data-originalurl="https://example.org/blog/" ' +
        'data-versionurl="https://web.archive.org/web/20140215/https://example.org/blog/" data-versiondate="2014-02-15" rel="external noopener noreferrer">example.org</a>' +
        '<small class="archived">（<a href="https://web.archive.org/web/20140215/https://example.org/blog/" rel="external noopener noreferrer" ' +
        'title="Internet Archive 在2014年2月15日前后保存的副本" data-originalurl="https://example.org/blog/" data-versiondate="2014-02-15">存档</a>）</small></p>',
    );
    const urls = hrefsAndSrcs(content);
    expect(urls.filter((url) => !/^(https?|mailto):/.test(url ?? ''))).toEqual([]);
    expect(urls).toEqual(
      expect.arrayContaining([
        'https://digest.example.org/issues/7/',
        'https://digest.example.org/images/a.png',
        'https://digest.example.org/issues/8/#industry',
        'https://digest.example.org/issues/8/#heat',
        'https://digest.example.org/issues/8/#nova',
        'https://example.org/blog/',
      ]),
    );
    expect(categories).toEqual(['业界动态', 'Heat', 'Nova']);
  });

  it("credit a translation's translator after the editor, in whole-issue and project items", () => {
    const english = withEnglish(issue, 'translated');
    const credits =
      '<p>Edited by <bdi lang="zh-CN">测试编辑</bdi> (<bdi lang="zh-CN">测试团队</bdi>) · Original: <a href="https://example.org/blog/" data-originalurl="https://example.org/blog/" ' +
      'data-versionurl="https://web.archive.org/web/20140215/https://example.org/blog/" data-versiondate="2014-02-15" rel="external noopener noreferrer">example.org</a>' +
      '<small class="archived">\u00a0(<a href="https://web.archive.org/web/20140215/https://example.org/blog/" rel="external noopener noreferrer" ' +
      'title="Internet Archive copy from around February 15, 2014" data-originalurl="https://example.org/blog/" data-versiondate="2014-02-15">archived</a>)</small></p>' +
      '<p>Translated by <bdi>Jane Doe</bdi></p>';
    expect(createIssueItem(english, context('en')).content.endsWith(credits)).toBe(true);
    expect(createSectionItem(english, 'heat', context('en')).content).toContain('<p>Translated by <bdi>Jane Doe</bdi></p>');
    // Nova is not in the translation: its item is the Chinese original, which no translator made.
    expect(createSectionItem(english, 'nova', context('en')).content).not.toContain('Translated by');
  });

  it("carry a section heading's subtitle in the heading and in a project item's title", () => {
    const archive = archiveOf(body8.replace('## Heat', '## Heat（模板专题）'));
    const issue8 = archive.get(8) as ArchiveIssue;
    expect(createIssueItem(issue8, context('zh-CN')).content).toContain(
      '<h2><a href="https://digest.example.org/issues/8/#heat">Heat：<bdi>模板专题</bdi></a></h2>',
    );
    expect(createSectionItem(issue8, 'heat', context('zh-CN')).title).toBe('Heat：模板专题 · 第八期（2014年2月3日至15日）');
    expect(createSectionItem(issue8, 'heat', context('en')).title).toBe('Heat: 模板专题 · Issue 8 (February 3–15, 2014)');
  });

  it('show an untranslated issue in English with a note above the Chinese original', () => {
    const { content, title, description } = createIssueItem(issue, context('en'));
    expect(title).toBe('Issue 8 (February 3–15, 2014)');
    expect(content).toMatch(
      /^<p><em>This issue has not been translated into English yet\. Below is the Chinese original\.<\/em><\/p><div lang="zh-CN">/,
    );
    expect(content).toContain('<h2><a href="https://digest.example.org/en/issues/8/#heat">Heat</a></h2><div lang="zh-CN"><p>Heat 动态');
    // Its summary is English too: which issue and period, and that the Chinese original follows.
    expect(description).toBe(
      'Issue 8 of the OpenStack Community Digest (February 3–15, 2014), in the Chinese original: not translated into English yet.',
    );
    expect(createSectionItem(issue, 'heat', context('en')).description).toBe(description);
    expect(createIssueItem(issue, context('zh-CN')).description).toBe('测试摘要');
  });

  it('show a translation without a note, and a stale one with the may-be-outdated note', () => {
    const translated = createIssueItem(withEnglish(issue, 'translated'), context('en'));
    expect(translated.content).not.toMatch(/not been translated|may be out of date|<div lang="zh-CN"/);
    expect(translated.content).toContain('English heat.');
    expect(translated.description).toBe('English summary');
    expect(createIssueItem(issue, context('en')).content).not.toContain('Translated by');
    expect(createIssueItem(withEnglish(issue, 'stale'), context('en')).content).toMatch(
      /^<p><em>The Chinese original has changed since this translation was made/,
    );
  });
});

describe('project feeds', () => {
  const archive = archiveOf();

  it("hold only that project's sections, newest first, each linking to its anchor", async () => {
    const { rss } = await xmlOf(createProjectFeed(archive, 'nova', context('zh-CN')));
    const items = rss.channel.item as { title: string; link: string; 'content:encoded': string }[];
    expect(items.map((item) => item.link)).toEqual([
      'https://digest.example.org/issues/8/#nova',
      'https://digest.example.org/issues/7/#nova',
    ]);
    expect(items.map((item) => item.title)).toEqual(['Nova · 第八期（2014年2月3日至15日）', 'Nova · 第七期（2014年1月20日至2月2日）']);
    expect(items[0]?.['content:encoded']).toContain('Nova 动态');
    expect(items[0]?.['content:encoded']).not.toMatch(/Heat 动态|新闻|前言/);
  });

  it('fall back to the original section, with the note, when a translation lacks it', () => {
    const english = withEnglish(archive.get(8) as ArchiveIssue, 'translated');
    expect(createSectionItem(english, 'heat', context('en')).content).toMatch(/^<p>English heat\.<\/p>/);
    expect(createSectionItem(english, 'nova', context('en')).content).toMatch(
      /^<p><em>This issue has not been translated.*<div lang="zh-CN"><p>Nova 动态/,
    );
    // Each item links to the page that shows its section: the English one has no #nova.
    expect(createSectionItem(english, 'heat', context('en')).link).toMatch(/\/en\/issues\/8\/#heat$/);
    expect(createSectionItem(english, 'nova', context('en')).link).toMatch(/\/\/[^/]+\/issues\/8\/#nova$/);
  });

  it('carry only the newest sections, a fixed number however long the archive', () => {
    const long = createArchive(
      Array.from({ length: feedItemLimit + 5 }, (_, index) => {
        const day = `2014-${String(Math.floor(index / 28) + 1).padStart(2, '0')}-${String((index % 28) + 1).padStart(2, '0')}`;
        return issueEntry(data(index + 1, day, day, ['nova']), '## Nova\n\n内容。\n');
      }),
    );
    const items = createProjectFeed(long, 'nova', context('zh-CN')).items as { link?: string }[];
    expect(items).toHaveLength(feedItemLimit);
    expect(items[0]?.link).toBe(`https://digest.example.org/issues/${feedItemLimit + 5}/#nova`);
    expect(createSiteFeed(long, context('en')).items).toHaveLength(feedItemLimit);
  });

  it('refuse a project the registry does not know', () => {
    expect(() => createProjectFeed(archive, 'no-such-project', context('en'))).toThrow(/no-such-project/);
  });
});

describe('a site published under a path', () => {
  const under = new URL('https://x.github.io/digest/');
  const ctx: FeedContext = { ...context('en'), site: under };
  const archive = createArchive([
    issueEntry(data(8, '2014-02-03', '2014-02-15', ['industry', 'heat', 'nova']), body8, under),
    issueEntry(data(7, '2014-01-20', '2014-02-02', ['nova']), '## Nova\n\n七期的 Nova。\n', under),
  ]);

  it('links items, their sections and text, the channel and its self link inside that path', async () => {
    const item = createIssueItem(archive.get(8) as ArchiveIssue, ctx);
    expect(item.link).toBe('https://x.github.io/digest/en/issues/8/');
    const urls = hrefsAndSrcs(item.content).filter((url) => url?.startsWith('https://x.github.io/'));
    expect(urls).toEqual(
      expect.arrayContaining([
        'https://x.github.io/digest/issues/7/',
        'https://x.github.io/digest/images/a.png',
        'https://x.github.io/digest/en/issues/8/#heat',
      ]),
    );
    expect(urls.filter((url) => !url?.startsWith(under.href))).toEqual([]);
    const { rss } = await xmlOf(createSiteFeed(archive, ctx));
    expect(rss.channel.link).toBe('https://x.github.io/digest/en/');
    expect(rss.channel['atom:link']['@_href']).toBe('https://x.github.io/digest/en/rss.xml');
    expect(createSectionItem(archive.get(7) as ArchiveIssue, 'nova', ctx).link).toBe('https://x.github.io/digest/en/issues/7/#nova');
  });

  it('gives each feed a link (its path on the host) and an address inside that path', () => {
    expect(describeFeed(ctx)).toMatchObject({ path: '/digest/en/rss.xml', url: 'https://x.github.io/digest/en/rss.xml' });
    expect(describeFeed({ ...ctx, locale: 'zh-CN' }, resolver.get('nova'))).toMatchObject({
      path: '/digest/projects/nova/rss.xml',
      url: 'https://x.github.io/digest/projects/nova/rss.xml',
    });
  });
});

describe('the RSS document', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('has the RSS 2.0 channel elements, the language and a self link', async () => {
    const { rss } = await xmlOf(createSiteFeed(archiveOf(), context('en')));
    expect(rss['@_version']).toBe('2.0');
    expect(rss.channel).toMatchObject({ title: 'OpenStack Community Digest', link: 'https://digest.example.org/en/', language: 'en' });
    expect(rss.channel.description).toBeTruthy();
    expect(rss.channel['atom:link']['@_href']).toBe('https://digest.example.org/en/rss.xml');
    expect(rss.channel.item.map((item: { guid: { '#text': string; '@_isPermaLink': string } }) => item.guid)).toEqual([
      { '#text': 'openstack-digest:en:issue-8', '@_isPermaLink': 'false' },
      { '#text': 'openstack-digest:en:issue-7', '@_isPermaLink': 'false' },
    ]);
    expect((await xmlOf(createSiteFeed(archiveOf(), context('zh-CN')))).rss.channel.language).toBe('zh-cn');
  });

  it('stays well-formed with &, <, ]]>, control characters and raw HTML in the text, and keeps the words', async () => {
    const hostile = '## Nova\n\nAT&T <b>bold</b> a < b ]]> c <![CDATA[ x ]]> \u0001\u0008\u000B\u001F end <script>alert(1)</script>\n';
    const archive = createArchive([issueEntry(data(9, '2014-02-16', '2014-02-27', ['nova'], 'R&D <i>]]> \u0002 summary'), hostile)]);
    // In Chinese, whose items carry the issue's own description (an untranslated one's English summary is the site's words).
    for (const options of [createSiteFeed(archive, context('zh-CN')), createProjectFeed(archive, 'nova', context('zh-CN'))]) {
      const { xml, rss } = await xmlOf(options);
      expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
      const [item] = rss.channel.item;
      expect(item['content:encoded']).toContain('AT&amp;T <b>bold</b> a &lt; b ]]&gt; c');
      expect(item['content:encoded']).toContain(' end ');
      expect(item['content:encoded']).not.toContain('<script>');
      expect(item.description).toBe('R&amp;D &lt;i&gt;]]&gt;  summary');
    }
  });

  it('does not depend on the clock', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2001-01-01T00:00:00Z'));
    const early = await getRssString(createSiteFeed(archiveOf(), context('en')));
    vi.setSystemTime(new Date('2031-06-30T12:00:00Z'));
    expect(await getRssString(createSiteFeed(archiveOf(), context('en')))).toBe(early);
  });
});
