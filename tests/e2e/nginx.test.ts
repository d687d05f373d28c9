/**
 * The built corpus site served by real nginx (Debian's) with the shipped server block,
 * `deploy/nginx.conf`, on a loopback port: the headers of every file, the precompressed copies
 * sent when asked for, each language's 404 page, and in Chromium, search and the pages working
 * under the header policy, which also forbids framing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { getTranslator } from '../../src/i18n/t.ts';
import type { NginxServer } from '../../scripts/lib/nginx-server.ts';
import {
  expectedCacheControl,
  expectedContentType,
  isPage,
  isPagefindData,
  isText,
  pageHeaderPolicyFromMeta,
  parsePolicy,
  readBuilt,
  REVALIDATE,
  servedFiles,
  strictHeaderPolicyFromMeta,
} from '../helpers/hosting.ts';
import { rawGet, serveWithShippedNginx } from '../helpers/nginx.ts';
import { recordCspViolations, useBrowser } from './browser.ts';

let nginx: NginxServer;
beforeAll(async () => {
  nginx = await serveWithShippedNginx(inject('distDir'));
});
afterAll(() => nginx?.close());

const newPage = useBrowser(() => nginx.url);
const dist = () => inject('distDir');
const builtPage = () => readBuilt(dist(), 'issues/8/index.html');
/** The header policy of a file: a page's leaves its inline styles and scripts to its own `<meta>`. */
const policyFor = (sitePath: string) => (isPage(sitePath) ? pageHeaderPolicyFromMeta : strictHeaderPolicyFromMeta)(builtPage());

/** What every response must carry, error pages included. */
function securityProblems(sitePath: string, headers: Record<string, string | string[] | undefined>): string[] {
  const problems: string[] = [];
  const csp = String(headers['content-security-policy'] ?? '');
  if (parsePolicy(csp).join('; ') !== policyFor(sitePath).join('; ')) problems.push(`${sitePath}: content-security-policy "${csp}"`);
  if (headers['x-content-type-options'] !== 'nosniff') problems.push(`${sitePath}: x-content-type-options`);
  if (!headers['referrer-policy']) problems.push(`${sitePath}: no referrer-policy`);
  return problems;
}

