/**
 * Browsing by time and by project on the site built from the imported corpus: the archive's
 * year and month links, project timelines, and the activity charts, whose numbers are checked
 * against counts computed here from the content files, not by the site's code.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { parse } from 'yaml';
import { projectRoot } from '../helpers/commands.ts';
import { axeViolations } from './axe.ts';
import { useBrowser } from './browser.ts';
import type { ChartCounts } from './pages/activity-chart.ts';
import { ArchivePage } from './pages/archive-page.ts';
import { HomePage } from './pages/home-page.ts';
import { homeRecentCount } from '../../src/lib/archive.ts';
import { ProjectPage } from './pages/project-page.ts';
import { ProjectsPage } from './pages/projects-page.ts';

const newPage = useBrowser();

interface Imported {
  number: number;
  /** The month the issue's period ends in, `YYYY-MM`. */
  month: string;
  projects: string[];
  /** `##` section headings in the body. */
  headings: number;
}

/** The imported issues, newest first, read straight from their files. */
const imported = (): Imported[] => {
  const dir = path.join(inject('contentDir'), 'zh-CN');
  return readdirSync(dir)
    .map((name) => {
      const [, frontMatter = '', body = ''] = readFileSync(path.join(dir, name), 'utf8').split(/^---$/m);
      const data = parse(frontMatter) as { number: number; period: { end: string }; projects: string[] };
      return {
        number: data.number,
        month: String(data.period.end).slice(0, 7),
        projects: data.projects,
        headings: body.match(/^## /gm)?.length ?? 0,
      };
    })
    .sort((a, b) => b.number - a.number);
};

/** Every month from the earliest issue's to the latest's, oldest first. */
const allMonths = (issues: readonly Imported[]): string[] => {
  const sorted = issues.map((issue) => issue.month).sort();
  const months: string[] = [];
  let [year, month] = (sorted[0] ?? '').split('-').map(Number) as [number, number];
  for (let key = ''; key !== sorted.at(-1); month = month === 12 ? 1 : month + 1, year += month === 1 ? 1 : 0) {
    key = `${year}-${String(month).padStart(2, '0')}`;
    months.push(key);
  }
  return months;
};

/** Issues per project and month, zero where a project was absent. */
const expectedCounts = (issues: readonly Imported[], projects: readonly string[]): ChartCounts => {
  const counts: ChartCounts = {};
  for (const project of projects) for (const month of allMonths(issues)) counts[`${project}|${month}`] = 0;
  for (const issue of issues) {
    for (const project of issue.projects) {
      const key = `${project}|${issue.month}`;
      if (key in counts) counts[key] = (counts[key] ?? 0) + 1;
    }
  }
  return counts;
};

const registry = parse(readFileSync(path.join(projectRoot, 'src/content/projects.yaml'), 'utf8')) as {
  id: string;
  name: Record<string, string>;
}[];
const nameOf = (id: string, locale: string) => registry.find((project) => project.id === id)?.name[locale];
const covered = (issues: readonly Imported[]) => [...new Set(issues.flatMap((issue) => issue.projects))];

describe('the imported content', () => {
  it('has one ## section per listed project, so counting either gives the same numbers', () => {
    for (const issue of imported()) expect(issue.headings, `issue ${issue.number}`).toBe(issue.projects.length);
  });
});

describe('the archive', () => {
  const years = (issues: readonly Imported[]) => [...new Set(issues.map((issue) => issue.month.slice(0, 4)))].sort().reverse();

  it("lists every issue once, on the page of the year its period ends in, under its month, newest first; no page lists another year's", async () => {
    const page = await newPage();
    const archive = new ArchivePage(page);
    const issues = imported();
    expect((await archive.open())?.status()).toBe(200);
    // The index lists years and months, never an issue: it grows by a line a year.
    expect(await archive.issueLinks()).toEqual([]);
    expect(await archive.indexYears()).toEqual(
      years(issues).map((year) => ({
        id: `y${year}`,
        href: `/archive/${year}/`,
        months: [...new Set(issues.map((issue) => issue.month))]
          .filter((month) => month.startsWith(year))
          .sort()
          .map((month) => `/archive/${year}/#m${month}`),
      })),
    );
    const listed: string[] = [];
    for (const [index, year] of years(issues).entries()) {
      expect((await archive.openYear(year))?.status()).toBe(200);
      const inYear = issues.filter((issue) => issue.month.startsWith(year));
      const months = [...new Set(inYear.map((issue) => issue.month))].sort().reverse();
      expect(await archive.months()).toEqual(
        months.map((month) => ({
          id: `m${month}`,
          issues: inYear.filter((issue) => issue.month === month).map((issue) => `/issues/${issue.number}/`),
        })),
      );
      expect(await archive.monthLinks()).toEqual(months.map((month) => `#m${month}`));
      expect(await archive.breadcrumbs().allTextContents()).toEqual(['首页', '归档', `${year}年`]);
      const [newer, older] = [years(issues)[index - 1], years(issues)[index + 1]];
      expect(await archive.yearPager()).toEqual({
        ...(newer ? { newer: `/archive/${newer}/` } : {}),
        ...(older ? { older: `/archive/${older}/` } : {}),
      });
      listed.push(...(await archive.issueLinks()));
    }
    expect(listed).toEqual(issues.map((issue) => `/issues/${issue.number}/`));
    expect(page.problems).toEqual([]);
  });

  it.each([
    ['with JavaScript', true, ''],
    ['without JavaScript, in English, on a phone', false, '/en'],
  ])("leads from the index to each month on its year's page %s", async (_, javaScriptEnabled, prefix) => {
    const page = await newPage({
      javaScriptEnabled,
      viewport: javaScriptEnabled ? { width: 1200, height: 700 } : { width: 375, height: 640 },
    });
    const archive = new ArchivePage(page);
    await archive.open(prefix);
    const months = [...new Set(imported().map((issue) => issue.month))].sort();
    const links = (await archive.indexLinks()).filter((href) => href.includes('#'));
    expect(links.sort()).toEqual(months.map((month) => `${prefix}/archive/${month.slice(0, 4)}/#m${month}`));
    for (const href of links) {
      await archive.open(prefix);
      await archive.indexLink(href).click();
      await page.waitForURL(`**${href}`);
      await expect.poll(() => archive.target(), { timeout: 5_000 }).toEqual({ id: href.split('#')[1], inView: true });
    }
    expect(page.problems).toEqual([]);
  });

  it('keeps the anchors of the one-page archive: /archive/#m2014-02 shows that month in the index, linked to its page', async () => {
    const page = await newPage();
    const archive = new ArchivePage(page);
    const month = imported()[0]?.month ?? '';
    await page.goto(`/archive/#m${month}`);
    expect(await archive.target()).toEqual({ id: `m${month}`, inView: true });
    await page.locator(`#m${month} a`).click();
    await page.waitForURL(`**/archive/${month.slice(0, 4)}/#m${month}`);
    await page.goto(`/en/archive/#y${month.slice(0, 4)}`);
    expect((await archive.target()).id).toBe(`y${month.slice(0, 4)}`);
  });

  it('shows each issue card with badges that lead to the timelines of its projects, as on the home page', async () => {
    const page = await newPage();
    const archive = new ArchivePage(page);
    const issues = imported();
    const byNumber = new Map(
      issues.map((issue) => [`/en/issues/${issue.number}/`, issue.projects.map((id) => `/en/projects/${id}/`).sort()]),
    );
    // The year pages show every issue between them; the home page the most recent ones.
    const opens = [
      ...years(issues).map(
        (year) => [() => archive.openYear(year, '/en'), issues.filter((issue) => issue.month.startsWith(year)).length] as const,
      ),
      [() => new HomePage(page).open('/en'), Math.min(byNumber.size, homeRecentCount + 1)] as const,
    ];
    for (const [open, least] of opens) {
      await open();
      const cards = await archive.cards();
      expect(cards.length).toBeGreaterThanOrEqual(least);
      for (const card of cards) expect([...card.badges].sort(), card.issue).toEqual(byNumber.get(card.issue));
    }
    await page.locator('.badge[href="/en/projects/heat/"]').first().click();
    await page.waitForURL('**/en/projects/heat/');
    expect(await new ProjectPage(page).heading().textContent()).toBe('Heat');
  });
});

describe('the activity overview on the projects page', () => {
  it('counts, for every project and month, the issues that covered it, as the content files say', async () => {
    const page = await newPage();
    const projects = new ProjectsPage(page);
    await projects.open();
    const issues = imported();
    const chart = projects.chart();
    expect(await chart.columns()).toEqual(allMonths(issues));
    expect(await chart.svgCounts()).toEqual(expectedCounts(issues, covered(issues)));
    expect(page.problems).toEqual([]);
  });

  it.each(['zh-CN', 'en'])('holds the same numbers in its table as in the SVG, with registry names in %s', async (locale) => {
    const page = await newPage({ javaScriptEnabled: false });
    const projects = new ProjectsPage(page);
    await projects.open(locale === 'en' ? '/en' : '');
    const chart = projects.chart();
    const svg = await chart.svgCounts();
    expect(await chart.tableCounts()).toEqual(svg);
    const issues = imported();
    const totals = (id: string) => issues.filter((issue) => issue.projects.includes(id)).length;
    const rows = await chart.rows();
    expect(rows.map((row) => row.project).sort()).toEqual(covered(issues).sort());
    expect(rows).toEqual(rows.map(({ project }) => ({ project, tableName: nameOf(project, locale), tableTotal: totals(project) })));
    expect(await chart.svgLabels()).toEqual(rows.map(({ project }) => ({ name: nameOf(project, locale), total: totals(project) })));
    const titles = await chart.cellTitles();
    expect(titles).toHaveLength(Object.keys(svg).length);
    expect(titles.every((title) => title.trim().length > 0)).toBe(true);
    expect(await chart.grid().getAttribute('role')).toBe('img');
    expect(await chart.accessibleLabel()).toContain(await chart.root.locator('figcaption').textContent());
  });

  it('stays readable on a phone: the page does not scroll sideways, the chart does, and its labels stay in view', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await newPage({ javaScriptEnabled: false, viewport: { width: 375, height: 800 }, colorScheme });
      await new ProjectsPage(page).open();
      expect(await page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0)).toBeLessThanOrEqual(375);
      const frame = page.locator('.activity__frame');
      const geometry = await frame.evaluate((element) => {
        const before = element.querySelector('.activity__labels')?.getBoundingClientRect().left;
        element.scrollLeft = element.scrollWidth;
        const labels = element.querySelector('.activity__labels');
        const lastCell = [...element.querySelectorAll('.activity__grid g.activity__cell rect')].at(-1)?.getBoundingClientRect();
        const style = (node: Element | null | undefined, property: string) =>
          node ? getComputedStyle(node).getPropertyValue(property) : '';
        return {
          scrolls: element.scrollWidth > element.clientWidth,
          labelsBefore: before,
          labelsAfter: labels?.getBoundingClientRect().left,
          labelsRight: labels?.getBoundingClientRect().right ?? 0,
          lastCellRight: lastCell?.right ?? Infinity,
          lastCellLeft: lastCell?.left ?? 0,
          frameRight: element.getBoundingClientRect().right,
          labelInk: style(labels?.querySelector('g text'), 'fill'),
          labelBackground: style(labels, 'background-color'),
          bodyInk: style(document.body, 'color'),
          bodyBackground: style(document.body, 'background-color'),
        };
      });
      expect(geometry.scrolls).toBe(true);
      expect(geometry.labelsAfter).toBe(geometry.labelsBefore);
      expect(geometry.lastCellLeft).toBeGreaterThanOrEqual(geometry.labelsRight);
      expect(geometry.lastCellRight).toBeLessThanOrEqual(geometry.frameRight + 1);
      expect(geometry.labelInk).toBe(geometry.bodyInk);
      expect(geometry.labelBackground).toBe(geometry.bodyBackground);
    }
  });
});

