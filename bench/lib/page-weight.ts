/**
 * What a page costs a reader on a first visit, measured in Chromium with a cold cache: every
 * response recorded, its body counted raw and gzip-compressed (zlib, default level, as a static
 * host compresses text), by kind. Also whether the page reads the same with JavaScript off.
 */
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { SEARCH_BUNDLE_DIR } from '../../src/lib/search/contract.ts';
import { isPagefindData } from '../../src/lib/hosting/compression.ts';
import type { FetchedFile, PageWeight, Transfer } from './results.ts';

/** A response as the browser received it. */
export interface FetchedBody {
  url: string;
  /** Playwright's resource type: `document`, `stylesheet`, `script`, `fetch`, … */
  resourceType: string;
  body: Uint8Array;
  /**
   * Bytes as stored and sent, for a file sent gzip-encoded as it is stored (Pagefind's own): the
   * browser hands over the unpacked body, but the file is its gzip.
   */
  sent?: number;
}

const KINDS: Record<string, FetchedFile['kind']> = { document: 'html', stylesheet: 'css', script: 'js' };

/**
 * Whether a path belongs to the search bundle (Pagefind's script, WebAssembly and index).
 * @example isSearchFile('/pagefind/pagefind.js') // true
 */
export function isSearchFile(pathname: string, searchDir = SEARCH_BUNDLE_DIR): boolean {
  return pathname.startsWith(`/${searchDir}/`);
}

const sizes = (bytes: Uint8Array): Pick<FetchedFile, 'raw' | 'gzip'> => ({
  raw: bytes.byteLength,
  gzip: bytes.byteLength === 0 ? 0 : gzipSync(bytes).byteLength,
});

/** One response counted: its path, kind and raw and gzip sizes. */
export function countFetch(fetched: FetchedBody): FetchedFile {
  const url = new URL(fetched.url);
  // A gzip file compresses no further.
  const counted = fetched.sent === undefined ? sizes(fetched.body) : { raw: fetched.sent, gzip: fetched.sent };
  return { path: `${url.pathname}${url.search}`, kind: KINDS[fetched.resourceType] ?? 'other', ...counted };
}

/** An inline `<style>` or `<script>` with code (not one with `src`, nor data such as JSON), anywhere in a page's markup. */
const INLINE_CODE = /<(style|script)\b([^>]*)>([\s\S]*?)<\/\1\s*>/gi;

/**
 * A page counted as what it carries: its markup as HTML, and each inline style and script as CSS
 * and script of their own (`/issues/8/ (inline script 1)`), so the page's script and style budgets
 * count code wherever it is delivered. Each part is gzip-compressed alone (a little more than
 * their share of the whole page compressed at once).
 * @example countDocument({ url: 'http://h/a/', resourceType: 'document', body }).map((file) => file.kind) // ['html', 'css', 'js']
 */
export function countDocument(fetched: FetchedBody): FetchedFile[] {
  const page = countFetch(fetched);
  const markup = new TextDecoder().decode(fetched.body);
  const inline: FetchedFile[] = [];
  const counts = { css: 0, js: 0 };
  const rest = markup.replace(INLINE_CODE, (whole, tag: string, attributes: string, code: string) => {
    const isScript = tag.toLowerCase() === 'script';
    const type = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(attributes)?.[1]?.toLowerCase();
    const isCode = !isScript || (!/\bsrc\s*=/i.test(attributes) && (!type || type === 'module' || type.includes('javascript')));
    if (!isCode || !code.trim()) return whole;
    const kind = isScript ? 'js' : 'css';
    counts[kind] += 1;
    inline.push({
      path: `${page.path} (inline ${isScript ? 'script' : 'style'} ${counts[kind]})`,
      kind,
      ...sizes(new TextEncoder().encode(code)),
    });
    return whole.replace(code, '');
  });
  return [{ ...page, ...sizes(new TextEncoder().encode(rest)) }, ...inline];
}

