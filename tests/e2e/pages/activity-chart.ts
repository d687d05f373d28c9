import type { Locator } from 'playwright-core';

/** Where the chart's frame and its scroll cue are, and what the keyboard can do with the frame. */
export interface FrameState {
  /** The grid is wider than the frame. */
  scrolls: boolean;
  /** Scrolled as far right as it goes. */
  atEnd: boolean;
  scrollLeft: number;
  /** The cue covers part of the grid's columns at the frame's right edge. */
  cueOverGrid: boolean;
  /** The cue is inside the frame, at its right edge. */
  cueAtRightEdge: boolean;
}

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

  /** The scrolling frame around the labels and the grid. */
  frame() {
    return this.root.locator('.activity__frame');
  }

  /** The caption over the chart. */
  caption() {
    return this.root.locator('figcaption');
  }

  /** How tall a project's label is drawn, and the grid's drawn width per unit of its own drawing (1 at the default text size). */
  async drawnSizes(): Promise<{ label: number; gridScale: number }> {
    return this.root.evaluate((figure) => {
      const label = figure.querySelector('.activity__labels g text')?.getBoundingClientRect();
      const grid = figure.querySelector<SVGSVGElement>('svg.activity__grid');
      if (!label || !grid) throw new Error('the chart has no labels or no grid');
      return { label: label.height, gridScale: grid.getBoundingClientRect().width / grid.viewBox.baseVal.width };
    });
  }

  async frameState(): Promise<FrameState> {
    return this.frame().evaluate((frame) => {
      const box = frame.getBoundingClientRect();
      const grid = frame.querySelector('.activity__grid')?.getBoundingClientRect();
      const cue = frame.querySelector('.activity__more')?.getBoundingClientRect();
      if (!grid || !cue) throw new Error('the chart has no grid or no scroll cue');
      const visibleGridRight = Math.min(grid.right, box.right);
      return {
        scrolls: frame.scrollWidth > frame.clientWidth,
        atEnd: frame.scrollLeft + frame.clientWidth >= frame.scrollWidth - 1,
        scrollLeft: frame.scrollLeft,
        cueOverGrid: cue.width > 0 && cue.left < visibleGridRight - 1,
        cueAtRightEdge: Math.abs(cue.right - box.right) <= 1,
      };
    });
  }

  /** Whether Tab from the focusable element before the frame lands on the frame. */
  async reachedByTab(): Promise<boolean> {
    const page = this.root.page();
    await this.frame().evaluate((frame) => {
      const focusables = [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, summary, [tabindex]')].filter(
        (element) => element.tabIndex >= 0,
      );
      focusables[focusables.indexOf(frame as HTMLElement) - 1]?.focus();
    });
    await page.keyboard.press('Tab');
    return this.frame().evaluate((frame) => document.activeElement === frame);
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
