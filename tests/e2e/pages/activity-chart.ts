import type { Locator } from 'playwright-core';

/** Counts keyed `project|column`, as the chart or its table shows them (empty cells count 0). */
export type ChartCounts = Record<string, number>;

/** An activity chart: the SVG heat map, its labels and its table alternative. */
export class ActivityChart {
  readonly root: Locator;

  constructor(root: Locator) {
    this.root = root;
  }

  grid() {
    return this.root.locator('svg.activity__grid');
  }

  /** Column keys in order (`2014-02`, ...), as the table heads them. */
  async columns(): Promise<string[]> {
    return this.root
      .locator('table thead th[data-column]')
      .evaluateAll((cells) => cells.map((cell) => cell.getAttribute('data-column') ?? ''));
  }

  /** The numbers drawn in the SVG cells. */
  async svgCounts(): Promise<ChartCounts> {
    return this.grid()
      .locator('g.activity__cell')
      .evaluateAll((cells) =>
        Object.fromEntries(
          cells.map((cell) => [
            `${cell.getAttribute('data-project')}|${cell.getAttribute('data-column')}`,
            Number(cell.querySelector('text')?.textContent ?? 0),
          ]),
        ),
      );
  }

  /** Every cell's tooltip title. */
  async cellTitles(): Promise<string[]> {
    return this.grid().locator('g.activity__cell > title').allTextContents();
  }

  /** The numbers of the table alternative. */
  async tableCounts(): Promise<ChartCounts> {
    const columns = await this.columns();
    return this.root.locator('table tbody tr').evaluateAll(
      (rows, keys) =>
        Object.fromEntries(
          rows.flatMap((row) => {
            const cells = [...row.querySelectorAll('td')].slice(0, keys.length);
            return cells.map((cell, index) => [`${row.getAttribute('data-project')}|${keys[index]}`, Number(cell.textContent)]);
          }),
        ),
      columns,
    );
  }

  /** Per project: the label and total beside the chart, and the table's row head and total. */
  async rows(): Promise<{ project: string; tableName: string; tableTotal: number }[]> {
    return this.root.locator('table tbody tr').evaluateAll((rows) =>
      rows.map((row) => ({
        project: row.getAttribute('data-project') ?? '',
        tableName: row.querySelector('th')?.textContent?.trim() ?? '',
        tableTotal: Number(row.querySelector('td:last-child')?.textContent),
      })),
    );
  }

  /** Project names and totals drawn beside the grid, in order. */
  async svgLabels(): Promise<{ name: string; total: number }[]> {
    return this.root.locator('svg.activity__labels g').evaluateAll((groups) =>
      groups.map((group) => {
        const [name, total] = [...group.querySelectorAll('text')].map((text) => text.textContent ?? '');
        return { name: name ?? '', total: Number(total) };
      }),
    );
  }

  /** The text the SVG is labelled by, for assistive technology. */
  async accessibleLabel(): Promise<string> {
    return this.grid().evaluate((svg) =>
      (svg.getAttribute('aria-labelledby') ?? '')
        .split(/\s+/)
        .map((id) => document.getElementById(id)?.textContent?.trim() ?? '')
        .join(' '),
    );
  }
}
