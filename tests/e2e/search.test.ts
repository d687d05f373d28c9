/**
 * Search on the site built from the imported corpus, in Chromium: real queries typed into the
 * search page, filters, the URL as state, the keyboard, bad input, the English site, and what
 * pages download. Expected issues are derived from the imported content, never written down.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { DomUtils, parseDocument } from 'htmlparser2';
import type { Page } from 'playwright-core';
import { minify } from 'vite';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { formatIssueLabel, formatPeriod } from '../../src/i18n/format.ts';
import { getTranslator } from '../../src/i18n/t.ts';
import type { ArchiveIssue } from '../../src/lib/archive.ts';
import { toIsoDay } from '../../src/lib/dates.ts';
import { monthsBetween, monthsOfPeriod } from '../../src/lib/months.ts';
import { FIRST_WAVE, PAGE_SIZE } from '../../src/lib/search/page/engine.ts';
import { issuePath, localizePath } from '../../src/lib/routes.ts';
import { flattenText, splitParts } from '../../src/lib/search/contract.ts';
import { foldApostrophes, textsOfIssue } from '../../src/lib/search/index/records.ts';
import { createProjectResolver } from '../../src/lib/projects.ts';
import { registryFile } from '../../src/pipeline/paths.ts';
import { loadProjectRegistry } from '../../src/pipeline/registry.ts';
import { readIssuesCorpus, registryNames, type RecallCorpus } from '../../scripts/lib/recall-corpus.ts';
import { holdsPlainText, type NameGroup } from '../../scripts/lib/relevance.ts';
import { buildQuerySet, relevantIssues, sampleQueries, type IssueTexts, type SearchQuery } from '../../scripts/lib/search-queries.ts';
import { formatRecallReport, measureRecall, summarizeRecall } from '../../scripts/lib/recall.ts';
import { useBrowser } from './browser.ts';
import { SearchPage } from './pages/search-page.ts';

const newPage = useBrowser();
const resolver = createProjectResolver(loadProjectRegistry(registryFile));
let corpus: RecallCorpus;
let texts: IssueTexts[];
let querySet: SearchQuery[];
let names: NameGroup[];

beforeAll(async () => {
  corpus = await readIssuesCorpus(inject('contentDir'));
  texts = corpus.textsIn('zh-CN');
  names = await registryNames();
  querySet = buildQuerySet(texts, { names });
});

/** An issue's searchable parts: the introduction (no project) and each section, as the pipeline rendered them. */
function partsOf(issue: ArchiveIssue): { projectId?: string; text: string }[] {
  const text = issue.original;
  return [{ text: text.intro?.text ?? '' }, ...text.sections.map((section) => ({ projectId: section.projectId, text: section.text }))];
}

/** The paths a page requests from now on, in order (the list fills as requests go out). */
function requestedPaths(page: Page): string[] {
  const paths: string[] = [];
  page.on('request', (request) => paths.push(new URL(request.url()).pathname));
  return paths;
}

/** How many searches the page has started (its `search-start` marks). */
const searchesStarted = (page: Page) => page.evaluate(() => performance.getEntriesByName('search-start').length);

const issueOf = (number: number) => corpus.archive.get(number) as ArchiveIssue;
const ascending = (numbers: readonly number[]) => [...numbers].sort((a, b) => a - b);
const latinWords = (text: string) => [...new Set(text.match(/\b[A-Za-z][A-Za-z]{4,}\b/g) ?? [])].sort();

describe('the index', () => {
  it('holds one record per issue text, whose parts are the words its page shows in the introduction and each section', async () => {
    const folder = path.join(inject('distDir'), 'pagefind', 'fragment');
    const fragments = await Promise.all(
      (await readdir(folder)).map(async (file) => {
        // A fragment is gzipped JSON behind Pagefind's signature.
        const json = gunzipSync(await readFile(path.join(folder, file)))
          .toString('utf8')
          .replace(/^pagefind_dcd/, '');
        return JSON.parse(json) as { url: string; content: string; meta: Record<string, string>; filters: Record<string, string[]> };
      }),
    );
    const texts = corpus.archive.issues.flatMap((issue) =>
      textsOfIssue(issue).map(({ text, locales }) => ({ issue, text, url: localizePath(issuePath(issue.number), locales[0] ?? 'zh-CN') })),
    );
    expect(fragments.map((fragment) => fragment.url).sort()).toEqual(texts.map(({ url }) => url).sort());
    expect(texts.some(({ text }) => text.lang === 'en')).toBe(true);
    for (const { issue, text, url } of texts) {
      const fragment = fragments.find((candidate) => candidate.url === url);
      // What the built page shows: the words of its introduction and of each section's body.
      const page = parseDocument(await readFile(path.join(inject('distDir'), url, 'index.html'), 'utf8'));
      // The archived-copy notes beside outside links are the site's words, not the digest's: not indexed.
      for (const note of DomUtils.findAll((element) => DomUtils.getAttributeValue(element, 'class') === 'archived', page.children)) {
        DomUtils.removeElement(note);
      }
      // The index holds a right single quotation mark as the apostrophe (`can’t` as `can't`).
      const words = (selector: (element: Parameters<typeof DomUtils.hasAttrib>[0]) => boolean) =>
        flattenText(
          foldApostrophes(
            DomUtils.findAll(selector, page.children)
              .map((element) => DomUtils.textContent(element))
              .join(' '),
          ),
        );
      const prose = (element: Parameters<typeof DomUtils.hasAttrib>[0]) =>
        (DomUtils.getAttributeValue(element, 'class') ?? '').split(' ').includes('prose');
      const shown = [
        { text: words((element) => (DomUtils.getAttributeValue(element, 'class') ?? '').includes('issue__intro')) } as {
          projectId?: string;
          text: string;
        },
        // A section opens with its heading, the project's name the page shows above it.
        ...text.sections.map(({ projectId }) => ({
          projectId,
          text: words(
            (element) =>
              (prose(element) || DomUtils.getAttributeValue(element, 'id') === `${projectId}-title`) &&
              DomUtils.getAttributeValue(element.parent as typeof element, 'id') === projectId,
          ),
        })),
      ].filter((part) => part.text && part.text !== resolver.get(part.projectId ?? '')?.name[text.lang]);
      const parts = splitParts(fragment?.content ?? '', fragment?.meta ?? {});
      expect(
        parts.map(({ projectId, text: partText }) => ({ ...(projectId ? { projectId } : {}), text: partText })),
        url,
      ).toEqual(shown);
      expect(fragment?.filters['project'], url).toEqual(shown.flatMap((part) => (part.projectId ? [part.projectId] : [])));
      expect(fragment?.meta['lang']).toBe(text.lang);
      expect(fragment?.meta['issue']).toBe(String(issue.number));
    }
  });
});

