/**
 * The search page driven as a reader drives it, in Chromium: type a query, press Enter, read
 * the issues listed. Shared by the recall runner and the benchmark.
 */
import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { absoluteUrl, localizePath, searchPath } from '../../src/lib/routes.ts';
import { prepareQuery } from '../../src/lib/search/page/query.ts';
import type { Locale } from '../../src/i18n/locales.ts';

/** Debian's Chromium, the browser readers have. */
const fullChromium = '/usr/bin/chromium';
/**
 * Debian's headless shell: the same engine without the browser around it, which takes about half
 * the CPU per page (see bench/REPORT.md). Tests and tools drive it; the bench times the full one.
 */
const headlessShell = '/usr/bin/chromium-headless-shell';

/**
 * Headless Debian Chromium with the flags this closed network needs: the headless shell, or the
 * full browser with `full` (or the shell's absence); `CHROMIUM_PATH` names another.
 */
export function launchChromium({ full = false }: { full?: boolean } = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? (full || !existsSync(headlessShell) ? fullChromium : headlessShell),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-gpu',
    ],
  });
}

/** Opens the search page of a locale (`baseUrl` is the site's address: its origin, and its base path if it has one). */
export async function openSearchPage(page: Page, baseUrl: string, locale: Locale): Promise<void> {
  await page.goto(absoluteUrl(localizePath(searchPath, locale), new URL(baseUrl)));
}

/** Types a query into the search page, presses Enter, waits for the answer and returns the issue numbers listed. */
export async function searchIssues(page: Page, query: string): Promise<number[]> {
  const box = page.locator('#search-query');
  await box.fill(query);
  await box.press('Enter');
  await waitForAnswer(page, query);
  return page.locator('#search-results > li').evaluateAll((items) => items.map((item) => Number((item as HTMLElement).dataset['issue'])));
}

/**
 * Sets up, in the page as loaded, what Playwright's waiting runs on: the first `waitForFunction` on
 * a page evaluates Playwright's own script there, on the page's main thread (the longer the slower
 * the CPU). A measure taken in the page must not include it, so a timed search calls this before
 * the query is entered.
 */
export async function readyToWatch(page: Page): Promise<void> {
  await page.waitForFunction(() => true);
}

/** Waits until the page shows its answer (results or a message) to `query`. */
export async function waitForAnswer(page: Page, query: string): Promise<void> {
  const shown = prepareQuery(query).text;
  await page.waitForFunction((expected) => {
    const list = document.getElementById('search-results');
    return !!list && list.dataset['query'] === expected && !list.hasAttribute('aria-busy');
  }, shown);
}
