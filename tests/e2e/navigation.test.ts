/**
 * Readers' paths through the site built from the imported corpus, in Chromium: home, an
 * issue, previous and next, a project and back, with and without JavaScript.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { parse } from 'yaml';
import { useBrowser } from './browser.ts';
import { HomePage } from './pages/home-page.ts';
import { homeRecentCount } from '../../src/lib/archive.ts';
import { IssuePage } from './pages/issue-page.ts';
import { ProjectPage } from './pages/project-page.ts';

const newPage = useBrowser();

/** The imported issues' front matter, read independently of the site. */
const imported = () => {
  const dir = path.join(inject('contentDir'), 'zh-CN');
  return readdirSync(dir)
    .map((name) => {
      const data = parse(
        readFileSync(path.join(dir, name), 'utf8')
          .split('\n---\n')[0]
          ?.replace(/^---\n/, '') ?? '',
      ) as {
        number: number;
        period: { start: string; end: string };
        projects: string[];
      };
      return data;
    })
    .sort((a, b) => b.number - a.number);
};

describe('the home page', () => {
  it('shows the latest issue first, the ones before it in order, and every year linking to the archive', async () => {
    const page = await newPage();
    const home = new HomePage(page);
    await home.open();
    const issues = imported();
    expect(await home.latestLink().getAttribute('href')).toBe(`/issues/${issues[0]?.number}/`);
    expect(await home.recentLinks()).toEqual(issues.slice(1, 1 + homeRecentCount).map((issue) => `/issues/${issue.number}/`));
    expect(await home.yearLinks().allTextContents()).toEqual(['2014年', '2013年']);
    await home.yearLinks().last().click();
    await page.waitForURL('**/archive/2013/');
    expect(await page.locator('main h1').textContent()).toBe('2013年');
    expect(page.problems).toEqual([]);
  });
});

describe('issue pages', () => {
  it('exist for every imported issue with its number, period and sections', async () => {
    const page = await newPage();
    const issue = new IssuePage(page);
    for (const data of imported()) {
      const response = await issue.open(data.number);
      expect(response?.status()).toBe(200);
      expect(await issue.period()).toMatchObject({ start: data.period.start, end: data.period.end });
      expect(await issue.sectionIds()).toEqual(expect.arrayContaining(data.projects));
      expect((await issue.sectionIds()).sort()).toEqual([...data.projects].sort());
    }
    expect(page.problems).toEqual([]);
  });

  it('reads as a whole: heading, contents that reach every section, credits', async () => {
    const page = await newPage();
    const issue = new IssuePage(page);
    await issue.open(8);
    expect(await issue.heading().textContent()).toBe('第八期');
    expect((await issue.period()).text).toBe('2014年2月3日至15日');
    const ids = await issue.sectionIds();
    expect(await issue.contentsTargets()).toEqual(ids.map((id) => `#${id}`));
    await expect.poll(() => issue.attribution().textContent()).toContain('孔令贤');
  });

  it('follows previous and next through the archive', async () => {
    const page = await newPage();
    const issue = new IssuePage(page);
    const numbers = imported()
      .map((data) => data.number)
      .reverse();
    const index = numbers.indexOf(8);
    await issue.open(8);
    await issue.previousLink().click();
    await page.waitForURL(`**/issues/${numbers[index - 1]}/`);
    expect(await issue.heading().textContent()).toBe('第七期');
    await issue.nextLink().click();
    await page.waitForURL('**/issues/8/');
    await issue.nextLink().click();
    await page.waitForURL(`**/issues/${numbers[index + 1]}/`);
    await issue.open(numbers[0] ?? 0);
    expect(await issue.previousLink().count()).toBe(0);
    await issue.open(numbers.at(-1) ?? 0);
    expect(await issue.nextLink().count()).toBe(0);
  });

  it('leads from a section to its project page and back to the section', async () => {
    const page = await newPage();
    const issue = new IssuePage(page);
    const project = new ProjectPage(page);
    await issue.open(8);
    await issue.projectLink('heat').click();
    await page.waitForURL('**/projects/heat/');
    expect(await project.heading().textContent()).toBe('Heat');
    const withHeat = imported()
      .filter((data) => data.projects.includes('heat'))
      .map((data) => `/issues/${data.number}/#heat`);
    expect(await project.issueLinks()).toEqual(withHeat);
    await page.locator(`a[href="/issues/8/#heat"]`).click();
    await page.waitForURL('**/issues/8/#heat');
    expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe('heat');
  });
});

describe('without JavaScript, at phone width and in dark mode', () => {
  it('shows an issue in full without any script', async () => {
    const page = await newPage({ javaScriptEnabled: false, viewport: { width: 375, height: 800 } });
    const issue = new IssuePage(page);
    await issue.open(1);
    expect(await issue.heading().isVisible()).toBe(true);
    expect(await page.locator('section#nova .prose').textContent()).toContain('nova-scheduler');
    expect(await page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0)).toBeLessThanOrEqual(375);
  });

  it('follows the system colour scheme', async () => {
    const background = async (colorScheme: 'light' | 'dark') => {
      const page = await newPage({ colorScheme });
      await page.goto('/issues/8/');
      return page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    };
    const [light, dark] = [await background('light'), await background('dark')];
    expect(light).not.toBe(dark);
    const luminance = (rgb: string) =>
      (rgb.match(/\d+/g) ?? [])
        .slice(0, 3)
        .map(Number)
        .reduce((sum, value) => sum + value, 0);
    expect(luminance(dark)).toBeLessThan(luminance(light));
  });
});

describe('the 404 page', () => {
  it('answers unknown paths with status 404 in both languages', async () => {
    const page = await newPage();
    const response = await page.goto('/issues/9999/');
    expect(response?.status()).toBe(404);
    expect(await page.locator('main').textContent()).toContain('找不到这个页面');
    expect(await page.locator('main [lang="en"]').textContent()).toContain('Page not found');
    // One title, in the page's language; the translation's is a heading under it.
    expect(await page.locator('h1').allTextContents()).toEqual(['找不到这个页面']);
    expect(await page.locator('main [lang="en"] h2').textContent()).toBe('Page not found');
    await page.goto('/en/404.html');
    expect(await page.locator('h1').allTextContents()).toEqual(['Page not found']);
  });
});
