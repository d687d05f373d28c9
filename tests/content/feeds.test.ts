/**
 * Feeds stay well-formed XML whatever the text holds: the hostile fixture (`&`, `<`, `]]>`,
 * control characters, raw HTML) is built into a site and every feed is checked by xmllint and parsed.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { elementsIn, guidOf, isAbsoluteUrl, readFeeds, textOf, urlsIn, xmllint, type Feed } from '../helpers/feeds.ts';
import { projectRoot, runAstro } from '../helpers/commands.ts';
import { checkLinks } from '../helpers/link-check.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { getSiteUrl } from '../../src/pipeline/paths.ts';

const fixture = path.join(projectRoot, 'tests/fixtures/content/hostile-feed');
const source = readFileSync(path.join(fixture, 'zh-CN/0009.md'), 'utf8');
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

describe('feeds built from hostile content', () => {
  const outDir = tempDir('hostile-feed');
  let feeds: Feed[] = [];
  let buildOutput = '';

  beforeAll(() => {
    const result = runAstro(['build', '--outDir', outDir], { DIGEST_CONTENT_DIR: fixture });
    if (result.status !== 0) throw new Error(`building the hostile fixture failed:\n${result.output}`);
    buildOutput = result.output;
    feeds = readFeeds(outDir);
  });

  it('come from a build that warns of nothing, though the fixture has no translations', () => {
    // Astro warns on reading a collection its store lacks (the loaders hand over an empty one); a warning on every
    // such build would teach editors to ignore warnings.
    expect(buildOutput).not.toMatch(/\[WARN\]|check your content config/i);
  });

  it('start from text that holds every troublemaker', () => {
    for (const text of ['&', '<b onclick', ']]>', '<script>', '<![CDATA[']) expect(source).toContain(text);
  });

  it('are all accepted by xmllint', () => {
    expect(feeds.map((feed) => feed.path)).toEqual([
      '/en/projects/industry/rss.xml',
      '/en/projects/nova/rss.xml',
      '/en/rss.xml',
      '/projects/industry/rss.xml',
      '/projects/nova/rss.xml',
      '/rss.xml',
    ]);
    const result = xmllint(feeds.map((feed) => path.join(outDir, feed.path)));
    expect(result.output).toBe('');
    expect(result.status).toBe(0);
  });

  it('carry no character XML forbids, and keep &, < and ]]> as text', () => {
    for (const feed of feeds) {
      expect(feed.xml).not.toMatch(FORBIDDEN);
      const [item] = feed.items;
      // The English feeds summarize the untranslated issue in English; the Chinese ones carry its description.
      if (feed.path.startsWith('/en/')) expect(item?.description).toMatch(/^Issue 9 of the OpenStack Community Digest \(.+\)/);
      else expect(item?.description).toBe('R&amp;D &lt;b&gt;不是标签 ]]&gt; 与控制字符');
      expect(textOf(item?.['content:encoded'] ?? '')).toContain('测试编辑 & <合作者>');
    }
    const nova = feeds.find((feed) => feed.path === '/projects/nova/rss.xml');
    expect(textOf(nova?.items[0]?.['content:encoded'] ?? '')).toMatch(/^Nova & Neutron raw \]\]> \]\]> & 结束。/);
    // The original's credit statement goes with its text into every item, its link absolute.
    for (const feed of feeds) {
      const html = feed.items[0]?.['content:encoded'] ?? '';
      expect(textOf(html), feed.path).toContain('声明：转载请注明出处，保留作者 & 信息。');
      expect(html).toContain(`href="${new URL('/issues/9/#nova', getSiteUrl({})).href}"`);
    }
    const digest = feeds.find((feed) => feed.path === '/rss.xml');
    expect(textOf(digest?.items[0]?.['content:encoded'] ?? '')).toContain('前言：AT&T 与 a < b，以及 ]]> 结尾。控制字符在这里。');
  });

  it("come with the text's links to the site, each leading to a page, section or file the build wrote", () => {
    // The pipeline let these through (`site-links.ts`); the built files say whether they arrive.
    const { broken, checked } = checkLinks(outDir, getSiteUrl({}));
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(0);
    for (const href of [
      '/projects/nova/',
      '/archive/2014/#m2014-02',
      '/en/issues/9/#nova',
      '/issues/9/#industry',
      '/favicon.svg',
      '/rss.xml',
    ]) {
      expect(readFileSync(path.join(outDir, 'issues/9/index.html'), 'utf8')).toContain(`="${href}"`);
    }
  });

  it('let no raw HTML become active, and leave only absolute addresses', () => {
    for (const feed of feeds) {
      for (const item of feed.items) {
        const html = item['content:encoded'] ?? '';
        for (const tag of ['script', 'iframe', 'style']) expect(elementsIn(html, tag)).toEqual([]);
        expect(html).not.toMatch(/\son\w+=|javascript:/i);
        expect(urlsIn(html).filter((url) => !isAbsoluteUrl(url))).toEqual([]);
        expect(guidOf(item)).toMatch(/^openstack-digest:/);
      }
    }
  });
});