describe('the chart frame', () => {
  it.each([375, 1280])(
    'at %i px: passes axe, takes focus from Tab, scrolls by arrow keys when wider, and fades its edge only while more lies beyond',
    async (width) => {
      const page = await newPage({ viewport: { width, height: 800 } });
      for (const path of ['/projects/', '/en/projects/nova/']) {
        await page.goto(path);
        // Width-dependent rules (a scrolling region must take focus); colours in both schemes are
        // checked on every page type by pages.test.ts.
        expect(await axeViolations(page, 'figure.activity'), `${path} at ${width} px`).toEqual([]);
        const chart = new ProjectsPage(page).chart();
        expect(await chart.reachedByTab(), path).toBe(true);
        const before = await chart.frameState();
        // At 14 issues the grid is wider than a phone and fits a desktop (then the cue lies past it).
        expect(before.scrolls, path).toBe(width < 400);
        expect(before.cueOverGrid, path).toBe(before.scrolls);
        if (!before.scrolls) continue;
        expect(before.cueAtRightEdge, path).toBe(true);
        for (let step = 0; step < 40 && !(await chart.frameState()).atEnd; step += 1) await page.keyboard.press('ArrowRight');
        const after = await chart.frameState();
        expect(after.atEnd, path).toBe(true);
        expect(after.scrollLeft, path).toBeGreaterThan(0);
        expect(after.cueOverGrid, path).toBe(false);
      }
      expect(page.problems).toEqual([]);
    },
  );
});

