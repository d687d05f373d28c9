/**
 * A fixture issue (and translation) full of hostile HTML, built into a site of its own: in
 * Chromium, nothing of it runs, loads or reaches another host, on pages and in feed items,
 * while ordinary formatting survives.
 */

import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFeeds } from '../helpers/feeds.ts';
import { projectRoot, runAstro } from '../helpers/commands.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';
import { axeViolations } from './axe.ts';
import { useBrowser } from './browser.ts';
import { SearchPage } from './pages/search-page.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const newPage = useBrowser();
const distDir = tempDir('hostile');
let server: StaticServer;
let siteUrl = '';

beforeAll(async () => {
  const built = runAstro(['build', '--outDir', distDir], { DIGEST_CONTENT_DIR: path.join(projectRoot, 'tests/fixtures/content/hostile') });
  if (built.status !== 0) throw new Error(built.output);
  server = await serveStatic(distDir);
  siteUrl = new URL(readFeeds(distDir)[0]?.rss.channel.link ?? 'https://invalid/').origin;
}, 180_000);
afterAll(() => server?.close());

/** A page that records every attempt of the fixture's payloads: `__pwned` writes, dialogs, requests elsewhere. */
async function guardedPage(javaScriptEnabled = true) {
  const page = await newPage({ baseURL: server.url, javaScriptEnabled });
  const attempts: string[] = [];
  await page.exposeFunction('reportAttempt', (what: string) => attempts.push(what));
  await page.addInitScript(() => {
    const report = (window as unknown as { reportAttempt: (what: string) => void }).reportAttempt;
    Object.defineProperty(window, '__pwned', { set: (value: string) => report(`__pwned = ${value}`), configurable: false });
    window.alert = (message?: unknown) => report(`alert(${String(message)})`);
  });
  page.on('dialog', (dialog) => {
    attempts.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  // Feed items carry absolute links to the site's own address (SITE_URL); anything else is elsewhere.
  const own = (url: string) => url.startsWith(server.url) || url.startsWith(siteUrl);
  page.on('request', (request) => {
    if (!own(request.url())) attempts.push(`request: ${request.url()}`);
  });
  page.on('framenavigated', (frame) => {
    if (!own(frame.url()) && frame.url() !== 'about:blank') attempts.push(`navigation: ${frame.url()}`);
  });
  return { page, attempts };
}

/**
 * Touches everything a handler could hide behind: every element of the article gets the events a
 * pointer and the keyboard give it (a handler written into the page runs for these as for the
 * reader's own), and every `<details>` is toggled. In the page at once: one hover per element from
 * the test took seconds a page.
 */
async function provoke(page: Page) {
  await page.evaluate(() => {
    const events = [
      'pointerover',
      'pointerenter',
      'mouseover',
      'mouseenter',
      'mousemove',
      'pointerdown',
      'mousedown',
      'pointerup',
      'mouseup',
    ];
    for (const element of document.querySelectorAll<HTMLElement>('main *')) {
      for (const type of events) element.dispatchEvent(new MouseEvent(type, { bubbles: true }));
      element.dispatchEvent(new FocusEvent('focus'));
      element.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    }
    document.querySelectorAll<HTMLDetailsElement>('main details').forEach((details) => (details.open = !details.open));
  });
  await page.waitForTimeout(300);
}

/**
 * What must be gone from the rendered content (the site's own chrome aside), as the browser's DOM
 * sees it; images count when the browser would load them from any origin but the given ones.
 */
async function activeContent(page: Page, origins: readonly string[] = [server.url, siteUrl]) {
  return page.evaluate(
    (allowed) => {
      const content = document.querySelectorAll('main .prose *, main [lang] *, main .attribution *, main .issue-card *');
      const found: string[] = [];
      for (const element of new Set(content)) {
        if (/^(SCRIPT|IFRAME|OBJECT|EMBED|FORM|INPUT|BUTTON|STYLE|META|BASE|LINK|SVG|MATH|NOSCRIPT)$/i.test(element.tagName))
          found.push(`<${element.tagName.toLowerCase()}>`);
        for (const attribute of element.getAttributeNames()) {
          if (attribute.startsWith('on') || attribute === 'style' || attribute === 'srcdoc')
            found.push(`${element.tagName.toLowerCase()}[${attribute}]`);
        }
        for (const attribute of ['href', 'src']) {
          const value = element.getAttribute(attribute);
          if (value && /^\s*[a-z][a-z0-9+.-]*:/i.test(value) && !/^(https?|mailto):/i.test(value.trim()))
            found.push(`${element.tagName.toLowerCase()}[${attribute}=${value}]`);
        }
        // Where the browser itself would fetch the image from, whatever the page's own scheme.
        if (element instanceof HTMLImageElement && !allowed.includes(new URL(element.src).origin)) found.push(`img from ${element.src}`);
      }
      return found;
    },
    origins.map((origin) => new URL(origin).origin),
  );
}

describe('hostile HTML in an issue', () => {
  it.each(['/issues/9/', '/en/issues/9/', '/projects/industry/', '/en/projects/nova/', '/projects/heat/', '/'])(
    'is inert on %s: no script runs, nothing loads from elsewhere, no active element remains',
    async (url) => {
      const { page, attempts } = await guardedPage();
      await page.goto(url);
      await provoke(page);
      expect(attempts).toEqual([]);
      expect(await activeContent(page)).toEqual([]);
      expect(await page.evaluate(() => getComputedStyle(document.body).display)).toBe('block');
      expect(new URL(page.url()).pathname).toBe(url);
    },
  );

  it('keeps ordinary formatting, tables, code, quotes, lists, links and local images', async () => {
    const { page } = await guardedPage();
    await page.goto('/issues/9/');
    const nova = page.locator('section#nova');
    expect(await nova.locator('strong').first().textContent()).toBe('粗体');
    expect(await nova.locator('em').first().textContent()).toBe('斜体');
    expect(await nova.locator('del').textContent()).toBe('删除线');
    expect(await nova.locator('table td').first().textContent()).toBe('Nova');
    expect(await nova.locator('pre code').textContent()).toContain('print("<script>不会执行</script>")');
    expect(await nova.locator('blockquote').textContent()).toContain('引用的文字');
    expect(await nova.locator('ol li').count()).toBe(2);
    expect(await nova.locator('a[href="/issues/9/#heat"]').count()).toBe(1);
    expect(await nova.locator('a[href="https://docs.openstack.org/"]').getAttribute('rel')).toBe('external noopener noreferrer');
    expect(await nova.locator('img[src="/favicon.svg"]').getAttribute('alt')).toBe('本地图片');
    expect(await page.locator('section#industry').textContent()).toContain('带样式的段落文字保留');
    expect(await page.locator('section#heat a[href="https://evil.example/"]').getAttribute('target')).toBeNull();
  });

  it('keeps the words of a wide table whole on a phone: the table scrolls, from the keyboard too, and the page does not', async () => {
    const page = await newPage({ baseURL: server.url, viewport: { width: 375, height: 800 } });
    await page.goto('/issues/9/');
    const table = page.locator('section#nova table');
    // A word split letter by letter takes a line per few letters.
    const lines = await table.locator('td').evaluateAll((cells) =>
      cells.map((cell) => {
        const range = document.createRange();
        range.selectNodeContents(cell);
        return `${cell.textContent}: ${new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size}`;
      }),
    );
    expect(lines.filter((line) => /^(Nova|2014\.1\.2|Approved):/.test(line))).toEqual(['Nova: 1', '2014.1.2: 1', 'Approved: 1']);
    expect(await table.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true);
    expect(await page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0)).toBeLessThanOrEqual(375);
    expect(await axeViolations(page, 'section#nova table')).toEqual([]);
  });

  it('scrolls a long line of code in its own box on a phone, which the keyboard reaches and scrolls', async () => {
    const page = await newPage({ baseURL: server.url, viewport: { width: 375, height: 800 } });
    await page.goto('/issues/9/');
    const code = page.locator('section#nova pre');
    const widths = () => code.evaluate((pre) => ({ scrolls: pre.scrollWidth > pre.clientWidth, left: pre.scrollLeft }));
    expect(await widths()).toEqual({ scrolls: true, left: 0 });
    expect(await page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0)).toBeLessThanOrEqual(375);
    expect(await axeViolations(page, 'section#nova pre')).toEqual([]);
    await code.focus();
    expect(await code.evaluate((pre) => pre === document.activeElement && pre.matches(':focus-visible'))).toBe(true);
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await widths()).left).toBeGreaterThan(0);
  });

  it('is inert inside every feed item, rendered by Chromium as a feed reader would', async () => {
    const feeds = readFeeds(distDir);
    expect(feeds.length).toBeGreaterThan(3);
    const { page, attempts } = await guardedPage();
    await page.goto('/404.html');
    for (const feed of feeds) {
      for (const item of feed.items) {
        // The item HTML goes in as a feed reader puts it in a page: parsed as HTML, scripts and all.
        await page.evaluate((html) => {
          const main = document.querySelector('main') as HTMLElement;
          main.innerHTML = '';
          main.append(document.createRange().createContextualFragment(`<div class="prose">${html}</div>`));
        }, item['content:encoded'] ?? '');
        await provoke(page);
        expect(attempts, `${feed.path} ${item.link}`).toEqual([]);
        expect(await activeContent(page), `${feed.path} ${item.link}`).toEqual([]);
      }
    }
  });
});