/** Sums of the files by kind and in all. */
export function sumTransfers(files: readonly FetchedFile[]): Pick<PageWeight, 'html' | 'css' | 'js' | 'other' | 'total'> {
  const sum = (kind?: FetchedFile['kind']): Transfer =>
    files
      .filter((file) => !kind || file.kind === kind)
      .reduce((total, file) => ({ raw: total.raw + file.raw, gzip: total.gzip + file.gzip }), { raw: 0, gzip: 0 });
  return { html: sum('html'), css: sum('css'), js: sum('js'), other: sum('other'), total: sum() };
}

/** The weight of a visit made of these responses. */
export function weighPage(pagePath: string, fetched: readonly FetchedBody[], searchDir = SEARCH_BUNDLE_DIR): PageWeight {
  const files = fetched.flatMap((file) => (file.resourceType === 'document' ? countDocument(file) : [countFetch(file)]));
  return {
    path: pagePath,
    ...sumTransfers(files),
    files,
    searchFiles: files.filter((file) => isSearchFile(file.path, searchDir)).map((file) => file.path),
  };
}

/** Records every response a page receives from now on; `take()` waits for their bodies and starts a new record. */
export function recordFetches(page: Page): { take(): Promise<FetchedBody[]> } {
  let pending: Promise<FetchedBody | undefined>[] = [];
  page.on('response', (response) => {
    const headers = response.headers();
    const sent =
      headers['content-encoding'] === 'gzip' && isPagefindData(new URL(response.url()).pathname)
        ? Number(headers['content-length'])
        : undefined;
    pending.push(
      response.body().then(
        (body) => ({ url: response.url(), resourceType: response.request().resourceType(), body, ...(sent === undefined ? {} : { sent }) }),
        () => undefined, // redirects and aborted requests have no body
      ),
    );
  });
  return {
    async take() {
      const taken = pending;
      pending = [];
      return (await Promise.all(taken)).filter((fetched): fetched is FetchedBody => fetched !== undefined);
    },
  };
}

/**
 * Follows a page's requests from now on; `quiet()` resolves once none has been in flight for
 * `ms`. Playwright's `networkidle` load state is reached once per page load, so waiting for it
 * again later returns at once, whatever is still loading.
 */
export function followRequests(page: Page): { quiet(ms?: number): Promise<void> } {
  let inFlight = 0;
  let lastChange = Date.now();
  const change = (delta: number) => {
    inFlight += delta;
    lastChange = Date.now();
  };
  page.on('request', () => change(1));
  page.on('requestfinished', () => change(-1));
  page.on('requestfailed', () => change(-1));
  return {
    async quiet(ms = 500) {
      lastChange = Math.max(lastChange, Date.now());
      while (inFlight > 0 || Date.now() - lastChange < ms) await new Promise((resolve) => setTimeout(resolve, 25));
    },
  };
}

/** The text of the page's `<main>`, as a reader sees it. */
async function mainText(page: Page): Promise<string> {
  return (await page.locator('main').first().innerText()).trim();
}

/**
 * A first visit of `url` in a fresh browser context (cold cache), until the network is idle;
 * with `checkWithoutJs`, the same page with JavaScript off must show the same main text.
 */
export async function measurePageWeight(
  browser: Browser,
  url: string,
  options: { checkWithoutJs?: boolean; searchDir?: string } = {},
): Promise<PageWeight> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const recorder = recordFetches(page);
    const response = await page.goto(url, { waitUntil: 'load' });
    if (!response?.ok()) throw new Error(`${url} answered ${response?.status() ?? 'nothing'}`);
    await page.waitForLoadState('networkidle');
    const weight = weighPage(new URL(url).pathname, await recorder.take(), options.searchDir);
    if (!options.checkWithoutJs) return weight;
    const withJs = await mainText(page);
    const noScript = await browser.newContext({ javaScriptEnabled: false });
    try {
      const bare = await noScript.newPage();
      await bare.goto(url, { waitUntil: 'load' });
      const withoutJs = await mainText(bare);
      return { ...weight, textWithoutJs: withoutJs.length, readableWithoutJs: withoutJs.length > 0 && withoutJs === withJs };
    } finally {
      await noScript.close();
    }
  } finally {
    await context.close();
  }
}
