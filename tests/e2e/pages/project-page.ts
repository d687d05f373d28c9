import type { Page } from 'playwright-core';

/** A project page: the project's sections from every issue, newest first. */
export class ProjectPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  async open(id: string, prefix = '') {
    return this.page.goto(`${prefix}/projects/${id}/`);
  }

  heading() {
    return this.page.locator('main h1');
  }

  /** Links back to the issues, in page order. */
  async issueLinks(): Promise<string[]> {
    return this.page.locator('.project-entry__title a').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  }
}
