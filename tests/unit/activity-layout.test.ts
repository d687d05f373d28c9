import { describe, expect, it } from 'vitest';
import { buildActivityMatrix } from '../../src/lib/activity.ts';
import {
  countX,
  chartMetrics,
  columnGroups,
  estimateTextWidth,
  heatLevel,
  heatLevels,
  layoutActivityChart,
  placeLabels,
} from '../../src/lib/activity-layout.ts';

describe('heat levels', () => {
  it.each([
    [0, 5, 0],
    [1, 1, 4],
    [1, 2, 2],
    [2, 2, 4],
    [1, 100, 1],
    [26, 100, 2],
    [100, 100, 4],
    [3, 0, 0],
  ])('gives %i of at most %i level %i', (count, max, level) => {
    expect(heatLevel(count, max)).toBe(level);
  });

  it('never goes past the top level or below 1 for a non-empty cell', () => {
    for (let count = 1; count <= 50; count += 1) {
      expect(heatLevel(count, 50)).toBeGreaterThanOrEqual(1);
      expect(heatLevel(count, 50)).toBeLessThanOrEqual(heatLevels);
    }
  });
});

describe('text width estimates', () => {
  it('makes CJK characters square and Latin narrower', () => {
    expect(estimateTextWidth('业界动态', 12)).toBe(48);
    expect(estimateTextWidth('Nova', 10)).toBe(25);
    expect(estimateTextWidth('Industry news', 12)).toBeGreaterThan(estimateTextWidth('Nova', 12));
    expect(estimateTextWidth('', 12)).toBe(0);
  });
});

