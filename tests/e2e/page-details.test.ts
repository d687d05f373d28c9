/**
 * The small things a reader notices, in both languages: every page of the main navigation says
 * where it sits, the footer names pages as they name themselves, the header's search box shows
 * its whole placeholder and stays on a phone's screen with large text, separators are spaced,
 * table headings keep their words whole, the archive's count reads as part of a sentence.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DomUtils, parseDocument } from 'htmlparser2';
import type { Locator } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { localeCodes } from '../../src/i18n/locales.ts';
import { registryFile } from '../../src/pipeline/paths.ts';
import { loadProjectRegistry } from '../../src/pipeline/registry.ts';
import { OWN_PAGE_IDS } from '../../src/schemas/project.ts';
import { useBrowser } from './browser.ts';

const newPage = useBrowser();
/** An element of a parsed page. */
type Element = ReturnType<typeof DomUtils.findAll>[number];
const locales = [
  { prefix: '', home: '首页' },
  { prefix: '/en', home: 'Home' },
];

/** A built page as the server sends it (what needs no layout is read here, without a browser). */
function builtPage(route: string) {
  const document = parseDocument(readFileSync(path.join(inject('distDir'), route, 'index.html'), 'utf8'));
  const all = (test: (element: Element) => boolean, within: Element[] = document.children as Element[]) => DomUtils.findAll(test, within);
  const hasClass = (name: string) => (element: Element) => (element.attribs['class'] ?? '').split(' ').includes(name);
  const text = (element: Element | undefined) => (element ? DomUtils.textContent(element).trim() : undefined);
  const first = (test: (element: Element) => boolean, within?: Element[]) => all(test, within)[0];
  return { all, first, hasClass, text, heading: () => text(first((element) => element.name === 'h1')) };
}

describe('element ids', () => {
  // The registry refuses a project id that would take one of the pages' own (`OWN_PAGE_IDS`): it must know them all.
  it.each(['/issues/8/', '/en/issues/8/', '/subscribe/', '/en/subscribe/'])(
    'on %s are the registry-known ids of the page itself, or made from a project id',
    (route) => {
      const ids = builtPage(route)
        .all((element) => element.attribs['id'] !== undefined)
        .map((element) => element.attribs['id'] ?? '');
      expect(new Set(ids).size, 'ids are unique').toBe(ids.length);
      const made = new Set(loadProjectRegistry(registryFile).flatMap(({ id }) => [id, `${id}-title`, `feed-${id}`]));
      for (const locale of localeCodes) made.add(`feed-digest-${locale}`);
      expect(ids.filter((id) => !made.has(id) && !OWN_PAGE_IDS.has(id))).toEqual([]);
      expect(ids.some((id) => made.has(id))).toBe(true);
    },
  );
});

describe('the search page without JavaScript', () => {
  it.each(locales)('says so and leads to browsing by project and by date ($home)', async ({ prefix }) => {
    const page = await newPage({ javaScriptEnabled: false });
    await page.goto(`${prefix}/search/`);
    const links = page.locator('.search-page__notice a');
    expect(await links.evaluateAll((all) => all.map((link) => new URL((link as HTMLAnchorElement).href).pathname))).toEqual([
      `${prefix}/projects/`,
      `${prefix}/archive/`,
    ]);
    await links.last().click();
    await page.waitForURL(`**${prefix}/archive/`);
    expect(page.problems).toEqual([]);
  });
});

describe('breadcrumbs', () => {
  it.each(locales)('lead home from every page of the navigation, ending with its own title ($home)', ({ prefix, home }) => {
    for (const route of ['/archive/', '/projects/', '/subscribe/', '/translations/', '/about/']) {
      const page = builtPage(`${prefix}${route}`);
      const trail = page.first(page.hasClass('breadcrumbs'));
      expect(trail, route).toBeDefined();
      const crumbs = page.all((element) => element.name === 'li', trail?.children as Element[]);
      expect(
        crumbs.map((crumb) => page.text(crumb)),
        route,
      ).toEqual([home, page.heading()]);
      expect(page.first((element) => element.name === 'a', trail?.children as Element[])?.attribs['href'], route).toBe(`${prefix}/`);
    }
  });
});