describe("the chart with the browser's text set twice as large", () => {
  it.each([375, 1280])('at %i px: draws its labels twice as large, and its cells with them', async (width) => {
    const page = await newPage({ viewport: { width, height: 800 } });
    for (const path of ['/projects/', '/en/projects/']) {
      await page.goto(path);
      const usual = await new ProjectsPage(page).chart().drawnSizes();
      // The reader's own font size (Chrome's settings), which rem follows; a page's zoom would scale everything anyway.
      const devtools = await page.context().newCDPSession(page);
      await devtools.send('Page.setFontSizes', { fontSizes: { standard: 32 } });
      await page.reload();
      const large = await new ProjectsPage(page).chart().drawnSizes();
      await devtools.send('Page.setFontSizes', { fontSizes: { standard: 16 } });
      expect(large.label / usual.label, path).toBeGreaterThan(1.8);
      // Cells and labels grow together, so the build's estimates of label widths still hold.
      expect(large.gridScale / usual.gridScale, path).toBeCloseTo(large.label / usual.label, 0);
      expect(await page.evaluate(() => document.scrollingElement?.scrollWidth), path).toBeLessThanOrEqual(width);
      const frame = await new ProjectsPage(page).chart().frameState();
      expect(frame.cueOverGrid, path).toBe(frame.scrolls);
    }
    expect(page.problems).toEqual([]);
  });
});

