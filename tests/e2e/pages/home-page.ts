import type { Page } from 'playwright-core';

/** The home page: latest issue, the recent ones, and the years of the archive. */
export class HomePage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  async open(prefix = '') {
    await this.page.goto(`${prefix}/`);
  }

  /** The number link of the latest-issue card. */
  latestLink() {
    return this.page.locator('.latest .issue-card__title a');
  }

  /** Issue links of the recent list, in page order. */
  async recentLinks(): Promise<string[]> {
    return this.page.locator('.recent .issue-card__title a').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  }

  /** Year links to the archive, in page order. */
  yearLinks() {
    return this.page.locator('.year-links a');
  }
}
