import type { Page } from 'playwright-core';
import { ActivityChart } from './activity-chart.ts';

/** The projects index: the activity overview, then every covered project. */
export class ProjectsPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  async open(prefix = '') {
    return this.page.goto(`${prefix}/projects/`);
  }

  chart() {
    return new ActivityChart(this.page.locator('figure.activity'));
  }
}
