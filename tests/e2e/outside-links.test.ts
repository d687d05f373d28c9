/**
 * Links to other sites on the site built from the imported corpus (with the fixture of link checks
 * `tests/fixtures/links/link-health.yaml`), in Chromium and in the built feeds: every one has its
 * archived copy beside it, dated to the day its issue came out; a Gerrit link of 2013 leads to
 * OpenDev, the original still shown; a link the fixture marks dead opens its archived copy and
 * says so; and the notes fit a phone's width. Issue 2's pages (the Gerrit link) are checked with
 * axe and under the CSP here; issue 8's (dead, moved and unknown links), with the keyboard too,
 * with every page type in pages.test.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DomUtils, parseDocument } from 'htmlparser2';
import { describe, expect, inject, it } from 'vitest';
import { parse } from 'yaml';
import { readFeeds } from '../helpers/feeds.ts';
import { axeViolations } from './axe.ts';
import { recordCspViolations, useBrowser } from './browser.ts';
import { IssuePage, type OutsideLink } from './pages/issue-page.ts';

const newPage = useBrowser();

/** Each imported issue's publication day, read from its front matter without the site's code. */
const publishedDays = (): Map<number, string> => {
  const dir = path.join(inject('contentDir'), 'zh-CN');
  return new Map(
    readdirSync(dir).map((file) => {
      const source = readFileSync(path.join(dir, file), 'utf8');
      const front = parse(source.slice(4, source.indexOf('\n---\n', 4))) as { number: number; published: string };
      return [front.number, String(front.published)];
    }),
  );
};

const archiveOf = (address: string, day: string) => `https://web.archive.org/web/${day.replaceAll('-', '')}/${address}`;
const isArchive = (address: string | null) => /^https?:\/\/(?:[^/]+\.)?archive\.(?:org|today|is|ph)\//.test(address ?? '');

/** What is wrong with an outside link of an issue published on `day`; nothing when it has its archived copy. */
function problemsOf(
  link:
    | OutsideLink
    | { text: string; href: string | null; originalUrl: string | null; versionDate: string | null; beside: OutsideLink['beside'] },
  day: string,
): string[] {
  if (isArchive(link.href) && !link.beside) return [];
  const original = link.originalUrl;
  const problems: string[] = [];
  if (!original) problems.push('no data-originalurl');
  if (link.versionDate !== day) problems.push(`data-versiondate ${link.versionDate}`);
  const archived = archiveOf(original ?? '', day);
  const besideLinks = link.beside?.links.map((beside) => beside.href) ?? [];
  // A link known dead opens the archived copy itself, with the original beside it.
  const hasCopy = link.href === archived ? besideLinks.includes(original) : besideLinks.includes(archived);
  if (!hasCopy) problems.push(`no archived copy ${archived} beside it (beside: ${besideLinks.join(', ') || 'nothing'})`);
  return problems.map((problem) => `${link.text} → ${link.href}: ${problem}`);
}

