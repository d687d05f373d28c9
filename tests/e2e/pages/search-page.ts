import type { Page } from 'playwright-core';
import { searchIssues, waitForAnswer } from '../../../scripts/lib/search-browser.ts';

/** One listed result, as a reader sees it. */
export interface ShownResult {
  issue: number;
  href: string;
  title: string;
  meta: string;
  excerpt: string;
  excerptLang: string;
  marks: string[];
  /** How the result was found, when not by the query itself (another name, words apart). */
  found: string;
}

/** The search page: query box, filters, status line and results. */
export class SearchPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  async open(query = '', prefix = '') {
    return this.page.goto(`${prefix}/search/${query}`);
  }

  box() {
    return this.page.locator('#search-query');
  }

  status() {
    return this.page.locator('#search-status');
  }

  /** Types a query, presses Enter and returns the issue numbers listed. */
  search(query: string): Promise<number[]> {
    return searchIssues(this.page, query);
  }

  /** Waits until the page shows its answer to `query`. */
  answered(query: string): Promise<void> {
    return waitForAnswer(this.page, query);
  }

  /** Issue numbers listed, in order. */
  async issues(): Promise<number[]> {
    return this.page
      .locator('#search-results > li')
      .evaluateAll((items) => items.map((item) => Number((item as HTMLElement).dataset['issue'])));
  }

  async results(): Promise<ShownResult[]> {
    return this.page.locator('#search-results > li').evaluateAll((items) =>
      items.map((item) => {
        const excerpt = item.querySelector<HTMLElement>('.search-result__excerpt');
        return {
          issue: Number((item as HTMLElement).dataset['issue']),
          href: item.querySelector('.search-result__link')?.getAttribute('href') ?? '',
          title: item.querySelector('.search-result__title')?.textContent ?? '',
          meta: item.querySelector('.search-result__meta')?.textContent ?? '',
          excerpt: excerpt?.textContent ?? '',
          excerptLang: excerpt?.lang ?? '',
          marks: [...(excerpt?.querySelectorAll('mark') ?? [])].map((mark) => mark.textContent ?? ''),
          found: item.querySelector('.search-result__found')?.textContent ?? '',
        };
      }),
    );
  }

  /** Shows every page of results ("more" until there is no more) and returns every issue listed. */
  async allIssues(query: string): Promise<number[]> {
    const more = this.page.locator('#search-more');
    while (await more.isVisible()) {
      await more.click();
      await this.answered(query);
    }
    return this.issues();
  }

  /** The chart of matching issues per month (in the filters), once drawn: each month with matches and its count. */
  async monthBars(): Promise<{ month: string; count: number; href: string }[]> {
    await this.page.locator('#search-months a[data-month]').first().waitFor();
    return this.page.locator('#search-months a[data-month]').evaluateAll((links) =>
      links.map((link) => ({
        month: (link as HTMLElement).dataset['month'] ?? '',
        count: Number(link.querySelector('.search-months__count')?.textContent),
        href: link.getAttribute('href') ?? '',
      })),
    );
  }

  /** Opens the filters (folded under a summary). */
  async openFilters() {
    if (!(await this.page.locator('#search-filters').evaluate((details) => (details as HTMLDetailsElement).open))) {
      await this.page.locator('#search-filters > summary').click();
    }
  }

  /** The checkbox of a project's filter. */
  projectFilter(id: string) {
    return this.page.locator(`input[name="project"][value="${id}"]`);
  }

  /** The count shown beside a project's filter, once shown (counts come when the filters are open). */
  async projectCount(id: string): Promise<string> {
    const count = this.page.locator(`[data-project-count="${id}"]`);
    await count.filter({ hasText: /\d/ }).waitFor();
    return (await count.textContent()) ?? '';
  }

  /** The accessible name of a project's filter, count included, as Chromium computes it. */
  async projectFilterName(id: string): Promise<string> {
    const snapshot = await this.projectFilter(id).ariaSnapshot();
    return /checkbox "(.*)"/.exec(snapshot)?.[1] ?? snapshot;
  }

  /** A month field of the date range (`from`, `to`). */
  month(name: 'from' | 'to') {
    return this.page.locator(`input[type="month"][name="${name}"]`);
  }

  select(name: 'sort') {
    return this.page.locator(`select[name="${name}"]`);
  }

  /** The URL's search parameters. */
  params(): URLSearchParams {
    return new URL(this.page.url()).searchParams;
  }
}
