import type { Page } from 'playwright-core';

/** The archive: its index of years and months (`/archive/`), and one page per year (`/archive/2014/`). */
export class ArchivePage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  async open(prefix = '') {
    return this.page.goto(`${prefix}/archive/`);
  }

  async openYear(year: number | string, prefix = '') {
    return this.page.goto(`${prefix}/archive/${year}/`);
  }

  heading() {
    return this.page.locator('main h1');
  }

  lead() {
    return this.page.locator('main .lead');
  }

  /** The index's years: each year's link and the links of its months, in page order. */
  async indexYears(): Promise<{ id: string; href: string; months: string[] }[]> {
    return this.page.locator('.archive-index__year').evaluateAll((years) =>
      years.map((year) => ({
        id: year.id,
        href: year.querySelector('h2 a')?.getAttribute('href') ?? '',
        months: [...year.querySelectorAll('.archive-index__months a')].map((link) => link.getAttribute('href') ?? ''),
      })),
    );
  }

  /** Every link of the index (years and months), in page order. */
  async indexLinks(): Promise<string[]> {
    return this.page.locator('.archive-index a').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  }

  indexLink(href: string) {
    return this.page.locator(`.archive-index a[href="${href}"]`);
  }

  /** On a year's page: the month jump links, in page order. */
  async monthLinks(): Promise<string[]> {
    return this.page.locator('nav.archive-months a').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  }

  /** On a year's page: ids of the month sections and the issue links inside each, in page order. */
  async months(): Promise<{ id: string; issues: string[] }[]> {
    return this.page.locator('section.archive-month').evaluateAll((sections) =>
      sections.map((section) => ({
        id: section.id,
        issues: [...section.querySelectorAll('.issue-card__title a')].map((link) => link.getAttribute('href') ?? ''),
      })),
    );
  }

  /** Every issue card's link on the page, in page order. */
  async issueLinks(): Promise<string[]> {
    return this.page.locator('.issue-card__title a').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  }

  /** The links to the newer and older years, if shown. */
  async yearPager(): Promise<{ newer?: string; older?: string }> {
    return this.page.evaluate(() => {
      const href = (selector: string) => document.querySelector(`nav.pager ${selector}`)?.getAttribute('href') ?? undefined;
      const [newer, older] = [href('.pager__newer'), href('.pager__older')];
      return { ...(newer ? { newer } : {}), ...(older ? { older } : {}) };
    });
  }

  /** Each issue card's link and the project pages its badges lead to. */
  async cards(): Promise<{ issue: string; badges: string[] }[]> {
    return this.page.locator('.issue-card').evaluateAll((cards) =>
      cards.map((card) => ({
        issue: card.querySelector('.issue-card__title a')?.getAttribute('href') ?? '',
        badges: [...card.querySelectorAll('.badges a')].map((link) => link.getAttribute('href') ?? ''),
      })),
    );
  }

  /** The id `:target` matches, and whether that element's top is inside the viewport. */
  async target(): Promise<{ id: string | undefined; inView: boolean }> {
    return this.page.evaluate(() => {
      const target = document.querySelector(':target');
      const top = target?.getBoundingClientRect().top ?? -1;
      return { id: target?.id, inView: top >= 0 && top < window.innerHeight };
    });
  }

  breadcrumbs() {
    return this.page.locator('nav.breadcrumbs li');
  }
}