describe('every link to another site', () => {
  it('has its archived copy beside it on every issue page, in both languages, dated to the issue', async () => {
    const page = await newPage();
    const issuePage = new IssuePage(page);
    let checked = 0;
    for (const [number, day] of publishedDays()) {
      for (const prefix of ['', '/en']) {
        await issuePage.open(number, prefix);
        const links = (await issuePage.outsideLinks()).filter((link) => !link.inCode);
        checked += links.length;
        expect(
          links.flatMap((link) => problemsOf(link, day)),
          `${prefix}/issues/${number}/`,
        ).toEqual([]);
      }
    }
    // The corpus links about 300 addresses, each shown in both languages.
    expect(checked).toBeGreaterThan(600);
    expect(page.problems).toEqual([]);
  });

  it('has its archived copy beside it in every feed item, dated to the item’s issue', () => {
    const days = publishedDays();
    const site = new URL(
      readFeeds(inject('distDir')).find((feed) => feed.path === '/rss.xml')?.rss.channel.link ?? 'https://openstack-digest.example.org/',
    );
    let checked = 0;
    for (const feed of readFeeds(inject('distDir'))) {
      for (const item of feed.items) {
        const number = Number(/issue-(\d+)/.exec(typeof item.guid === 'object' ? item.guid['#text'] : (item.guid ?? ''))?.[1]);
        const day = days.get(number) ?? '';
        const document = parseDocument(item['content:encoded'] ?? '');
        const outside = DomUtils.getElementsByTagName('a', document).filter((link) => {
          const href = DomUtils.getAttributeValue(link, 'href') ?? '';
          const parent = link.parent as typeof link | null;
          return (
            /^https?:/.test(href) && new URL(href).host !== site.host && DomUtils.getAttributeValue(parent ?? link, 'class') !== 'archived'
          );
        });
        const problems = outside.flatMap((link) => {
          let next = link.next;
          while (next && next.type === 'text' && !(next as { data: string }).data.trim()) next = next.next;
          const beside = next && 'attribs' in next && DomUtils.getAttributeValue(next, 'class') === 'archived' ? next : null;
          return problemsOf(
            {
              text: DomUtils.textContent(link),
              href: DomUtils.getAttributeValue(link, 'href') ?? null,
              originalUrl: DomUtils.getAttributeValue(link, 'data-originalurl') ?? null,
              versionDate: DomUtils.getAttributeValue(link, 'data-versiondate') ?? null,
              beside: beside
                ? {
                    text: DomUtils.textContent(beside),
                    links: DomUtils.getElementsByTagName('a', beside).map((a) => ({
                      text: DomUtils.textContent(a),
                      href: DomUtils.getAttributeValue(a, 'href') ?? null,
                      title: null,
                      originalUrl: null,
                      versionUrl: null,
                      versionDate: null,
                    })),
                  }
                : null,
            },
            day,
          );
        });
        checked += outside.length;
        expect(problems, `${feed.path}: ${item.title}`).toEqual([]);
      }
    }
    expect(checked).toBeGreaterThan(600);
  });
});