/** The left edge of each character of `text` inside the element (across its text nodes), in order: what the reader sees of its order. */
function characterPositions(page: Page, selector: string, text: string) {
  return page
    .locator(selector)
    .first()
    .evaluate((element, wanted) => {
      const characters: [Text, number][] = [];
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        for (let offset = 0; offset < node.data.length; offset++) characters.push([node, offset]);
      }
      const at = characters
        .map(([node, offset]) => node.data.charAt(offset))
        .join('')
        .indexOf(wanted);
      return characters.slice(at < 0 ? 0 : at, at < 0 ? 0 : at + wanted.length).map(([node, offset]) => {
        const range = document.createRange();
        range.setStart(node, offset);
        range.setEnd(node, offset + 1);
        return range.getBoundingClientRect().left;
      });
    }, text);
}

const ascending = (positions: readonly number[]) =>
  positions.length > 1 && positions.every((x, index) => index === 0 || x > (positions[index - 1] ?? 0));
/** Whether boxes come in reading order, left to right and line by line (a line may wrap). */
const inReadingOrder = (starts: readonly { top: number; left: number }[]) =>
  starts.length > 1 &&
  starts.every((start, index) => {
    const before = starts[index - 1];
    if (!before) return true;
    const sameLine = Math.abs(start.top - before.top) < 8;
    return sameLine ? start.left > before.left : start.top > before.top;
  });