describe('the footer', () => {
  it.each(locales)('names the translations page as the page names itself ($home)', ({ prefix }) => {
    const home = builtPage(`${prefix}/`);
    const footer = home.first((element) => element.name === 'footer');
    const link = home.first(
      (element) => element.name === 'a' && element.attribs['href'] === `${prefix}/translations/`,
      footer?.children as Element[],
    );
    expect(home.text(link)).toBeTruthy();
    expect(home.text(link)).toBe(builtPage(`${prefix}/translations/`).heading());
  });
});

describe("the header's search box", () => {
  it.each(locales)('is on every page but the search page, whose own box is the only one there ($home)', ({ prefix }) => {
    const searchForms = (route: string) => {
      const page = builtPage(route);
      const header = page.first((element) => element.name === 'header');
      return {
        inHeader: page.all((element) => element.name === 'form' && element.attribs['role'] === 'search', header?.children as Element[]),
        boxes: page.all((element) => element.name === 'input' && element.attribs['type'] === 'search'),
      };
    };
    for (const route of [
      '/',
      '/issues/8/',
      '/archive/',
      '/archive/2014/',
      '/projects/',
      '/projects/nova/',
      '/subscribe/',
      '/translations/',
      '/about/',
    ]) {
      const { inHeader, boxes } = searchForms(`${prefix}${route}`);
      expect(
        inHeader.map((form) => form.attribs['action']),
        route,
      ).toEqual([`${prefix}/search/`]);
      expect(
        boxes.map((box) => box.attribs['id']),
        route,
      ).toEqual(['site-search']);
    }
    const { inHeader, boxes } = searchForms(`${prefix}/search/`);
    expect(inHeader).toEqual([]);
    expect(boxes.map((box) => box.attribs['id'])).toEqual(['search-query']);
  });

  it.each([375, 800, 1280])('shows its whole placeholder at %i px in both languages', async (width) => {
    const page = await newPage({ viewport: { width, height: 700 } });
    for (const { prefix } of locales) {
      await page.goto(`${prefix}/archive/`);
      const fit = await page.locator('#site-search').evaluate((input) => {
        const style = getComputedStyle(input);
        const context = document.createElement('canvas').getContext('2d');
        if (!context) throw new Error('no canvas');
        context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        const room = (input as HTMLInputElement).clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        return {
          text: (input as HTMLInputElement).placeholder,
          needed: context.measureText((input as HTMLInputElement).placeholder).width,
          room,
        };
      });
      expect(fit.text.length).toBeGreaterThan(0);
      expect(fit.needed, `${fit.text} at ${width} px`).toBeLessThanOrEqual(fit.room);
    }
  });

  it("stays on a phone's screen, its button in view, with the browser's text set twice as large", async () => {
    const page = await newPage({ viewport: { width: 375, height: 700 } });
    // The reader's own font size (Chrome's settings), which rem and the media queries follow; a page's zoom would not.
    const devtools = await page.context().newCDPSession(page);
    await devtools.send('Page.setFontSizes', { fontSizes: { standard: 32, fixed: 26 } });
    for (const route of ['/', '/en/issues/8/', '/projects/', '/en/archive/2014/']) {
      await page.goto(route);
      const fit = await page.evaluate(() => ({
        page: document.scrollingElement?.scrollWidth ?? 0,
        button: Math.round(document.querySelector('.search-box__button')?.getBoundingClientRect().right ?? Infinity),
      }));
      expect(fit.page, route).toBeLessThanOrEqual(375);
      expect(fit.button, route).toBeLessThanOrEqual(375);
    }
  });
});

