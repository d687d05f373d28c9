import type { Page } from 'playwright-core';

/** The home page: latest issue, then the archive grouped by year. */
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

  /** Year headings of the archive, in page order. */
  async years(): Promise<string[]> {
    return this.page.locator('.year h3').allTextContents();
  }

  /** Issue links in archive order. */
  async archiveLinks(): Promise<string[]> {
    return this.page.locator('.year .issue-card__title a').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  }
}
