/**
 * The Content-Security-Policy at work: search loads and runs its WebAssembly under it, and it
 * stops what it should. (Every page type carries it and breaks nothing: `pages.test.ts`.)
 */
import { describe, expect, it } from 'vitest';
import { recordCspViolations, useBrowser } from './browser.ts';

const newPage = useBrowser();

/** A page that records every CSP violation Chromium reports. */
async function watchedPage() {
  const page = await newPage();
  return { page, violations: await recordCspViolations(page) };
}

describe('the Content-Security-Policy', () => {
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