describe('queries typed into the search page', () => {
  it('list every issue holding a fixed sample of Chinese, mixed and English queries in the top 10', async () => {
    const page = await newPage();
    const search = new SearchPage(page);
    await search.open();
    const sample = sampleQueries(querySet, 5);
    expect(sample.map((entry) => entry.kind)).toEqual(
      expect.arrayContaining(['named', 'chinese', 'mixed', 'english', 'names', 'variants']),
    );
    const outcomes = await measureRecall(sample, (query) => search.search(query));
    const all = summarizeRecall(outcomes).find((row) => row.kind === 'all');
    expect(all?.recall, formatRecallReport(outcomes)).toBe(1);
    for (const { found } of outcomes) expect(new Set(found).size).toBe(found.length);
    expect(page.problems).toEqual([]);
  });

  it('read the symbols after the last word as typed: C++ lists the issue holding it, not every word starting with C', async () => {
    const page = await newPage();
    const search = new SearchPage(page);
    await search.open();
    expect(await search.search('C++')).toEqual(relevantIssues(texts, 'C++'));
    expect((await search.results()).map((result) => result.marks)).toEqual([['C++']]);
    expect(await search.search('C#')).toEqual(relevantIssues(texts, 'C#'));
    expect(page.problems).toEqual([]);
  });

  it('read words listed with a Chinese comma as words typed with a space between them', async () => {
    const page = await newPage();
    const search = new SearchPage(page);
    await search.open();
    const spaced = await search.search('H版 I版');
    expect(spaced.length).toBeGreaterThan(0);
    for (const listed of ['H版、I版', 'H版，I版']) expect(await search.search(listed), listed).toEqual(spaced);
    expect(page.problems).toEqual([]);
  });

  it('mark whole words but the last, as ranking counts them: I of H版 I版 marks no Icehouse', async () => {
    const page = await newPage();
    const search = new SearchPage(page);
    await search.open();
    await search.search('H版 I版');
    // Issue 8 answers by Havana, I and 版 in its Heat section, which also says "从Havana到Icehouse".
    const result = (await search.results()).find((entry) => entry.issue === 8);
    expect(result?.excerpt).toContain('Icehouse');
    expect(result?.marks).not.toContain('I');
    expect(decodeURIComponent(result?.href ?? '')).not.toContain('-,I,-cehouse');
    expect(page.problems).toEqual([]);
  });

  it('mark an address pasted whole, with its scheme, and link to it', async () => {
    const page = await newPage();
    const search = new SearchPage(page);
    await search.open();
    // An address issue 8 shows as written, in its Common section.
    const common = partsOf(issueOf(8)).find((part) => part.projectId === 'common')?.text ?? '';
    const address = /https?:\/\/\S+\.html/.exec(common)?.[0] ?? '';
    expect(await search.search(address)).toContain(8);
    const result = (await search.results()).find((entry) => entry.issue === 8);
    expect(result?.marks).toEqual([address.replace(/^https?:\/\//, '')]);
    expect(decodeURIComponent(result?.href ?? '').split(':~:text=')[1]).toContain(address.replace(/^https?:\/\//, ''));
    expect(page.problems).toEqual([]);
  });

  it('show each result as a link to its issue and section, with number, period, project and the match marked', async () => {
    const page = await newPage();
    const search = new SearchPage(page);
    await search.open();
    const found = await search.search('Rackspace');
    expect(found).toEqual(expect.arrayContaining(relevantIssues(texts, 'Rackspace')));
    for (const result of await search.results()) {
      const issue = issueOf(result.issue);
      const [, number, section, directive] = /^\/issues\/(\d+)\/(?:#([a-z0-9-]*)(:~:text=.+)?)?$/.exec(result.href) ?? [];
      expect(Number(number)).toBe(issue.number);
      const part = partsOf(issue).find((candidate) => candidate.projectId === (section || undefined));
      expect(part && holdsPlainText(part.text, 'Rackspace'), `${result.href} holds the word`).toBe(true);
      // The link marks the word where it lands.
      expect(decodeURIComponent(directive ?? '').toLowerCase()).toContain('rackspace');
      // The excerpt is cut from that part's own text (web addresses shown without their scheme, cut short).
      for (const piece of result.excerpt
        .split('…')
        .map((text) => text.trim())
        .filter(Boolean)) {
        expect(flattenText(part?.text ?? '').replace(/https?:\/\//g, '')).toContain(piece);
      }
      expect(result.title).toContain(formatIssueLabel(issue.number, 'zh-CN'));
      expect(result.title).toContain(resolver.get(section ?? '')?.name['zh-CN']);
      expect(result.meta).toContain(formatPeriod(issue.period, 'zh-CN'));
      expect(result.marks.map((mark) => mark.toLowerCase())).toContain('rackspace');
    }
    const first = (await search.results())[0];
    await page.locator('.search-result__link').first().click();
    await page.waitForURL((url) => url.pathname === first?.href.split('#')[0]);
    expect(page.problems).toEqual([]);
  });
});

/** WCAG's contrast ratio of two opaque CSS colours as `getComputedStyle` gives them (`rgb(r, g, b)`). */
function contrast(first: string, second: string): number {
  const luminance = (color: string) => {
    const [r = 0, g = 0, b = 0] = (color.match(/\d+(\.\d+)?/g) ?? []).map(Number).map((value) => {
      const channel = value / 255;
      return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [light, dark] = [luminance(first), luminance(second)].sort((a, b) => b - a) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

describe('the marked match', () => {
  it.each(['健康检查', 'Rackspace'])(
    'is as visible in %s as in any script, light and dark: text at AA on the mark, a bar at 3:1 against the page, the same weight as its text',
    async (query) => {
      const page = await newPage();
      const search = new SearchPage(page);
      await search.open(`?q=${encodeURIComponent(query)}`);
      await search.answered(query);
      const backgrounds = new Set<string>();
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        const marks = await page.locator('.search-result__excerpt mark').evaluateAll((elements) =>
          elements.map((mark) => {
            const style = getComputedStyle(mark);
            const around = getComputedStyle(mark.parentElement as Element);
            return {
              text: mark.textContent ?? '',
              color: style.color,
              background: style.backgroundColor,
              bar: style.borderBottomColor,
              barWidth: parseFloat(style.borderBottomWidth),
              barStyle: style.borderBottomStyle,
              weight: style.fontWeight,
              textWeight: around.fontWeight,
              page: getComputedStyle(document.body).backgroundColor,
            };
          }),
        );
        expect(marks.length, `${query} (${colorScheme})`).toBeGreaterThan(0);
        expect(new Set(marks.map((mark) => mark.page)).size).toBe(1);
        backgrounds.add(marks[0]?.page ?? '');
        for (const mark of marks) {
          expect(query.toLowerCase()).toContain(mark.text.toLowerCase());
          expect(contrast(mark.color, mark.background), `text on the mark (${colorScheme})`).toBeGreaterThanOrEqual(4.5);
          expect(mark.barStyle).toBe('solid');
          expect(mark.barWidth).toBeGreaterThanOrEqual(2);
          expect(contrast(mark.bar, mark.page), `bar against the page (${colorScheme})`).toBeGreaterThanOrEqual(3);
          expect(mark.weight, 'a mark does not depend on a bold face the font may lack').toBe(mark.textWeight);
        }
      }
      expect(backgrounds.size, 'both colour schemes were shown').toBe(2);
      expect(page.problems).toEqual([]);
    },
  );
});

/** The result list at one moment: issues listed, busy, showing an answer, opacity, and whether the status line is busy. */
interface ListState {
  items: number[];
  busy: boolean;
  shown: boolean;
  opacity: string;
  statusBusy: boolean;
}

describe('a search listing more than a few issues', () => {
  it('shows the first few while the rest load, undimmed, then the whole page in the same order', async () => {
    const page = await newPage();
    const search = new SearchPage(page);
    await search.open();
    const query = querySet.find((entry) => entry.kind === 'english' && entry.relevant.length > FIRST_WAVE);
    expect(query, `an English query found in more than ${FIRST_WAVE} issues`).toBeDefined();
    // Every state the list goes through, recorded as it changes.
    await page.evaluate(() => {
      const list = document.getElementById('search-results') as HTMLElement;
      const status = document.getElementById('search-status') as HTMLElement;
      const states: ListState[] = [];
      (window as unknown as { listStates: ListState[] }).listStates = states;
      new MutationObserver(() => {
        const items = [...list.children].map((item) => Number((item as HTMLElement).dataset['issue']));
        states.push({
          items,
          busy: list.hasAttribute('aria-busy'),
          shown: list.dataset['query'] !== undefined,
          opacity: getComputedStyle(list).opacity,
          statusBusy: status.getAttribute('aria-busy') === 'true',
        });
      }).observe(list, { childList: true, attributes: true });
    });
    const found = await search.search(query?.query ?? '');
    const states = await page.evaluate(() => (window as unknown as { listStates: ListState[] }).listStates);
    const firstWave = states.find((state) => state.busy && state.shown && state.items.length > 0);
    expect(firstWave?.items).toHaveLength(FIRST_WAVE);
    expect(firstWave?.opacity).toBe('1');
    // The status line shows the first wave's count but holds its announcement for the final one.
    expect(firstWave?.statusBusy).toBe(true);
    expect(states.at(-1)).toMatchObject({ busy: false, statusBusy: false });
    await expect.poll(() => search.status().getAttribute('aria-busy')).toBeNull();
    expect(found.length).toBe(Math.min(PAGE_SIZE, query?.relevant.length ?? 0));
    expect(found.slice(0, FIRST_WAVE)).toEqual(firstWave?.items);
    expect(
      await page.evaluate(() => ['search', 'search-complete'].map((name) => performance.getEntriesByName(name, 'measure').length)),
    ).toEqual([1, 1]);
    expect(page.problems).toEqual([]);
  });
});

describe('more results', () => {
  it('are added after the ones shown, which stay in place, with focus on the first new one', async () => {
    const page = await newPage();
    const search = new SearchPage(page);
    await search.open();
    // Words Pagefind answers as a phrase for one page and word by word for two.
    const first = await search.search('openstack的');
    expect(first).toHaveLength(PAGE_SIZE);
    await page.locator('#search-more').click();
    await expect.poll(async () => (await search.issues()).length).toBeGreaterThan(PAGE_SIZE);
    const all = await search.issues();
    expect(all.slice(0, PAGE_SIZE)).toEqual(first);
    expect(new Set(all).size).toBe(all.length);
    const focused = await page.evaluate(
      () => (document.activeElement?.closest('#search-results > li') as HTMLElement | null)?.dataset['issue'],
    );
    expect(Number(focused)).toBe(all[PAGE_SIZE]);
    expect(page.problems).toEqual([]);
  });
});

describe('filters', () => {
  it("restrict a project filter to that project's own sections", async () => {
    // A word that one section of an issue holds and another section of the same issue does not,
    // preferably one that other issues hold in that other project's section.
    const inProject = (projectId: string, word: string) =>
      ascending(
        corpus.archive.issues
          .filter((candidate) => partsOf(candidate).some((part) => part.projectId === projectId && holdsPlainText(part.text, word)))
          .map((candidate) => candidate.number),
      );
    const cases = corpus.archive.issues.flatMap((issue) => {
      const sections = partsOf(issue).filter((part) => part.projectId);
      return sections.flatMap((inside) =>
        latinWords(inside.text).flatMap((word) => {
          const outside = sections.find((part) => part !== inside && !holdsPlainText(part.text, word));
          if (!outside || relevantIssues(texts, word).length > 10) return [];
          return [
            {
              word,
              issue: issue.number,
              inside: inside.projectId as string,
              outside: outside.projectId as string,
              others: inProject(outside.projectId as string, word),
            },
          ];
        }),
      );
    });
    const chosen = cases.find((candidate) => candidate.others.length > 0) ?? cases[0];
    expect(chosen, 'the corpus has a word found in one section of an issue only').toBeDefined();
    const { word, issue, inside, outside, others } = chosen as NonNullable<typeof chosen>;

    // Counts are Pagefind's, per issue: issues covering the project whose text holds the word anywhere.
    const covering = (projectId: string) =>
      corpus.archive.issues.filter((candidate) => partsOf(candidate).some((part) => part.projectId === projectId && part.text.trim()));
    const counted = covering(inside).filter((candidate) => relevantIssues(texts, word).includes(candidate.number)).length;

    const page = await newPage();
    const search = new SearchPage(page);
    await search.open();
    expect(await search.search(word)).toContain(issue);
    await search.openFilters();
    expect(Number(await search.projectCount(inside))).toBe(counted);
    // Its accessible name says what it counts.
    expect(await search.projectFilterName(inside)).toBe(
      `${resolver.get(inside)?.name['zh-CN']} ${getTranslator('zh-CN')('search.projectCount', { issues: counted })}`,
    );
    await search.projectFilter(outside).check();
    await search.answered(word);
    expect(search.params().get('project')).toBe(outside);
    expect(ascending(await search.issues())).toEqual(others);
    expect(await search.issues()).not.toContain(issue);
    await search.projectFilter(outside).uncheck();
    await search.answered(word);
    await search.projectFilter(inside).check();
    await search.answered(word);
    expect(ascending(await search.issues())).toEqual(inProject(inside, word));
    expect((await search.results()).find((result) => result.issue === issue)?.href.split(':~:')[0]).toBe(`/issues/${issue}/#${inside}`);
    expect(page.problems).toEqual([]);
  });

  it('keep to a range of months, and list newest first on request', async () => {
    const startOf = (number: number) => toIsoDay(issueOf(number).period.start);
    const query = querySet.find(
      (entry) =>
        entry.relevant.length >= 4 &&
        entry.relevant.length <= 10 &&
        new Set(entry.relevant.map((number) => startOf(number).slice(0, 7))).size >= 4,
    ) as SearchQuery;
    expect(query, 'a query found in issues of four months or more').toBeDefined();
    const starts = query.relevant.map(startOf).sort();
    const [from, to] = [(starts[1] ?? '').slice(0, 7), (starts.at(-2) ?? '').slice(0, 7)];
    const range = new Set(monthsBetween(from, to));
    const expected = query.relevant.filter((number) => monthsOfPeriod(issueOf(number).period).some((month) => range.has(month)));

    const page = await newPage();
    const search = new SearchPage(page);
    await search.open();
    await search.search(query.query);
    await search.openFilters();
    expect(await search.month('from').getAttribute('min')).toBe(
      monthsOfPeriod(corpus.archive.issues.at(-1)?.period as ArchiveIssue['period'])[0],
    );
    await search.month('from').fill(from);
    await search.answered(query.query);
    await search.month('to').fill(to);
    await search.answered(query.query);
    expect(Object.fromEntries(search.params())).toMatchObject({ from, to });
    expect(ascending((await search.issues()).filter((number) => query.relevant.includes(number)))).toEqual(ascending(expected));
    for (const number of await search.issues()) expect(monthsOfPeriod(issueOf(number).period).some((month) => range.has(month))).toBe(true);

    await search.select('sort').selectOption('newest');
    await search.answered(query.query);
    expect(search.params().get('sort')).toBe('newest');
    const listed = (await search.issues()).map(startOf);
    expect(listed).toEqual([...listed].sort().reverse());

    // The range set backwards: searched turned round, and the fields show it so.
    const listedInRange = await search.issues();
    await search.month('from').fill(to);
    await search.answered(query.query);
    await search.month('to').fill(from);
    await search.answered(query.query);
    expect([await search.month('from').inputValue(), await search.month('to').inputValue()]).toEqual([from, to]);
    expect(Object.fromEntries(search.params())).toMatchObject({ from, to });
    expect(await search.issues()).toEqual(listedInRange);
    expect(page.problems).toEqual([]);
  });

  it("keep the month fields inside the panel on a phone with the browser's text set twice as large", async () => {
    const page = await newPage({ viewport: { width: 375, height: 700 } });
    // The reader's own font size (Chrome's settings), which rem and the media queries follow.
    const devtools = await page.context().newCDPSession(page);
    await devtools.send('Page.setFontSizes', { fontSizes: { standard: 32 } });
    const search = new SearchPage(page);
    for (const prefix of ['', '/en']) {
      await search.open('?q=nova&sort=newest', prefix);
      await search.answered('nova');
      await search.openFilters();
      const fit = await page.evaluate(() => {
        const right = (element: Element | null) => Math.round(element?.getBoundingClientRect().right ?? Infinity);
        const dates = document.querySelector('.search-filters__dates');
        return {
          page: document.scrollingElement?.scrollWidth ?? 0,
          dates: right(dates),
          fields: [...(dates?.querySelectorAll('input[type="month"]') ?? [])].map(right),
        };
      });
      expect(fit.page, prefix).toBeLessThanOrEqual(375);
      expect(fit.fields, prefix).toHaveLength(2);
      for (const field of fit.fields) expect(field, prefix).toBeLessThanOrEqual(fit.dates);
    }
    expect(page.problems).toEqual([]);
  });
});

describe('a range of months outside the archive', () => {
  it('lists nothing, in either order, and says so', async () => {
    const newest = monthsOfPeriod(corpus.archive.issues[0]?.period as ArchiveIssue['period']).at(-1) ?? '';
    const oldest = monthsOfPeriod(corpus.archive.issues.at(-1)?.period as ArchiveIssue['period'])[0] ?? '';
    const after = `${Number(newest.slice(0, 4)) + 1}-01`;
    const before = `${Number(oldest.slice(0, 4)) - 1}-12`;
    const page = await newPage();
    const search = new SearchPage(page);
    // Nova is in most issues: every one of them lies outside these ranges.
    for (const range of [`from=${after}`, `to=${before}`, `from=${after}&sort=newest`]) {
      await search.open(`?q=nova&${range}`);
      await search.answered('nova');
      expect(await search.issues(), range).toEqual([]);
      expect(await search.status().innerText()).toBe(getTranslator('zh-CN')('search.none', { query: 'nova' }));
    }
    // The form holds a month outside its fields' bounds, yet Enter still searches a new query,
    // a step of its own in the history: the browser does not stop the form at that field.
    await search.box().fill('heat');
    await search.box().press('Enter');
    await search.answered('heat');
    expect(page.url()).toContain('q=heat');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-query');
    await page.goBack();
    await search.answered('nova');
    expect(page.problems).toEqual([]);
  });
});

describe('a shared address whose query holds a line break', () => {
  it('shows the query in the box as it searched it, so Enter searches the same words', async () => {
    const page = await newPage();
    const search = new SearchPage(page);
    await search.open('?q=nova%0Aheat');
    await search.answered('nova heat');
    const found = await search.issues();
    expect(found.length).toBeGreaterThan(0);
    expect(await search.box().inputValue()).toBe('nova heat');
    await search.box().press('Enter');
    await search.answered('nova heat');
    expect(await search.issues()).toEqual(found);
    expect(page.problems).toEqual([]);
  });
});

describe('a range of months reaching past the archive', () => {
  it('searches the whole archive, and the form still sends a new query', async () => {
    const page = await newPage();
    const search = new SearchPage(page);
    await search.open('?q=nova');
    await search.answered('nova');
    const everywhere = await search.issues();
    await search.open('?q=nova&from=2010-01&to=2030-12');
    await search.answered('nova');
    expect(await search.issues()).toEqual(everywhere);
    // Neither month field holds a month outside the archive, which the browser would refuse to send.
    expect(await search.month('from').evaluate((field) => (field as HTMLInputElement).validity.valid)).toBe(true);
    expect(await search.month('to').evaluate((field) => (field as HTMLInputElement).validity.valid)).toBe(true);
    await search.box().fill('Heat');
    await search.box().press('Enter');
    await search.answered('Heat');
    expect(search.params().get('q')).toBe('Heat');
    expect(page.problems).toEqual([]);
  });
});

describe('the URL as state', () => {
  it('opens a shared search, survives a reload and follows back and forward', async () => {
    const page = await newPage();
    const search = new SearchPage(page);
    await search.open('?q=Keystone%20V3&project=heat,nova&from=2013-11');
    await search.answered('Keystone V3');
    expect(await search.box().inputValue()).toBe('Keystone V3');
    expect(await search.projectFilter('heat').isChecked()).toBe(true);
    expect(await search.projectFilter('nova').isChecked()).toBe(true);
    expect(await search.month('from').inputValue()).toBe('2013-11');
    const shared = await search.issues();
    expect(shared.length).toBeGreaterThan(0);

    await page.reload();
    await search.answered('Keystone V3');
    expect(await search.issues()).toEqual(shared);

    const other = await search.search('Rackspace');
    expect(search.params().get('q')).toBe('Rackspace');
    expect(search.params().get('project')).toBe('heat,nova');
    await page.goBack();
    await search.answered('Keystone V3');
    expect(await search.box().inputValue()).toBe('Keystone V3');
    expect(await search.issues()).toEqual(shared);
    await page.goForward();
    await search.answered('Rackspace');
    expect(await search.issues()).toEqual(other);
    // The language switch leads to the same search in English.
    expect(await page.locator('a[data-language-switch]').getAttribute('href')).toMatch(
      /\/en\/search\/\?q=Rackspace&project=heat,nova&from=2013-11$/,
    );
    expect(page.problems).toEqual([]);
  });
});

describe('a shared search with filters', () => {
  it.each([
    [375, 700],
    [1280, 800],
  ])('at %i px shows its first result on the screen, the filters folded with their number', async (width, height) => {
    const page = await newPage({ viewport: { width, height } });
    const search = new SearchPage(page);
    await search.open('?q=nova&project=nova,heat&from=2013-11');
    await search.answered('nova');
    expect(await page.locator('#search-filters').evaluate((details) => (details as HTMLDetailsElement).open)).toBe(false);
    expect(await page.locator('#search-filters > summary').textContent()).toMatch(/\(3\)\s*$/);
    const first = await page.locator('#search-results > li').first().boundingBox();
    expect(first && first.y + Math.min(first.height, 40)).toBeLessThanOrEqual(height);
    expect(page.problems).toEqual([]);
  });
});

describe("filters opened before the page's code has come", () => {
  it('count and chart the search once it comes', async () => {
    const page = await newPage();
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/_astro/search-ui*.js', async (route) => {
      await held;
      await route.continue();
    });
    const search = new SearchPage(page);
    await search.open('?q=nova');
    await page.locator('#search-filters > summary').click();
    release();
    await search.answered('nova');
    expect((await search.monthBars()).length).toBeGreaterThan(0);
    expect(await search.projectCount('nova')).toMatch(/\d/);
    expect(page.problems).toEqual([]);
  });
});

describe('a slow search', () => {
  it('dims the results it will replace only once it says it is searching, and writes its history entry when its results show', async () => {
    const page = await newPage();
    const search = new SearchPage(page);
    await search.open();
    const before = await search.search('Heat');
    const opacity = () => page.locator('#search-results').evaluate((list) => getComputedStyle(list).opacity);
    expect(await opacity()).toBe('1');
    // The next search's fragments are held back until released.
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/pagefind/fragment/**', async (route) => {
      await released;
      await route.continue();
    });
    // The list's opacity the moment the search marks it busy.
    await page.evaluate(() => {
      const list = document.getElementById('search-results') as HTMLElement;
      new MutationObserver((records, observer) => {
        if (!records.some((record) => record.attributeName === 'aria-busy') || !list.hasAttribute('aria-busy')) return;
        list.dataset['opacityWhenBusy'] = getComputedStyle(list).opacity;
        observer.disconnect();
      }).observe(list, { attributes: true });
    });
    await search.box().fill('Rackspace');
    await search.box().press('Enter');
    const searching = (await page.locator('#search-app').getAttribute('data-msg-searching')) ?? '';
    await expect.poll(() => search.status().textContent()).toBe(searching);
    expect(await page.locator('#search-results').getAttribute('data-opacity-when-busy')).toBe('1');
    expect(await opacity()).toBe('0.6');
    expect(await search.issues()).toEqual(before);
    // The address still holds the search on screen.
    expect(search.params().get('q')).toBe('Heat');
    release();
    await search.answered('Rackspace');
    expect(await opacity()).toBe('1');
    expect(search.params().get('q')).toBe('Rackspace');
    // Written as a new entry: back leads to the search before.
    await page.goBack();
    await search.answered('Heat');
    expect(await search.issues()).toEqual(before);
    expect(page.problems).toEqual([]);
  });
});

describe('the keyboard alone', () => {
  it('reaches the box with / and Ctrl+K, searches with Enter, and tabs to filters and results', async () => {
    const page = await newPage();
    const search = new SearchPage(page);
    await page.goto('/issues/8/');
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search');
    await page.keyboard.type('nova-scheduler');
    await page.keyboard.press('Enter');
    // The header's box answers in place; Down walks its results to the link to all of them.
    await page.locator('#site-search-panel ol[data-query="nova-scheduler"]:not([aria-busy])').waitFor();
    for (let step = 0; step < 8; step += 1) {
      await page.keyboard.press('ArrowDown');
      if (await page.evaluate(() => document.activeElement?.matches('a[data-search-all]'))) break;
    }
    await page.keyboard.press('Enter');
    await page.waitForURL('**/search/?q=nova-scheduler');
    await search.answered('nova-scheduler');
    expect(ascending(await search.issues())).toEqual(relevantIssues(texts, 'nova-scheduler'));

    await page.keyboard.press('Control+k');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-query');
    const reached: string[] = [];
    for (let step = 0; step < 8 && !reached.includes('result'); step += 1) {
      await page.keyboard.press('Tab');
      reached.push(
        await page.evaluate(() => {
          const active = document.activeElement;
          if (active?.matches('#search-filters > summary')) return 'filters';
          return active?.matches('.search-result__link') ? 'result' : (active?.tagName.toLowerCase() ?? '');
        }),
      );
    }
    expect(reached).toContain('filters');
    expect(reached).toContain('result');

    await page.locator('#search-filters > summary').focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await search.answered('nova-scheduler');
    expect(search.params().get('project')).toBeTruthy();
    expect(page.problems).toEqual([]);
  });
});

describe('arrow keys', () => {
  it('walk from the box down the results and back up, and Enter opens the result reached', async () => {
    const page = await newPage();
    const search = new SearchPage(page);
    await search.open('?q=nova');
    await search.answered('nova');
    const links = await page.locator('.search-result__link').evaluateAll((elements) => elements.map((link) => link.getAttribute('href')));
    expect(links.length).toBeGreaterThanOrEqual(3);
    const focused = () =>
      page.evaluate(() => {
        const active = document.activeElement;
        return active?.id === 'search-query' ? 'box' : (active?.getAttribute('href') ?? active?.tagName);
      });
    await search.box().focus();
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe(links[0]);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe(links[2]);
    await page.keyboard.press('ArrowUp');
    expect(await focused()).toBe(links[1]);
    // From a result's other links, Up goes to that result's title.
    const other = page.locator('#search-results > li').nth(1).locator('.search-result__others a').first();
    if (await other.count()) {
      await other.focus();
      await page.keyboard.press('ArrowUp');
      expect(await focused()).toBe(links[1]);
    }
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect(await focused()).toBe('box');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL(`**${links[1]}`);
    expect(page.problems).toEqual([]);
  });
});

describe('an input method', () => {
  it.each([
    ['with the page', false],
    ['while it composes', true],
  ])('searches the characters it commits, never the pinyin being composed (the search code arriving %s)', async (_when, midway) => {
    const page = await newPage();
    const fetched = requestedPaths(page);
    // The page's code held back until the composition is under way.
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    if (midway)
      await page.route('**/_astro/search-ui*', async (route) => {
        await released;
        await route.continue();
      });
    else release();
    const arrived = page.waitForResponse((response) => response.url().includes('/_astro/search-ui'));
    const query = querySet.find((entry) => entry.kind === 'chinese' && entry.relevant.length > 0) as SearchQuery;
    const search = new SearchPage(page);
    await search.open();
    await search.box().focus();
    // Chromium's own input-method events, as a pinyin keyboard sends them.
    const ime = await page.context().newCDPSession(page);
    await ime.send('Input.imeSetComposition', { text: 'ji', selectionStart: 2, selectionEnd: 2 });
    await ime.send('Input.imeSetComposition', { text: 'jian', selectionStart: 4, selectionEnd: 4 });
    release();
    await arrived;
    // The reader picks characters for longer than the typing pause after which a search runs.
    await page.waitForTimeout(600);
    expect(await searchesStarted(page)).toBe(0);
    expect(await search.box().inputValue()).toBe('jian');
    expect(fetched.filter((path) => path.startsWith('/pagefind/index/'))).toEqual([]);
    await ime.send('Input.insertText', { text: query.query });
    await search.answered(query.query);
    expect(new URL(page.url()).searchParams.get('q')).toBe(query.query);
    expect(await search.issues()).toEqual(expect.arrayContaining(query.relevant));
    expect(page.problems).toEqual([]);
  });
});

describe('bad queries', () => {
  it('get a clear message, with the query shown as text and never run as HTML', async () => {
    const page = await newPage();
    page.on('dialog', (dialog) => {
      page.problems.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    const search = new SearchPage(page);
    await search.open();
    for (const query of [
      '',
      'a'.repeat(10_000),
      '?!…、。',
      '.*+?^${}()|[]\\',
      '🚀🔥',
      '"\'<>&',
      '<img src=x onerror=alert(1)><script>alert(2)</script>',
    ]) {
      await search.search(query);
      const status = (await search.status().textContent()) ?? '';
      expect(status.trim(), `a message for ${JSON.stringify(query.slice(0, 20))}`).not.toBe('');
      if (query) expect(status).toContain(query.slice(0, 100));
      expect(await page.locator('#search-app img, #search-app script:not([src])').count()).toBe(0);
    }
    // An unpaired surrogate can only come from script or a paste; the page must still answer.
    await page.evaluate(() => {
      const box = document.getElementById('search-query') as HTMLInputElement;
      box.value = 'nova\uD800';
      box.form?.requestSubmit();
    });
    await search.answered('nova\uD800');
    expect((await search.issues()).length).toBeGreaterThan(0);
    expect(page.problems).toEqual([]);
  });
});

describe('the examples the search page offers', () => {
  it.each(['', '/en'])('each find issues on that page (%s/search/)', async (prefix) => {
    const page = await newPage();
    const search = new SearchPage(page);
    await search.open('', prefix);
    // "…for example 存储, nova-scheduler or H版." / "…例如 健康检查、nova-scheduler、H版。"
    const intro = (await page.locator('.search-page .lead').textContent()) ?? '';
    const examples = (intro.split(/for example |例如\s*/).at(-1) ?? '').replace(/[.。]$/, '').split(/,\s*|\s+or\s+|、/);
    expect(examples).toHaveLength(3);
    const none: string[] = [];
    for (const example of examples) if ((await search.search(example)).length === 0) none.push(example);
    expect(none).toEqual([]);
    expect(page.problems).toEqual([]);
  });
});

describe('the English site', () => {
  it('finds untranslated issues in their Chinese text, marked as Chinese, each issue once', async () => {
    const page = await newPage();
    const search = new SearchPage(page);
    await search.open('', '/en');
    let checked = 0;
    for (const query of ['健康检查', 'nova-scheduler', 'Keystone V3']) {
      const found = await search.search(query);
      // The English site shows translated issues in English; the others it finds in their Chinese.
      const untranslated = relevantIssues(texts, query).filter((number) => issueOf(number).texts.en.status === 'untranslated');
      checked += untranslated.length;
      expect(ascending(found.filter((number) => untranslated.includes(number)))).toEqual(untranslated);
      expect(new Set(found).size).toBe(found.length);
      for (const result of await search.results()) {
        expect(result.href).toMatch(/^\/en\/issues\/\d+\//);
        const chinese = issueOf(result.issue).texts.en.status === 'untranslated';
        expect(result.meta.includes('Chinese original'), `issue ${result.issue}`).toBe(chinese);
        expect(result.excerptLang).toBe(chinese ? 'zh-CN' : 'en');
      }
    }
    expect(checked).toBeGreaterThan(2);
    expect(page.problems).toEqual([]);
  });

  it("finds a word with an apostrophe however it is typed: a phone types don’t, the translations write don't", async () => {
    const page = await newPage();
    const search = new SearchPage(page);
    await search.open('', '/en');
    const english = corpus.textsIn('en');
    for (const word of ["don't", "OpenStack's"]) {
      const curly = word.replace("'", '\u2019');
      // Issues whose text (as the English site shows it) holds the word written either way.
      const holding = ascending([...new Set([...relevantIssues(english, word), ...relevantIssues(english, curly)])]);
      expect(holding.length, word).toBeGreaterThan(0);
      for (const query of [word, curly]) expect(ascending(await search.search(query)), query).toEqual(holding);
    }
    expect(page.problems).toEqual([]);
  });
});

describe('what pages download', () => {
  it('a plain issue page is one request: its HTML, its styles and under 2 KB of script inline, nothing of search', async () => {
    const page = await newPage();
    const pending: Promise<{ url: string; type: string; bytes: number }>[] = [];
    page.on('response', (response) => {
      pending.push(response.body().then((body) => ({ url: response.url(), type: response.request().resourceType(), bytes: body.length })));
    });
    await page.goto('/issues/8/');
    await page.waitForLoadState('networkidle');
    const responses = await Promise.all(pending);
    const of = (type: string) => responses.filter((response) => response.type === type);
    expect(of('document')).toHaveLength(1);
    expect(of('stylesheet')).toEqual([]);
    expect(of('script')).toEqual([]);
    expect(await page.locator('style').count()).toBeGreaterThan(0);
    const inlineScript = await page
      .locator('script:not([src])')
      .evaluateAll((scripts) => scripts.reduce((sum, script) => sum + new TextEncoder().encode(script.textContent ?? '').length, 0));
    expect(inlineScript).toBeGreaterThan(0);
    // 2 KB as the bench counts it (1 KB = 1,000 bytes).
    expect(inlineScript).toBeLessThanOrEqual(2000);
    expect(responses.filter((response) => !['document', 'stylesheet', 'script', 'image', 'other'].includes(response.type))).toEqual([]);
    expect(responses.filter((response) => response.url.includes('/pagefind/'))).toEqual([]);
    expect(page.problems).toEqual([]);
  });

  /** The search page, opened and settled, with every path it requests from the start. */
  async function openSettledSearchPage() {
    const page = await newPage();
    const fetched = requestedPaths(page);
    const search = new SearchPage(page);
    await search.open();
    await page.waitForLoadState('networkidle');
    return { page, fetched, search };
  }

  /**
   * Focuses the box and waits for Pagefind's warm-up: it searches by the language filter alone, so
   * that filter is the last thing focusing loads.
   */
  async function focusAndWarmUp(page: Page, search: SearchPage) {
    const warmedUp = page.waitForResponse((response) => response.url().includes('/pagefind/filter/'), { timeout: 10_000 });
    await search.box().focus();
    await warmedUp;
  }

  it('searches a pasted query ahead, so Enter finds its results on their way; a keystroke searches nothing ahead', async () => {
    /** When the page asked for result texts, and when its searches started (page clock, ms). */
    const timeline = (page: Page) =>
      page.evaluate(() => ({
        fragments: performance
          .getEntriesByType('resource')
          .filter((entry) => entry.name.includes('/pagefind/fragment/'))
          .map((entry) => ({ name: entry.name, start: entry.startTime })),
        searches: performance.getEntriesByName('search-start', 'mark').map((mark) => mark.startTime),
      }));

    // One insertion of the whole query, as pasting or an input method's commit makes: its texts are
    // asked for before any search shows (the typing pause's, 200 ms on).
    const pasted = await openSettledSearchPage();
    await focusAndWarmUp(pasted.page, pasted.search);
    const asked = pasted.page.waitForRequest((request) => request.url().includes('/pagefind/fragment/'));
    await pasted.search.box().fill('Heat');
    await asked;
    await pasted.search.box().press('Enter');
    await pasted.search.answered('Heat');
    expect(await pasted.search.issues()).not.toEqual([]);
    const ahead = await timeline(pasted.page);
    const firstSearch = Math.min(...ahead.searches);
    expect(ahead.fragments.filter((fragment) => fragment.start < firstSearch).length).toBeGreaterThan(0);
    // Each text once: the search shown read what was loaded ahead.
    expect(new Set(ahead.fragments.map((fragment) => fragment.name)).size).toBe(ahead.fragments.length);

    const typed = await openSettledSearchPage();
    await focusAndWarmUp(typed.page, typed.search);
    await typed.search.box().pressSequentially('Hea');
    await typed.search.answered('Hea');
    const keystrokes = await timeline(typed.page);
    expect(keystrokes.searches.length).toBeGreaterThan(0);
    expect(keystrokes.fragments.filter((fragment) => fragment.start < Math.min(...keystrokes.searches))).toEqual([]);
  });

  it("holds Enter pressed before the page's search code arrives and answers it in place; words typed and filters changed before it stay and are searched", async () => {
    const late = async (page: Page, query = '') => {
      await page.route('**/_astro/search-ui*', async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 800));
        await route.continue();
      });
      const search = new SearchPage(page);
      await search.open(query);
      // Cleared should the page be loaded again (the form sent without its code).
      await page.evaluate(() => sessionStorage.setItem('opened', String(performance.timeOrigin)));
      return search;
    };
    const sameDocument = (page: Page) => page.evaluate(() => sessionStorage.getItem('opened') === String(performance.timeOrigin));

    const entered = await newPage();
    const search = await late(entered);
    await search.box().fill('Heat');
    await search.box().press('Enter');
    await search.answered('Heat');
    expect(await search.issues()).not.toEqual([]);
    expect(search.params().get('q')).toBe('Heat');
    expect(await sameDocument(entered)).toBe(true);

    const typed = await newPage();
    const typing = await late(typed);
    await typing.box().fill('Heat');
    await typing.answered('Heat');
    expect(await typing.box().inputValue()).toBe('Heat');
    expect(await typing.issues()).not.toEqual([]);
    expect(await sameDocument(typed)).toBe(true);

    // A shared search whose filter the reader changes before the code comes: the form is searched.
    const filtered = await newPage();
    const filtering = await late(filtered, '?q=nova');
    await filtering.openFilters();
    await filtering.projectFilter('nova').check();
    await filtering.answered('nova');
    expect(filtering.params().getAll('project')).toEqual(['nova']);
    expect(await filtering.projectFilter('nova').isChecked()).toBe(true);
    expect(await filtering.issues()).not.toEqual([]);
    expect(await sameDocument(filtered)).toBe(true);
    expect([...entered.problems, ...typed.problems, ...filtered.problems]).toEqual([]);
  });

  it('the search page fetches nothing of the index until the reader searches', async () => {
    const { page, fetched, search } = await openSettledSearchPage();
    expect(fetched.filter((path) => path.startsWith('/pagefind/'))).toEqual([]);
    await search.search('Heat');
    expect(fetched).toContain('/pagefind/pagefind.js');
    expect(fetched.filter((path) => path.startsWith('/pagefind/pagefind-worker'))).toEqual([]);
    expect(page.problems).toEqual([]);
  });

  it("focusing the box asks for the vocabulary and Pagefind's metadata, script, WebAssembly and entry at once, and the search takes them", async () => {
    const { page, search } = await openSettledSearchPage();
    const requests: { path: string; type: string }[] = [];
    page.on('request', (request) => requests.push({ path: new URL(request.url()).pathname, type: request.resourceType() }));
    await focusAndWarmUp(page, search);
    const asked = (rel: string) =>
      page.locator(`link[rel="${rel}"]`).evaluateAll((links) => links.map((link) => new URL((link as HTMLLinkElement).href).pathname));
    expect(await asked('modulepreload')).toEqual(['/pagefind/pagefind.js']);
    // Then, from the vocabulary, the chunk of the language filter every search applies.
    expect(await asked('preload')).toEqual([
      '/pagefind/vocabulary.json',
      '/pagefind/pagefind.zh-cn.pf_meta',
      '/pagefind/wasm.unknown.pagefind',
      '/pagefind/pagefind-entry.json',
      expect.stringMatching(/^\/pagefind\/filter\/zh-cn_\w+\.pf_filter$/),
    ]);
    // Each asked for once, by its preload: Pagefind's own requests found them on their way.
    const askedFor = (path: string) => requests.filter((request) => request.path === path).map((request) => request.type);
    for (const path of [
      '/pagefind/pagefind-entry.json',
      '/pagefind/pagefind.zh-cn.pf_meta',
      '/pagefind/wasm.unknown.pagefind',
      '/pagefind/vocabulary.json',
    ])
      expect(askedFor(path), path).toEqual(['other']);
    expect(askedFor('/pagefind/pagefind.js')).toEqual(['script']);
    expect(await search.search('Heat')).not.toEqual([]);
    expect(page.problems).toEqual([]);
  });

  it('a query entered as the box is focused: the page asks for its index and filter chunks before Pagefind has loaded, none missed, none unused', async () => {
    const byKind = (kind: string) => querySet.find((entry) => entry.kind === kind && entry.relevant.length > 0)?.query;
    const queries = [byKind('chinese'), byKind('mixed'), byKind('english'), 'Icehouse', 'nova-scheduler'].filter(
      (query) => query !== undefined,
    );
    expect(queries.length).toBe(5);
    await Promise.all(
      queries.map(async (query) => {
        const page = await newPage();
        const search = new SearchPage(page);
        await search.open();
        const asked: { path: string; type: string }[] = [];
        page.on('request', (request) => {
          const { pathname } = new URL(request.url());
          if (/^\/pagefind\/(index|filter)\//.test(pathname)) asked.push({ path: pathname, type: request.resourceType() });
        });
        const unused: string[] = [];
        page.on('console', (message) => {
          if (/preloaded .* not used/i.test(message.text())) unused.push(message.text());
        });
        const box = search.box();
        await box.focus();
        await box.fill(query);
        await box.press('Enter');
        await search.answered(query);
        expect(await search.issues(), query).not.toEqual([]);
        // Chromium reports a preload left unused a few seconds after the page's load.
        await page.waitForTimeout(4_000);
        expect(asked.length, query).toBeGreaterThan(1);
        // Every chunk was asked for once, by the page: none by Pagefind's own fetch, which found them on their way.
        expect(
          asked.filter((request) => request.type !== 'other'),
          query,
        ).toEqual([]);
        expect(new Set(asked.map((request) => request.path)).size, query).toBe(asked.length);
        expect(unused, query).toEqual([]);
        expect(page.problems, query).toEqual([]);
      }),
    );
  }, 90_000);

  it("reads each result's fragment once, itself: no fragment is requested by Pagefind's script", async () => {
    const { page, search } = await openSettledSearchPage();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    const fragments: { path: string; scripts: string[] }[] = [];
    cdp.on('Network.requestWillBeSent', ({ request, initiator }) => {
      const { pathname } = new URL(request.url);
      if (!pathname.startsWith('/pagefind/fragment/')) return;
      const frames = [initiator.stack, initiator.stack?.parent].flatMap((stack) => stack?.callFrames ?? []);
      fragments.push({ path: pathname, scripts: [...new Set(frames.map((frame) => new URL(frame.url, request.url).pathname))] });
    });
    expect(await search.search('Heat')).not.toEqual([]);
    expect(fragments.length).toBeGreaterThan(0);
    expect(new Set(fragments.map((fragment) => fragment.path)).size).toBe(fragments.length);
    for (const fragment of fragments) {
      expect(fragment.scripts, fragment.path).not.toContain('/pagefind/pagefind.js');
      expect(
        fragment.scripts.some((script) => script.startsWith('/_astro/')),
        fragment.path,
      ).toBe(true);
    }
    expect(page.problems).toEqual([]);
  });

  it("Pagefind's script is published minified: minifying it again removes next to nothing", async () => {
    const script = await readFile(path.join(inject('distDir'), 'pagefind', 'pagefind.js'), 'utf8');
    // Pagefind's own script loses a third of its size to the minifier.
    const again = await minify('pagefind.js', script, { module: true, compress: true, mangle: true });
    expect(again.errors).toEqual([]);
    expect(again.code.length).toBeGreaterThan(0.98 * script.length);
  });

  it("focusing the box readies Pagefind without any index chunk; typing fetches the words' chunks before searching", async () => {
    const { page, fetched, search } = await openSettledSearchPage();
    const box = search.box();
    await focusAndWarmUp(page, search);
    const searchFiles = () => fetched.filter((path) => path.startsWith('/pagefind/'));
    expect(searchFiles()).toContain('/pagefind/pagefind.js');
    expect(searchFiles().filter((path) => /^\/pagefind\/(index|fragment)\//.test(path))).toEqual([]);
    // The search itself waits for a pause in typing; the chunks its words need are on their way at once,
    // before it starts (compared on the page's clock: on a loaded machine the pause may end first).
    const chunk = page.waitForRequest((request) => request.url().includes('/pagefind/index/'));
    await box.fill('Heat');
    const chunkPath = new URL((await chunk).url()).pathname;
    expect(await search.search('Heat')).not.toEqual([]);
    const { asked, searched } = await page.evaluate((wanted) => {
      const resource = performance.getEntriesByType('resource').find((entry) => new URL(entry.name).pathname === wanted);
      return {
        asked: resource?.startTime ?? Number.NaN,
        searched: performance.getEntriesByName('search-start')[0]?.startTime ?? Number.NaN,
      };
    }, chunkPath);
    expect(asked).toBeLessThan(searched);
    expect(fetched.filter((path) => path === chunkPath)).toHaveLength(1);
    expect(page.problems).toEqual([]);
  });
});
