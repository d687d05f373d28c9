/**
 * The site published under a path, as a GitHub Pages project site is
 * (`https://<user>.github.io/<repo>/`): the corpus built with such a SITE_URL and served under
 * that path only. Every link, asset, feed and sitemap address stays inside it, and search, the
 * language switch and the remembered language work there.
 */
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { getTranslator } from '../../src/i18n/t.ts';
import { renderNginxServer } from '../../src/lib/hosting/nginx.ts';
import { startNginx } from '../../scripts/lib/nginx-server.ts';
import { buildQuerySet, sampleQueries } from '../../scripts/lib/search-queries.ts';
import { measureRecall, summarizeRecall, formatRecallReport } from '../../scripts/lib/recall.ts';
import { readIssuesCorpus } from '../../scripts/lib/recall-corpus.ts';
import { runAstro } from '../helpers/commands.ts';
import { readFeeds, urlsIn } from '../helpers/feeds.ts';
import { expectedCacheControl, expectedContentType, servedFiles } from '../helpers/hosting.ts';
import { checkLinks } from '../helpers/link-check.ts';
import { rawGet } from '../helpers/nginx.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';
import { siteFiles } from '../helpers/site-files.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { useBrowser } from './browser.ts';
import { IssuePage } from './pages/issue-page.ts';
import { SearchPage } from './pages/search-page.ts';

const site = new URL('https://openstack-digest.example.org/digest/');
const base = site.pathname;
let dist: string;
let server: StaticServer;

beforeAll(async () => {
  dist = tempDir('subpath');
  const built = runAstro(['build', '--outDir', dist], { DIGEST_CONTENT_DIR: inject('contentDir'), SITE_URL: site.href });
  expect(built.status, built.output).toBe(0);
  server = await serveStatic(dist, { base });
});
afterAll(() => server?.close());

const newPage = useBrowser(() => server.url);

/** The file an address of the site names, relative to the built folder; undefined outside the site. */
function fileOf(address: string): string | undefined {
  const url = new URL(address, site);
  if (url.origin !== site.origin || !url.pathname.startsWith(base)) return undefined;
  const rest = decodeURIComponent(url.pathname.slice(base.length));
  return rest === '' || rest.endsWith('/') ? `${rest}index.html` : rest;
}

