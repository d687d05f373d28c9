import type { Page } from 'playwright-core';
import { ActivityChart } from './activity-chart.ts';

/** A project page: the project's timeline, its sections from every issue by month, newest first. */
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

  /** Month headings with the issue links under each, in page order. */
  async months(): Promise<{ month: string; issues: string[] }[]> {
    return this.page.locator('section.timeline-month').evaluateAll((sections) =>
      sections.map((section) => ({
        month: section.querySelector('h2')?.id.replace(/^month-/, '') ?? '',
        issues: [...section.querySelectorAll('.project-entry__title a')].map((link) => link.getAttribute('href') ?? ''),
      })),
    );
  }

  feedLink() {
    return this.page.locator('a.timeline-header__feed');
  }

  pager() {
    return this.page.locator('nav.pager');
  }

  chart() {
    return new ActivityChart(this.page.locator('figure.activity'));
  }
}