const DIRECTION_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;

describe('addresses written to reach another host', () => {
  it('load nothing from it on a page served over http: https:host and HTTPS:host (the check refuses /\\host and //host)', async () => {
    expect(server.url).toMatch(/^http:/);
    const { page, attempts } = await guardedPage();
    await page.goto('/issues/9/');
    await provoke(page);
    expect(attempts).toEqual([]);
    expect(await activeContent(page)).toEqual([]);
    const industry = page.locator('section#industry');
    // Images from elsewhere are links to them, with their alt text.
    expect(await industry.locator('a[href="https://evil.example/x.png"]').textContent()).toBe('图三');
    expect(await industry.locator('a[href="https://evil.example/y.png"]').textContent()).toBe('图四');
    const hosts = await page
      .locator('main img')
      .evaluateAll((images) => images.map((image) => new URL((image as HTMLImageElement).src).host));
    expect(new Set(hosts)).toEqual(new Set([new URL(server.url).host]));
  });
});

describe('direction controls in titles, names and bodies', () => {
  it.each(['/issues/9/', '/en/issues/9/'])('reorder none of the site words on %s, nor the text they sit in', async (url) => {
    const { page } = await guardedPage();
    await page.goto(url);
    expect(await page.evaluate(() => document.title + document.body.textContent)).not.toMatch(DIRECTION_CONTROLS);
    // gnp.exe reads as written, in the title and in a link of the body.
    expect(ascending(await characterPositions(page, '.issue__title', 'gnp.exe'))).toBe(true);
    expect(ascending(await characterPositions(page, 'section#nova .prose', 'gnp.exe'))).toBe(true);
    // The credits read in order: the editor and the team, then the source link, then the date, each left to right (the line may wrap).
    const start = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((element) => {
          const { top, left } = element.getClientRects()[0] ?? element.getBoundingClientRect();
          return { top, left };
        });
    const order = [
      await start('.attribution > p:first-of-type bdi'),
      await start('.attribution > p:first-of-type a'),
      await start('.attribution > p:first-of-type time'),
    ];
    expect(inReadingOrder(order), JSON.stringify(order)).toBe(true);
    expect(ascending(await characterPositions(page, '.attribution > p:first-of-type a', 'example.org'))).toBe(true);
    expect(await page.locator('.attribution > p:first-of-type bdi').allTextContents()).toEqual(['测试编辑', 'צוות 测试\u200F']);
  });

  it('are gone from feeds and from search excerpts', async () => {
    for (const feed of readFeeds(distDir)) expect(feed.xml, feed.path).not.toMatch(DIRECTION_CONTROLS);
    const page = await newPage({ baseURL: server.url });
    const search = new SearchPage(page);
    await search.open();
    expect(await search.search('gnp')).toEqual([9]);
    const [result] = await search.results();
    expect(result?.excerpt).toContain('gnp.exe');
    expect(result?.excerpt).not.toMatch(DIRECTION_CONTROLS);
    expect(ascending(await characterPositions(page, '.search-result__excerpt', 'gnp.exe'))).toBe(true);
  });
});

