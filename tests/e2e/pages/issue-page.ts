import type { Page } from 'playwright-core';

/** An issue page: heading, period, contents, project sections, credits and neighbours. */
export class IssuePage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  async open(number: number, prefix = '') {
    return this.page.goto(`${prefix}/issues/${number}/`);
  }

  heading() {
    return this.page.locator('main h1');
  }

  /** Start and end days as the page marks them up, and the text readers see. */
  async period() {
    const time = this.page.locator('.issue__period time');
    return { start: await time.getAttribute('datetime'), end: await time.getAttribute('data-end'), text: await time.textContent() };
  }

  /** Ids of the project sections, in page order. */
  async sectionIds(): Promise<string[]> {
    return this.page.locator('section.issue-section').evaluateAll((sections) => sections.map((section) => section.id));
  }

  /** Anchors the table of contents points at. */
  async contentsTargets(): Promise<string[]> {
    return this.page.locator('.toc a').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  }

  previousLink() {
    return this.page.locator('a[rel="prev"]');
  }

  nextLink() {
    return this.page.locator('a[rel="next"]');
  }

  /** The heading link of a project's section, which leads to the project page. */
  projectLink(projectId: string) {
    return this.page.locator(`section#${projectId} h2 a`);
  }

  /** The link to this page in the other language. */
  languageSwitch() {
    return this.page.locator('a[data-language-switch]');
  }

  attribution() {
    return this.page.locator('.attribution');
  }
}
