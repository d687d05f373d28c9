/**
 * The feeds of the site built from the imported corpus, read as a feed reader reads them: every
 * feed parsed as XML and passed through xmllint, checked against RSS 2.0 and against the imported
 * content; discovery links on every page; the subscribe page in Chromium. (A second build giving
 * identical feeds is checked, with every other file, in reproducible.test.ts.)
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DomUtils, parseDocument } from 'htmlparser2';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { parse } from 'yaml';
import { guidOf, isAbsoluteUrl, readFeeds, textOf, urlsIn, xmllint, type Feed } from '../helpers/feeds.ts';
import { useBrowser } from './browser.ts';
import { SubscribePage } from './pages/subscribe-page.ts';

interface ImportedIssue {
  file: string;
  number: number;
  published: string;
  period: { start: string; end: string };
  projects: string[];
  body: string;
}

/** The imported issues, read from the content folder independently of the site's code, newest first. */
const imported = (): ImportedIssue[] => {
  const dir = path.join(inject('contentDir'), 'zh-CN');
  return readdirSync(dir)
    .map((file) => {
      const source = readFileSync(path.join(dir, file), 'utf8');
      const end = source.indexOf('\n---\n', 4);
      return { ...(parse(source.slice(4, end)) as Omit<ImportedIssue, 'file' | 'body'>), file, body: source.slice(end + 5) };
    })
    .sort((a, b) => b.number - a.number);
};

/** `## Heading` → its text, link definitions left out (they serve every section). */
const sectionsOf = (body: string): Map<string, string> => {
  const parts = body.split(/^## +(.+)$/m);
  const sections = new Map<string, string>([['', parts[0] ?? '']]);
  for (let index = 1; index < parts.length; index += 2) sections.set((parts[index] ?? '').trim().toLowerCase(), parts[index + 1] ?? '');
  for (const [heading, text] of sections) sections.set(heading, text.replace(/^ {0,3}\[[^\]]+\]:.*$/gm, ''));
  return sections;
};

/** Runs of Chinese characters: fingerprints of a text that Markdown and HTML leave untouched. */
const chineseRuns = (text: string, minimum: number) => text.match(new RegExp(`[\\u4e00-\\u9fff]{${minimum},}`, 'g')) ?? [];

/** Runs of plain English words, the same kind of fingerprint for translations. */
const englishRuns = (text: string, minimum: number) =>
  text.replace(/\]\([^)]*\)|<[^>]*>|\[/g, '').match(new RegExp(`[A-Za-z][A-Za-z ,']{${minimum},}[A-Za-z]`, 'g')) ?? [];

/** English translations in the content folder: issue number → body. */
const translatedBodies = (): Map<number, string> => {
  const dir = path.join(inject('contentDir'), 'en');
  return new Map(
    (existsSync(dir) ? readdirSync(dir) : []).map((file) => {
      const source = readFileSync(path.join(dir, file), 'utf8');
      const end = source.indexOf('\n---\n', 4);
      return [(parse(source.slice(4, end)) as { number: number }).number, source.slice(end + 5)];
    }),
  );
};

const distDir = () => inject('distDir');
let feeds: Feed[] = [];
let site = '';
const feed = (feedPath: string) => {
  const found = feeds.find((candidate) => candidate.path === feedPath);
  if (!found) throw new Error(`no feed at ${feedPath}`);
  return found;
};
const localPath = (url: string) => (url.startsWith(site) ? `/${url.slice(site.length)}` : url);

beforeAll(() => {
  feeds = readFeeds(distDir());
  site = feed('/rss.xml').rss.channel.link ?? '';
});

