/** One headless Debian Chromium per test file, with the flags this closed network needs. */
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { launchChromium } from '../../scripts/lib/search-browser.ts';
import { afterAll, afterEach, beforeAll, inject } from 'vitest';

export const baseUrl = () => inject('baseUrl');

/** A browser for the test file; `site` gives the address pages open against (the shared corpus site unless another server is given). */
export function useBrowser(site: () => string = baseUrl) {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  // A test's pages keep their renderers (and whatever they still run) until closed.
  afterEach(async () => {
    await Promise.all(browser?.contexts().map((context) => context.close()) ?? []);
  });
  afterAll(async () => {
    await browser?.close();
  });
  /** A fresh page; it records console errors and any request to another host. */
  return async (options: BrowserContextOptions = {}): Promise<Page & { problems: string[] }> => {
    if (!browser) throw new Error('browser not started');
    const address = options.baseURL ?? site();
    const context = await browser.newContext({ baseURL: address, ...options });
    const page = Object.assign(await context.newPage(), { problems: [] as string[] });
    page.on('console', (message) => {
      if (message.type() === 'error') page.problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => page.problems.push(`page error: ${error.message}`));
    page.on('request', (request) => {
      if (new URL(request.url()).origin !== new URL(address).origin) page.problems.push(`request to another host: ${request.url()}`);
    });
    return page;
  };
}

/** Starts recording every Content-Security-Policy violation Chromium reports on a page; the list fills as they come. */
export async function recordCspViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { reportViolation: (text: string) => void }).reportViolation(
        `${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`,
      );
    });
  });
  return violations;
}
