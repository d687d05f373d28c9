/**
 * The header's search box searching in place, on the site built from the imported corpus: results
 * under the box without leaving the page, the keyboard, Escape, a screen reader's view of it,
 * nothing of search before the box is focused, Enter pressed before the code arrives, and the
 * search page as the answer without JavaScript or when the code cannot load. Expected issues are
 * derived from the imported content (`relevantIssues`), never written down.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { getTranslator } from '../../src/i18n/t.ts';
import { FIRST_WAVE } from '../../src/lib/search/page/engine.ts';
import { readIssuesCorpus } from '../../scripts/lib/recall-corpus.ts';
import { relevantIssues, type IssueTexts } from '../../scripts/lib/search-queries.ts';
import { axeViolations } from './axe.ts';
import { recordCspViolations, useBrowser } from './browser.ts';

const newPage = useBrowser();
let texts: IssueTexts[];

beforeAll(async () => {
  texts = (await readIssuesCorpus(inject('contentDir'))).textsIn('zh-CN');
});

/** The header's box and its panel on an open page. */
function headerSearch(page: Page) {
  const box = page.locator('#site-search');
  const panel = page.locator('#site-search-panel');
  const results = panel.locator('ol > li');
  return {
    box,
    panel,
    results,
    /** Issue numbers listed once the panel shows its answer to `query` (the list's `data-query`, set when shown). */
    async answer(query: string): Promise<number[]> {
      await panel.locator(`ol[data-query="${query.replace(/"/g, '\\"')}"]:not([aria-busy])`).waitFor();
      return results.evaluateAll((items) => items.map((item) => Number((item as HTMLElement).dataset['issue'])));
    },
    titleLinks: () => results.locator('.search-result__link'),
    /** Focuses the box, enters `query` with Enter and returns the issues the panel lists. */
    async search(query: string): Promise<number[]> {
      await box.focus();
      await box.fill(query);
      await box.press('Enter');
      return this.answer(query);
    },
  };
}

/** The paths a page requests from now on (the list fills as requests go out). */
function requestedPaths(page: Page): string[] {
  const paths: string[] = [];
  page.on('request', (request) => paths.push(new URL(request.url()).pathname));
  return paths;
}

