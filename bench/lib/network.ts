/**
 * What a reader on a phone's network waits for, ours and the peer's side by side: Chromium with
 * Chrome DevTools' own network presets (and a 4x slower CPU) applied through the debugging
 * protocol, a fresh context per visit, both sites behind the same gzip server. Measured: the first
 * visit of an issue page (load event, largest contentful paint, bytes, requests, the longest chain
 * of requests that could only start after another finished) and the first search in the two ways
 * readers start one (the search box of the search page, right after focusing it; the box of an
 * issue page's header, then Enter: ours answers in a panel under it, the peer in its dialog), each
 * to the first result shown and to five.
 */
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { spread, type Spread } from './stats.ts';
import { readyToWatch } from '../../scripts/lib/search-browser.ts';

/** A network (and CPU) a reader may be on: Chrome DevTools' presets. */
export interface NetworkCondition {
  id: string;
  label: string;
  /** Round-trip latency added to every request, ms. */
  latency: number;
  /** Bytes per second. */
  download: number;
  upload: number;
  /** CPU slowdown (1 for none). */
  cpu: number;
}

export const networkConditions: readonly NetworkCondition[] = [
  { id: 'fast-4g', label: 'Fast 4G', latency: 165, download: 1_012_500, upload: 168_750, cpu: 1 },
  { id: 'slow-4g', label: 'Slow 4G', latency: 562.5, download: 180_000, upload: 84_375, cpu: 1 },
  { id: 'slow-4g-cpu4', label: 'Slow 4G, 4x slower CPU', latency: 562.5, download: 180_000, upload: 84_375, cpu: 4 },
];

/** How to drive one site: where its typical issue page is, and how a reader searches on it. */
export interface SiteDriver {
  name: string;
  baseUrl: string;
  /** Path of the issue page to visit. */
  issuePath: string;
  /** Starts a search of `query` on a fresh page (way `box` or `header`); resolves once the query is in (the clock starts then). */
  startSearch(page: Page, way: SearchWay, query: string): Promise<void>;
  /** Elements that are results, once shown, for each way of searching. */
  resultSelector(way: SearchWay): string;
}

export type SearchWay = 'box' | 'header';

export interface PageVisit {
  loadMs: number;
  lcpMs: number;
  bytes: number;
  requests: number;
  /** Requests in the longest chain of requests each started by the one before (the page itself counts). */
  chain: number;
}

export interface SearchTiming {
  /** From the query entered to the first result shown, and to five. */
  firstMs: number;
  fiveMs: number;
}

/** Applies a condition to a page through the debugging protocol. */
async function throttle(context: BrowserContext, page: Page, condition: NetworkCondition): Promise<CDPSession> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: condition.latency,
    downloadThroughput: condition.download,
    uploadThroughput: condition.upload,
    connectionType: 'cellular4g',
  });
  if (condition.cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: condition.cpu });
  return cdp;
}

interface RequestNode {
  url: string;
  /** The request that started this one (its initiator), if any. */
  parent?: string;
  bytes: number;
}

/**
 * The longest chain of requests, each started by the one before: the document, a script it
 * loads, a module that script imports, …
 * @example longestChain(new Map([['a', {url:'a',bytes:0}], ['b', {url:'b',parent:'a',bytes:0}]])) // 2
 */
export function longestChain(requests: ReadonlyMap<string, RequestNode>): number {
  const depth = new Map<string, number>();
  const depthOf = (id: string, seen: Set<string>): number => {
    const known = depth.get(id);
    if (known !== undefined) return known;
    const node = requests.get(id);
    const parent = node?.parent;
    const value = parent && requests.has(parent) && !seen.has(parent) ? depthOf(parent, new Set([...seen, id])) + 1 : 1;
    depth.set(id, value);
    return value;
  };
  return Math.max(0, ...[...requests.keys()].map((id) => depthOf(id, new Set())));
}