describe('the chart layout', () => {
  const entries = [
    { projectId: 'nova', month: '2013-11' },
    { projectId: 'nova', month: '2013-11' },
    { projectId: 'heat', month: '2014-02' },
  ];
  const matrix = buildActivityMatrix(entries, { projectIds: ['nova', 'heat'], maxColumns: 24 });
  const labels = {
    rows: ['Nova', 'Heat'],
    columns: ['Nov', 'Dec', 'Jan', 'Feb'],
    group: (year: number) => `${year}`,
    total: 'Total',
    count: (value: number) => value.toLocaleString('en'),
  };
  const layout = layoutActivityChart(matrix, labels);
  const { cell, gap } = chartMetrics;

  it('has one cell per project and column, in rows that line up with the labels', () => {
    expect(layout.grid.cells).toHaveLength(8);
    expect(layout.grid.cells.map((c) => c.count)).toEqual([2, 0, 0, 0, 0, 0, 0, 1]);
    expect(layout.grid.cells.map((c) => c.level)).toEqual([4, 0, 0, 0, 0, 0, 0, 2]);
    for (const c of layout.grid.cells) expect(c.y + c.height / 2).toBe(layout.labels.rows[c.row]?.y);
    expect(layout.labels.rows.map((row) => [row.label, row.total])).toEqual([
      ['Nova', '2'],
      ['Heat', '1'],
    ]);
  });

  it('writes counts and totals as the page writes numbers ("1,000", as the listings beside say)', () => {
    const many = buildActivityMatrix(
      Array.from({ length: 1000 }, () => ({ projectId: 'nova', month: '2014-02' })),
      {
        projectIds: ['nova'],
        maxColumns: 24,
      },
    );
    const written = layoutActivityChart(many, { ...labels, rows: ['Nova'], columns: ['Feb'] });
    expect(written.labels.rows[0]?.total).toBe('1,000');
    expect(written.grid.cells[0]?.text).toBe('1,000');
  });

  it('places cells on a regular grid without overlap, inside the drawing', () => {
    const [first, second] = layout.grid.cells;
    expect((second?.x ?? 0) - (first?.x ?? 0)).toBe((first?.width ?? 0) + gap);
    expect(first?.width).toBeGreaterThanOrEqual(cell);
    for (const c of layout.grid.cells) {
      expect(c.x + c.width).toBeLessThanOrEqual(layout.grid.width);
      expect(c.y + c.height).toBeLessThanOrEqual(layout.grid.height);
    }
    expect(layout.labels.height).toBe(layout.grid.height);
  });

  it('heads month columns with their years, dividing one year from the next', () => {
    expect(layout.grid.groups.map((group) => [group.text, group.divider !== undefined])).toEqual([
      ['2013', false],
      ['2014', true],
    ]);
    expect(layout.grid.columns.map((column) => column.text)).toEqual(labels.columns);
  });

  it('widens columns for long labels', () => {
    const wide = layoutActivityChart(matrix, { ...labels, columns: ['2010–2014', 'b', 'c', 'd'] });
    expect(wide.grid.cells[0]?.width).toBeGreaterThanOrEqual(estimateTextWidth('2010–2014', chartMetrics.smallFont));
  });

  it('wants a label for every row and column', () => {
    expect(() => layoutActivityChart(matrix, { ...labels, rows: ['Nova'] })).toThrow(/one label per row/);
  });

  it('groups month and quarter columns by year, not year columns', () => {
    expect(columnGroups(buildActivityMatrix(entries, { projectIds: ['nova', 'heat'], maxColumns: 2 }).buckets)).toEqual([
      { year: 2013, first: 0, count: 1 },
      { year: 2014, first: 1, count: 1 },
    ]);
    expect(columnGroups(buildActivityMatrix(entries, { projectIds: ['nova', 'heat'], maxColumns: 1 }).buckets)).toEqual([]);
  });

  it('marks days in a row of labels of their own, with a line down the grid at the day', () => {
    const marked = layoutActivityChart(matrix, labels, [{ column: 2, offset: 0.5, text: 'Icehouse' }]);
    const [mark] = marked.grid.marks;
    const column = marked.grid.cells.filter((c) => c.column === 2)[0];
    expect(mark?.x).toBe((column?.x ?? 0) + (column?.width ?? 0) / 2);
    expect(mark?.y).toBeLessThanOrEqual(mark?.top ?? 0);
    // The line runs down the cells only, under the year and month labels, which it would cross.
    expect(mark?.top).toBe(Math.min(...marked.grid.cells.map((cell) => cell.y)) - chartMetrics.gap);
    expect(mark?.top).toBeGreaterThan(Math.max(...marked.grid.columns.map((label) => label.y)));
    // A count the line would cross moves beside it, in the cell; the others stay in the middle.
    const february = layoutActivityChart(matrix, labels, [{ column: 3, offset: 0.55, text: 'Icehouse' }]).grid;
    const crossed = february.cells.find((cell) => cell.column === 3 && cell.count > 0);
    expect(crossed?.countX).toBeLessThan(february.marks[0]?.x ?? 0);
    expect(crossed?.countX).toBeGreaterThan(crossed?.x ?? 0);
    const other = february.cells.find((cell) => cell.column === 0 && cell.count > 0);
    expect(other?.countX).toBe((other?.x ?? 0) + (other?.width ?? 0) / 2);
    // The years move down a row; the cells with them.
    expect(marked.grid.groups[0]?.y).toBe((layout.grid.groups[0]?.y ?? 0) + chartMetrics.headerLine);
    expect(marked.grid.cells[0]?.y).toBe((layout.grid.cells[0]?.y ?? 0) + chartMetrics.headerLine);
    expect(layout.grid.marks).toEqual([]);
  });

  it('keeps a day’s label inside the grid near its edges, its line on the day', () => {
    // Havana (2013-10-17) in a chart from October 2013, Juno near the end of the last column.
    const edges = layoutActivityChart(matrix, labels, [
      { column: 0, offset: 0.53, text: 'Havana' },
      { column: 3, offset: 0.97, text: 'Juno' },
    ]).grid;
    const [first, last] = edges.marks;
    const half = (text = '') => estimateTextWidth(text, chartMetrics.smallFont) / 2;
    const cells = edges.cells.filter((c) => c.row === 0);
    expect(first?.x).toBe((cells[0]?.x ?? 0) + 0.53 * (cells[0]?.width ?? 0));
    expect(first?.x).toBeLessThan(half(first?.text));
    expect((first?.textX ?? 0) - half(first?.text)).toBeGreaterThanOrEqual(0);
    expect((last?.textX ?? 0) + half(last?.text)).toBeLessThanOrEqual(edges.width);
    expect(last?.x).toBeGreaterThan((last?.textX ?? 0) - half(last?.text));
    // Away from the edges, the label is centred over its line.
    const middle = layoutActivityChart(matrix, labels, [{ column: 2, offset: 0.5, text: 'Icehouse' }]).grid.marks[0];
    expect(middle?.textX).toBe(middle?.x);
  });
});