describe("the header's search box, with JavaScript", () => {
  it.each([
    ['健康检查', ''],
    ['nova-scheduler', ''],
    ['Heat', '/en'],
  ])('answers %s in a panel under the box on an issue page, without leaving it', async (query, prefix) => {
    const page = await newPage();
    const violations = await recordCspViolations(page);
    await page.goto(`${prefix}/issues/8/`);
    const search = headerSearch(page);
    const listed = await search.search(query);
    const relevant = relevantIssues(texts, query);
    expect(relevant.length).toBeGreaterThan(0);
    // The first issues that answer, each one that holds the query, as many as the panel shows.
    expect(listed.length).toBe(Math.min(FIRST_WAVE, relevant.length));
    expect(relevant).toEqual(expect.arrayContaining(listed));
    expect(new URL(page.url()).pathname).toBe(`${prefix}/issues/8/`);
    // Each result leads to its issue's page in the page's language (to the section and the words
    // that matched); the link below, to all results.
    for (const href of await search.titleLinks().evaluateAll((links) => links.map((link) => link.getAttribute('href'))))
      expect(href).toMatch(new RegExp(`^${prefix}/issues/\\d+/(#[\\w-]+(:~:text=\\S+)?)?$`));
    const all = search.panel.locator('a[data-search-all]');
    expect(await all.isVisible()).toBe(true);
    expect(await all.getAttribute('href')).toBe(`${prefix}/search/?q=${encodeURIComponent(query)}`);
    expect(violations).toEqual([]);
    expect(page.problems).toEqual([]);
  });

  it('answers typing after a pause, and closes when the box is emptied', async () => {
    const page = await newPage();
    await page.goto('/archive/');
    const search = headerSearch(page);
    await search.box.focus();
    await search.box.pressSequentially('Heat', { delay: 30 });
    expect(await search.answer('Heat')).not.toEqual([]);
    expect(await search.panel.isVisible()).toBe(true);
    await search.box.fill('');
    await expect.poll(() => search.panel.isVisible()).toBe(false);
  });

  it('is walked with the arrow keys as the search page is; Escape closes it, keeps the query and returns focus to the box', async () => {
    const page = await newPage();
    await page.goto('/issues/8/');
    const search = headerSearch(page);
    const listed = await search.search('nova');
    expect(listed.length).toBeGreaterThan(1);
    const focused = () => page.evaluate(() => document.activeElement?.closest('li')?.dataset['issue'] ?? document.activeElement?.id);
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe(String(listed[0]));
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe(String(listed[1]));
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect(await focused()).toBe('site-search');
    // From a result, Escape closes the panel and puts the reader back in the box, query kept.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Escape');
    expect(await search.panel.isVisible()).toBe(false);
    expect(await focused()).toBe('site-search');
    expect(await search.box.inputValue()).toBe('nova');
    // Enter in the box shows the same answer again, without searching again.
    await page.keyboard.press('Enter');
    expect(await search.panel.isVisible()).toBe(true);
    expect(await search.answer('nova')).toEqual(listed);
    expect(await page.evaluate(() => performance.getEntriesByName('search', 'measure').length)).toBe(1);
    await page.keyboard.press('Escape');
    expect(await search.panel.isVisible()).toBe(false);
    // So does typing that comes back to the same query before the pause.
    await page.keyboard.type('x');
    await page.keyboard.press('Backspace');
    await expect.poll(() => search.panel.isVisible()).toBe(true);
    expect(await search.answer('nova')).toEqual(listed);
    await page.keyboard.press('Escape');
    // Down opens it again; Enter on a result opens its issue.
    await page.keyboard.press('ArrowDown');
    expect(await search.panel.isVisible()).toBe(true);
    expect(await focused()).toBe(String(listed[0]));
    const target = await search.titleLinks().first().getAttribute('href');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => `${url.pathname}${url.hash}` === target);
  });

  it('tells a screen reader what it is and announces the count; it is accessible open, light and dark', async () => {
    const page = await newPage();
    await page.goto('/en/issues/8/');
    const search = headerSearch(page);
    await search.search('nova');
    const t = getTranslator('en');
    expect(await search.box.getAttribute('aria-controls')).toBe('site-search-panel');
    expect(await search.panel.getAttribute('role')).toBe('region');
    expect(await search.panel.getAttribute('aria-label')).toBe(t('search.panelLabel'));
    const status = search.panel.locator('[role="status"]');
    expect(await status.getAttribute('aria-live')).toBe('polite');
    expect(await status.textContent()).toBe(t('search.results', { total: `${FIRST_WAVE}+` }));
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      expect(await axeViolations(page), colorScheme).toEqual([]);
    }
  });

  it('closes when the reader clicks elsewhere, and shows its answer again when the box is focused', async () => {
    const page = await newPage();
    await page.goto('/issues/8/');
    const search = headerSearch(page);
    await search.search('Heat');
    // Beside the page's column, where the panel does not reach.
    await page.mouse.click(5, 600);
    expect(await search.panel.isVisible()).toBe(false);
    await search.box.focus();
    expect(await search.panel.isVisible()).toBe(true);
  });

  it("keeps the link to the search page at the panel's foot, with nothing of the scrolled list showing under it", async () => {
    const page = await newPage({ viewport: { width: 375, height: 640 } });
    await page.goto('/issues/8/');
    const search = headerSearch(page);
    await search.search('Heat');
    const foot = await search.panel.evaluate((panel) => {
      const scrolls = panel.scrollHeight > panel.clientHeight + 100;
      panel.scrollTop = (panel.scrollHeight - panel.clientHeight) / 2;
      const box = panel.getBoundingClientRect();
      // Just inside the panel's bottom edge, and just above its link.
      const edge = document.elementFromPoint(box.left + box.width / 2, box.bottom - 4);
      return { scrolls, underList: !!edge?.closest('li'), link: !!edge?.closest('[data-search-all]') };
    });
    expect(foot).toEqual({ scrolls: true, underList: false, link: true });
  });

  it.each([
    [375, ''],
    [1280, ''],
    [320, '/en'],
  ])(
    'at %i px (%s), scrolls each link the Tab key reaches into view above that link at the foot, never under it',
    async (width, prefix) => {
      const page = await newPage({ viewport: { width, height: 640 } });
      await page.goto(`${prefix}/issues/8/`);
      const search = headerSearch(page);
      await search.search('Heat');
      const links = await search.panel.locator('ol a').count();
      expect(links).toBeGreaterThan(5);
      const hidden: string[] = [];
      // From the box: its button, then every link of the list.
      for (let step = 0; step <= links; step++) {
        await page.keyboard.press('Tab');
        // The focused link's middle shows the link itself, not the foot stuck over the list.
        const seen = await page.evaluate(() => {
          const link = document.activeElement as HTMLElement;
          if (!link.closest('#site-search-panel ol')) return { text: '', shown: true };
          const box = link.getBoundingClientRect();
          const top = document.elementFromPoint(box.left + Math.min(box.width / 2, 20), box.top + box.height / 2);
          return { text: link.textContent ?? '', shown: !!top && link.contains(top) };
        });
        if (!seen.shown) hidden.push(seen.text);
      }
      expect(hidden).toEqual([]);
    },
  );

  it("fetches nothing of search before the box is focused; focusing asks once for each start-up file and the search code's first file, which brings in the rest", async () => {
    const page = await newPage();
    const fetched = requestedPaths(page);
    await page.goto('/issues/8/');
    await page.waitForLoadState('networkidle');
    expect(fetched.filter((path) => path.startsWith('/pagefind/') || path.startsWith('/_astro/'))).toEqual([]);
    expect(await page.locator('#site-search-panel').count()).toBe(0);
    const search = headerSearch(page);
    await search.search('Heat');
    for (const file of ['pagefind.js', 'pagefind-entry.json', 'pagefind.zh-cn.pf_meta', 'wasm.unknown.pagefind', 'vocabulary.json'])
      expect(
        fetched.filter((path) => path === `/pagefind/${file}`),
        file,
      ).toHaveLength(1);
    expect(fetched.filter((path) => path.startsWith('/_astro/'))).toEqual([
      expect.stringMatching(/^\/_astro\/SearchCode\.[^/]+\.js$/),
      expect.stringMatching(/^\/_astro\/search-ui\.[^/]+\.js$/),
    ]);
  });

  it.each(['SearchCode', 'search-ui'])(
    'holds Enter pressed before the search code arrives (%s late), and answers it in place',
    async (late) => {
      const page = await newPage();
      await page.route(`**/_astro/${late}*`, async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 600));
        await route.continue();
      });
      await page.goto('/issues/8/');
      const search = headerSearch(page);
      expect(await search.search('Heat')).not.toEqual([]);
      expect(new URL(page.url()).pathname).toBe('/issues/8/');
    },
  );

  it('searches the characters an input method commits, never the pinyin it composed while the search code came', async () => {
    const page = await newPage();
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/_astro/SearchCode*', async (route) => {
      await released;
      await route.continue();
    });
    const arrived = page.waitForResponse((response) => response.url().includes('/_astro/search-ui'));
    await page.goto('/issues/8/');
    const search = headerSearch(page);
    await search.box.focus();
    const ime = await page.context().newCDPSession(page);
    await ime.send('Input.imeSetComposition', { text: 'jian', selectionStart: 4, selectionEnd: 4 });
    release();
    await arrived;
    // Longer than the typing pause after which a search runs.
    await page.waitForTimeout(600);
    expect(await page.evaluate(() => performance.getEntriesByName('search-start').length)).toBe(0);
    expect(await search.box.inputValue()).toBe('jian');
    await ime.send('Input.insertText', { text: '健康检查' });
    expect(await search.answer('健康检查')).not.toEqual([]);
    expect(page.problems).toEqual([]);
  });

  it.each(['SearchCode', 'search-ui'])('goes to the search page when the search code cannot load (%s missing)', async (missing) => {
    const page = await newPage();
    await page.route(`**/_astro/${missing}*`, (route) => route.abort());
    await page.goto('/issues/8/');
    const search = headerSearch(page);
    await search.box.focus();
    await search.box.fill('Heat');
    await search.box.press('Enter');
    await page.waitForURL('**/search/?q=Heat');
  });
});

describe("the header's search box, without JavaScript", () => {
  it('is a form that takes the query to the search page', async () => {
    const page = await newPage({ javaScriptEnabled: false });
    await page.goto('/en/issues/8/');
    await page.locator('#site-search').fill('nova-scheduler');
    await page.locator('#site-search').press('Enter');
    await page.waitForURL('**/en/search/?q=nova-scheduler');
    expect(await page.locator('#site-search-panel').count()).toBe(0);
  });
});