describe('a site built under a path', () => {
  it('links only within it: every page address resolves to a file there', () => {
    const { broken, checked, pages } = checkLinks(dist, site);
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(pages * 5);
  });

  it('puts every feed and sitemap address inside it, each naming a file that exists', () => {
    const files = new Set(siteFiles(dist).map((file) => file.split(path.sep).join('/')));
    const feeds = readFeeds(dist);
    expect(feeds.length).toBeGreaterThan(3);
    const addresses = feeds.flatMap((feed) => [
      feed.rss.channel.link ?? '',
      ...[...feed.xml.matchAll(/<atom:link href="([^"]+)"/g)].map((match) => match[1] ?? ''),
      ...feed.items.flatMap((item) => [item.link ?? '', ...urlsIn(item['content:encoded'] ?? '')]),
    ]);
    const sitemap = readFileSync(path.join(dist, 'sitemap.xml'), 'utf8');
    addresses.push(...[...sitemap.matchAll(/(?:<loc>|href=")([^<"]+)/g)].map((match) => match[1] ?? ''));
    const ours = addresses.filter((address) => new URL(address, site).host === site.host);
    expect(ours.length).toBeGreaterThan(100);
    expect(ours.filter((address) => !address.startsWith(site.href))).toEqual([]);
    expect(ours.filter((address) => !files.has(fileOf(address) ?? ''))).toEqual([]);
    expect(readFileSync(path.join(dist, 'robots.txt'), 'utf8')).toContain(`Sitemap: ${site.href}sitemap.xml`);
  });

  it('finds what the archive holds from its search pages, with results linking inside it', async () => {
    const corpus = await readIssuesCorpus(inject('contentDir'));
    for (const [locale, prefix] of [
      ['zh-CN', ''],
      ['en', 'en/'],
    ] as const) {
      const page = await newPage();
      const search = new SearchPage(page);
      await search.open('', `${base}${prefix}`.replace(/\/$/, ''));
      // A few queries per language show search works here; recall on the whole set is search.test.ts's.
      const sample = sampleQueries(buildQuerySet(corpus.textsIn(locale)), 1).slice(0, 3);
      const outcomes = await measureRecall(sample, (query) => search.search(query));
      expect(summarizeRecall(outcomes).find((row) => row.kind === 'all')?.recall, formatRecallReport(outcomes)).toBe(1);
      const first = (await search.results())[0];
      // At the section, and at the words the browser marks there (a text fragment).
      expect(first?.href).toMatch(new RegExp(`^${base}${prefix}issues/\\d+/(#[a-z0-9-]*(:~:text=\\S+)?)?$`));
      await page.locator('.search-result__link').first().click();
      await page.waitForURL((url) => url.pathname === first?.href.split('#')[0]);
      // The search vocabulary is fetched from inside the path too: a release's name finds its shorthand.
      await search.open('', `${base}${prefix}`.replace(/\/$/, ''));
      await search.search('Icehouse');
      expect(await page.locator('#search-forms').textContent()).toContain('I版');
      expect(page.problems).toEqual([]);
    }
  });

  it('switches language within it and remembers the choice at its own root', async () => {
    const page = await newPage();
    const issue = new IssuePage(page);
    await page.goto(`${base}issues/8/#heat`);
    await issue.languageSwitch().click();
    await page.waitForURL(`**${base}en/issues/8/#heat`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.goto(base);
    await page.waitForURL(`**${base}en/`);
    // Another site on the same host (outside the path) is not this one: the choice applies.
    const origin = new URL(page.url()).origin;
    await page.goto(base, { referer: `${origin}/blog/` });
    await page.waitForURL(`**${base}en/`);
    // A page of this site leading home leaves the reader where the link goes.
    await page.goto(base, { referer: `${origin}${base}issues/8/` });
    await page.waitForLoadState('networkidle');
    expect(new URL(page.url()).pathname).toBe(base);
    expect(page.problems).toEqual([]);
  });

  it('answers a missing path with its 404 page, styled and linking home within it', async () => {
    const page = await newPage();
    const failed: string[] = [];
    page.on('response', (response) => {
      if (response.status() >= 400 && response.request().resourceType() !== 'document') failed.push(response.url());
    });
    const response = await page.goto(`${base}issues/9999/deep/`);
    expect(response?.status()).toBe(404);
    expect(await page.locator('main h1').first().textContent()).toBe(getTranslator('zh-CN')('notFound.title'));
    expect(await page.locator('main a').first().getAttribute('href')).toBe(base);
    // Its stylesheet and scripts load, though the page is two folders deeper than the site's root.
    expect(await page.evaluate(() => [...document.styleSheets].reduce((rules, sheet) => rules + sheet.cssRules.length, 0))).toBeGreaterThan(
      10,
    );
    expect(failed).toEqual([]);
  });

  it('is served by nginx as `npm run nginx-config` writes it for that address: every file, and each language its 404 page', async () => {
    // nginx finds files at its root followed by the path: a root holding digest/.
    const root = tempDir('subpath-root');
    symlinkSync(dist, path.join(root, 'digest'));
    // What else a host's folder (/var/www) holds is not the site's to serve.
    writeFileSync(path.join(root, 'backup.env'), 'db_password=secret\n');
    mkdirSync(path.join(root, 'digest-old'));
    writeFileSync(path.join(root, 'digest-old', 'index.html'), '<p>old site</p>');
    const nginx = await startNginx((listen) => renderNginxServer({ site, root, listen }));
    try {
      const wrong: string[] = [];
      for (const { path: sitePath } of servedFiles(dist)) {
        const { status, headers } = await rawGet(`${nginx.url}${base}${sitePath.slice(1)}`);
        const got = `${status} ${headers['content-type']} ${headers['cache-control']}`;
        if (got !== `200 ${expectedContentType(sitePath)} ${expectedCacheControl(sitePath)}`) wrong.push(`${sitePath}: ${got}`);
      }
      expect(wrong).toEqual([]);
      for (const [missing, lang] of [
        [`${base}en/issues/9999/`, 'en'],
        [`${base}issues/9999/`, 'zh-CN'],
      ] as const) {
        const { status, body } = await rawGet(`${nginx.url}${missing}`);
        expect(status).toBe(404);
        expect(body.toString('utf8')).toMatch(new RegExp(`^<!DOCTYPE html><html lang="${lang}"`));
      }
      for (const outside of ['/backup.env', '/digest-old/', '/digest-old/index.html', `${base}../backup.env`, '/digest.env']) {
        const { status, body } = await rawGet(`${nginx.url}${outside}`);
        expect([outside, status]).toEqual([outside, 404]);
        expect(body.toString('utf8')).not.toMatch(/db_password|old site/);
      }
      // Outside the site's files: the host's root sends readers to the site, the path without its
      // slash gets it added, both with the site's security headers.
      for (const [asked, status, location] of [
        ['/', 302, base],
        [base.slice(0, -1), 301, base],
        [`${base.slice(0, -1)}?q=nova`, 301, `${base}?q=nova`],
      ] as const) {
        const { status: got, headers } = await rawGet(`${nginx.url}${asked}`);
        expect([got, headers['location'], headers['x-content-type-options']]).toEqual([status, location, 'nosniff']);
        expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
      }
    } finally {
      await nginx.close();
    }
  });
});