/** Follows a page's requests through the protocol: what started each, and the bytes it took on the wire. */
function followRequests(cdp: CDPSession): Map<string, RequestNode> {
  const byId = new Map<string, RequestNode>();
  const idByUrl = new Map<string, string>();
  cdp.on('Network.requestWillBeSent', (event) => {
    const initiator = event.initiator;
    const from = initiator.url ?? initiator.stack?.callFrames[0]?.url ?? initiator.stack?.parent?.callFrames[0]?.url;
    const parent = from ? idByUrl.get(from) : undefined;
    byId.set(event.requestId, { url: event.request.url, ...(parent ? { parent } : {}), bytes: 0 });
    idByUrl.set(event.request.url, event.requestId);
  });
  cdp.on('Network.loadingFinished', (event) => {
    const node = byId.get(event.requestId);
    if (node) node.bytes = event.encodedDataLength;
  });
  return byId;
}

/** A first visit of the site's issue page: load event, largest contentful paint, bytes, requests, chain. */
export async function visitIssuePage(browser: Browser, site: SiteDriver, condition: NetworkCondition): Promise<PageVisit> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const cdp = await throttle(context, page, condition);
    const requests = followRequests(cdp);
    await page.addInitScript(() => {
      const state = window as unknown as { __lcp?: number };
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) state.__lcp = entry.startTime;
      }).observe({ type: 'largest-contentful-paint', buffered: true });
    });
    await page.goto(new URL(site.issuePath, site.baseUrl).href, { waitUntil: 'load' });
    // The last candidate for largest paint is known once the page has settled.
    await page.waitForTimeout(200);
    const { loadMs, lcpMs } = await page.evaluate(() => {
      const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      return { loadMs: navigation?.loadEventStart ?? Number.NaN, lcpMs: (window as unknown as { __lcp?: number }).__lcp ?? Number.NaN };
    });
    const nodes = [...requests.values()].filter((node) => !node.url.startsWith('data:'));
    return {
      loadMs: Math.round(loadMs),
      lcpMs: Math.round(lcpMs),
      bytes: nodes.reduce((sum, node) => sum + node.bytes, 0),
      requests: nodes.length,
      chain: longestChain(requests),
    };
  } finally {
    await context.close();
  }
}

/** Wall-clock time in the page, comparable across the pages of one search (epoch ms). */
const clock = (page: Page) => page.evaluate(() => performance.timeOrigin + performance.now());

/** Waits in the page until `count` results are shown; returns when (epoch ms, the page's clock). */
async function whenShown(page: Page, selector: string, count: number): Promise<number> {
  const handle = await page.waitForFunction(
    ({ selector: wanted, count: needed }) => {
      const shown = [...document.querySelectorAll(wanted)].filter((element) => (element as HTMLElement).offsetParent !== null);
      return shown.length >= needed ? performance.timeOrigin + performance.now() : false;
    },
    { selector, count },
    { polling: 'raf', timeout: 120_000 },
  );
  return (await handle.jsonValue()) as number;
}

/** A first search, cold: from the query entered to the first result shown, and to five. */
export async function searchCold(
  browser: Browser,
  site: SiteDriver,
  way: SearchWay,
  query: string,
  condition: NetworkCondition,
): Promise<SearchTiming> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await throttle(context, page, condition);
    // The clock of the page the query is entered on; a search that navigates is timed across pages.
    let entered = 0;
    await page.exposeFunction('__entered', (at: number) => {
      entered = at;
    });
    await site.startSearch(page, way, query);
    if (!entered) entered = await clock(page);
    const first = await whenShown(page, site.resultSelector(way), 1);
    const five = await whenShown(page, site.resultSelector(way), 5);
    return { firstMs: Math.round(first - entered), fiveMs: Math.round(five - entered) };
  } finally {
    await context.close();
  }
}

/** Marks the moment the query is entered, on the page's own clock (exposed as `__entered`). */
export async function markEntered(page: Page): Promise<void> {
  await page.evaluate(() => (window as unknown as { __entered(at: number): void }).__entered(performance.timeOrigin + performance.now()));
}

