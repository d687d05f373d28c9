/**
 * The archive's pages and the activity charts at the scale of 1,000 issues. Archive pages and
 * charts depend only on the years and months an archive spans and on how many issues its busiest
 * year holds, so the site built here is a cut of the synthetic 1,000-issue archive
 * (`npm run generate-archive`) with exactly those: the first issue of each of its months, and every
 * issue of its busiest year. A quarter of the build, the same archive pages and charts.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DomUtils, parseDocument } from 'htmlparser2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { generateArchive } from '../../scripts/lib/synthetic-archive.ts';
import { registryFile } from '../../src/pipeline/paths.ts';
import { loadProjectRegistry } from '../../src/pipeline/registry.ts';
import { runAstro } from '../helpers/commands.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { axeViolations } from './axe.ts';
import { useBrowser } from './browser.ts';
import { ProjectsPage } from './pages/projects-page.ts';

/**
 * The most HTML an archive page may weigh (KB = 1,000 bytes): one page listing every issue would
 * grow with the archive past any budget, which is why the archive is one page per year. Its own
 * markup: the styles and small scripts inlined into every page alike are left out (the issue
 * page's budget in the bench keeps those small).
 */
const archivePageBudget = 64_000;

/** A page's markup without its inline styles and scripts. */
const markupLength = (html: string) =>
  html.replace(/<style\b[^>]*>[\s\S]*?<\/style>/g, '').replace(/<script\b(?![^>]*\ssrc=)[^>]*>[\s\S]*?<\/script>/g, '').length;

const newPage = useBrowser();
const contentDir = tempDir('scale-content');
const distDir = tempDir('scale');
let server: StaticServer;

interface Kept {
  number: number;
  /** `YYYY-MM` of the period's end, where the archive files the issue. */
  month: string;
}
let kept: Kept[] = [];

beforeAll(async () => {
  const files = generateArchive(1000, 1, loadProjectRegistry(registryFile));
  const issues = files
    .filter((file) => file.path.startsWith('zh-CN/'))
    .map((file) => {
      const data = parse(file.content.split(/^---$/m)[1] ?? '') as { number: number; period: { end: string | Date } };
      const end = data.period.end instanceof Date ? data.period.end.toISOString() : String(data.period.end);
      return { number: data.number, month: end.slice(0, 7) };
    });
  const perYear = new Map<string, number>();
  for (const issue of issues) perYear.set(issue.month.slice(0, 4), (perYear.get(issue.month.slice(0, 4)) ?? 0) + 1);
  const busiest = [...perYear].sort((a, b) => b[1] - a[1])[0]?.[0];
  const months = new Set<string>();
  kept = issues.filter((issue) => {
    const first = !months.has(issue.month);
    months.add(issue.month);
    return first || issue.month.startsWith(`${busiest}-`);
  });
  const numbers = new Set(kept.map((issue) => issue.number));
  for (const file of files) {
    const number = Number(/(\d+)\.md$/.exec(file.path)?.[1]);
    if (!numbers.has(number)) continue;
    mkdirSync(path.dirname(path.join(contentDir, file.path)), { recursive: true });
    writeFileSync(path.join(contentDir, file.path), file.content);
  }
  const built = runAstro(['build', '--outDir', distDir], { DIGEST_CONTENT_DIR: contentDir });
  if (built.status !== 0) throw new Error(built.output);
  server = await serveStatic(distDir);
}, 240_000);
afterAll(() => server?.close());

const years = () => [...new Set(kept.map((issue) => issue.month.slice(0, 4)))].sort().reverse();
const htmlOf = (route: string) => readFileSync(path.join(distDir, route, 'index.html'), 'utf8');
/** The `href`s of the links of a built page's elements with this class, in page order. */
const linksIn = (html: string, className: string) =>
  DomUtils.findAll((element) => (element.attribs['class'] ?? '').split(' ').includes(className), parseDocument(html).children).flatMap(
    (element) => DomUtils.findAll((link) => link.name === 'a', element.children).map((link) => link.attribs['href'] ?? ''),
  );