describe("a section heading's subtitle", () => {
  it('is shown under the project name, in both languages and on the project page, the anchor still the project id', async () => {
    const { page } = await guardedPage();
    await page.goto('/issues/9/');
    expect(await page.locator('section#nova .issue-section__subtitle').textContent()).toBe('热迁移专题');
    await page.goto('/en/issues/9/');
    expect(await page.locator('section#nova .issue-section__subtitle').textContent()).toBe('live migration');
    await page.goto('/projects/nova/');
    expect(await page.locator('.project-entry__subtitle').textContent()).toBe('热迁移专题');
  });

  it('is carried by feeds and found by search', async () => {
    const feeds = readFeeds(distDir);
    const items = (feedPath: string) => feeds.find((feed) => feed.path === feedPath)?.items ?? [];
    expect(items('/projects/nova/rss.xml')[0]?.title).toBe('Nova：热迁移专题 · 第九期（2014年2月16日至27日）');
    expect(items('/rss.xml')[0]?.['content:encoded']).toContain('#nova">Nova：<bdi>热迁移专题</bdi></a></h2>');
    const search = new SearchPage(await newPage({ baseURL: server.url }));
    await search.open();
    expect(await search.search('热迁移专题')).toEqual([9]);
    expect((await search.results())[0]?.href).toBe('/issues/9/#nova');
  });
});

describe('letters and digits typed full-width', () => {
  it('are found as typed and in their half-width form, on the page that shows them as written', async () => {
    const { page } = await guardedPage();
    await page.goto('/issues/9/');
    expect(await page.locator('section#nova').textContent()).toContain('ｆｉｌｅｓｙｓｔｅｍ 驱动，第２版');
    const search = new SearchPage(await newPage({ baseURL: server.url }));
    await search.open();
    for (const query of ['filesystem', 'ｆｉｌｅｓｙｓｔｅｍ', 'FileSystem']) {
      expect(await search.search(query), query).toEqual([9]);
      expect((await search.results())[0]?.href, query).toMatch(/^\/issues\/9\/#nova/);
    }
  });
});

describe('the translator of a translation', () => {
  it('is credited on its page and in the English feeds, the name kept as text', async () => {
    const { page } = await guardedPage();
    await page.goto('/en/issues/9/');
    expect(await page.locator('.attribution__translator').textContent()).toBe(
      `Translated by Test Translator <img src=x onerror="window.__pwned='translator'">`,
    );
    await page.goto('/issues/9/');
    expect(await page.locator('.attribution__translator').count()).toBe(0);
    const english = readFeeds(distDir).find((feed) => feed.path === '/en/rss.xml');
    expect(english?.items[0]?.['content:encoded']).toContain('<p>Translated by <bdi>Test Translator &lt;img');
  });
});