/** Our site: the search page's box, or an issue page's header box and Enter, answered in place. */
export function ourDriver(baseUrl: string, issuePath: string): SiteDriver {
  return {
    name: 'ours',
    baseUrl,
    issuePath,
    resultSelector: (way) => (way === 'box' ? '#search-results > li' : '#site-search-panel li'),
    async startSearch(page, way, query) {
      if (way === 'box') {
        await page.goto(new URL('/search/', baseUrl).href, { waitUntil: 'load' });
        await readyToWatch(page);
        const box = page.locator('#search-query');
        await box.focus();
        await box.fill(query);
        await markEntered(page);
        await box.press('Enter');
      } else {
        await page.goto(new URL(issuePath, baseUrl).href, { waitUntil: 'load' });
        await readyToWatch(page);
        const box = page.locator('#site-search');
        await box.focus();
        await box.fill(query);
        await markEntered(page);
        await box.press('Enter');
      }
    },
  };
}

/** The peer: Starlight's search dialog, opened from the page the reader is on (it has no search page). */
export function peerDriver(baseUrl: string, issuePath: string): SiteDriver {
  return {
    name: 'peer',
    baseUrl,
    issuePath,
    resultSelector: () => '.pagefind-ui__result',
    async startSearch(page, way, query) {
      await page.goto(new URL(way === 'box' ? '/' : issuePath, baseUrl).href, { waitUntil: 'load' });
      await readyToWatch(page);
      const open = page.locator('button[data-open-modal]').first();
      await open.waitFor();
      await page.waitForFunction(() => !document.querySelector('button[data-open-modal]')?.hasAttribute('disabled'));
      await open.click();
      const box = page.locator('.pagefind-ui__search-input').first();
      await box.waitFor();
      await box.fill(query);
      await markEntered(page);
    },
  };
}

/** One site's figures under one condition, every run. */
export interface SiteOnNetwork {
  visit: { loadMs: Spread; lcpMs: Spread; bytes: Spread; requests: Spread; chain: Spread };
  /** First search from the search page's box, and from an issue page's header box. */
  box: { firstMs: Spread; fiveMs: Spread };
  header: { firstMs: Spread; fiveMs: Spread };
}

export interface NetworkFigures {
  condition: NetworkCondition;
  query: string;
  issue: number;
  ours: SiteOnNetwork;
  peer: SiteOnNetwork;
}

/**
 * Every condition, `runs` times, ours and the peer alternating (a fresh context each): an issue
 * page visit, then a first search each way.
 */
export async function measureOnNetworks(
  browser: Browser,
  drivers: { ours: SiteDriver; peer: SiteDriver },
  query: string,
  issue: number,
  runs: number,
  log: (message: string) => void,
): Promise<NetworkFigures[]> {
  const figures: NetworkFigures[] = [];
  for (const condition of networkConditions) {
    log(`network: ${condition.label}, ${runs} runs each, ours and the peer alternating`);
    const samples = { ours: [] as Sample[], peer: [] as Sample[] };
    for (let run = 0; run < runs; run++) {
      for (const side of ['ours', 'peer'] as const) {
        const site = drivers[side];
        samples[side].push({
          visit: await visitIssuePage(browser, site, condition),
          box: await searchCold(browser, site, 'box', query, condition),
          header: await searchCold(browser, site, 'header', query, condition),
        });
      }
    }
    figures.push({ condition, query, issue, ours: summarize(samples.ours), peer: summarize(samples.peer) });
  }
  return figures;
}

interface Sample {
  visit: PageVisit;
  box: SearchTiming;
  header: SearchTiming;
}

function summarize(samples: readonly Sample[]): SiteOnNetwork {
  const of = (pick: (sample: Sample) => number) => spread(samples.map(pick));
  return {
    visit: {
      loadMs: of((sample) => sample.visit.loadMs),
      lcpMs: of((sample) => sample.visit.lcpMs),
      bytes: of((sample) => sample.visit.bytes),
      requests: of((sample) => sample.visit.requests),
      chain: of((sample) => sample.visit.chain),
    },
    box: { firstMs: of((sample) => sample.box.firstMs), fiveMs: of((sample) => sample.box.fiveMs) },
    header: { firstMs: of((sample) => sample.header.firstMs), fiveMs: of((sample) => sample.header.fiveMs) },
  };
}
