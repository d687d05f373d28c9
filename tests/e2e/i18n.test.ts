/**
 * Both languages in Chromium on the built corpus (with the committed English translations of
 * issues 1 and 8): switching language, fallbacks, remembered choice, hreflang and the sitemap.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { baseUrl, useBrowser } from './browser.ts';
import { IssuePage } from './pages/issue-page.ts';
import { htmlFiles } from '../helpers/site-files.ts';

const newPage = useBrowser();
describe('the language switch', () => {
  it('goes from issue 8 to its English page and back, at the same section', async () => {
    const page = await newPage();
    const issue = new IssuePage(page);
    await page.goto('/issues/8/#heat');
    await issue.languageSwitch().click();
    await page.waitForURL('**/en/issues/8/#heat');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await issue.heading().textContent()).toBe('Issue 8');
    expect(await page.locator('section#heat .prose').getAttribute('lang')).toBe('en');
    expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe('heat');
    await issue.languageSwitch().click();
    await page.waitForURL('**/issues/8/#heat');
    expect(new URL(page.url()).pathname).toBe('/issues/8/');
    expect(await issue.heading().textContent()).toBe('第八期');
    expect(page.problems).toEqual([]);
  });

  it('is a plain link that works without JavaScript', async () => {
    const page = await newPage({ javaScriptEnabled: false });
    const issue = new IssuePage(page);
    await issue.open(8);
    await issue.languageSwitch().click();
    await page.waitForURL('**/en/issues/8/');
  });

  it('is remembered for the next visit to the root, without loops', async () => {
    const page = await newPage();
    const issue = new IssuePage(page);
    await issue.open(8);
    await issue.languageSwitch().click();
    await page.waitForURL('**/en/issues/8/');
    await page.goto('/');
    await page.waitForURL('**/en/');
    await issue.languageSwitch().click();
    await page.waitForURL(`${baseUrl()}/`);
    await page.goto('/');
    await page.waitForLoadState('networkidle');
    expect(new URL(page.url()).pathname).toBe('/');
  });

  it('leaves a reader who chose English on the Chinese home page they follow a link to', async () => {
    const page = await newPage();
    const issue = new IssuePage(page);
    await issue.open(8);
    await issue.languageSwitch().click();
    await page.waitForURL('**/en/issues/8/');
    // Back on a Chinese page (a link someone sent), the site's own links home stay in Chinese.
    await issue.open(8);
    await page.locator('header a[href="/"]').first().click();
    await page.waitForLoadState('networkidle');
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
  });

  it('does not redirect on Accept-Language alone', async () => {
    const page = await newPage({ locale: 'en-US', extraHTTPHeaders: { 'Accept-Language': 'en-US,en;q=0.9' } });
    await page.goto('/');
    await page.waitForLoadState('networkidle');
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
  });
});

describe('an untranslated issue in English', () => {
  it('exists, says in English that it is not translated, and shows the Chinese text marked as Chinese', async () => {
    const page = await newPage();
    const issue = new IssuePage(page);
    const response = await issue.open(7, '/en');
    expect(response?.status()).toBe(200);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    const notice = page.locator('.translation-notice');
    expect(await notice.textContent()).toContain('has not been translated into English yet');
    expect(await notice.getAttribute('lang')).toBeNull();
    expect(await page.locator('section#nova .prose').getAttribute('lang')).toBe('zh-CN');
    expect(await page.locator('section#nova h2').textContent()).toBe('Nova');
    expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toMatch(/\/issues\/7\/$/);
    expect(await page.locator('link[rel="alternate"][hreflang]').count()).toBe(0);
    // Its description, which link previews and search results show, is English too, and names the issue and its period.
    const description = (await page.locator('meta[name="description"]').getAttribute('content')) ?? '';
    expect(description).not.toMatch(/\p{Script=Han}/u);
    expect(description).toContain('Issue 7');
    expect(description).toContain((await page.locator('article time.period').first().textContent())?.trim());
    await issue.open(7);
    expect(await page.locator('meta[name="description"]').getAttribute('content')).toMatch(/\p{Script=Han}/u);
  });

  it('is marked in English listings, and translations are offered in Chinese listings', async () => {
    const page = await newPage();
    await page.goto('/en/');
    expect(await page.locator('.issue-card:has(a[href="/en/issues/7/"]) .language-badge').textContent()).toBe('Chinese only');
    expect(await page.locator('.issue-card:has(a[href="/en/issues/8/"]) .language-badge').count()).toBe(0);
    await page.goto('/');
    expect(await page.locator('.issue-card:has(a[href="/issues/8/"]) a.language-badge').getAttribute('href')).toBe('/en/issues/8/');
    expect(await page.locator('.issue-card:has(a[href="/issues/7/"]) .language-badge').count()).toBe(0);
  });
});

