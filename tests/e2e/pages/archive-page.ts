import type { Page } from 'playwright-core';

/** The archive page: an index of years and months, then every issue under its year and month. */
export class ArchivePage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  async open(prefix = '') {
    return this.page.goto(`${prefix}/archive/`);
  }

  heading() {
    return this.page.locator('main h1');
  }

  /** The index links (years and months), in page order. */
  async indexLinks(): Promise<{ text: string; href: string }[]> {
    return this.page
      .locator('.archive-index a')
      .evaluateAll((links) => links.map((link) => ({ text: link.textContent ?? '', href: link.getAttribute('href') ?? '' })));
  }

  indexLink(href: string) {
    return this.page.locator(`.archive-index a[href="${href}"]`);
  }

  /** Ids of the month sections and the issue links inside each, in page order. */
  async months(): Promise<{ id: string; year: string; issues: string[] }[]> {
    return this.page.locator('section.archive-month').evaluateAll((sections) =>
      sections.map((section) => ({
        id: section.id,
        year: section.closest('section.archive-year')?.id ?? '',
        issues: [...section.querySelectorAll('.issue-card__title a')].map((link) => link.getAttribute('href') ?? ''),
      })),
    );
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
