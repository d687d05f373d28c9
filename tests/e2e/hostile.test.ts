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
import { useBrowser } from './browser.ts';
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

/** Touches everything a handler could hide behind: hover and click every element in the article. */
async function provoke(page: Page) {
  for (const element of await page.locator('main *').all()) {
    await element.hover({ force: true, timeout: 1_000 }).catch(() => undefined);
  }
  await page.evaluate(() =>
    document.querySelectorAll<HTMLDetailsElement>('main details').forEach((details) => (details.open = !details.open)),
  );
  await page.waitForTimeout(300);
}

/** What must be gone from the rendered content (the site's own chrome aside), as the browser's DOM sees it. */
async function activeContent(page: Page) {
  return page.evaluate(() => {
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
    }
    return found;
  });
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