describe('nginx with the shipped server block', () => {
  it('sends every file of the site with its content type, caching and security headers', async () => {
    const wrong: string[] = [];
    const files = servedFiles(dist());
    for (const { file, path: sitePath } of files) {
      const { status, headers, body } = await rawGet(`${nginx.url}${sitePath}`);
      if (status !== 200) wrong.push(`${sitePath}: status ${status}`);
      if (headers['content-type'] !== expectedContentType(sitePath)) wrong.push(`${sitePath}: content-type ${headers['content-type']}`);
      if (headers['cache-control'] !== expectedCacheControl(sitePath)) wrong.push(`${sitePath}: cache-control ${headers['cache-control']}`);
      if (headers['content-encoding']) wrong.push(`${sitePath}: encoded as ${headers['content-encoding']} though not asked to`);
      if (!body.equals(readFileSync(path.join(dist(), file)))) wrong.push(`${sitePath}: not the built file`);
      wrong.push(...securityProblems(sitePath, headers));
    }
    expect(wrong).toEqual([]);
    expect(files.length).toBeGreaterThan(100);
  });

  it("sends the gzip or Brotli copy a client asks for, and Pagefind's own gzip files as they are, gzip-encoded to whoever takes gzip", async () => {
    const wrong: string[] = [];
    let sent = 0;
    let pagefindSent = 0;
    for (const { file, path: sitePath } of servedFiles(dist())) {
      const bytes = readFileSync(path.join(dist(), file));
      for (const [encoding, decompress] of [
        ['br', brotliDecompressSync],
        ['gzip', gunzipSync],
      ] as const) {
        const { headers, body } = await rawGet(`${nginx.url}${sitePath}`, { 'accept-encoding': `${encoding}` });
        if (isPagefindData(sitePath)) {
          // The file itself, never compressed again: a browser that takes gzip unpacks it, one that does not gets it unlabelled.
          const expected = encoding === 'gzip' ? 'gzip' : undefined;
          if (headers['content-encoding'] !== expected) wrong.push(`${sitePath}: ${encoding} asked, ${headers['content-encoding']} sent`);
          if (!body.equals(bytes)) wrong.push(`${sitePath}: not the built file`);
          if (!String(headers['vary']).includes('Accept-Encoding')) wrong.push(`${sitePath}: no Vary: Accept-Encoding`);
          if (expected) pagefindSent += 1;
          continue;
        }
        const copied = isText(sitePath) && bytes.length >= 1000;
        if (copied && headers['content-encoding'] !== encoding)
          wrong.push(`${sitePath}: ${encoding} asked, ${headers['content-encoding']} sent`);
        if (!isText(sitePath) && headers['content-encoding']) wrong.push(`${sitePath}: compressed again (${headers['content-encoding']})`);
        if (headers['content-encoding'] === encoding) {
          sent += 1;
          if (!decompress(body).equals(bytes)) wrong.push(`${sitePath}: the ${encoding} copy is not the file`);
          if (!String(headers['vary']).includes('Accept-Encoding')) wrong.push(`${sitePath}: no Vary: Accept-Encoding`);
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(sent).toBeGreaterThan(100);
    expect(pagefindSent).toBeGreaterThan(20);
  });

  it('answers a missing path with the 404 page of its language, with the same headers', async () => {
    for (const [sitePath, lang] of [
      ['/en/issues/9999/', 'en'],
      ['/en/no/such/page.html', 'en'],
      ['/issues/9999/', 'zh-CN'],
      ['/no-such-page/', 'zh-CN'],
      // The headers file for Netlify and Cloudflare Pages, which the build writes beside the pages.
      ['/_headers', 'zh-CN'],
    ] as const) {
      const { status, headers, body } = await rawGet(`${nginx.url}${sitePath}`, { 'accept-encoding': 'br' });
      expect(status, sitePath).toBe(404);
      expect(brotliDecompressSync(body).toString('utf8'), sitePath).toMatch(new RegExp(`^<!DOCTYPE html><html lang="${lang}"`));
      expect(headers['cache-control']).toBe(REVALIDATE);
      // What is sent is the 404 page, with the headers of a page.
      expect(securityProblems(sitePath === '/_headers' ? '/404.html' : sitePath, headers)).toEqual([]);
    }
  });

  it('answers a folder without a page (which nginx refuses) with the 404 page, never cached for long nor labelled gzip', async () => {
    for (const folder of ['/pagefind/', '/pagefind/fragment/', '/_astro/']) {
      expect(existsSync(path.join(dist(), folder, 'index.html')), folder).toBe(false);
      const { status, headers, body } = await rawGet(`${nginx.url}${folder}`, { 'accept-encoding': 'gzip' });
      expect(status, folder).toBe(404);
      expect(gunzipSync(body).toString('utf8'), folder).toMatch(/^<!DOCTYPE html><html lang="zh-CN"/);
      expect(headers['cache-control'], folder).toBe(REVALIDATE);
      expect(securityProblems(folder, headers)).toEqual([]);
    }
  });

  it("sends Pagefind's files unlabelled to a client that refuses gzip with q=0", async () => {
    const fragment = servedFiles(dist()).find(({ path: sitePath }) => sitePath.startsWith('/pagefind/fragment/'));
    if (!fragment) throw new Error('the built site has no Pagefind fragment');
    for (const [accept, expected] of [
      ['gzip;q=0', undefined],
      ['br, gzip; q=0.0', undefined],
      ['gzip;q=0.5', 'gzip'],
    ] as const) {
      const { headers, body } = await rawGet(`${nginx.url}${fragment.path}`, { 'accept-encoding': accept });
      expect(headers['content-encoding'], accept).toBe(expected);
      expect(body.equals(readFileSync(path.join(dist(), fragment.file))), accept).toBe(true);
    }
  });

  it('sends a reader who opens the folder of issue pages to the archive, in their language', async () => {
    for (const [sitePath, archive] of [
      ['/issues/', '/archive/'],
      ['/en/issues/', '/en/archive/'],
    ] as const) {
      // Without a page of its own, nginx refuses a folder with a bare 403 of its own.
      expect((await rawGet(`${nginx.url}${sitePath}`)).status, sitePath).toBe(200);
      const page = await newPage();
      await page.goto(sitePath);
      await page.waitForURL(`${nginx.url}${archive}`);
      expect(await page.locator('h1').innerText()).toBe(getTranslator(archive.startsWith('/en/') ? 'en' : 'zh-CN')('archive.title'));
      expect(page.problems).toEqual([]);
    }
  });

  it('serves the English 404 page in English, with the header, switch and footer of every English page', async () => {
    const page = await newPage();
    const violations = await recordCspViolations(page);
    const response = await page.goto('/en/issues/9999/');
    expect(response?.status()).toBe(404);
    const t = getTranslator('en');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.title()).toBe(`${t('notFound.title')} · ${t('site.name')}`);
    expect(await page.locator('main').innerText()).toBe(`${t('notFound.title')}\n\n${t('notFound.body')}\n\n${t('notFound.home')}`);
    expect(await page.locator('main [lang]:not([lang="en"])').count()).toBe(0);
    const links = (selector: string) => page.locator(selector).evaluateAll((found) => found.map((link) => link.getAttribute('href')));
    expect(await links('.site-header nav a')).toEqual(['/en/', '/en/archive/', '/en/projects/', '/en/subscribe/']);
    expect(await links('.site-footer a')).toEqual(['/en/about/', '/en/translations/']);
    expect(await page.locator('.search-box').getAttribute('action')).toBe('/en/search/');
    const toChinese = page.locator('.language-switcher a');
    expect(await toChinese.getAttribute('hreflang')).toBe('zh-CN');
    await toChinese.click();
    await page.waitForURL(`${nginx.url}/`);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(violations).toEqual([]);
  });

  it.each(['/search/?q=健康检查', '/en/search/?q=nova-scheduler'])(
    'runs search on %s under the header policy, breaking nothing',
    async (address) => {
      const page = await newPage();
      const violations = await recordCspViolations(page);
      const fetched: { path: string; encoding?: string }[] = [];
      page.on('response', (answer) => {
        const { pathname } = new URL(answer.url());
        if (isPagefindData(pathname))
          fetched.push({
            path: pathname,
            ...(answer.headers()['content-encoding'] ? { encoding: answer.headers()['content-encoding'] } : {}),
          });
      });
      const response = await page.goto(address);
      expect(parsePolicy(String(response?.headers()['content-security-policy']))).toEqual(policyFor('/search/'));
      await page.locator('#search-results a').first().waitFor();
      expect(await page.locator('#search-results a').count()).toBeGreaterThan(0);
      // Pagefind's files came gzip-encoded, the browser unpacked them, and each was read once (no
      // fragment read again by Pagefind's own code after the page's reading failed).
      const paths = fetched.map(({ path: each }) => each);
      expect(paths.filter((each) => each.includes('/fragment/')).length).toBeGreaterThan(0);
      expect(fetched.filter(({ encoding }) => encoding !== 'gzip')).toEqual([]);
      expect(new Set(paths).size).toBe(paths.length);
      await page.locator('#search-results a').first().click();
      await page.waitForURL(/\/issues\/\d+\//);
      expect(violations).toEqual([]);
      expect(page.problems).toEqual([]);
    },
  );

  it('keeps search at a path nginx reads as /search/ and a browser as another host (//evil.example/..%2Fsearch/) on the site', async () => {
    const page = await newPage();
    const origin = new URL(nginx.url).origin;
    const hosts = () =>
      page
        .locator('#search-months a[data-month]')
        .evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).origin));
    // Written as the page writes its address (no history entry to write), then in another order (one to write).
    for (const search of ['q=nova&project=nova&from=2013-11&to=2014-08', 'project=nova&to=2014-08&from=2013-11&q=nova']) {
      await page.goto(`${nginx.url}//evil.example/..%2Fsearch/?${search}`);
      // The chart of matches per month is drawn once the filters are opened.
      await page.locator('#search-filters > summary').click();
      await page.locator('#search-months a[data-month]').first().waitFor();
      expect(await page.locator('#search-results a').count(), search).toBeGreaterThan(0);
      expect(new Set(await hosts()), search).toEqual(new Set([origin]));
    }
    // A month chosen narrows the search on this page, its address still on the site.
    const first = page.locator('#search-months a[data-month]').first();
    const month = await first.getAttribute('data-month');
    await first.click();
    const range = () => ['from', 'to'].map((name) => new URL(page.url()).searchParams.get(name));
    await expect.poll(range).toEqual([month, month]);
    expect(new URL(page.url()).origin).toBe(origin);
    expect(page.problems).toEqual([]);
  });

  it('lets no other page frame the site', async () => {
    // A page of another origin (another loopback port) that frames the home page.
    const framer = createServer((_, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(`<!doctype html><title>framer</title><iframe src="${nginx.url}/"></iframe>`);
    });
    await new Promise<void>((resolve) => framer.listen(0, '127.0.0.1', resolve));
    try {
      const page = await newPage();
      const refused: string[] = [];
      page.on('console', (message) => {
        if (message.text().includes("frame-ancestors 'none'")) refused.push(message.text());
      });
      const { port } = framer.address() as AddressInfo;
      await page.goto(`http://127.0.0.1:${port}/`);
      await expect.poll(() => refused.length).toBeGreaterThan(0);
      const framed = page.frames().find((frame) => frame !== page.mainFrame());
      expect(framed?.url()).not.toBe(`${nginx.url}/`);
    } finally {
      framer.close();
      framer.closeAllConnections();
    }
  });

  it('serves every feed as RSS that parses, linking to the site', async () => {
    const parser = new XMLParser({ ignoreAttributes: false });
    for (const feed of ['/rss.xml', '/en/rss.xml', '/projects/nova/rss.xml', '/en/projects/nova/rss.xml']) {
      const { status, headers, body } = await rawGet(`${nginx.url}${feed}`, { 'accept-encoding': 'gzip' });
      expect(status, feed).toBe(200);
      expect(headers['content-type']).toBe('application/rss+xml; charset=utf-8');
      const { rss } = parser.parse(gunzipSync(body).toString('utf8')) as { rss: { channel: { link: string; item: { link: string }[] } } };
      expect(rss.channel.item.length, feed).toBeGreaterThan(0);
      for (const { link } of rss.channel.item) expect(link).toMatch(/^https:\/\/openstack-digest\.example\.org\/(en\/)?issues\/\d+\//);
    }
  });
});
