/**
 * What searching costs a reader, in Chromium against the built site: for three queries (one
 * Chinese, one mixed, one English, drawn from the archive's own text), the bytes a first search
 * fetches and the time to its results with a cold cache, then the time of later queries on the
 * same page.
 */
import type { Browser, Page } from 'playwright-core';
import { localizePath, searchPath } from '../../src/lib/routes.ts';
import { pagefindTerm, prepareQuery } from '../../src/lib/search/page/query.ts';
import { SEARCH_BUNDLE_DIR } from '../../src/lib/search/contract.ts';
import { readyToWatch, waitForAnswer } from '../../scripts/lib/search-browser.ts';
import type { SearchQuery } from '../../scripts/lib/search-queries.ts';
import { followRequests, recordFetches, weighPage } from './page-weight.ts';
import type { ColdSearch, SearchFigures } from './results.ts';
import { spread } from './stats.ts';

export interface CostQueries {
  /** One query of each kind, searched first on a fresh page. */
  cold: { query: string; kind: string }[];
  /** Queries searched after it on the same page. */
  later: string[];
}

const COST_KINDS = ['chinese', 'mixed', 'english'] as const;

/**
 * From a query set (`buildQuerySet`): per kind, a typical query searched cold (the one found in
 * the median number of issues among that kind's queries; the earlier one on a tie), and the
 * `laterPerKind` first others as later queries.
 */
export function chooseCostQueries(set: readonly SearchQuery[], laterPerKind = 2): CostQueries {
  const cold: CostQueries['cold'] = [];
  const later: string[] = [];
  for (const kind of COST_KINDS) {
    const candidates = set.filter((entry) => entry.kind === kind && entry.relevant.length > 0);
    const byReach = [...candidates].sort((a, b) => a.relevant.length - b.relevant.length);
    const typical = byReach[Math.floor((byReach.length - 1) / 2)];
    if (!typical) throw new Error(`the archive offers no ${kind} query`);
    cold.push({ query: typical.query, kind });
    later.push(
      ...candidates
        .filter((entry) => entry !== typical)
        .slice(0, laterPerKind)
        .map((entry) => entry.query),
    );
  }
  return { cold, later };
}

/** The page's own measures of a search, in ms: Enter to the first results shown, and to the whole first page. */
interface SearchTiming {
  first: number;
  complete: number;
}

/** Types a query into the search page, presses Enter and returns the page's own measures of the search. */
async function timeSearch(page: Page, query: string): Promise<SearchTiming> {
  const box = page.locator('#search-query');
  await box.fill(query);
  await box.press('Enter');
  await waitForAnswer(page, query);
  return page.evaluate(() => {
    const last = (name: string) => performance.getEntriesByName(name, 'measure').at(-1)?.duration ?? Number.NaN;
    return { first: last('search'), complete: last('search-complete') };
  });
}

/** Runs `use` on a page of a fresh browser context (a cold cache), closed after. */
async function inFreshPage<T>(browser: Browser, use: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext();
  try {
    return await use(await context.newPage());
  } finally {
    await context.close();
  }
}

/** Opens the Chinese search page and waits until it has fetched all it fetches by itself; returns its address. */
async function openSettled(page: Page, baseUrl: string): Promise<string> {
  const pageUrl = new URL(localizePath(searchPath, 'zh-CN'), baseUrl).href;
  await page.goto(pageUrl, { waitUntil: 'load' });
  await page.waitForLoadState('networkidle');
  return pageUrl;
}

/** A first search in a fresh context once focusing the box has loaded (and warmed up) what it starts loading. */
async function searchPreloaded(browser: Browser, baseUrl: string, query: string): Promise<SearchTiming> {
  return inFreshPage(browser, async (page) => {
    await openSettled(page, baseUrl);
    await readyToWatch(page);
    const requests = followRequests(page);
    await page.locator('#search-query').focus();
    await requests.quiet();
    return timeSearch(page, query);
  });
}