describe('Chinese on English pages', () => {
  it("is marked as Chinese wherever it appears: names, the digest's name, examples, the text", async () => {
    const page = await newPage();
    const unmarked: string[] = [];
    for (const path of [
      '/en/',
      '/en/issues/3/',
      '/en/issues/8/',
      '/en/search/',
      '/en/archive/',
      '/en/projects/nova/',
      '/en/about/',
      '/en/subscribe/',
      '/en/translations/',
    ]) {
      await page.goto(path);
      const found = await page.evaluate(() => {
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        const runs: string[] = [];
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const parent = node.parentElement;
          if (!parent || parent.closest('script, style, template') || !/\p{Script=Han}/u.test(node.textContent ?? '')) continue;
          if (parent.closest('[lang]')?.getAttribute('lang') !== 'zh-CN')
            runs.push(`${parent.tagName}: ${node.textContent?.trim().slice(0, 40)}`);
        }
        return runs;
      });
      unmarked.push(...found.map((run) => `${path} ${run}`));
    }
    expect(unmarked).toEqual([]);
    expect(page.problems).toEqual([]);
  });
});

describe('links between languages in the built site', () => {
  it('point only at pages that exist: every hreflang and every canonical URL', () => {
    const dist = inject('distDir');
    const targets = new Set<string>();
    for (const file of htmlFiles(dist)) {
      for (const match of readFileSync(file, 'utf8').matchAll(
        /<link rel="(?:alternate|canonical)"(?: hreflang="[^"]+")? href="([^"]+)"/g,
      )) {
        targets.add(new URL(match[1] ?? '').pathname);
      }
    }
    expect(targets.size).toBeGreaterThan(20);
    const missing = [...targets].filter((pathname) => !existsSync(path.join(dist, pathname, pathname.endsWith('/') ? 'index.html' : '')));
    expect(missing).toEqual([]);
  });

  it('announce only real translations as alternates', () => {
    const dist = inject('distDir');
    const head = (pathname: string) => readFileSync(path.join(dist, pathname, 'index.html'), 'utf8');
    expect(head('issues/8')).toMatch(/hreflang="en" href="[^"]+\/en\/issues\/8\/"/);
    expect(head('issues/8')).toMatch(/hreflang="x-default" href="[^"]+\/issues\/8\/"/);
    expect(head('issues/7')).not.toMatch(/<link rel="alternate" hreflang/);
  });

  it('are listed in the sitemap with both languages, untranslated English pages left out', () => {
    const sitemap = readFileSync(path.join(inject('distDir'), 'sitemap.xml'), 'utf8');
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1] ?? '').pathname);
    expect(locs).toEqual(
      expect.arrayContaining([
        '/',
        '/en/',
        '/issues/7/',
        '/issues/8/',
        '/en/issues/8/',
        '/en/issues/1/',
        '/projects/nova/',
        '/en/projects/nova/',
      ]),
    );
    expect(locs).not.toContain('/en/issues/7/');
    expect(sitemap).toMatch(
      /<loc>[^<]+\/issues\/8\/<\/loc>\n {4}<xhtml:link rel="alternate" hreflang="en" href="[^"]+\/en\/issues\/8\/"\/>/,
    );
  });
});