describe('the header', () => {
  // WCAG 2.4.3: a phone's header wraps to three rows; Tab must not jump from the first to the third and back.
  it.each([375, 1280])(
    'takes Tab through its controls in the order they are seen, row by row, at %i px in both languages',
    async (width) => {
      const page = await newPage({ viewport: { width, height: 700 } });
      for (const { prefix } of locales) {
        await page.goto(`${prefix}/issues/8/`);
        const visited: { text: string; top: number; bottom: number; left: number; right: number }[] = [];
        for (let step = 0; step < 20; step += 1) {
          await page.keyboard.press('Tab');
          const focused = await page.evaluate(() => {
            const element = document.activeElement;
            if (!element?.closest('.site-header__inner')) return null;
            const { top, bottom, left, right } = element.getBoundingClientRect();
            return { text: (element.textContent || element.getAttribute('placeholder') || '').trim(), top, bottom, left, right };
          });
          if (focused) visited.push(focused);
          else if (visited.length > 0) break;
        }
        expect(visited.length, prefix).toBeGreaterThanOrEqual(8);
        for (const [index, next] of visited.entries()) {
          const previous = visited[index - 1];
          if (!previous) continue;
          const lowerRow = next.top >= previous.bottom - 1;
          const sameRowRight = next.top < previous.bottom && next.bottom > previous.top && next.left >= previous.right - 1;
          expect(lowerRow || sameRowRight, `${prefix || '/'}: ${previous.text} then ${next.text}`).toBe(true);
        }
      }
    },
  );
});

describe('print', () => {
  it.each(locales)("is on light paper, without the screen's controls, with outside links' addresses ($home)", async ({ prefix }) => {
    // A reader whose system is dark prints: the paper stays light.
    const page = await newPage({ viewport: { width: 800, height: 700 }, colorScheme: 'dark' });
    await page.goto(`${prefix}/issues/8/`);
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    const printed = await page.evaluate(() => {
      const channels = (color: string) => (color.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number);
      const shown = (selector: string) =>
        [...document.querySelectorAll(selector)].some((element) => getComputedStyle(element).display !== 'none');
      const after = (selector: string) => {
        const link = document.querySelector(selector);
        return link && { href: link.getAttribute('href'), content: getComputedStyle(link, '::after').content };
      };
      return {
        paper: channels(getComputedStyle(document.body).backgroundColor),
        ink: channels(getComputedStyle(document.body).color),
        controls: ['.skip-link', '.site-header nav', '.language-switcher', '.search-box', '.activity__more'].filter(shown),
        named: after('.prose a[rel~="external"]:not([data-bare])'),
        bare: after('.prose a[rel~="external"][data-bare]'),
      };
    });
    for (const channel of printed.paper) expect(channel).toBeGreaterThan(230);
    for (const channel of printed.ink) expect(channel).toBeLessThan(60);
    expect(printed.controls).toEqual([]);
    expect(printed.named?.content).toContain(printed.named?.href);
    // A link that reads as its address is not followed by it again.
    expect(printed.bare?.content).toBe('none');
  });

  it("wraps a code block's long line on paper instead of cutting it at the edge", async () => {
    // Paper does not scroll: what a screen scrolls sideways must wrap. No issue of the corpus has
    // a code block, so the page is given one, as Markdown renders it.
    const page = await newPage({ viewport: { width: 700, height: 700 } });
    await page.goto('/issues/8/');
    await page.evaluate(
      (command) => {
        const pre = (document.querySelector('#heat .prose') as HTMLElement).appendChild(document.createElement('pre'));
        pre.appendChild(document.createElement('code')).textContent = command;
      },
      `nova boot --flavor m1.small --image ${'cirros-0.3.1-x86_64-uec-'.repeat(6)}disk test-vm`,
    );
    await page.emulateMedia({ media: 'print' });
    const pre = page.locator('#heat .prose pre');
    expect(await pre.evaluate((element) => `${element.scrollWidth} px of ${element.clientWidth}`)).toMatch(/^(\d+) px of \1$/);
  });
});

