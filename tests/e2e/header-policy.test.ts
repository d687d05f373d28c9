/**
 * Pages under the Content-Security-Policy a host sends as a header, beside the one in their
 * `<meta>` (a browser enforces both): the `_headers` file the build writes, applied as Netlify
 * applies it, and the shipped nginx block. Under each, every page type's inline styles and
 * scripts run and nothing is reported as a violation.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { NginxServer } from '../../scripts/lib/nginx-server.ts';
import { matches, parseHeadersFile, readBuilt } from '../helpers/hosting.ts';
import { serveWithShippedNginx } from '../helpers/nginx.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';
import { recordCspViolations, useBrowser } from './browser.ts';

let headersFileHost: StaticServer;
let nginx: NginxServer;
beforeAll(async () => {
  const rules = parseHeadersFile(readBuilt(inject('distDir'), '_headers'));
  const headersOf = (sitePath: string) =>
    Object.fromEntries(rules.filter((rule) => matches(rule.pattern, sitePath, 'netlify')).flatMap((rule) => rule.headers));
  headersFileHost = await serveStatic(inject('distDir'), { headers: headersOf });
  nginx = await serveWithShippedNginx(inject('distDir'));
});
afterAll(async () => {
  await headersFileHost?.close();
  await nginx?.close();
});

const newPage = useBrowser();
const hosts = { '_headers (as Netlify applies it)': () => headersFileHost.url, 'nginx (the shipped block)': () => nginx.url };

/** Every page type, with a query and a place the language switch's inline script carries along. */
const pages = [
  '/?from=policy',
  '/issues/8/?from=policy#nova',
  '/en/issues/1/?from=policy',
  '/archive/2014/?from=policy',
  '/projects/nova/?from=policy',
  '/search/?q=nova-scheduler',
  '/subscribe/?from=policy',
  '/en/about/?from=policy',
];

describe.each(Object.entries(hosts))('pages under the header policy of %s', (_, host) => {
  it.each(pages)('%s: its inline styles and scripts run, nothing is blocked', async (address) => {
    const page = await newPage({ baseURL: host() });
    const violations = await recordCspViolations(page);
    const response = await page.goto(address);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    if (address.startsWith('/search/')) await page.locator('#search-results a').first().waitFor();
    // The inline style sheet applied: the header's rule under it.
    expect(await page.locator('.site-header').evaluate((header) => getComputedStyle(header).borderBottomStyle)).toBe('solid');
    // The language switch's inline script ran: its link carries the query and the place along.
    const { search, hash } = new URL(address, host());
    await expect
      .poll(() => page.locator('a[data-language-switch]').first().getAttribute('href'))
      .toMatch(new RegExp(`${search.replace(/[?]/g, '\\?')}${hash}$`));
    expect(violations).toEqual([]);
    expect(page.problems).toEqual([]);
    await page.context().close();
  });
});
