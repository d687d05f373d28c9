import type { Page } from 'playwright-core';

/** The subscribe page: the whole digest's feed, one feed per project, the other languages' feed. */
export class SubscribePage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  async open(prefix = '') {
    return this.page.goto(`${prefix}/subscribe/`);
  }

  /** The address fields, in page order. */
  fields() {
    return this.page.locator('textarea[data-feed-address]');
  }

  /** The addresses readers copy, in page order. */
  async addresses(): Promise<string[]> {
    return this.fields().evaluateAll((fields) => fields.map((field) => (field as HTMLTextAreaElement).value));
  }

  /** The feeds' name links, in page order. */
  async feedLinks(): Promise<string[]> {
    return this.page.locator('.feed-address__name').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  }

  /** The address field of one project's feed. */
  projectField(id: string) {
    return this.page.locator(`textarea#feed-${id}`);
  }

  /** The Copy button beside one project's feed. */
  copyButton(id: string) {
    return this.page.locator(`button[data-copy-target="feed-${id}"]`);
  }

  /** Every Copy button. */
  copyButtons() {
    return this.page.locator('button[data-copy-target]');
  }

  /** The live region that announces a copy. */
  status() {
    return this.page.locator('[data-copy-status]');
  }
}