describe('the archive at 1,000 issues', () => {
  it('spans the same twenty years, every month of them, and a full busiest year', () => {
    expect(years().length).toBeGreaterThanOrEqual(20);
    const perYear = years().map((year) => kept.filter((issue) => issue.month.startsWith(year)).length);
    expect(Math.max(...perYear)).toBeGreaterThanOrEqual(52);
  });

  it.each(['', '/en'])('keeps every archive page to one year of issues and under the budget (%s)', (prefix) => {
    const index = htmlOf(`${prefix}/archive`);
    expect(linksIn(index, 'issue-card__title')).toEqual([]);
    expect(linksIn(index, 'archive-index__title')).toEqual(years().map((year) => `${prefix}/archive/${year}/`));
    expect(markupLength(index)).toBeLessThanOrEqual(archivePageBudget);
    for (const year of years()) {
      const html = htmlOf(`${prefix}/archive/${year}`);
      const expected = kept
        .filter((issue) => issue.month.startsWith(year))
        .sort((a, b) => b.number - a.number)
        .map((issue) => `${prefix}/issues/${issue.number}/`);
      expect(linksIn(html, 'issue-card__title'), `${prefix}/archive/${year}/`).toEqual(expected);
      expect(markupLength(html), `${prefix}/archive/${year}/`).toBeLessThanOrEqual(archivePageBudget);
    }
  });

  it.each(['', '/en'])('counts translations per year, each leading to its English year page, listing no issue (%s)', (prefix) => {
    const html = htmlOf(`${prefix}/translations`);
    expect(html).not.toMatch(/href="(?:\/en)?\/issues\/\d+\//);
    const rows = [...html.matchAll(/<th scope="row"><a href="([^"]+)"/g)].map(([, href]) => href);
    expect(rows).toEqual(years().map((year) => `/en/archive/${year}/`));
    expect(markupLength(html)).toBeLessThanOrEqual(archivePageBudget);
  });
});

describe('the project timelines at 1,000 issues', () => {
  it.each([320, 1280])('at %i px: the pager keeps its links and the page number each on one line', async (width) => {
    const page = await newPage({ baseURL: server.url, viewport: { width, height: 800 } });
    for (const route of ['/projects/industry/page/2/', '/en/projects/industry/page/2/']) {
      await page.goto(route);
      const lines = await page.locator('nav.pager > *').evaluateAll((parts) =>
        parts
          .filter((part) => part.textContent?.trim())
          .map((part) => {
            const range = document.createRange();
            range.selectNodeContents(part);
            // One rectangle per line the text takes.
            return [part.textContent?.trim(), new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size];
          }),
      );
      expect(lines, `${route} at ${width} px`).toHaveLength(3);
      expect(
        lines.filter(([, count]) => count !== 1),
        `${route} at ${width} px`,
      ).toEqual([]);
      expect(await page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0), route).toBeLessThanOrEqual(width);
    }
  });
});

describe('the search filters at 1,000 issues', () => {
  it.each([375, 1280])('at %i px: every field, hint and the month chart stay inside the panel over twenty years', async (width) => {
    const page = await newPage({ baseURL: server.url, viewport: { width, height: 800 } });
    for (const route of ['/search/?q=nova&from=2013-11', '/en/search/?q=nova&from=2013-11']) {
      await page.goto(route);
      // Opened, the filters show the chart of the search's matches per month.
      await page.locator('#search-filters > summary').click();
      await page.locator('.search-filters[open] #search-months a').first().waitFor();
      const outside = await page.locator('.search-filters').evaluate((panel) => {
        const edge = panel.getBoundingClientRect().right;
        return [...panel.querySelectorAll('legend, label, p, figure')]
          .filter((element) => element.getBoundingClientRect().right > edge + 1)
          .map((element) => element.textContent?.trim().slice(0, 40));
      });
      expect(outside, `${route} at ${width} px`).toEqual([]);
      expect(await page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0), route).toBeLessThanOrEqual(width);
    }
  });
});

describe('the activity charts at 1,000 issues', () => {
  it('have a column per year and captions that say so', async () => {
    const page = await newPage({ baseURL: server.url });
    for (const [route, caption] of [
      ['/projects/', '活跃度概览：各项目每年出现的期数'],
      ['/en/projects/', 'Activity overview: issues covering each project, by year'],
      ['/en/projects/nova/', 'Issues covering Nova, by year'],
    ] as const) {
      await page.goto(route);
      const chart = new ProjectsPage(page).chart();
      expect(await chart.caption().textContent(), route).toBe(caption);
      expect(await chart.columns(), route).toEqual([...years()].reverse());
    }
  });

  it.each([375, 1280])(
    'at %i px: wider than the frame, which passes axe, takes focus, scrolls by arrow keys and fades its edge until the end',
    async (width) => {
      const page = await newPage({ baseURL: server.url, viewport: { width, height: 800 } });
      for (const route of ['/projects/', '/en/projects/nova/']) {
        await page.goto(route);
        const chart = new ProjectsPage(page).chart();
        // Colours do not change with the archive's size (every page type is checked in both schemes
        // at 14 issues); checking hundreds of cells' contrast here would only take time.
        expect(await axeViolations(page, 'figure.activity', ['color-contrast']), `${route} at ${width} px`).toEqual([]);
        expect(await chart.reachedByTab(), route).toBe(true);
        const before = await chart.frameState();
        expect(before, route).toMatchObject({ scrolls: true, cueOverGrid: true, cueAtRightEdge: true });
        for (let step = 0; step < 80 && !(await chart.frameState()).atEnd; step += 1) await page.keyboard.press('ArrowRight');
        expect(await chart.frameState(), route).toMatchObject({ atEnd: true, cueOverGrid: false });
        expect(await page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0), route).toBeLessThanOrEqual(width);
      }
    },
  );
});
