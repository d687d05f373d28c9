/**
 * Every page type in both languages, light and dark, as a reader's Chromium meets it: axe-core
 * finds no accessibility violation, the Content-Security-Policy is strict and reports no
 * violation, nothing logs an error or loads from elsewhere; and the keyboard alone reaches every
 * control with a visible focus.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, COLOUR_RULES } from './axe.ts';
import { recordCspViolations, useBrowser } from './browser.ts';

const newPage = useBrowser();

/** A page that records every CSP violation Chromium reports. */
async function watchedPage(colorScheme: 'light' | 'dark') {
  const page = await newPage({ colorScheme });
  return { page, violations: await recordCspViolations(page) };
}

const policyOf = (page: Page) => page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');

const pages = [
  '/',
  '/issues/8/',
  '/issues/7/',
  '/projects/',
  '/projects/nova/',
  '/archive/',
  '/archive/2014/',
  // Sorted newest first, with its filters opened: projects without a match among them.
  '/search/?q=nova-scheduler&sort=newest',
  '/subscribe/',
  '/translations/',
  '/about/',
  '/404.html',
];

/** Every page type in both languages (the English 404 page is `/en/404.html`). */
const tour = pages.flatMap((path) => [path, `/en${path}`]);

describe('every page type', () => {
  it.each(tour)('%s, light and dark: accessible, under a strict policy it never breaks', async (path) => {
    const { page, violations: blocked } = await watchedPage('light');
    await page.goto(path);
    // A search page is checked with its results shown and its filters open (folded, they hold no match counts).
    if (path.includes('/search/')) {
      await page.locator('#search-results a').first().waitFor();
      await page.locator('#search-filters > summary').click();
      await page.locator('.search-filters__empty').first().waitFor();
    }
    expect(await axeViolations(page), `${path} (light)`).toEqual([]);
    // The same page in the other scheme: the colours follow the reader's setting, nothing reloads,
    // and only the colours' rules can find anything new.
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await axeViolations(page, undefined, [], COLOUR_RULES), `${path} (dark)`).toEqual([]);
    const policy = (await policyOf(page)) ?? '';
    expect(policy).toMatch(/default-src 'none'/);
    expect(policy).toMatch(/script-src 'self'( 'sha256-[^']+')*( 'wasm-unsafe-eval')?( 'sha256-[^']+')*;/);
    expect(policy).toMatch(/style-src 'self'( 'sha256-[^']+')*;/);
    expect(policy).not.toMatch(/'unsafe-inline'|'unsafe-eval'|https?:|\*/);
    expect(blocked).toEqual([]);
    expect(page.problems).toEqual([]);
    await page.context().close();
  });
});

describe('the keyboard alone', () => {
  it('reaches the skip link first, then every link of an issue page, each with a visible focus', async () => {
    const page = await newPage();
    await page.goto('/issues/8/');
    const focusables = await page.locator('a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])').count();
    const seen = new Set<string>();
    for (let step = 0; step < focusables + 5; step++) {
      await page.keyboard.press('Tab');
      const focus = await page.evaluate(() => {
        const element = document.activeElement as HTMLElement | null;
        if (!element || element === document.body) return undefined;
        const style = getComputedStyle(element);
        return {
          key: `${element.tagName}:${element.getAttribute('href') ?? element.id}:${element.textContent?.slice(0, 20)}`,
          visible: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
          skip: element.classList.contains('skip-link'),
        };
      });
      if (!focus) continue;
      if (step === 0) expect(focus.skip).toBe(true);
      expect(focus.visible, focus.key).toBe(true);
      seen.add(focus.key);
    }
    expect(seen.size).toBeGreaterThanOrEqual(focusables - 1);
  });

  it('skips to the content and follows a contents link with Enter', async () => {
    const page = await newPage();
    await page.goto('/issues/8/');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.locator('.toc a[href="#heat"]').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL('**/issues/8/#heat');
  });
});
