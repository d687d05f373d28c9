import type { Page } from 'playwright-core';

/** A link as the page marks it up. */
export interface MarkedLink {
  text: string;
  href: string | null;
  title: string | null;
  /** The Robust Links attributes. */
  originalUrl: string | null;
  versionUrl: string | null;
  versionDate: string | null;
}

/** A link to another site in an issue, with what stands beside it. */
export interface OutsideLink extends MarkedLink {
  /** Inside `code` or `pre`. */
  inCode: boolean;
  /** The small note after the link (`small.archived`), if any: its text and links. */
  beside: { text: string; links: MarkedLink[] } | null;
}

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

  /** Every link to another site in the issue (its text and its credits), apart from those beside them. */
  async outsideLinks(): Promise<OutsideLink[]> {
    return this.page.locator('article.issue a[rel~="external"]').evaluateAll((links) => {
      const mark = (link: Element) => ({
        text: link.textContent ?? '',
        href: link.getAttribute('href'),
        title: link.getAttribute('title'),
        originalUrl: link.getAttribute('data-originalurl'),
        versionUrl: link.getAttribute('data-versionurl'),
        versionDate: link.getAttribute('data-versiondate'),
      });
      return links
        .filter((link) => !link.closest('.archived'))
        .map((link) => {
          const next = link.nextElementSibling;
          const beside = next?.matches('small.archived') ? next : null;
          return {
            ...mark(link),
            inCode: link.closest('code, pre') !== null,
            beside: beside ? { text: beside.textContent ?? '', links: [...beside.querySelectorAll('a')].map(mark) } : null,
          };
        });
    });
  }
}