/** Records Pagefind matches per query, unfiltered, from an instance of its own on the site. */
async function countHits(browser: Browser, baseUrl: string, queries: readonly string[]): Promise<number[]> {
  return inFreshPage(browser, async (page) => {
    await page.goto(new URL(localizePath(searchPath, 'zh-CN'), baseUrl).href, { waitUntil: 'load' });
    const bundle = `/${SEARCH_BUNDLE_DIR}/pagefind.js`;
    return await page.evaluate(
      async ({ bundle: url, terms }) => {
        const module = (await import(url)) as {
          createInstance(options: object): { init(): Promise<void>; search(term: string): Promise<{ results: unknown[] }> };
        };
        const instance = module.createInstance({ noWorker: true });
        await instance.init();
        const counts = [];
        for (const term of terms) counts.push((await instance.search(term)).results.length);
        return counts;
      },
      {
        bundle,
        terms: queries.map((query) => {
          const prepared = prepareQuery(query);
          return prepared.ok ? pagefindTerm(prepared.terms) : query;
        }),
      },
    );
  });
}

/**
 * What a cold first search fetches, in a fresh context, every response recorded. Its time is not
 * kept: reading each response's body through the debugging protocol takes the browser's time while
 * the search runs.
 */
async function weighSearch(browser: Browser, baseUrl: string, query: string) {
  return inFreshPage(browser, async (page) => {
    const recorder = recordFetches(page);
    const pageUrl = await openSettled(page, baseUrl);
    const pageWeight = weighPage(new URL(pageUrl).pathname, await recorder.take());
    // The browser may ask for the page's icon late; it belongs to the page, not to search.
    const icons = new Set(
      await page.locator('link[rel~="icon"]').evaluateAll((links) => links.map((link) => new URL((link as HTMLLinkElement).href).pathname)),
    );
    const requests = followRequests(page);
    // The reader starts searching: focusing the box may start loading Pagefind.
    await page.locator('#search-query').focus();
    await timeSearch(page, query);
    const results = await page.locator('#search-results > li').count();
    await requests.quiet();
    const searchFiles = weighPage(
      new URL(pageUrl).pathname,
      (await recorder.take()).filter((fetched) => !icons.has(new URL(fetched.url).pathname)),
    );
    return { pageWeight, results, searchFiles };
  });
}

/** One cold first search and the later queries after it, in a fresh context, with nothing recorded. */
async function searchOnce(browser: Browser, baseUrl: string, query: string, later: readonly string[]) {
  return inFreshPage(browser, async (page) => {
    await openSettled(page, baseUrl);
    await readyToWatch(page);
    // The reader starts searching: focusing the box may start loading Pagefind.
    await page.locator('#search-query').focus();
    const first = await timeSearch(page, query);
    const laterTimes = [];
    for (const next of later) laterTimes.push(await timeSearch(page, next));
    return { first, laterTimes };
  });
}

const tenths = (ms: number) => Math.round(ms * 10) / 10;

/** Each cold query `runs` times, each in a fresh context, with the later queries after it. */
export async function measureSearchCost(browser: Browser, baseUrl: string, queries: CostQueries, runs: number): Promise<SearchFigures> {
  const cold: ColdSearch[] = [];
  const later: SearchTiming[] = [];
  for (const { query, kind } of queries.cold) {
    const weights = [];
    const samples = [];
    const preloaded = [];
    for (let run = 0; run < runs; run++) {
      weights.push(await weighSearch(browser, baseUrl, query));
      samples.push(await searchOnce(browser, baseUrl, query, queries.later));
      preloaded.push(Math.round((await searchPreloaded(browser, baseUrl, query)).first));
    }
    const [first] = weights;
    if (!first) throw new Error('no search runs');
    cold.push({
      query,
      kind,
      page: first.pageWeight,
      searchBytes: spread(weights.map((weight) => weight.searchFiles.total.raw)),
      totalBytes: spread(weights.map((weight) => weight.pageWeight.js.raw + weight.searchFiles.total.raw)),
      firstMs: spread(samples.map((sample) => Math.round(sample.first.first))),
      completeMs: spread(samples.map((sample) => Math.round(sample.first.complete))),
      preloadedMs: spread(preloaded),
      hits: 0,
      files: first.searchFiles.files,
      results: first.results,
    });
    later.push(...samples.flatMap((sample) => sample.laterTimes));
  }
  const hits = await countHits(browser, baseUrl, [...cold.map((entry) => entry.query), ...queries.later]);
  cold.forEach((entry, index) => (entry.hits = hits[index] ?? 0));
  return {
    cold,
    later: {
      queries: [...queries.later],
      ms: spread(later.map((timing) => tenths(timing.first))),
      completeMs: spread(later.map((timing) => tenths(timing.complete))),
      hits: hits.slice(cold.length),
    },
    firstMs: spread(cold.flatMap((entry) => entry.firstMs.samples)),
    completeMs: spread(cold.flatMap((entry) => entry.completeMs.samples)),
  };
}
