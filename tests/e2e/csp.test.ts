/**
 * The Content-Security-Policy: every page carries a strict one, and the site works under it.
 * Chromium reports no violation on any page type, in either language, while a reader uses it.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowser } from './browser.ts';

const newPage = useBrowser();

/** A page that records every CSP violation Chromium reports. */
async function watchedPage() {
  const page = await newPage();
  const violations: string[] = [];
  await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { reportViolation: (text: string) => void }).reportViolation(
        `${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`,
      );
    });
  });
  return { page, violations };
}

const policyOf = (page: Page) => page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');

const pageTypes = [
  '/',
  '/issues/8/',
  '/issues/7/',
  '/projects/',
  '/projects/nova/',
  '/archive/',
  '/search/',
  '/subscribe/',
  '/translations/',
  '/about/',
  '/404.html',
];

describe('the Content-Security-Policy', () => {
  it.each(pageTypes.flatMap((path) => (path === '/404.html' ? [path] : [path, `/en${path}`])))(
    'is strict on %s and nothing on it breaks it',
    async (path) => {
      const { page, violations } = await watchedPage();
      await page.goto(path);
      const policy = (await policyOf(page)) ?? '';
      expect(policy).toMatch(/default-src 'none'/);
      expect(policy).toMatch(/script-src 'self'( 'sha256-[^']+')*( 'wasm-unsafe-eval')?( 'sha256-[^']+')*;/);
      expect(policy).toMatch(/style-src 'self'( 'sha256-[^']+')*;/);
      expect(policy).not.toMatch(/'unsafe-inline'|'unsafe-eval'|https?:|\*/);
      // Use the page: follow its language switch where it has one (the bilingual 404 page has none).
      const languageSwitch = page.locator('a[data-language-switch]');
      if (await languageSwitch.count()) {
        await languageSwitch.first().click();
        await page.waitForLoadState('load');
      }
      expect(violations).toEqual([]);
      expect(page.problems).toEqual([]);
    },
  );

  it.each(['/search/?q=健康检查', '/en/search/?q=nova-scheduler'])(
    'lets search load and run its WebAssembly on %s, and nothing more',
    async (path) => {
      const { page, violations } = await watchedPage();
      await page.goto(path);
      await page.locator('#search-results a').first().waitFor();
      expect(await page.locator('#search-results a').count()).toBeGreaterThan(0);
      expect(violations).toEqual([]);
      expect(page.problems).toEqual([]);
    },
  );

  it('blocks what it should: an injected inline script does not run', async () => {
    const { page, violations } = await watchedPage();
    await page.goto('/issues/8/');
    const ran = await page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.injectedRan = true';
      document.body.append(script);
      await new Promise((resolve) => setTimeout(resolve, 50));
      return (window as unknown as { injectedRan?: boolean }).injectedRan === true;
    });
    expect(ran).toBe(false);
    expect(violations.join('\n')).toMatch(/script-src/);
  });
});