/** Each element's text, and how many lines it takes on screen (2 or more: a word broken, or wrapped). */
const linesOf = (elements: Locator) =>
  elements.evaluateAll((found) =>
    found.map((element) => {
      const range = document.createRange();
      range.selectNodeContents(element);
      return { text: element.textContent, lines: new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size };
    }),
  );

/** Each word (a run without spaces) of the elements' text, and how many lines it takes on screen (2 or more: broken). */
const wordLinesOf = (elements: Locator) =>
  elements.evaluateAll((found) =>
    found.flatMap((element) => {
      const words: { word: string; lines: number }[] = [];
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const match of (node.textContent ?? '').matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          words.push({ word: match[0], lines: new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size });
        }
      }
      return words;
    }),
  );

describe('text that reads as written', () => {
  it.each(locales)("spaces the separators of an issue's credit line ($home)", ({ prefix }) => {
    const page = builtPage(`${prefix}/issues/8/`);
    const attribution = page.first(page.hasClass('attribution'));
    const credit = page.text(page.first((element) => element.name === 'p', attribution?.children as Element[])) ?? '';
    expect(credit.split('·').length).toBeGreaterThanOrEqual(3);
    expect(credit).not.toMatch(/\S·|·\S/);
  });

  it.each(locales)("marks the legacy post's title Chinese on an English page, not the words around it ($home)", ({ prefix }) => {
    const page = builtPage(`${prefix}/issues/8/`);
    const attribution = page.first(page.hasClass('attribution'));
    const original = page
      .all((element) => element.name === 'p', attribution?.children as Element[])
      .find((element) => /原标题|Original title/.test(page.text(element) ?? ''));
    expect(original?.attribs['lang']).toBeUndefined();
    const title = page.first((element) => element.name === 'bdi', original?.children as Element[]);
    expect(page.text(title)).toMatch(/^OpenStack社区动态第八期/);
    expect(title?.attribs['lang']).toBe(prefix ? 'zh-CN' : undefined);
  });

  it("shows the arrow after a link to another site without making it part of the link's name", async () => {
    const page = await newPage();
    await page.goto('/issues/8/');
    const link = page.locator('.prose a[rel~="external"]').first();
    expect(await link.evaluate((element) => getComputedStyle(element, '::after').content)).toContain('↗');
    const snapshot = await link.ariaSnapshot();
    expect(snapshot).toMatch(/^- link "[^"]+"/);
    expect(snapshot).not.toContain('↗');
  });

  it("says on a project's English timeline which entries are only in Chinese, as the archive's listings do", () => {
    const entries = (route: string) => {
      const page = builtPage(route);
      return page.all(page.hasClass('project-entry')).map((entry) => ({
        issue: Number(
          /(\d+)\/#/.exec(page.first((element) => element.name === 'a', entry.children as Element[])?.attribs['href'] ?? '')?.[1],
        ),
        badge: page.text(page.first(page.hasClass('language-badge'), entry.children as Element[])),
        chinese: page.first(page.hasClass('prose'), entry.children as Element[])?.attribs['lang'] === 'zh-CN',
      }));
    };
    const english = entries('/en/projects/heat/');
    expect(english.map((entry) => entry.issue)).toContain(8);
    expect(english.some((entry) => entry.chinese)).toBe(true);
    for (const entry of english) expect(entry.badge, `issue ${entry.issue}`).toBe(entry.chinese ? 'Chinese only' : undefined);
    expect(entries('/projects/heat/').every((entry) => entry.badge === undefined)).toBe(true);
  });

  it("keeps a word's space between a timeline entry's period and its badge, as the archive's listings do", () => {
    const page = builtPage('/en/projects/heat/');
    const titles = page.all(page.hasClass('project-entry__title')).map((title) => page.text(title) ?? '');
    expect(titles.some((title) => title.endsWith(' Chinese only'))).toBe(true);
    for (const title of titles) expect(title).not.toMatch(/\dChinese only$/);
  });

  it.each(locales)(
    "keeps each word of the header's menu whole at 320 px, the menu going to a second line instead ($home)",
    async ({ prefix }) => {
      const page = await newPage({ viewport: { width: 320, height: 700 } });
      await page.goto(`${prefix}/archive/`);
      const lines = await linesOf(page.locator('.nav-list a'));
      expect(lines.length).toBeGreaterThanOrEqual(4);
      for (const link of lines) expect(link.lines, link.text ?? '').toBe(1);
      expect(await page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0)).toBeLessThanOrEqual(320);
    },
  );

  it.each(locales)('keeps the words of the translations table whole on a phone ($home)', async ({ prefix }) => {
    const page = await newPage({ viewport: { width: 375, height: 700 } });
    await page.goto(`${prefix}/translations/`);
    const words = await wordLinesOf(page.locator('.coverage-table th, .coverage-table td'));
    expect(words.length).toBeGreaterThan(0);
    for (const { word, lines } of words) expect(lines, word).toBe(1);
  });

  it.each([
    ['', /^\d{4}年 \d{1,2}月 \d+ 期$/],
    ['/en', /^[A-Z][a-z]{2} \d{4}, \d+ issues?$/],
  ])(
    'reads each month link of %s/archive/ as its month and year, then its count, not as a day ("2014 Feb 2 issues")',
    (prefix, reading) => {
      const page = builtPage(`${prefix}/archive/`);
      const months = page.all((element) => element.name === 'a' && /#m\d{4}-\d{2}$/.test(element.attribs['href'] ?? ''));
      expect(months.length).toBeGreaterThan(5);
      for (const month of months) expect(page.text(month)?.replace(/\s+/g, ' ')).toMatch(reading);
    },
  );

  it.each(locales)('heads the translations table with the words of the summary above it ($home)', ({ prefix }) => {
    const page = builtPage(`${prefix}/translations/`);
    const terms = page.all((element) => element.name === 'dt').map((term) => page.text(term));
    const table = page.first(page.hasClass('coverage-table'));
    const headings = page.all((element) => element.name === 'th' && element.attribs['scope'] === 'col', table?.children as Element[]);
    expect(terms.length).toBe(3);
    expect(headings.slice(1).map((heading) => page.text(heading))).toEqual(terms);
  });

  it.each([
    ['', '英文', /^\d+（\d+%）$/],
    ['/en', 'English', /^\d+ \(\d+%\)$/],
  ])('names the translations and their share in the words and brackets of the page (%s/translations/)', (prefix, language, share) => {
    const page = builtPage(`${prefix}/translations/`);
    expect(page.text(page.first((element) => element.name === 'h2'))).toBe(language);
    expect(page.text(page.first((element) => element.attribs['data-count'] === 'translated'))).toMatch(share);
  });

  it.each([
    ['', 'OpenStack Community Digest (English)'],
    ['/en', 'OpenStack社区动态（中文）'],
  ])("names the other language's feed in that language, with its brackets (%s/subscribe/)", (prefix, name) => {
    const page = builtPage(`${prefix}/subscribe/`);
    const links = page.all(page.hasClass('feed-address__name'));
    expect(page.text(links[links.length - 1])).toBe(name);
  });

  it("gives the archive's count inside its sentence", () => {
    const count = readdirSync(path.join(inject('contentDir'), 'zh-CN')).length;
    const lead = (route: string) => {
      const page = builtPage(route);
      return page.text(page.first(page.hasClass('lead')));
    };
    expect(lead('/archive/')).toMatch(new RegExp(`^共 ${count} 期，按年份和月份归档`));
    expect(lead('/en/archive/')).toMatch(new RegExp(`^${count} issues, filed by year and month`));
  });
});