describe('headings of a year with one column', () => {
  // 2013-11 to 2016-03 is shown by quarter: 2013 has its fourth quarter only.
  const entries = ['2013-11', '2014-05', '2016-03'].map((month) => ({ projectId: 'nova', month }));
  const matrix = buildActivityMatrix(entries, { projectIds: ['nova'], maxColumns: 24 });
  const layoutWith = (group: (year: number) => string) =>
    layoutActivityChart(matrix, {
      rows: ['Nova'],
      columns: matrix.buckets.map((bucket) => bucket.key.slice(5)),
      group,
      total: '合计',
      count: String,
    });

  it.each([
    ['Chinese', (year: number) => `${year}年`],
    ['English', (year: number) => `${year}`],
  ])('never run into the next year’s heading (%s)', (_language, group) => {
    expect(matrix.buckets[0]?.unit).toBe('quarter');
    const { groups } = layoutWith(group).grid;
    const shown = groups.filter((heading) => heading.text);
    for (const [index, heading] of shown.entries()) {
      const next = shown[index + 1];
      if (next) expect(heading.x + estimateTextWidth(heading.text, chartMetrics.smallFont)).toBeLessThan(next.x);
    }
    // The fourth quarter of 2013 alone has no room for its year; the years after it keep theirs.
    expect(groups.map((heading) => heading.text)).toEqual(['', group(2014), group(2015), group(2016)]);
    // Its divider still parts it from 2014.
    expect(groups[1]?.divider).toBeDefined();
  });
});

describe('placeLabels', () => {
  it.each([
    ['alone, clear of the edges', [{ x: 100, width: 40 }], [100]],
    ['at the left edge, moved in', [{ x: 5, width: 40 }], [20]],
    ['at the right edge, moved in', [{ x: 290, width: 40 }], [280]],
    [
      'two clear of each other',
      [
        { x: 100, width: 40 },
        { x: 200, width: 40 },
      ],
      [100, 200],
    ],
    // Havana moved in from the left edge would run into Icehouse, which moves over to keep clear.
    [
      'moved in against a neighbour',
      [
        { x: 5, width: 40 },
        { x: 61, width: 48 },
      ],
      [20, 70],
    ],
    [
      'crowded at the right edge',
      [
        { x: 270, width: 40 },
        { x: 295, width: 40 },
      ],
      [234, 280],
    ],
  ])('places labels %s', (_case, wanted, centres) => {
    expect(placeLabels(wanted, 300, 6)).toEqual(centres);
  });
});

describe('countX', () => {
  it.each([
    ['no line', [], 15],
    ['a line clear of the count', [27], 15],
    ['a line across the count, right of the middle', [17], 8.5],
    ['a line across the count, left of the middle', [13], 21.5],
    ['two lines, the widest stretch between them', [6, 24], 15],
    ['a line outside the cell', [40], 15],
  ])('%s', (_name, lines, expected) => {
    expect(countX(0, 30, 8, lines)).toBe(expected);
  });
});