describe('release days', () => {
  /** The registry's releases whose day falls in a month of the archive, read straight from its file. */
  const releasesIn = (months: readonly string[]) =>
    (parse(readFileSync(path.join(projectRoot, 'src/content/releases.yaml'), 'utf8')) as { name: string; released: string }[])
      .map(({ name, released }) => ({ name, day: String(released), month: String(released).slice(0, 7) }))
      .filter((release) => months.includes(release.month));

  it('are marked on the activity overview, each by a line in its month, named and dated under the chart', async () => {
    const page = await newPage();
    await new ProjectsPage(page).open('/en');
    const expected = releasesIn(allMonths(imported()));
    expect(expected.length, 'a release day within the archive').toBeGreaterThan(0);
    const marks = await page.locator('svg.activity__grid g.activity__release').evaluateAll((groups) =>
      groups.map((group) => ({
        title: group.querySelector('title')?.textContent ?? '',
        x: Number(group.querySelector('line')?.getAttribute('x1')),
      })),
    );
    expect(marks).toHaveLength(expected.length);
    const note = (await page.locator('.activity__releases').textContent()) ?? '';
    for (const [index, release] of expected.entries()) {
      const day = new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(release.day));
      expect(marks[index]?.title).toContain(release.name);
      expect(marks[index]?.title).toContain(day);
      expect(note).toContain(release.name);
      const cell = page.locator(`svg.activity__grid g.activity__cell[data-column="${release.month}"] rect`).first();
      const [x, width] = [Number(await cell.getAttribute('x')), Number(await cell.getAttribute('width'))];
      expect(marks[index]?.x).toBeGreaterThanOrEqual(x);
      expect(marks[index]?.x).toBeLessThanOrEqual(x + width);
    }
    expect(page.problems).toEqual([]);
  });

  it("are named in a project's timeline, in the month they fall in", async () => {
    const page = await newPage({ javaScriptEnabled: false });
    const issues = imported();
    const months = [...new Set(issues.filter((issue) => issue.projects.includes('nova')).map((issue) => issue.month))];
    const expected = releasesIn(months);
    expect(expected.length, 'a release in a month with a Nova section').toBeGreaterThan(0);
    await new ProjectPage(page).open('nova');
    const shown = await page.locator('section.timeline-month').evaluateAll((sections) =>
      sections.flatMap((section) =>
        [...section.querySelectorAll('.timeline-month__release')].map((line) => ({
          month: section.querySelector('h2')?.id.replace(/^month-/, ''),
          text: line.textContent ?? '',
        })),
      ),
    );
    // Newest month first, as the timeline runs.
    const newestFirst = [...expected].reverse();
    expect(shown.map(({ month }) => month)).toEqual(newestFirst.map(({ month }) => month));
    for (const [index, release] of newestFirst.entries()) expect(shown[index]?.text).toContain(release.name);
  });
});