describe('the feeds of the corpus site', () => {
  it('exist for the whole digest and for every project with sections, in both languages', () => {
    const projects = [...new Set(imported().flatMap((issue) => issue.projects))];
    expect(projects.length).toBeGreaterThan(5);
    const expected = ['', '/en'].flatMap((prefix) => [`${prefix}/rss.xml`, ...projects.map((id) => `${prefix}/projects/${id}/rss.xml`)]);
    expect(feeds.map((found) => found.path).sort()).toEqual(expected.sort());
  });

  it('are all accepted by xmllint', () => {
    const result = xmllint(feeds.map((found) => path.join(distDir(), found.path)));
    expect(result.output).toBe('');
    expect(result.status).toBe(0);
  });

  it("have the RSS 2.0 required elements, the feed's language and absolute links", () => {
    expect(site).toMatch(/^https?:\/\/[^/]+\/$/);
    for (const { path: feedPath, rss, items } of feeds) {
      const english = feedPath.startsWith('/en/');
      expect(rss['@_version'], feedPath).toBe('2.0');
      expect(rss.channel.title?.trim(), feedPath).toBeTruthy();
      expect(rss.channel.description?.trim(), feedPath).toBeTruthy();
      expect(rss.channel.link, feedPath).toBe(
        `${site}${english ? 'en/' : ''}${feedPath.replace(/^\/(en\/)?/, '').replace(/rss\.xml$/, '')}`,
      );
      expect(rss.channel.language, feedPath).toBe(english ? 'en' : 'zh-cn');
      expect(items.length, feedPath).toBeGreaterThan(0);
      for (const item of items) {
        expect(item.title?.trim() || item.description?.trim(), feedPath).toBeTruthy();
        expect(item.link?.startsWith(site), item.link).toBe(true);
        expect(item.guid, item.link).toMatchObject({ '@_isPermaLink': 'false' });
      }
    }
  });

  it('never give two items the same GUID, within a feed or across feeds', () => {
    const guids = feeds.flatMap(({ items }) => items.map(guidOf));
    expect(guids.every(Boolean)).toBe(true);
    expect(guids.length).toBeGreaterThan(imported().length * 2);
    expect(guids.filter((guid, index) => guids.indexOf(guid) !== index)).toEqual([]);
  });

  it('leave no relative address in any item', () => {
    let checked = 0;
    for (const { items } of feeds) {
      for (const item of items) {
        const urls = urlsIn(`${item['content:encoded'] ?? ''}${item.description ?? ''}`);
        checked += urls.length;
        expect(
          urls.filter((url) => !isAbsoluteUrl(url)),
          item.link,
        ).toEqual([]);
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('give each issue one item, newest first, titled with its number and period and dated by its publication', () => {
    const issues = imported();
    for (const [feedPath, prefix] of [
      ['/rss.xml', ''],
      ['/en/rss.xml', 'en/'],
    ] as const) {
      const { items } = feed(feedPath);
      expect(items.map((item) => item.link)).toEqual(issues.map((issue) => `${site}${prefix}issues/${issue.number}/`));
      items.forEach((item, index) => {
        const issue = issues[index] as ImportedIssue;
        expect(new Date(item.pubDate ?? '').toISOString().slice(0, 10)).toBe(issue.published);
        const year = issue.period.end.slice(0, 4);
        expect(item.title).toMatch(
          prefix
            ? new RegExp(`^Issue ${issue.number} \\(.*${year}\\)$`)
            : new RegExp(`^第[一二三四五六七八九十]+期（.*${Number(issue.period.end.slice(8))}日）$`),
        );
      });
    }
  });

  it('show issues without an English translation in the English feed under an English note, in Chinese', () => {
    const untranslated = imported().filter((issue) => !existsSync(path.join(inject('contentDir'), 'en', issue.file)));
    const items = feed('/en/rss.xml').items;
    for (const issue of untranslated) {
      const html = items.find((item) => item.link === `${site}en/issues/${issue.number}/`)?.['content:encoded'] ?? '';
      const document = parseDocument(html);
      expect(textOf(html), `issue ${issue.number}`).toMatch(/^This issue has not been translated into English yet\./);
      const chinese = DomUtils.findAll((element) => element.attribs['lang'] === 'zh-CN', document.children);
      expect(chinese.length, `issue ${issue.number}`).toBeGreaterThan(0);
    }
  });

  it('hold only Nova sections in the Nova feed, each linking to its section', () => {
    const withNova = imported().filter((issue) => issue.projects.includes('nova'));
    const translations = translatedBodies();
    expect(withNova.length).toBeGreaterThan(1);
    for (const [feedPath, prefix] of [
      ['/projects/nova/rss.xml', ''],
      ['/en/projects/nova/rss.xml', 'en/'],
    ] as const) {
      const { items } = feed(feedPath);
      expect(items.map((item) => item.link)).toEqual(withNova.map((issue) => `${site}${prefix}issues/${issue.number}/#nova`));
      let fingerprints = 0;
      items.forEach((item, index) => {
        const issue = withNova[index] as ImportedIssue;
        // English items of translated issues carry the translation; the others the Chinese original.
        const translation = prefix ? translations.get(issue.number) : undefined;
        const sections = sectionsOf(translation ?? issue.body);
        const runs = translation ? englishRuns : chineseRuns;
        const nova = sections.get('nova') ?? '';
        const text = textOf(item['content:encoded'] ?? '');
        for (const run of runs(nova, 6)) {
          expect(text, `${item.link} lacks ${run}`).toContain(run);
          fingerprints += 1;
        }
        const elsewhere = [...sections]
          .filter(([heading]) => heading !== 'nova')
          .flatMap(([, other]) => runs(other, 12))
          .filter((run) => !nova.includes(run));
        for (const run of elsewhere) expect(text, `${item.link} holds ${run} from another section`).not.toContain(run);
        fingerprints += elsewhere.length;
      });
      expect(fingerprints).toBeGreaterThan(20);
    }
  });
});

describe('feed discovery', () => {
  it("announces on every page the site feed of its language, on issue pages their projects' feeds, on project pages their own", () => {
    const issues = new Map(imported().map((issue) => [String(issue.number), issue]));
    const pages = readdirSync(distDir(), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(issues.size * 2);
    for (const page of pages) {
      const document = parseDocument(readFileSync(path.join(distDir(), page), 'utf8'));
      const lang = DomUtils.findOne((element) => element.name === 'html', document.children)?.attribs['lang'];
      const links = DomUtils.findAll(
        (element) => element.name === 'link' && element.attribs['rel'] === 'alternate' && element.attribs['type'] === 'application/rss+xml',
        document.children,
      );
      const hrefs = links.map((link) => link.attribs['href'] ?? '');
      expect(
        links.every((link) => link.attribs['title']?.trim()),
        page,
      ).toBe(true);
      const prefix = lang === 'en' ? 'en/' : '';
      expect(hrefs[0], page).toBe(`${site}${prefix}rss.xml`);
      const route = page.split(path.sep).join('/').replace(/^en\//, '');
      const issue = /^issues\/(\d+)\/index\.html$/.exec(route)?.[1];
      const project = /^projects\/([a-z0-9-]+)\/index\.html$/.exec(route)?.[1];
      const expected = issue ? (issues.get(issue)?.projects ?? ['missing']) : project ? [project] : [];
      expect(hrefs.slice(1).sort(), page).toEqual(expected.map((id) => `${site}${prefix}projects/${id}/rss.xml`).sort());
      for (const href of hrefs) expect(existsSync(path.join(distDir(), localPath(href))), href).toBe(true);
    }
  });
});

describe('the subscribe page', () => {
  const newPage = useBrowser();

  it.each([
    ['', 'zh-CN'],
    ['/en', 'en'],
  ])('%s lists every feed of its language with an address to copy, without JavaScript, at phone width', async (prefix, lang) => {
    const page = await newPage({ javaScriptEnabled: false, viewport: { width: 375, height: 800 } });
    const subscribe = new SubscribePage(page);
    expect((await subscribe.open(prefix))?.status()).toBe(200);
    expect(await page.getAttribute('html', 'lang')).toBe(lang);
    const url = (feedPath: string) => `${site.slice(0, -1)}${feedPath}`;
    const own = feeds.filter((found) => found.path.startsWith('/en/') === (prefix === '/en')).map((found) => url(found.path));
    const otherLanguage = url(prefix ? '/rss.xml' : '/en/rss.xml');
    const addresses = await subscribe.addresses();
    expect(addresses[0]).toBe(url(`${prefix}/rss.xml`));
    expect([...addresses].sort()).toEqual([...own, otherLanguage].sort());
    expect(await subscribe.feedLinks()).toEqual(addresses.map(localPath));
    expect(await subscribe.fields().evaluateAll((fields) => fields.every((field) => (field as HTMLTextAreaElement).readOnly))).toBe(true);
    expect(
      await subscribe
        .copyButtons()
        .evaluateAll((buttons) => buttons.filter((button) => (button as HTMLElement).offsetParent !== null).length),
    ).toBe(0);
    expect(await page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0)).toBeLessThanOrEqual(375);
    await subscribe.projectField('nova').selectText();
    expect(
      await page.evaluate(() => {
        const field = document.activeElement as HTMLTextAreaElement;
        return field.value.slice(field.selectionStart, field.selectionEnd);
      }),
    ).toBe(`${site}${prefix ? 'en/' : ''}projects/nova/rss.xml`);
    expect(page.problems).toEqual([]);
  });

  it('copies an address with the Copy button where JavaScript and the clipboard are there', async () => {
    const page = await newPage({ permissions: ['clipboard-read', 'clipboard-write'] });
    const subscribe = new SubscribePage(page);
    await page.goto('/');
    await page.locator('.site-header a[href="/subscribe/"]').click();
    await page.waitForURL('**/subscribe/');
    await subscribe.copyButton('nova').click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${site}projects/nova/rss.xml`);
    await expect.poll(() => subscribe.status().textContent()).toContain('Nova');
    expect(await subscribe.copyButton('nova').textContent()).toBe('已复制');
    // Copied again, it is said again: the status changes (emptied, then written), as a screen reader needs to hear it.
    const said = await subscribe.status().evaluateHandle((status) => {
      const writes: string[] = [];
      new MutationObserver(() => writes.push(status.textContent ?? '')).observe(status, {
        childList: true,
        characterData: true,
        subtree: true,
      });
      return writes;
    });
    await subscribe.copyButton('nova').click();
    await expect.poll(() => said.evaluate((writes) => writes.map((text) => (text.includes('Nova') ? 'Nova' : text)))).toEqual(['', 'Nova']);
    expect(page.problems).toEqual([]);
  });

  it('opens a feed from its name', async () => {
    const page = await newPage();
    const subscribe = new SubscribePage(page);
    await subscribe.open('/en');
    const response = await page.request.get((await subscribe.feedLinks())[0] ?? '');
    expect(response.status()).toBe(200);
    expect(await response.text()).toBe(feed('/en/rss.xml').xml);
  });
});