describe('links the data files know about', () => {
  it('a Gerrit link of 2013 leads to OpenDev, the original still shown, its archived copy the original’s', async () => {
    const page = await newPage();
    const blocked = await recordCspViolations(page);
    const issuePage = new IssuePage(page);
    for (const prefix of ['', '/en']) {
      await issuePage.open(2, prefix);
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        expect(await axeViolations(page), `${prefix}/issues/2/ (${colorScheme})`).toEqual([]);
      }
      const gerrit = (await issuePage.outsideLinks()).find((link) => link.text === 'https://review.openstack.org/#/c/53870/');
      expect(gerrit).toMatchObject({
        href: 'https://review.opendev.org/#/c/53870/',
        title: '原地址：https://review.openstack.org/#/c/53870/（已迁移）',
        originalUrl: 'https://review.openstack.org/#/c/53870/',
        versionDate: '2013-11-28',
        versionUrl: 'https://web.archive.org/web/20131128/https://review.openstack.org/#/c/53870/',
      });
      expect(gerrit?.beside?.links.map((link) => link.href)).toEqual([
        'https://web.archive.org/web/20131128/https://review.openstack.org/#/c/53870/',
      ]);
    }
    expect(blocked).toEqual([]);
    expect(page.problems).toEqual([]);
  });

  it('a link known dead opens its archived copy and says so, in both languages, the original beside it', async () => {
    const page = await newPage();
    const issuePage = new IssuePage(page);
    const hp = 'http://www8.hp.com/us/en/business-solutions/solution.html?compURI=1421776#.UvhTQ2KSyKI';
    for (const [prefix, says, original] of [
      ['', '（已失效，链接指向存档；原链接）', '原链接'],
      ['/en', '\u00a0(dead link, opens an archived copy; original)', 'original'],
    ] as const) {
      await issuePage.open(8, prefix);
      const dead = (await issuePage.outsideLinks()).find((link) => link.originalUrl === hp);
      expect(dead).toMatchObject({ href: `https://web.archive.org/web/20140215/${hp}`, text: 'HP Cloud OS' });
      expect(dead?.beside?.text).toBe(says);
      expect(dead?.beside?.links).toEqual([expect.objectContaining({ href: hp, text: original })]);
    }
    await issuePage.open(16);
    const markmail = (await issuePage.outsideLinks()).find((link) => link.text === 'http://openstack.markmail.org/thread/3kr4vic2fs4l7vrt');
    expect(markmail?.href).toMatch(
      /^https:\/\/web\.archive\.org\/web\/\d{8}\/http:\/\/openstack\.markmail\.org\/thread\/3kr4vic2fs4l7vrt$/,
    );
  });

  it('a permanent redirect is shown as a move; a server error leaves the link as written', async () => {
    const page = await newPage();
    const issuePage = new IssuePage(page);
    await issuePage.open(8);
    const links = await issuePage.outsideLinks();
    expect(links.find((link) => link.originalUrl === 'http://www.oracle.com/us/corporate/press/2132552')).toMatchObject({
      href: 'https://www.oracle.com/corporate/pressrelease/2132552.html',
      title: '原地址：http://www.oracle.com/us/corporate/press/2132552（已迁移）',
    });
    const unknown = links.find((link) => link.originalUrl?.startsWith('http://yourstory.com/'));
    expect(unknown?.href).toBe(unknown?.originalUrl);
    expect(unknown?.title).toBeNull();
  });

  it('the feed item of an issue carries the same: the dead link opens its archived copy', () => {
    const feed = readFeeds(inject('distDir')).find((candidate) => candidate.path === '/en/rss.xml');
    const item = feed?.items.find((candidate) => JSON.stringify(candidate.guid).includes('issue-8"'));
    const hp = DomUtils.getElementsByTagName('a', parseDocument(item?.['content:encoded'] ?? '')).find(
      (link) => DomUtils.textContent(link) === 'HP Cloud OS',
    );
    expect(hp && DomUtils.getAttributeValue(hp, 'href')).toBe(
      'https://web.archive.org/web/20140215/http://www8.hp.com/us/en/business-solutions/solution.html?compURI=1421776#.UvhTQ2KSyKI',
    );
  });
});

describe('at a phone’s width', () => {
  it.each(['/issues/8/', '/en/issues/8/', '/issues/10/', '/en/issues/1/'])(
    '%s fits 375 px, every archived-copy note readable and inside the page',
    async (path) => {
      for (const colorScheme of ['light', 'dark'] as const) {
        const page = await newPage({ viewport: { width: 375, height: 800 }, colorScheme });
        await page.goto(path);
        const layout = await page.evaluate(() => ({
          width: document.documentElement.scrollWidth,
          notes: [...document.querySelectorAll('.archived')].map((note) => {
            const box = note.getBoundingClientRect();
            const link = note.querySelector('a');
            const style = link ? getComputedStyle(link) : undefined;
            return {
              right: box.right,
              fontSize: parseFloat(getComputedStyle(note).fontSize),
              underlined: style?.textDecorationLine.includes('underline') ?? false,
              visible: box.width > 0 && box.height > 0,
            };
          }),
        }));
        expect(layout.width, `${path} (${colorScheme})`).toBeLessThanOrEqual(375);
        expect(layout.notes.length).toBeGreaterThan(5);
        for (const note of layout.notes) {
          expect(note).toMatchObject({ visible: true, underlined: true });
          expect(note.right).toBeLessThanOrEqual(375);
          expect(note.fontSize).toBeGreaterThanOrEqual(11);
        }
        expect(page.problems).toEqual([]);
        await page.context().close();
      }
    },
  );
});