describe('project timelines', () => {
  it("show every project's sections by month, newest first, with its feed, on one page at this size", async () => {
    const page = await newPage();
    const project = new ProjectPage(page);
    const issues = imported();
    for (const id of covered(issues)) {
      expect((await project.open(id))?.status()).toBe(200);
      const withProject = issues.filter((issue) => issue.projects.includes(id));
      const months = [...new Set(withProject.map((issue) => issue.month))];
      expect(await project.months(), id).toEqual(
        months.map((month) => ({
          month,
          issues: withProject.filter((issue) => issue.month === month).map((issue) => `/issues/${issue.number}/#${id}`),
        })),
      );
      expect(await project.feedLink().getAttribute('href')).toBe(`/projects/${id}/rss.xml`);
      expect(await project.pager().count()).toBe(0);
      const chart = project.chart();
      expect(await chart.svgCounts(), id).toEqual(expectedCounts(issues, [id]));
      expect(await chart.tableCounts(), id).toEqual(await chart.svgCounts());
    }
    expect(page.problems).toEqual([]);
    expect((await page.goto('/projects/nova/page/2/'))?.status()).toBe(404);
  });

  it("lead from an entry to the project's section in its issue, in English and without JavaScript", async () => {
    const page = await newPage({ javaScriptEnabled: false, viewport: { width: 375, height: 700 } });
    const project = new ProjectPage(page);
    await project.open('nova', '/en');
    const oldest = imported()
      .filter((issue) => issue.projects.includes('nova'))
      .at(-1);
    const link = page.locator(`.project-entry__title a[href="/en/issues/${oldest?.number}/#nova"]`);
    await link.click();
    await page.waitForURL(`**/en/issues/${oldest?.number}/#nova`);
    const target = await new ArchivePage(page).target();
    expect(target).toEqual({ id: 'nova', inView: true });
  });
});
